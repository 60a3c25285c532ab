// Throttled first-result benchmark: how long a visitor on a slow connection
// waits, from navigation to the first "rohingya" result shown, for this
// widget, MiniSearch and Pagefind's Default UI over the same documents.
// Not a test: it prints numbers.
//
//   node tests/e2e/bench-load.mjs <statements>:<dist>:<corpus> [...]
//
// e.g. `11:dist:corpus 1000:target/synth-1000/dist:target/synth-1000/corpus`
// (`./build.sh bench-browser` builds and passes them).
//
// Every load is fresh (a new browser context, the cache disabled through the
// DevTools protocol, the server sending no-store) and runs on an emulated
// network of 150 ms round trip and 1.6 MiB/s down (Network.emulateNetworkConditions),
// with the text files and the module gzipped on the wire (gzip -9). The time
// is the same for all three: from navigation start (performance.now() = 0)
// to the end of the first frame that paints a result for "rohingya" — the
// first animation frame in which one is in the DOM, timed once that frame's
// rendering is done (a message posted from its requestAnimationFrame
// callback runs after it). The pages: for the widget, a deep link in its
// URL form, `widget.html?ima=q%3Drohingya` (src/widget/url.rs), a result
// card shown, once with the two-line embed (the stable loader alone: the
// page, then the loader, then the glue and the module) and once with the
// pinned embed of dist/embed.html, whose hints fetch all three with the
// page's first request; for MiniSearch, a page that fetches the documents as JSON,
// indexes them and lists the hits; for Pagefind, its Default UI with
// `triggerSearch("rohingya")` over the documents written as HTML pages and
// indexed by the `pagefind` npm package. Each cell: median of 5 loads, with
// min and max. Below the table, for the widget: when each request of its
// critical path started and ended (Resource Timing, medians), its bytes on
// the wire, and the time from the last byte to the painted result (compile,
// init, mount, first search, paint).
//
// With IMA_BENCH_CPU=1, as many loads again of each embed are traced
// (Chrome's trace, through the DevTools protocol) to split that last
// stretch: the page's main thread's own CPU time in it (and its layout's),
// against the wall time. On a busy machine the wall time also holds the
// time the thread waited for a core, which the CPU time does not.
//
// A second table gives, unthrottled and from the cache-less local server,
// the widget's ready time (navigation → the `ima-statements:ready` event)
// and its WebAssembly memory once ready, against the corpus's raw text (the
// bytes of its statement files).
import { mkdir, readFile, readdir, rm, writeFile, stat, copyFile } from "node:fs/promises";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import * as pagefind from "pagefind";

import { archiveDocuments, launch } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const LOADS = 5;
const QUERY = "rohingya";
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6 * 1024 * 1024, uploadThroughput: 1.6 * 1024 * 1024 };
const TIMEOUT = 300000;

// IMA_BENCH_READY_ONLY=1: only the unthrottled table (no Pagefind or MiniSearch).
const READY_ONLY = process.env.IMA_BENCH_READY_ONLY === "1";
// IMA_BENCH_CPU=1: the traced loads above.
const CPU = process.env.IMA_BENCH_CPU === "1";
const builds = process.argv.slice(2).map((arg) => {
  const [n, dist, corpus] = arg.split(":");
  if (!n || !dist || !corpus) {
    console.error("usage: node tests/e2e/bench-load.mjs <statements>:<dist>:<corpus> [...]");
    process.exit(2);
  }
  return { n: Number(n), dist: resolve(root, dist), corpus: resolve(root, corpus) };
});
if (builds.length === 0) builds.push({ n: 11, dist: resolve(root, "dist"), corpus: resolve(root, "corpus") });

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
};

/** A static server of `site` (and `dist` under /ima/) on 127.0.0.1 that
 * gzips what a web server would: every file but Pagefind's index chunks,
 * which Pagefind writes compressed already. */
