// The end-to-end core in the engines besides Chromium, through W3C WebDriver:
// Firefox (geckodriver) and WebKit, Safari's engine (WebKitGTK's
// WebKitWebDriver under xvfb-run). Chromium runs the full suite (run.mjs).
//
//   node tests/e2e/engines.mjs dist firefox|webkit [name-filter]
//
// Exit code: the number of failed tests.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { assert, equal, run, test } from "./harness.mjs";
import { serve } from "./server.mjs";
import { start } from "./webdriver.mjs";
import { IDS_SCRIPT as IDS, SHOWN_SCRIPT as SHOWN, STATUS_SCRIPT as STATUS } from "./widget.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const dist = resolve(process.argv[2] ?? resolve(root, "dist"));
const engine = process.argv[3] ?? "firefox";
const filter = process.argv[4];

const ROHINGYA = ["2015-05-asean-save-the-rohingya-at-sea", "2015-05-justice-for-the-26"];
const JUSTICE = "2015-05-justice-for-the-26";
const W = "ima-statements";

const server = await serve({ dist, pages: resolve(here, "pages"), www: resolve(root, "www") });
const s = await start(engine);
await s.size(1280, 900);
console.log(`end-to-end core in ${engine}`);

// Scripts run in the page (function bodies; `arguments` are the values passed).
const IMA = "return new URLSearchParams(location.search).get('ima');";
const CHIPS = "return document.querySelector(arguments[0]).shadowRoot.querySelectorAll('[part=chip]').length;";

/** Opens `path` and waits for the widget's result count. */
async function open(path, host = W) {
  await s.go(server.url + path);
  return s.until(STATUS, `the widget on ${path}`, 15000, host);
}

/** Types `text` over what the search box holds, as a visitor would, and waits for its results. */
async function search(text, host = W) {
  const input = await s.shadow(host, "[part=input]");
  // Control+A selects what is there; the text (or Backspace) replaces it.
  await s.type(input, `\uE009a\uE009${text || "\uE003"}`);
  await s.until(
    `const r = document.querySelector(arguments[0]).shadowRoot;
     return r.querySelector('[part=input]').value === arguments[1] && new URLSearchParams(location.search).get('ima') === (arguments[1] ? 'q=' + arguments[1] : null);`,
    `results for "${text}"`, 10000, host, text);
}

function sameSet(actual, expected, message) {
  equal(JSON.stringify([...actual].sort()), JSON.stringify([...expected].sort()), message);
}

/** Records the page's uncaught errors in window.__errors from now on. */
async function watch() {
  await s.run("window.__errors = []; window.addEventListener('error', (e) => window.__errors.push(String(e.message)));");
}

test("plain embed renders the archive", async () => {
  const status = await open("/pages/plain.html");
  assert(status.includes("11"), `status names 11 statements: ${status}`);
  equal((await s.run(IDS, W)).length, 10, "first page of results");
  assert(await s.run(SHOWN, W, "[part=more]"), "'more results' is shown");
  const bg = await s.run("return getComputedStyle(document.querySelector('ima-statements').shadowRoot.querySelector('[part=root]')).backgroundColor;");
  equal(bg, "rgb(255, 255, 255)", "the widget's stylesheet applies");
});

test("search, a facet, opening a statement", async () => {
  await open("/pages/plain.html");
  await watch();
  await search("rohingya");
  sameSet((await s.run(IDS, W)).slice(0, 2), ROHINGYA, "the two Rohingya statements come first");
  await search("");
  const news = await s.shadow(W, "[data-act=facet][data-facet=kind][data-value=news]");
  await s.click(news);
  await s.until("return new URLSearchParams(location.search).get('ima') === 'kind=news';", "the facet in the URL");
  equal(JSON.stringify(await s.run(IDS, W)), JSON.stringify(["2023-07-12-secretariat-meets-in-hong-kong"]), "results after the facet click");
  await s.click(await s.shadow(W, "[part=chip]"));
  await s.until(`return document.querySelector('ima-statements').shadowRoot.querySelectorAll('[part=card-title]').length === 10;`, "the chip removed");
  await s.click(await s.shadow(W, `[part=card-title][data-id="${JUSTICE}"]`));
  await s.until(SHOWN, "the reading view", 10000, W, "[part=reading]");
  const title = await s.run("return document.querySelector('ima-statements').shadowRoot.querySelector('[part=reading-title]').textContent;");
  assert(title.includes("Justice for the 26"), `reading ${title}`);
  assert((await s.run(IMA)).includes(`open=${JUSTICE}`), "open statement in the URL");
  await s.click(await s.shadow(W, "[part=back]"));
  await s.until(SHOWN, "the list again", 10000, W, "[part=results]");
  equal((await s.run("return window.__errors;")).join(" | "), "", "uncaught errors");
});

