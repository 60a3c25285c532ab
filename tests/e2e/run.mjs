// End-to-end tests of the widget in Chromium, against a dist/ directory served
// on 127.0.0.1 the way a partner hosts it. Each page is a fixture in pages/.
//
//   node tests/e2e/run.mjs dist [name-filter]
//
// Exit code: the number of failed tests. Screenshots go to target/e2e/screens/.
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { allPages, assert, equal, launch, newPage, routeOnceIs, run, screenshot, skip, test } from "./harness.mjs";
import { serve } from "./server.mjs";
import { register as urlState } from "./url-state.mjs";
import { register as hosting } from "./hosting.mjs";
import { register as npmPackage } from "./package.mjs";
import { register as chronology } from "./chronology.mjs";
import { events, focused, ids, inShadow, ready, search, shown, status, waitEvent } from "./widget.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const dist = resolve(process.argv[2] ?? resolve(root, "dist"));
const filter = process.argv[3];
const SHOTS = resolve(process.env.E2E_SCREENS ?? resolve(root, "target/e2e/screens"));

const ROHINGYA = ["2015-05-asean-save-the-rohingya-at-sea", "2015-05-justice-for-the-26"];
const JUSTICE = "2015-05-justice-for-the-26";
const NEWS = "2023-07-12-secretariat-meets-in-hong-kong";
const CORPUS_SIZE = 11;
const FIRST_PAGE = 10;

const server = await serve({ dist, pages: resolve(here, "pages"), www: resolve(root, "www") });
const browser = await launch();

/** Opens `path` on the local server in a fresh context and waits for the widget(s). */
async function open(path, options = {}, hosts = ["ima-statements"]) {
  const page = await newPage(browser, options);
  if (options.route) await options.route(page);
  const response = await page.goto(server.url + path);
  page.response = response;
  for (const host of hosts) await ready(page, host);
  return page;
}

/** No console error or warning, no uncaught exception, no CSP violation. */
async function clean(page, what) {
  equal(page.errors.join(" | "), "", `${what}: console errors`);
  equal(page.warnings.join(" | "), "", `${what}: console warnings`);
  const violations = await page.evaluate(() => window.__cspViolations);
  equal(violations.join(" | "), "", `${what}: CSP violations`);
}

/** The widget's state in the page's URL: the `ima` query parameter, decoded (or null). */
function imaParam(page) {
  return page.evaluate(() => new URLSearchParams(location.search).get("ima"));
}

function sameSet(actual, expected, message) {
  equal(JSON.stringify([...actual].sort()), JSON.stringify([...expected].sort()), message);
}

/** Computed styles and sizes of the widget's key parts, to compare two pages. */
function looks(page, host = "ima-statements") {
  return inShadow(page, host, (root) => {
    const PROPS = ["font-family", "font-size", "font-weight", "font-style", "line-height", "letter-spacing",
      "text-transform", "word-spacing", "text-align", "color", "background-color", "display", "visibility",
      "border-top-width", "border-top-style", "padding-top", "padding-left", "margin-top", "box-sizing",
      "white-space", "text-decoration-line", "cursor"];
    const pick = {
      root: "[part=root]",
      input: "[part=input]",
      sort: "[part=sort]",
      status: "[part=status]",
      facetToggle: ".facet-toggle",
      facetValue: "[data-act=facet]",
      cardTitle: "[part=card-title]",
      snippet: "[part=snippet]",
      date: "time",
      more: "[part=more]",
    };
    const out = {};
    for (const [name, sel] of Object.entries(pick)) {
      const e = root.querySelector(sel);
      if (!e) { out[name] = null; continue; }
      const cs = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      out[name] = Object.fromEntries(PROPS.map((p) => [p, cs.getPropertyValue(p)]));
      // Heights of single-line controls do not depend on the page's width.
      if (["input", "sort", "status", "facetToggle", "facetValue", "more", "date"].includes(name)) {
        out[name].height = Math.round(r.height);
      }
    }
    return out;
  });
}

function diffLooks(a, b) {
  const diffs = [];
  for (const part of Object.keys(a)) {
    if (!a[part] || !b[part]) {
      if (a[part] !== b[part]) diffs.push(`${part}: present ${Boolean(a[part])} vs ${Boolean(b[part])}`);
      continue;
    }
    for (const [k, v] of Object.entries(a[part])) {
      if (b[part][k] !== v) diffs.push(`${part} ${k}: ${JSON.stringify(v)} vs ${JSON.stringify(b[part][k])}`);
    }
  }
  return diffs;
}

