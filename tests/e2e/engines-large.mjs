// A large archive's build in the engines besides Chromium, through W3C
// WebDriver (Firefox, and WebKit under xvfb-run): the text stored as symbols
// deflated in blocks and the index built after ready must read and search
// there as in Chromium (tests/e2e/large.mjs, which tests more).
//
//   node tests/e2e/engines-large.mjs DIST CORPUS_DIR firefox|webkit
//
// Exit code: the number of failed tests.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { probes as probesOf, statements } from "./corpus-files.mjs";
import { assert, equal, run, test } from "./harness.mjs";
import { serve } from "./server.mjs";
import { sleep, start } from "./webdriver.mjs";
import { IDS_SCRIPT as IDS, SHOWN_SCRIPT as SHOWN, STATUS_SCRIPT as STATUS, statusCount as count } from "./widget.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const [distArg, corpusArg, engine] = process.argv.slice(2);
if (!distArg || !corpusArg || !engine) {
  console.error("usage: node tests/e2e/engines-large.mjs DIST CORPUS_DIR firefox|webkit");
  process.exit(2);
}
const docs = await statements(resolve(corpusArg));
const probes = probesOf(docs);
const W = "ima-statements";

const server = await serve({ dist: resolve(distArg), pages: resolve(here, "pages"), www: resolve(root, "www") });
const s = await start(engine);
await s.size(1280, 900);
console.log(`end-to-end, a large archive of ${docs.length} statements, in ${engine}`);

/** Opens `path` and waits for the widget's result count. */
async function open(path) {
  await s.go(server.url + path);
  await s.run("window.__errors = []; window.addEventListener('error', (e) => window.__errors.push(String(e.message)));");
  return s.until(STATUS, `the widget on ${path}`, 15000, W);
}

/** The ids of every result, "More results" pressed until the list holds as many as the status counts. */
async function allIds() {
  const total = count(await s.run(STATUS, W));
  for (let shown = (await s.run(IDS, W)).length; shown < total && (await s.run(SHOWN, W, "[part=more]")); ) {
    await s.click(await s.shadow(W, "[part=more]"));
    shown = await s.until(
      "const n = document.querySelector(arguments[0]).shadowRoot.querySelectorAll('[part=card-title]').length; return n > arguments[1] && n;",
      "more results", 10000, W, shown,
    );
  }
  const ids = await s.run(IDS, W);
  equal(ids.length, total, "results listed against the status's count");
  return ids;
}

test("a large archive lists every statement once ready", async () => {
  const status = await open("/pages/plain.html");
  equal(count(status), docs.length, `status "${status}"`);
});

test("a query finds the statements that hold its word, first and after the idle indexing", async () => {
  for (const { doc, word, holders } of probes) {
    await open(`/pages/plain.html?ima=${encodeURIComponent(`q=${word}`)}`);
    const first = await allIds();
    for (const id of holders) assert(first.includes(id), `"${word}" (from ${doc.id}) finds ${id}: got ${first}`);
    // The same query typed once the index has been built in idle slices.
    await open("/pages/plain.html");
    await sleep(2500);
    const input = await s.shadow(W, "[part=input]");
    await s.type(input, word);
    await s.until(
      "return new URLSearchParams(location.search).get('ima') === 'q=' + arguments[0];",
      `results for "${word}"`, 10000, word,
    );
    equal(JSON.stringify(await allIds()), JSON.stringify(first), `"${word}": typed after indexing vs first query`);
    equal((await s.run("return window.__errors;")).join(" | "), "", "uncaught errors");
  }
});

test("the reading view shows a statement's text as written, from the first, a middle and the last block", async () => {
  for (const { doc } of probes) {
    await open(`/pages/plain.html?ima=${encodeURIComponent(`open=${doc.id}`)}`);
    const shown = await s.until(
      `const r = document.querySelector(arguments[0]).shadowRoot;
       const ps = [...r.querySelectorAll('[part=reading]:not([hidden]) [part=text] p')];
       return ps.length > 0 && ps.map((p) => p.textContent.replace(/\\s+/g, " ").trim());`,
      `the reading view of ${doc.id}`, 10000, W,
    );
    equal(JSON.stringify(shown), JSON.stringify(doc.paragraphs), `${doc.id}: paragraphs`);
  }
});

let failed;
try {
  failed = await run({});
} finally {
  await s.quit();
  await server.close();
}
process.exit(failed);
