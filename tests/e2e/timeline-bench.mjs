// Benchmark of the chronology in headless Chromium: time to mount it, and
// time per zoom frame, pan frame, brush frame and brush update (a brushed
// period applied: search, result list and chronology redrawn), and per
// query update, first, again, and with "Statements by year" open; for each,
// the median of the part spent in the widget's own code (scriptMedian), the
// rest being the browser's style and layout. Prints figures; asserts
// nothing.
//
//   ./build.sh bench-browser     # builds dist/ and target/synth-10000/dist
//   node tests/e2e/timeline-bench.mjs target/synth-10000/dist
//
// playwright-core comes from tests/e2e/node_modules (PLAYWRIGHT_CORE points
// elsewhere); CHROMIUM overrides /usr/bin/chromium.

import { createRequire } from "node:module";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join, extname } from "node:path";

const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PLAYWRIGHT_CORE || "playwright-core");
const pkg = process.argv[2];
if (!pkg) {
  console.error("usage: node tests/e2e/timeline-bench.mjs PKG_DIR");
  process.exit(2);
}

const PAGE = `<!doctype html><meta charset="utf-8">
<body style="margin:0"><div id="host" style="width:1000px"></div>
<script type="module">
import init, { mount } from "./ima_statements.js";
await init(); // the glue finds its module (content-hashed name) next to itself
window.bench = async () => {
  const host = document.getElementById("host");
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const worst = (xs) => Math.max(...xs);
  const out = {};
  // Mount: once with the list only, once with the chronology too.
  const listOnly = [], both = [];
  for (let i = 0; i < 5; i++) {
    let t = performance.now();
    let w = mount(host, { view: "list", "deep-link": "off" });
    host.getBoundingClientRect();
    listOnly.push(performance.now() - t);
    w.unmount();
    t = performance.now();
    w = mount(host, { view: "both", "deep-link": "off" });
    host.shadowRoot.querySelector(".tl-svg").getBoundingClientRect();
    both.push(performance.now() - t);
    w.unmount();
  }
  out.mountListMs = median(listOnly);
  out.mountWithChronologyMs = median(both);
  out.chronologyMs = median(both) - median(listOnly);
  const w = mount(host, { view: "both", "deep-link": "off" });
  const root = host.shadowRoot;
  const svg = root.querySelector(".tl-svg");
  const box = () => svg.getBoundingClientRect();
  // A frame's time, and apart the part spent in the widget's code (the rest
  // is the browser's style and layout, forced by reading the box).
  const script = [];
  const frame = (fn) => {
    const t = performance.now(); fn(); const u = performance.now(); box();
    script.push(u - t);
    return performance.now() - t;
  };
  const split = (xs) => {
    const own = script.splice(0);
    return { median: median(xs), worst: worst(xs), frames: xs.length, scriptMedian: median(own) };
  };
  const wheel = (dy, x) => svg.dispatchEvent(new WheelEvent("wheel", { deltaY: dy, ctrlKey: true,
    clientX: box().left + x, clientY: box().top + 60, bubbles: true, cancelable: true }));
  const ptr = (type, x, y, id = 1) => svg.dispatchEvent(new PointerEvent(type, { pointerId: id,
    isPrimary: true, pointerType: "mouse", clientX: box().left + x, clientY: box().top + y,
    button: 0, bubbles: true, cancelable: true, composed: true }));
  out.marksAtFit = root.querySelectorAll(".tl-mark").length;
  out.titlesAtFit = root.querySelectorAll(".tl-title").length;
  // The histogram is one path, a bar one "M" of it (older builds: a rect each).
  const bins = root.querySelectorAll(".tl-bars .tl-bin");
  out.barsAtFit = (bins[0]?.getAttribute("d") ?? "").match(/M/g)?.length ?? bins.length;
  // Zoom in step by step from the whole archive, then out again.
  const zoom = [];
  for (let i = 0; i < 30; i++) zoom.push(frame(() => wheel(-10, 500)));
  out.marksZoomedIn = root.querySelectorAll(".tl-mark").length;
  for (let i = 0; i < 30; i++) zoom.push(frame(() => wheel(10, 500)));
  out.zoomFrameMs = split(zoom);
  // Pan by dragging the plot, half zoomed in.
  for (let i = 0; i < 8; i++) wheel(-30, 500);
  script.splice(0);
  out.unitWhilePanning = svg.getAttribute("data-unit");
  const pan = [];
  ptr("pointerdown", 600, 50);
  for (let i = 1; i <= 60; i++) pan.push(frame(() => ptr("pointermove", 600 - i * 8, 50)));
  ptr("pointerup", 120, 50);
  out.panFrameMs = split(pan);
  root.querySelector(".tl-button[data-tl=fit]").click();
  // Brush: frames while dragging, then the update when released.
  // Along the date strip under the axis, wherever the drawing puts it.
  const strip = root.querySelector(".tl-strip").getBoundingClientRect();
  const y = strip.top - box().top + strip.height / 2;
  const drag = [], update = [], dragScript = [], updateScript = [];
  for (let r = 0; r < 5; r++) {
    const x0 = 100 + r * 120;
    ptr("pointerdown", x0, y);
    script.splice(0);
    for (let i = 1; i <= 20; i++) drag.push(frame(() => ptr("pointermove", x0 + i * 10, y)));
    dragScript.push(...script.splice(0));
    update.push(frame(() => ptr("pointerup", x0 + 200, y)));
    updateScript.push(...script.splice(0));
  }
  script.push(...dragScript);
  out.brushFrameMs = split(drag);
  script.push(...updateScript);
  out.brushUpdateMs = split(update);
  out.statusAfterBrush = root.querySelector(".status").textContent;
  // A query typed while the chronology shows: results and dimmed marks.
  script.splice(0);
  const query = [];
  for (const q of ["migrants", "rights", "rohingya", "trafficking", ""]) {
    query.push(frame(() => w.setAttribute("query", q)));
  }
  out.queryUpdateMs = split(query);
  // The same queries again: the first text query of a page also pays for
  // the browser compiling the search code and shaping text it has not seen.
  const again = [];
  for (const q of ["migrants", "rights", "rohingya", "trafficking", ""]) {
    again.push(frame(() => w.setAttribute("query", q)));
  }
  out.queryAgainMs = split(again);
  // With "Statements by year" open, every update redraws the list too.
  root.querySelector("details.tl-list").open = true;
  await new Promise((ok) => setTimeout(ok, 50));
  script.splice(0);
  const listed = [];
  for (const q of ["migrants", "rights", "rohingya", "trafficking", ""]) {
    listed.push(frame(() => w.setAttribute("query", q)));
  }
  out.queryWithListMs = split(listed);
  out.listItems = root.querySelectorAll(".tl-year-items li").length;
  w.unmount();
  return out;
};
window.ready = true;
</script>`;

const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };
const server = createServer(async (req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  if (path === "/") {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(PAGE);
    return;
  }
  try {
    const body = await readFile(join(pkg, path.replace(/^\/+/, "")));
    res.writeHead(200, { "content-type": types[extname(path)] || "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const port = server.address().port;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--disable-quic"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on("pageerror", (e) => console.error("page error:", e.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => window.ready === true, null, { timeout: 60000 });
  const result = await page.evaluate(() => window.bench());
  console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  server.close();
}