/** Whether the widget in `host` has a chronology with content (view "both" or "timeline"). */
function hasChronology(page, host = "ima-statements") {
  return inShadow(page, host, (root) => {
    const c = root?.querySelector("[part=chronology]");
    return Boolean(c && !c.closest("[hidden]") && c.querySelector("svg") && c.getClientRects().length > 0);
  });
}

// ---------------------------------------------------------------------------

test("plain page: renders, searches as you type, filters by a facet, opens a statement", async () => {
  const page = await open("/pages/plain.html");
  assert((await status(page)).includes(String(CORPUS_SIZE)), `status names ${CORPUS_SIZE} statements: ${await status(page)}`);
  equal((await ids(page)).length, FIRST_PAGE, "first page of results");
  assert(await shown(page, "ima-statements", "[part=more]"), "'more results' is shown");
  const ready = (await events(page)).filter((e) => e.type === "ima-statements:ready");
  equal(ready.length, 1, "one ready event");

  await search(page, "rohingya");
  const found = await ids(page);
  sameSet(found.slice(0, 2), ROHINGYA, "the two Rohingya statements come first");
  equal(await imaParam(page), "q=rohingya", "query in the URL");

  // A facet click: kind "news" has exactly one statement.
  await search(page, "");
  const seen = (await events(page)).length;
  const news = page.locator('ima-statements [data-act=facet][data-facet=kind][data-value=news]');
  const count = Number(await news.locator(".count").textContent());
  await news.click();
  await waitEvent(page, "ima-statements:change", { kind: ["news"] }, seen);
  equal(count, 1, "news count in the facet");
  equal(JSON.stringify(await ids(page)), JSON.stringify([NEWS]), "results after the facet click");
  equal(await page.locator('ima-statements [data-act=facet][data-facet=kind][data-value=news]').getAttribute("aria-pressed"), "true", "pressed");
  equal(await page.locator("ima-statements [part=chip]").count(), 1, "one chip");
  await page.locator("ima-statements [part=chip]").click();
  await waitEvent(page, "ima-statements:change", { kind: [] }, seen + 1);
  equal((await ids(page)).length, FIRST_PAGE, "chip removed the filter");

  // Open a statement, then go back to the list.
  const title = (await page.locator(`ima-statements [part=card-title][data-id="${JUSTICE}"]`).textContent()).trim();
  await page.locator(`ima-statements [part=card-title][data-id="${JUSTICE}"]`).click();
  await waitEvent(page, "ima-statements:open", { id: JUSTICE });
  assert(await shown(page, "ima-statements", "[part=reading]"), "reading view shown");
  assert(!(await shown(page, "ima-statements", "[part=results]")), "list hidden");
  equal((await page.locator("ima-statements [part=reading-title]").textContent()).trim(), title, "reading title");
  equal((await focused(page))?.part, "reading-title", "focus moves to the statement's title");
  assert((await page.locator("ima-statements [part=text] p").count()) > 3, "full text shown");
  assert((await imaParam(page)).includes(`open=${JUSTICE}`), "open statement in the URL");
  await page.locator("ima-statements [part=back]").click();
  assert(await shown(page, "ima-statements", "[part=results]"), "list shown again");
  equal((await focused(page))?.id, JUSTICE, "focus returns to the card opened");
  await clean(page, "plain");
  await page.closeAll();
});