async function serve(site, dist) {
  const gzipped = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    const [base, rel] = path.startsWith("/ima/") ? [dist, path.slice(5)] : [site, path.slice(1) || "index.html"];
    const file = normalize(join(base, rel));
    try {
      if (!file.startsWith(base) || !(await stat(file)).isFile()) throw new Error("not a file");
      const type = TYPES[extname(file)];
      const headers = { "content-type": type ?? "application/octet-stream", "cache-control": "no-store" };
      let body = await readFile(file);
      if (type) {
        if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 9 }));
        body = gzipped.get(file);
        headers["content-encoding"] = "gzip";
      }
      headers["content-length"] = body.length;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** The pinned embed's hints (dist/embed.html, ./build.sh release_files):
 * the glue and the module requested with the page, as the loader will ask
 * for them (CORS, no credentials across origins). */
const preloadHints = (base, glue, wasm) =>
  `<link rel="modulepreload" href="${base}${glue}" crossorigin="anonymous">
<link rel="preload" href="${base}${wasm}" as="fetch" type="application/wasm" crossorigin="anonymous">`;

const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** Writes the three pages for one build into `site`: the documents are read
 * through the widget's own JavaScript API, so all three index the same text. */
async function prepare(browser, build, site) {
  await rm(site, { recursive: true, force: true });
  await mkdir(join(site, "s"), { recursive: true });
  const server = await serve(site, build.dist);
  const context = await browser.newContext();
  const page = await context.newPage();
  await writeFile(join(site, "blank.html"), "<!doctype html><title>blank</title>");
  await page.goto(`${server.url}/blank.html`);
  const docs = await page.evaluate(archiveDocuments);
  await context.close();
  await server.close();

  // The two embeds of dist/embed.html: the stable loader alone, and the
  // pinned release whose page also names the glue and the module, so that
  // the browser fetches all three at once.
  await writeFile(
    join(site, "widget.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>widget</title>
<script src="/ima/ima-statements.js" crossorigin="anonymous" defer></script></head>
<body><ima-statements></ima-statements></body></html>`,
  );
  const names = await readdir(build.dist);
  const glue = names.find((n) => /^ima_statements\.[0-9a-f]{10}\.js$/.test(n));
  const wasm = names.find((n) => /^ima_statements_bg\.[0-9a-f]{10}\.wasm$/.test(n));
  await writeFile(
    join(site, "widget-pinned.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>widget</title>
${preloadHints("/ima/", glue, wasm)}
<script src="/ima/ima-statements.js" crossorigin="anonymous" defer></script></head>
<body><ima-statements></ima-statements></body></html>`,
  );

  if (READY_ONLY) return docs.length;
  await writeFile(join(site, "docs.json"), JSON.stringify(docs.map((d) => ({ ...d, body: d.body.join("\n") }))));
  await copyFile(resolve(here, "node_modules/minisearch/dist/umd/index.js"), join(site, "minisearch.js"));
  await writeFile(
    join(site, "minisearch.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MiniSearch</title></head>
<body><p id="status"></p><ol id="results"></ol>
<script src="/minisearch.js"></script>
<script>
(async () => {
  const docs = await (await fetch("/docs.json")).json();
  const index = new MiniSearch({
    fields: ["title", "subtitle", "body", "tags"],
    storeFields: ["title", "date", "body"],
    searchOptions: { prefix: true, combineWith: "AND", boost: { title: 2 } },
  });
  index.addAll(docs);
  const hits = index.search(${JSON.stringify(QUERY)});
  document.getElementById("status").textContent = hits.length + " statements";
  const list = document.getElementById("results");
  for (const h of hits.slice(0, 10)) {
    const li = document.createElement("li");
    const title = document.createElement("h3");
    title.textContent = h.title;
    const snippet = document.createElement("p");
    snippet.textContent = h.body.slice(0, 200) + "…";
    li.append(title, snippet);
    list.append(li);
  }
})();
</script></body></html>`,
  );

  for (const d of docs) {
    const paragraphs = d.body.map((p) => `<p>${escape(p)}</p>`).join("\n");
    await writeFile(
      join(site, "s", `${d.id}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(d.title)}</title></head>
<body><main data-pagefind-body><h1>${escape(d.title)}</h1><p>${escape(d.subtitle)}</p><p>${escape(d.date)}</p>
<p>${escape(d.tags)}</p>
${paragraphs}</main></body></html>`,
    );
  }
  const { index } = await pagefind.createIndex({});
  await index.addDirectory({ path: join(site, "s"), glob: "**/*.html" });
  await index.writeFiles({ outputPath: join(site, "pagefind") });
  await writeFile(
    join(site, "pagefind.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div>
<script>
window.addEventListener("DOMContentLoaded", () => {
  const ui = new PagefindUI({ element: "#search", showSubResults: false, showImages: false });
  ui.triggerSearch(${JSON.stringify(QUERY)});
});
</script></body></html>`,
  );
  return docs.length;
}

/** Runs in every page before its own scripts: notes when the first frame
 * that shows a result for the query has been rendered. */
function watchFirstResult(query) {
  const shown = () => {
    const page = location.pathname;
    let node = null;
    if (page.endsWith("widget.html") || page.endsWith("widget-pinned.html")) {
      node = document.querySelector("ima-statements")?.shadowRoot?.querySelector("[part=card]");
    } else if (page.endsWith("minisearch.html")) {
      node = document.querySelector("#results li");
    } else if (page.endsWith("pagefind.html")) {
      node = document.querySelector(".pagefind-ui__result");
    }
    // Before the widget's shadow root exists the lookup gives undefined.
    return node != null && node.textContent.toLowerCase().includes(query);
  };
  const check = () => {
    if (!shown()) {
      requestAnimationFrame(check);
      return;
    }
    // This frame paints the result: its rendering follows the
    // requestAnimationFrame callbacks, and a posted message runs after it.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      window.__first = performance.now();
      performance.mark("ima-bench:painted"); // found in a trace (IMA_BENCH_CPU)
    };
    channel.port2.postMessage(null);
  };
  requestAnimationFrame(check);
}