test("the chronology brush sets the date filter", async () => {
  await open("/pages/chronology.html");
  const before = await s.run(STATUS, W);
  const box = await s.until(`
    const r = document.querySelector('ima-statements').shadowRoot;
    const area = (e) => { const b = e.getBoundingClientRect(); return b.width * b.height; };
    const svg = [...r.querySelectorAll('[part=chronology] svg')].sort((a, b) => area(b) - area(a))[0];
    if (!svg) return null;
    svg.scrollIntoView({ block: 'center' });
    const b = svg.getBoundingClientRect();
    const strip = svg.querySelector('[class*=strip]')?.getBoundingClientRect();
    const y = strip && strip.height > 0 ? strip.y + strip.height / 2 : b.y + b.height * 0.9;
    return { x: b.x, width: b.width, y };`, "the chronology's drawing");
  await s.drag(box.x + box.width * 0.05, box.y, box.x + box.width * 0.3, box.y);
  await s.until("return /(from|to)=/.test(new URLSearchParams(location.search).get('ima') ?? '');", "a date bound in the URL");
  const after = await s.run(STATUS, W);
  assert(after !== before, `results changed with the brush (${before} → ${after})`);
  const chip = await s.run("return document.querySelector('ima-statements').shadowRoot.querySelectorAll('[part=chip][data-bound]').length;");
  assert(chip > 0, "a date chip is shown");
});

test("strict CSP page works and reports no violation", async () => {
  await open("/pages/csp.html");
  await search("rohingya");
  sameSet((await s.run(IDS, W)).slice(0, 2), ROHINGYA, "search under CSP");
  await s.click(await s.shadow(W, `[part=card-title][data-id="${JUSTICE}"]`));
  await s.until(SHOWN, "the reading view", 10000, W, "[part=reading]");
  const bg = await s.run("return getComputedStyle(document.querySelector('ima-statements').shadowRoot.querySelector('[part=root]')).backgroundColor;");
  equal(bg, "rgb(255, 255, 255)", "the widget's stylesheet applies under CSP");
  equal((await s.run("return window.__cspViolations;")).join(" | "), "", "CSP violations");
});

test("URL state: a deep link, back and forward, the host's fragment kept", async () => {
  const pairs = `q=rohingya&topic=rohingya&open=${JUSTICE}`;
  await open(`/pages/plain.html?x=1&ima=${encodeURIComponent(pairs)}#section-2`);
  await s.until(SHOWN, "the statement open", 10000, W, "[part=reading]");
  equal(await s.run("return document.querySelector('ima-statements').shadowRoot.querySelector('[part=input]').value;"), "rohingya", "query restored");
  await s.click(await s.shadow(W, "[part=back]"));
  await s.until(SHOWN, "the list", 10000, W, "[part=results]");
  equal(await s.run(IMA), "q=rohingya&topic=rohingya", "closing removes open= from the URL");
  await s.click(await s.shadow(W, "[part=chip]"));
  await s.until("return new URLSearchParams(location.search).get('ima') === 'q=rohingya';", "the filter removed");
  equal(await s.run("return location.search.startsWith('?x=1&') && location.hash;"), "#section-2", "the host's parameter and fragment stay");
  await s.back();
  await s.until(CHIPS, "back restores the filter", 10000, W);
  await s.back();
  await s.until(SHOWN, "back reopens the statement", 10000, W, "[part=reading]");
  await s.forward();
  await s.until(SHOWN, "forward closes it", 10000, W, "[part=results]");
  await s.forward();
  await s.until("return document.querySelector('ima-statements').shadowRoot.querySelectorAll('[part=chip]').length === 0;", "forward removes the filter");
  equal(await s.run("return location.hash;"), "#section-2", "the fragment after history steps");
  // A link in the older #ima: form opens and is rewritten.
  await open(`/pages/plain.html#ima:q=rohingya&open=${JUSTICE}`);
  await s.until(SHOWN, "an older link opens the statement", 10000, W, "[part=reading]");
  equal(await s.run(IMA), `q=rohingya&open=${JUSTICE}`, "rewritten to the query form");
});

let failed;
try {
  failed = await run({}, filter);
} finally {
  await s.quit();
  await server.close();
}
process.exit(failed);