test("chronology: brushing a span sets the date filter (needs view=both)", async () => {
  const page = await open("/pages/chronology.html");
  if (!(await hasChronology(page))) {
    await page.closeAll();
    skip("the widget has no chronology yet (view=both shows no SVG in part=chronology)");
  }
  const before = await status(page);
  // The drawing is the largest SVG in the chronology; a brush is drawn along
  // its strip (below the axis), or its lower edge when it has no named strip.
  const box = await inShadow(page, "ima-statements", (r) => {
    const area = (e) => { const b = e.getBoundingClientRect(); return b.width * b.height; };
    const svg = [...r.querySelectorAll("[part=chronology] svg")].sort((a, b) => area(b) - area(a))[0];
    const b = svg.getBoundingClientRect();
    const strip = svg.querySelector("[class*=strip]")?.getBoundingClientRect();
    const y = strip && strip.height > 0 ? strip.y + strip.height / 2 : b.y + b.height * 0.9;
    return { x: b.x, width: b.width, y };
  });
  const seen = (await events(page)).length;
  const y = box.y;
  await page.mouse.move(box.x + box.width * 0.05, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, y, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(
    (n) => window.__imaEvents.slice(n).some((e) => e.type === "ima-statements:change" && (e.detail.from || e.detail.to)),
    seen,
    { timeout: 10000 },
  );
  const state = (await events(page)).filter((e) => e.type === "ima-statements:change").pop().detail;
  assert(state.from || state.to, "the brush set a date bound");
  const after = await status(page);
  assert(after !== before, `results changed with the brush (${before} → ${after})`);
  const dates = await inShadow(page, "ima-statements", (r) => [...r.querySelectorAll("[part=results] time")].map((t) => t.getAttribute("datetime")));
  // A statement matches when its dates overlap the span, so its start is never after `to`.
  for (const d of dates) {
    if (state.to) assert(d.slice(0, state.to.length) <= state.to, `${d} starts after ${state.to}`);
  }
  assert(await page.locator("ima-statements [part=chip][data-bound]").count() > 0, "a date chip is shown");
  await clean(page, "chronology");
  await page.closeAll();
});

test("hostile host page: same look inside the shadow root, works, global left alone", async () => {
  const plain = await open("/pages/plain.html");
  const hostile = await open("/pages/hostile.html");
  const diffs = diffLooks(await looks(plain), await looks(hostile));
  equal(diffs.join("\n        "), "", "computed styles that differ from the plain page");

  await search(hostile, "rohingya");
  sameSet((await ids(hostile)).slice(0, 2), ROHINGYA, "search works on the hostile page");
  await hostile.locator(`ima-statements [part=card-title][data-id="${JUSTICE}"]`).click();
  await waitEvent(hostile, "ima-statements:open", { id: JUSTICE });
  assert(await shown(hostile, "ima-statements", "[part=reading]"), "reading view shown");

  const globals = await hostile.evaluate(() => ({
    host: window.IMAStatements && window.IMAStatements.owner,
    ours: typeof window[Symbol.for("ima-statements")]?.mount,
  }));
  equal(globals.host, "host", "the page's own IMAStatements global is untouched");
  equal(globals.ours, "function", "the loader's API under its symbol");
  equal(hostile.warnings.filter((w) => w.includes("IMAStatements")).length, 1, "one warning about the global");
  equal(hostile.errors.join(" | "), "", "console errors");
  await plain.closeAll();
  await hostile.closeAll();
});

test("strict CSP page: works and reports no violation", async () => {
  const page = await open("/pages/csp.html");
  const csp = page.response.headers()["content-security-policy"] ?? "";
  assert(csp.includes("'wasm-unsafe-eval'") && csp.includes("style-src 'self'"), `served with the strict CSP: ${csp}`);
  await search(page, "rohingya");
  sameSet((await ids(page)).slice(0, 2), ROHINGYA, "search under CSP");
  await page.locator(`ima-statements [part=card-title][data-id="${JUSTICE}"]`).click();
  await waitEvent(page, "ima-statements:open", { id: JUSTICE });
  const bg = await inShadow(page, "ima-statements", (r) => getComputedStyle(r.querySelector("[part=root]")).backgroundColor);
  equal(bg, "rgb(255, 255, 255)", "the widget's stylesheet applies under CSP");
  await clean(page, "csp");
  await page.closeAll();
});

test("two widgets with different attributes work independently", async () => {
  const page = await open("/pages/two-widgets.html", {}, ["#a", "#b"]);
  const a = await inShadow(page, "#a", (r) => ({ lang: r.querySelector("[part=root]").lang, theme: r.querySelector("[part=root]").dataset.theme, input: r.querySelector("[part=input]").placeholder }));
  const b = await inShadow(page, "#b", (r) => ({ lang: r.querySelector("[part=root]").lang, theme: r.querySelector("[part=root]").dataset.theme, sort: r.querySelector("[part=sort]").value }));
  equal(a.lang, "es", "first widget in Spanish");
  equal(b.lang, "fr", "second widget in French");
  equal(b.theme, "dark", "second widget dark");
  equal(b.sort, "oldest", "second widget sorted oldest first");
  assert(a.input !== (await inShadow(page, "#b", (r) => r.querySelector("[part=input]").placeholder)), "different UI strings");
  const aIds = await ids(page, "#a");
  assert(ROHINGYA.every((id) => aIds.includes(id)) && aIds.length < CORPUS_SIZE, `topic=rohingya on the first: ${aIds}`);
  equal(await page.locator("#a [part=chip]").count(), 1, "the topic chip on the first");
  const bDates = await inShadow(page, "#b", (r) => [...r.querySelectorAll("[part=results] time")].map((t) => t.getAttribute("datetime")));
  equal(JSON.stringify(bDates), JSON.stringify([...bDates].sort()), "oldest first");
  const bg = await inShadow(page, "#b", (r) => getComputedStyle(r.querySelector("[part=root]")).backgroundColor);
  assert(bg !== "rgb(255, 255, 255)", `dark background: ${bg}`);

  const bBefore = await ids(page, "#b");
  await search(page, "compact", "#b");
  assert(JSON.stringify(await ids(page, "#b")) !== JSON.stringify(bBefore), "second widget searched");
  equal(JSON.stringify(await ids(page, "#a")), JSON.stringify(aIds), "first widget unchanged by the second's search");
  equal(await page.evaluate(() => location.search), "", "only the first widget writes the URL");
  await search(page, "mar", "#a");
  equal(await imaParam(page), "q=mar&topic=rohingya", "the first widget writes the URL");
  await clean(page, "two widgets");
  await page.closeAll();
});

test("removing the element frees the widget; re-adding and moving it works", async () => {
  const page = await open("/pages/remount.html", {}, ["#w"]);
  const live = () => page.evaluate(async () => (await import("/ima/ima_statements.js")).liveResources());
  assert((await live()) > 0, "a mounted widget holds listeners");
  await search(page, "rohingya", "#w");

  // Moving the element (disconnect + reconnect in one task) keeps it as it is.
  await page.evaluate(() => {
    const w = document.getElementById("w");
    document.body.append(w);
  });
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 50)));
  equal(await inShadow(page, "#w", (r) => r.querySelector("[part=input]").value), "rohingya", "moved widget keeps its state");

  await page.evaluate(() => { window.__removed = document.getElementById("w"); window.__removed.remove(); });
  await page.waitForFunction(() => window.__removed.shadowRoot.childElementCount === 0, null, { timeout: 5000 });
  equal(await live(), 0, "nothing left alive after removal");

  await page.evaluate(() => document.getElementById("slot").append(window.__removed));
  await ready(page, "#w");
  await search(page, "compact", "#w");
  assert((await ids(page, "#w")).length > 0, "re-added widget searches");

  await page.evaluate(() => {
    const n = document.createElement("ima-statements");
    n.id = "fresh";
    n.setAttribute("lang", "fr");
    document.body.append(n);
  });
  await ready(page, "#fresh");
  equal(await inShadow(page, "#fresh", (r) => r.querySelector("[part=root]").lang), "fr", "a new element mounts");
  await page.evaluate(() => document.getElementById("fresh").setAttribute("lang", "id"));
  await page.waitForFunction(() => document.getElementById("fresh").shadowRoot.querySelector("[part=root]")?.lang === "id", null, { timeout: 5000 });
  await page.evaluate(() => { document.getElementById("fresh").remove(); document.getElementById("w").remove(); });
  await page.waitForFunction(async () => (await import("/ima/ima_statements.js")).liveResources() === 0, null, { timeout: 5000 });
  await clean(page, "remount");
  await page.closeAll();
});