/** The page's requests as Resource Timing gives them (the document first),
 * milliseconds from navigation start. */
function requestTimes() {
  const nav = performance.getEntriesByType("navigation")[0];
  return [nav, ...performance.getEntriesByType("resource")].map((e) => ({
    name: e === nav ? "(document)" : e.name.replace(location.origin, ""),
    start: e.startTime,
    firstByte: e.responseStart,
    end: e.responseEnd,
    bytes: e.transferSize,
  }));
}

/** One throttled load of `url`: the first result's time and the requests;
 * `traced`, also the main thread's CPU time from the last byte on (`cpu`,
 * `layout`, ms). */
async function firstResult(browser, url, traced = false) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", NETWORK);
  const events = [];
  if (traced) {
    cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
    await cdp.send("Tracing.start", {
      transferMode: "ReportEvents",
      traceConfig: { includedCategories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing"] },
    });
  }
  await page.addInitScript(watchFirstResult, QUERY);
  await page.goto(url, { waitUntil: "commit", timeout: TIMEOUT });
  await page.waitForFunction(() => window.__first !== undefined, null, { timeout: TIMEOUT, polling: 100 });
  const out = { first: await page.evaluate(() => window.__first), requests: await page.evaluate(requestTimes) };
  if (traced) {
    const done = new Promise((ok) => cdp.once("Tracing.tracingComplete", ok));
    await cdp.send("Tracing.end");
    await done;
    Object.assign(out, busy(events, out.first - Math.max(...out.requests.map((r) => r.end))));
  }
  await context.close();
  return out;
}

/** The renderer main thread's CPU time in its tasks (`cpu`) and in layout
 * (`layout`), ms, over the `span` ms before the painted mark of a trace. */
function busy(events, span) {
  const painted = events.find((e) => e.name === "ima-bench:painted");
  const main = painted && events.find((e) => e.ph === "M" && e.name === "thread_name" && e.pid === painted.pid && e.args.name === "CrRendererMain");
  if (!main) return { cpu: NaN, layout: NaN };
  const from = painted.ts - span * 1000;
  let cpu = 0;
  let layout = 0;
  for (const e of events) {
    if (e.ph !== "X" || e.pid !== painted.pid || e.tid !== main.tid || e.ts < from || e.ts > painted.ts) continue;
    if (e.name === "RunTask") cpu += (e.tdur ?? e.dur) / 1000;
    if (e.name === "Layout") layout += (e.tdur ?? e.dur) / 1000;
  }
  return { cpu, layout };
}

