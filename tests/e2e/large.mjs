// End-to-end tests of a large archive's build in Chromium: a synthetic corpus
// of SYMBOLS_FROM statements or more, whose module stores the text as symbols
// deflated in blocks and builds its search index after it is ready, in idle
// slices, or at once for a query that comes first (core/src/corpus/blob.rs,
// core/src/search/index.rs). A smaller archive's build never takes these
// paths; `./build.sh` chooses them by the corpus's size (`corpus_features`).
//
//   node tests/e2e/large.mjs target/synth-1000/dist target/synth-1000/corpus
//
// The corpus directory is the one the build embedded: the tests compare what
// the widget shows with the statement files themselves. Exit code: the number
// of failed tests.
import { readdir, readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { allPages, assert, equal, launch, newPage, run, screenshot, test } from "./harness.mjs";
import { probes as probesOf, statements, textGzipped } from "./corpus-files.mjs";
import { serve } from "./server.mjs";
import { ids, inShadow, ready, search, status, statusCount as count } from "./widget.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const [distArg, corpusArg] = process.argv.slice(2);
if (!distArg || !corpusArg) {
  console.error("usage: node tests/e2e/large.mjs DIST CORPUS_DIR");
  process.exit(2);
}
const dist = resolve(distArg);
const corpus = resolve(corpusArg);
const SHOTS = resolve(process.env.E2E_SCREENS ?? resolve(root, "target/e2e/screens"));

const docs = await statements(corpus);
const CORPUS_SIZE = docs.length;
const probes = probesOf(docs);

const server = await serve({ dist, pages: resolve(here, "pages"), www: resolve(root, "www") });
const browser = await launch();

async function open(path) {
  const page = await newPage(browser);
  await page.goto(server.url + path);
  await ready(page);
  return page;
}

/** No console error or warning and no uncaught exception. */
function clean(page, what) {
  equal(page.errors.join(" | "), "", `${what}: console errors`);
  equal(page.warnings.join(" | "), "", `${what}: console warnings`);
}

/** The ids of every result, showing more until the list holds as many as
 * the status counts. */
async function allIds(page) {
  const total = count(await status(page));
  for (;;) {
    const more = page.locator("ima-statements [part=more]");
    if (!(await more.isVisible().catch(() => false))) break;
    await more.click();
  }
  await page.waitForFunction(
    (n) => document.querySelector("ima-statements").shadowRoot.querySelectorAll("[part=card-title]").length === n,
    total,
    { timeout: 5000 },
  ).catch(() => {});
  const shown = await ids(page);
  equal(shown.length, total, "results listed against the status's count");
  return shown;
}

test("a large archive lists every statement once ready", async () => {
  const page = await open("/pages/plain.html");
  equal(count(await status(page)), CORPUS_SIZE, `status "${await status(page)}"`);
  const shown = await ids(page);
  assert(shown.length > 0 && shown.every((id) => docs.some((d) => d.id === id)), `cards of the corpus: ${shown}`);
  await screenshot(page, SHOTS, `large-${CORPUS_SIZE}-1280`);
  clean(page, "large archive");
  await page.closeAll();
});

test("a query finds the statements that hold its word, in every block, first and after the idle indexing alike", async () => {
  // As the first query (a deep link): the index is built at once for it.
  const first = new Map();
  for (const { doc, word, holders } of probes) {
    const page = await open(`/pages/plain.html?ima=${encodeURIComponent(`q=${word}`)}`);
    const found = await allIds(page);
    for (const id of holders) assert(found.includes(id), `"${word}" (from ${doc.id}) finds ${id}: got ${found}`);
    first.set(word, found);
    clean(page, `query ${word}`);
    await page.closeAll();
  }
  // Typed once the index has been built in idle slices, from 300 ms after ready.
  const page = await open("/pages/plain.html");
  await page.waitForTimeout(2500);
  for (const { word, holders } of probes) {
    await search(page, word);
    const found = await allIds(page);
    for (const id of holders) assert(found.includes(id), `"${word}" typed finds ${id}: got ${found}`);
    equal(JSON.stringify(found), JSON.stringify(first.get(word)), `"${word}": typed after indexing vs first query`);
  }
  clean(page, "typed queries");
  await page.closeAll();
});

test("the reading view shows a statement's text as written, from the first, a middle and the last block", async () => {
  for (const { doc } of probes) {
    const page = await open(`/pages/plain.html?ima=${encodeURIComponent(`open=${doc.id}`)}`);
    await page.waitForFunction(() => !document.querySelector("ima-statements").shadowRoot.querySelector("[part=reading]").hidden);
    const title = (await page.locator("ima-statements [part=reading-title]").textContent()).trim();
    equal(title, doc.title, `${doc.id}: title`);
    const shown = await inShadow(page, "ima-statements", (r) =>
      [...r.querySelectorAll("[part=text] p")].map((p) => p.textContent.replace(/\s+/g, " ").trim()),
    );
    equal(JSON.stringify(shown), JSON.stringify(doc.paragraphs), `${doc.id}: paragraphs`);
    clean(page, `reading ${doc.id}`);
    await page.closeAll();
  }
});

test("the module ships smaller than its statements' text, both gzipped (it stores them as symbols)", async () => {
  const wasm = (await readdir(dist)).find((n) => n.endsWith(".wasm"));
  assert(wasm, `a module in ${dist}`);
  const module = gzipSync(await readFile(join(dist, wasm)), { level: 9 }).length;
  // The statement files concatenated in path order, as `./build.sh size` measures them.
  const text = await textGzipped(corpus);
  console.log(`        module ${module} bytes gzipped, statement files ${text} bytes gzipped`);
  assert(module < text, `module ${module} bytes gzipped, not under the text's ${text}`);
});

test("no request leaves 127.0.0.1", async () => {
  const local = (u) => /^http:\/\/127\.0\.0\.1:\d+\//.test(u) || u.startsWith("data:") || u.startsWith("blob:");
  const all = allPages.flatMap((p) => p.requests);
  assert(all.length > 0, "requests were recorded");
  equal([...new Set(all.filter((u) => !local(u)))].join(", "), "", "requests to elsewhere");
});

console.log(`end-to-end, a large archive of ${CORPUS_SIZE} statements (${dist})`);
console.log(`screenshots: ${SHOTS}`);
const failed = await run({ browser, server });
await browser.close();
await server.close();
process.exit(failed);