test("a hash-routed page whose router treats unknown hashes as not found keeps its route", async () => {
  const page = await open("/pages/host-hash.html#/about");
  const route = () => page.locator("#route").textContent();
  const routeAfterClick = async (link, want) => {
    await page.click(link);
    return routeOnceIs(page, want);
  };
  equal(await route(), "about", "the host routes its own hash at load");
  equal((await ids(page)).length, FIRST_PAGE, "the widget ignores the host's hash");
  equal(await routeAfterClick('a[href="#/home"]', "home"), "home", "host link");
  await search(page, "rohingya");
  equal(await page.evaluate(() => location.hash), "#/home", "the host's hash is untouched by typing");
  equal(await imaParam(page), "q=rohingya", "the widget's state in the query");
  const facet = page.locator("ima-statements [data-act=facet][data-facet=kind][data-value=statement]");
  await facet.click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("ima")?.includes("kind=statement"));
  equal(await page.evaluate(() => location.hash), "#/home", "the host's hash is untouched by a filter");
  equal(await routeAfterClick('a[href="#/about"]', "about"), "about", "host link after the widget wrote the URL");
  assert((await imaParam(page)).includes("kind=statement"), "a host link keeps the widget's state");
  await page.goBack();
  equal(await routeOnceIs(page, "home"), "home", "back to the host's previous route");
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector("ima-statements").shadowRoot.querySelector("[part=chip]"));
  equal(await page.evaluate(() => location.hash), "#/home", "back undoes the filter, the route stays");
  sameSet((await ids(page)).slice(0, 2), ROHINGYA, "the typed query stays");
  await page.goForward();
  await page.goForward();
  equal(await routeOnceIs(page, "about"), "about", "the host routes after forward");
  await page.waitForFunction(() => document.querySelector("ima-statements").shadowRoot.querySelector("[part=chip]"));
  equal(JSON.stringify(await page.evaluate(() => window.hostRoutes)), JSON.stringify(["about", "home", "about", "home", "about"]),
    "the router saw only its own routes, never \"not found\"");
  assert(await page.evaluate(() => document.querySelector("ima-statements")?.isConnected), "the widget is still on the page");
  await clean(page, "host hash");
  await page.closeAll();
});