/** Unthrottled: navigation → the widget's ready event (or, with `query`, its
 * first result shown), and the module's memory then. */
async function ready(browser, url, query) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await page.addInitScript(() => {
    document.addEventListener("ima-statements:ready", () => { window.__ready = performance.now(); });
  });
  if (query) await page.addInitScript(watchFirstResult, query);
  await page.goto(url, { waitUntil: "commit", timeout: TIMEOUT });
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: TIMEOUT, polling: 50 });
  if (query) await page.waitForFunction(() => window.__first !== undefined, null, { timeout: TIMEOUT, polling: 50 });
  const out = await page.evaluate(async () => {
    // The glue module is the loader's own instance; init returns its exports.
    const glue = await import("/ima/ima_statements.js");
    const exports = await glue.default();
    return { ready: window.__ready, memory: exports.memory.buffer.byteLength };
  });
  await context.close();
  return out;
}

/** Bytes of the corpus's statement files. */
async function rawText(corpus) {
  let total = 0;
  const walk = async (dir) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else if (e.name.endsWith(".md")) total += (await stat(path)).size;
    }
  };
  await walk(join(corpus, "statements"));
  return total;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms) => (ms / 1000).toFixed(2);
const cell = (xs) => `${seconds(median(xs))} (${seconds(Math.min(...xs))}–${seconds(Math.max(...xs))})`;

const browser = await launch();
const products = [
  ["this widget", "widget.html?ima=" + encodeURIComponent("q=" + QUERY)],
  ["widget, pinned embed", "widget-pinned.html?ima=" + encodeURIComponent("q=" + QUERY)],
  ["MiniSearch", "minisearch.html"],
  ["Pagefind UI", "pagefind.html"],
];
const rows = [];
for (const build of builds) {
  const site = resolve(root, "target/bench-load", String(build.n));
  process.stderr.write(`preparing ${build.n} statements in ${site} …\n`);
  const docs = await prepare(browser, build, site);
  const server = await serve(site, build.dist);
  const times = {};
  const widgetLoads = {};
  for (const [name, path] of READY_ONLY ? [] : products) {
    times[name] = [];
    const loads = [];
    for (let i = 0; i < LOADS; i++) {
      const load = await firstResult(browser, `${server.url}/${path}`);
      times[name].push(load.first);
      loads.push(load);
    }
    if (name.includes("widget")) widgetLoads[name] = loads;
    if (name.includes("widget") && CPU) {
      loads.traced = [];
      for (let i = 0; i < LOADS; i++) loads.traced.push(await firstResult(browser, `${server.url}/${path}`, true));
    }
    process.stderr.write(`  ${name}: ${times[name].map(seconds).join(", ")} s\n`);
  }
  const readies = [];
  let memory = 0;
  for (let i = 0; i < LOADS; i++) {
    const r = await ready(browser, `${server.url}/widget.html`);
    readies.push(r.ready);
    memory = Math.max(memory, r.memory);
  }
  process.stderr.write(`  ready (unthrottled): ${readies.map((t) => t.toFixed(0)).join(", ")} ms\n`);
  // The same once a query has been answered (a large archive indexes its
  // text on the first query).
  const queried = await ready(browser, `${server.url}/${products[0][1]}`, QUERY);
  await server.close();
  // Builds of the same size (an A/B of two dists) are told apart by their directory.
  const label = builds.filter((b) => b.n === build.n).length > 1 ? `${docs} (${relative(root, build.dist)})` : String(docs);
  rows.push({ docs: label, times, widgetLoads, readies, memory, queried: queried.memory, raw: await rawText(build.corpus) });
}
await pagefind.close();
await browser.close();