test("deep link restores the state; back and forward follow it", async () => {
  const pairs = `q=rohingya&topic=rohingya&sort=oldest&open=${JUSTICE}`;
  const page = await open(`/pages/plain.html?ima=${encodeURIComponent(pairs)}`);
  equal(await inShadow(page, "ima-statements", (r) => r.querySelector("[part=input]").value), "rohingya", "query restored");
  assert(await shown(page, "ima-statements", "[part=reading]"), "the statement is open");
  const title = await page.locator("ima-statements [part=reading-title]").textContent();
  assert(title.includes("Justice for the 26"), `reading ${title}`);
  await page.locator("ima-statements [part=back]").click();
  assert(await shown(page, "ima-statements", "[part=results]"), "list after back button");
  const restored = await ids(page);
  assert(ROHINGYA.every((id) => restored.includes(id)) && restored.length < CORPUS_SIZE, `query and topic restored: ${restored}`);
  equal(await inShadow(page, "ima-statements", (r) => r.querySelector("[part=sort]").value), "oldest", "sort restored");
  equal(await page.locator("ima-statements [part=chip]").count(), 1, "topic chip");
  assert(!(await imaParam(page)).includes("open="), "closing removes open= from the URL");

  await page.goBack();
  await page.waitForFunction(() => !document.querySelector("ima-statements").shadowRoot.querySelector("[part=reading]").hidden);
  assert(await shown(page, "ima-statements", "[part=reading]"), "back reopens the statement");
  await page.goForward();
  await page.waitForFunction(() => document.querySelector("ima-statements").shadowRoot.querySelector("[part=reading]").hidden);
  assert(await shown(page, "ima-statements", "[part=results]"), "forward closes it");

  // A filter change is one history entry; back undoes it.
  await page.locator("ima-statements [part=chip]").click();
  await page.waitForFunction(() => !location.search.includes("topic"));
  equal(await page.locator("ima-statements [part=chip]").count(), 0, "filter removed");
  await page.goBack();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("ima")?.includes("topic=rohingya"));
  await page.waitForFunction(() => document.querySelector("ima-statements").shadowRoot.querySelector("[part=chip]"));
  equal(JSON.stringify(await ids(page)), JSON.stringify(restored), "back restores the filter");

  // A link in the older #ima: form opens, and becomes the query form with the rest kept.
  const old = await open(`/pages/plain.html?keep=%2Fme&x#ima:q=rohingya&topic=rohingya&open=${JUSTICE}`);
  assert(await shown(old, "ima-statements", "[part=reading]"), "an #ima: link opens the statement");
  equal(await old.evaluate(() => location.search), `?keep=%2Fme&x&ima=${encodeURIComponent(`q=rohingya&topic=rohingya&open=${JUSTICE}`).replaceAll("%2C", ",")}`,
    "rewritten to the query form, the other parameters byte for byte");
  equal(await old.evaluate(() => location.hash), "", "the widget's old fragment is gone");
  equal(await old.locator("ima-statements [part=permalink]").getAttribute("href"),
    `${server.url}/pages/plain.html?keep=%2Fme&x&ima=open%3D${JUSTICE}`,
    "the permalink keeps the page's parameters and names only the statement");
  await clean(old, "older link");
  await old.closeAll();

  // A malformed parameter is ignored piece by piece, without harm.
  const bad = await open(`/pages/plain.html?ima=${encodeURIComponent("q=%E0%A4&topic=nope,rohingya&sort=sideways&open=missing&&=&x")}`);
  assert((await status(bad)).length > 0, "renders with a malformed parameter");
  equal(bad.errors.join(" | "), "", "no error for a malformed parameter");
  await bad.closeAll();
  await clean(page, "deep link");
  await page.closeAll();
});

urlState({ open, clean, ROHINGYA });
hosting({ browser, dist, root, clean });
npmPackage({ browser, root, clean });

test("div embed: <div data-ima-statements> with attributes", async () => {
  const page = await open("/pages/div-embed.html", {}, ["[data-ima-statements]"]);
  const w = await inShadow(page, "[data-ima-statements]", (r) => ({ q: r.querySelector("[part=input]").value, lang: r.querySelector("[part=root]").lang }));
  equal(w.q, "compact", "query attribute");
  equal(w.lang, "es", "lang attribute");
  assert((await ids(page, "[data-ima-statements]")).includes("2017-07-global-compact-engagement"), "results for the query");
  await page.evaluate(() => document.querySelector("[data-ima-statements]").setAttribute("lang", "fr"));
  await page.waitForFunction(() => document.querySelector("[data-ima-statements]").shadowRoot.querySelector("[part=root]")?.lang === "fr", null, { timeout: 5000 });
  await clean(page, "div embed");
  await page.closeAll();
});

test("the shipped module explains bad input in words: one warning per bad attribute, errors naming the field", async () => {
  const page = await open("/pages/plain.html");
  const sortValue = () => inShadow(page, "ima-statements", (r) => r.querySelector("[part=sort]").value);
  const before = await sortValue();
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => document.querySelector("ima-statements").setAttribute("sort", "sideways"));
  }
  // Console messages reach the test asynchronously.
  for (let i = 0; i < 20 && page.warnings.length === 0; i++) await page.waitForTimeout(50);
  await page.waitForTimeout(100);
  equal(page.warnings.join(" | "),
    'ima-statements: ignoring sort="sideways": expected relevance, newest or oldest; using the default',
    "one warning, in words");
  equal(await sortValue(), before, "the default order stays");
  const thrown = await page.evaluate(async () => {
    const { Archive } = await import("/ima/ima_statements.js");
    const archive = Archive.embedded();
    const messages = [];
    for (const request of [{ limit: -1 }, { from: "banana" }, { colour: "red" }]) {
      try { archive.search(request); messages.push("no error"); } catch (e) { messages.push(String(e.message)); }
    }
    return messages;
  });
  for (const [message, field] of [[thrown[0], "limit"], [thrown[1], "from"], [thrown[2], "colour"]]) {
    assert(message.includes(field) && message.length > field.length + 10, `error names ${field}: ${message}`);
  }
  equal(page.errors.join(" | "), "", "no console error");
  await page.closeAll();
});