if (!READY_ONLY) {
  console.log(
    `\nThrottled first result (Chromium; ${NETWORK.latency} ms latency, 1.6 MiB/s down, gzip, no cache): ` +
      `navigation → first frame painted with a "${QUERY}" result, seconds, median of ${LOADS} fresh loads (min–max)\n`,
  );
  const head = ["statements", ...products.map(([n]) => n), "widget / Pagefind", "widget / MiniSearch"];
  const table = rows.map(({ docs, times }) => [
    docs,
    ...products.map(([n]) => cell(times[n])),
    (median(times["this widget"]) / median(times["Pagefind UI"])).toFixed(2) + "×",
    (median(times["this widget"]) / median(times["MiniSearch"])).toFixed(2) + "×",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells) => "| " + cells.map((c, i) => c.padStart(widths[i])).join(" | ") + " |";
  console.log(line(head));
  console.log("|" + widths.map((w) => "-".repeat(w + 1) + ":").join("|") + "|");
  for (const r of table) console.log(line(r));

  // Where the widget's time goes: each request's start and end (medians over
  // the loads, by the request's name with its content hash left out).
  for (const [name, widgetLoads] of rows.flatMap((r) => Object.entries(r.widgetLoads).map(([n, l]) => [`${n}, ${r.docs} statements`, l]))) {
    console.log(`\n${name}: ms from navigation start (medians of ${LOADS} loads):\n`);
    const byName = new Map();
    for (const load of widgetLoads) {
      for (const r of load.requests) {
        const name = r.name.replace(/\.[0-9a-f]{10}\./, ".HASH.").replace(/\?.*/, "");
        if (!byName.has(name)) byName.set(name, []);
        byName.get(name).push(r);
      }
    }
    // "per load" above 1: a file fetched twice (a hint the loader's request did not use).
    const head3 = ["request", "per load", "start", "first byte", "end", "bytes"];
    const table3 = [...byName].map(([name, rs]) => [
      name,
      String(rs.length / widgetLoads.length),
      ...["start", "firstByte", "end"].map((k) => median(rs.map((r) => r[k])).toFixed(0)),
      String(median(rs.map((r) => r.bytes))),
    ]);
    const lastByte = median(widgetLoads.map((l) => Math.max(...l.requests.map((r) => r.end))));
    const first = median(widgetLoads.map((l) => l.first));
    table3.push(["result painted", "", "", "", first.toFixed(0), ""]);
    const widths3 = head3.map((h, i) => Math.max(h.length, ...table3.map((r) => r[i].length)));
    const line3 = (cells) => "| " + cells.map((c, i) => (i === 0 ? c.padEnd(widths3[i]) : c.padStart(widths3[i]))).join(" | ") + " |";
    console.log(line3(head3));
    console.log("|" + widths3.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|");
    for (const r of table3) console.log(line3(r));
    console.log(`\nlast byte → result painted (compile, init, mount, search, paint): ${(first - lastByte).toFixed(0)} ms`);
    if (widgetLoads.traced) {
      const t = widgetLoads.traced;
      const wall = median(t.map((l) => l.first - Math.max(...l.requests.map((r) => r.end))));
      console.log(
        `traced (${t.length} loads, medians): ${wall.toFixed(0)} ms wall, the main thread busy ` +
          `${median(t.map((l) => l.cpu)).toFixed(0)} ms of CPU, ${median(t.map((l) => l.layout)).toFixed(0)} ms of it in layout`,
      );
    }
  }
}

console.log(
  `\nThis widget unthrottled (no cache): navigation → ready, ms, median of ${LOADS} loads (min–max); ` +
    "WebAssembly memory once ready against the corpus's raw text (its statement files)\n",
);
const head2 = ["statements", "ready", "memory", "raw text", "memory / raw text", `after "${QUERY}"`, "/ raw text"];
const mb = (b) => (b / 1048576).toFixed(1) + " MiB";
const table2 = rows.map((r) => [
  r.docs,
  `${median(r.readies).toFixed(0)} (${Math.min(...r.readies).toFixed(0)}–${Math.max(...r.readies).toFixed(0)})`,
  mb(r.memory),
  mb(r.raw),
  (r.memory / r.raw).toFixed(2) + "×",
  mb(r.queried),
  (r.queried / r.raw).toFixed(2) + "×",
]);
const widths2 = head2.map((h, i) => Math.max(h.length, ...table2.map((r) => r[i].length)));
const line2 = (cells) => "| " + cells.map((c, i) => c.padStart(widths2[i])).join(" | ") + " |";
console.log(line2(head2));
console.log("|" + widths2.map((w) => "-".repeat(w + 1) + ":").join("|") + "|");
for (const r of table2) console.log(line2(r));