test("when the wasm cannot load, the element says so in a sentence", async () => {
  const page = await newPage(browser);
  await page.route("**/ima_statements_bg*.wasm", (r) => r.fulfill({ status: 404, body: "not found" }));
  await page.goto(server.url + "/pages/plain.html");
  const message = (p) => p.evaluate(() => {
    const e = document.querySelector("ima-statements");
    return (e.shadowRoot ?? e).textContent;
  });
  await page.waitForFunction(() => (document.querySelector("ima-statements").shadowRoot ?? document.querySelector("ima-statements")).textContent.length > 0, null, { timeout: 10000 });
  assert(await page.locator("ima-statements").isVisible(), "the message is visible");
  equal(await message(page),
    "The statement archive cannot be shown in this browser.", "message");
  assert(page.errors.some((e) => e.includes("ima-statements")), "the cause is logged to the console");
  await page.closeAll();

  // A CSP without 'wasm-unsafe-eval': the same message, in the element's language.
  const csp = await newPage(browser);
  await csp.route("**/pages/plain.html", async (r) => {
    const res = await r.fetch();
    const body = (await res.text()).replace("<ima-statements>", '<ima-statements lang="es">');
    await r.fulfill({ response: res, body, headers: { ...res.headers(), "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'" } });
  });
  await csp.goto(server.url + "/pages/plain.html");
  await csp.waitForFunction(() => (document.querySelector("ima-statements").shadowRoot ?? document.querySelector("ima-statements")).textContent.length > 0, null, { timeout: 10000 });
  equal(await message(csp),
    "El archivo de declaraciones no se puede mostrar en este navegador.", "message in Spanish");
  await csp.closeAll();
});

// --- accessibility ---------------------------------------------------------

const AXE = await readFile(resolve(here, "node_modules/axe-core/axe.min.js"), "utf8");
const axeFindings = [];

async function axe(page, label) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  for (const v of result.violations) {
    axeFindings.push(`${label}: [${v.impact}] ${v.id} — ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" > ")).join("; ")})`);
  }
  // Every finding fails, whatever its impact.
  return result.violations;
}

for (const scheme of ["light", "dark"]) {
  test(`axe: demo in ${scheme} theme, list and reading views`, async () => {
    // The demo carries a CSP <meta>; the audit script is injected with CSP bypassed.
    const page = await open("/demo/index.html", { colorScheme: scheme, bypassCSP: true }, ["#archive", "[data-ima-statements]"]);
    const bad = [];
    const collect = async (label) => {
      for (const v of await axe(page, `${scheme} ${label}`)) bad.push(`${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" > ")).join("; ")}`);
    };
    await collect("list");
    await search(page, "rohingya", "#archive");
    await page.locator("#archive [data-act=facet][data-facet=topic]").first().click();
    await page.waitForFunction(() => document.querySelector("#archive").shadowRoot.querySelector("[part=chip]"));
    await collect("list, filtered");
    await page.locator("#archive [part=card-title]").first().click();
    await page.waitForFunction(() => !document.querySelector("#archive").shadowRoot.querySelector("[part=reading]").hidden);
    await collect("reading");
    await page.closeAll();
    equal(bad.join("\n        "), "", "axe violations");
  });

  test(`axe: chronology view in ${scheme} theme`, async () => {
    const page = await open("/pages/chronology.html", { colorScheme: scheme }, ["ima-statements"]);
    if (!(await hasChronology(page))) {
      await page.closeAll();
      skip("the widget has no chronology yet");
    }
    const bad = (await axe(page, `${scheme} chronology`)).map((v) => `${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" > ")).join("; ")}`);
    await page.closeAll();
    equal(bad.join("\n        "), "", "axe violations");
  });
}

test("axe: two widgets in one language, their landmarks named apart", async () => {
  const page = await open("/pages/two-alike.html", {}, ["#a", "#b"]);
  const names = (id) => inShadow(page, id, (r) =>
    [...r.querySelectorAll("[role=region], [role=search], section[aria-label]")].map((e) => e.getAttribute("aria-label")));
  const [a, b] = [await names("#a"), await names("#b")];
  assert(a.length >= 3 && a.every((n) => !b.includes(n)), `landmark names shared: ${a} / ${b}`);
  const bad = (await axe(page, "two widgets in one language")).map((v) => `${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" > ")).join("; ")}`);
  await page.closeAll();
  equal(bad.join("\n        "), "", "axe violations");
});

test("keyboard only: search, filter, open a statement", async () => {
  const page = await open("/pages/plain.html");
  const tabTo = async (want, limit = 60) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press("Tab");
      const f = await focused(page);
      if (f && want(f)) return f;
    }
    throw new Error("Tab never reached the control");
  };
  await tabTo((f) => f.part === "input");
  const seen = (await events(page)).length;
  await page.keyboard.type("migrants");
  await page.keyboard.press("Enter");
  await waitEvent(page, "ima-statements:change", { query: "migrants" }, seen);
  assert((await ids(page)).length > 0, "typing searched");

  const facet = await tabTo((f) => f.act === "facet");
  const n = (await events(page)).length;
  await page.keyboard.press("Space");
  await waitEvent(page, "ima-statements:change", { [facet.facet]: [facet.value] }, n);
  const after = await focused(page);
  equal(after?.key, facet.key, "focus stays on the facet value after Space");
  equal(after?.pressed, "true", "the facet value is pressed");

  const card = await tabTo((f) => f.act === "open" && f.part === "card-title");
  await page.keyboard.press("Enter");
  await waitEvent(page, "ima-statements:open", { id: card.id });
  equal((await focused(page))?.part, "reading-title", "focus on the statement's title");
  // The back button precedes the title.
  await page.keyboard.press("Shift+Tab");
  equal((await focused(page))?.part, "back", "the back button is reachable");
  await page.keyboard.press("Enter");
  equal((await focused(page))?.id, card.id, "back returns focus to the card");
  await clean(page, "keyboard");
  await page.closeAll();
});

// --- screenshots and a narrow screen -------------------------------------------

const SCREENS = [
  ["plain", "/pages/plain.html", ["ima-statements"]],
  ["hostile", "/pages/hostile.html", ["ima-statements"]],
  ["csp", "/pages/csp.html", ["ima-statements"]],
  ["two-widgets", "/pages/two-widgets.html", ["#a", "#b"]],
  ["remount", "/pages/remount.html", ["#w"]],
  ["host-hash", "/pages/host-hash.html", ["ima-statements"]],
  ["history-app", "/pages/history-app.html", ["ima-statements"]],
  ["div-embed", "/pages/div-embed.html", ["[data-ima-statements]"]],
  ["chronology", "/pages/chronology.html", ["ima-statements"]],
  ["reading", `/pages/plain.html?ima=${encodeURIComponent(`q=rohingya&open=${JUSTICE}`)}`, ["ima-statements"]],
  ["demo", "/demo/index.html", ["#archive"]],
  ["partner-example", "/demo/partner-example.html", ["[data-ima-statements]"]],
];

test("screenshots at 1280 px and 360 px; nothing overflows at 360 px", async () => {
  const overflow = [];
  for (const width of [1280, 360]) {
    for (const [name, path, hosts] of SCREENS) {
      const page = await open(path, { width, height: 800 }, hosts);
      await screenshot(page, SHOTS, `${name}-${width}`);
      if (width === 360 && name !== "hostile") {
        for (const host of hosts) {
          const o = await inShadow(page, host, (r) => {
            const e = r.querySelector("[part=root]");
            return { scroll: e.scrollWidth, client: e.clientWidth, right: e.getBoundingClientRect().right, vw: innerWidth };
          });
          if (o.scroll > o.client + 1 || o.right > o.vw + 1) overflow.push(`${name} ${host}: ${JSON.stringify(o)}`);
        }
      }
      await page.closeAll();
    }
  }
  equal(overflow.join("; "), "", "widgets wider than a 360 px screen");
});

test("no request leaves 127.0.0.1 (every page of this run)", async () => {
  // The hosting and package tests serve from other 127.0.0.1 ports (other origins) too.
  const local = (u) => /^http:\/\/127\.0\.0\.1:\d+\//.test(u) || u.startsWith("data:") || u.startsWith("blob:");
  const all = allPages.flatMap((p) => p.requests);
  assert(all.length > (filter ? 0 : 50), `requests were recorded (${all.length})`);
  const away = [...new Set(all.filter((u) => !local(u)))];
  equal(away.join(", "), "", "requests to elsewhere");
});

// ./build.sh serve --watch, on its own server (tests/e2e/watch.mjs).
await import("./watch.mjs");
chronology({ test, open, axe, shots: SHOTS });

const failed = await run({ browser, server }, filter);
if (axeFindings.length) {
  console.log(`\naxe findings (all impacts):\n  ${[...new Set(axeFindings)].join("\n  ")}`);
} else {
  console.log("\naxe findings: none");
}
console.log(`screenshots: ${SHOTS}`);
await browser.close();
await server.close();
process.exit(failed);
