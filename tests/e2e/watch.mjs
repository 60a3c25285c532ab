// `./build.sh serve --watch` end to end: dev/serve.py on a copy of the
// corpus, with the real rebuild (./build.sh dev-build). The open demo page
// reloads after a statement file is added, shows a broken file's
// `file:line: reason` on the page, and reloads again once it is fixed; and
// a page drafted by `./build.sh new` shows its TODO on the page until a
// person fills it in.
// Registered by run.mjs; the first run compiles the demo's debug module
// (target/watch/), later ones only the library.
import { execFile, spawn } from "node:child_process";
import { cp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { assert, equal, test } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const work = resolve(root, "target/watch-test");
const BUILD_TIMEOUT = 15 * 60 * 1000;
const NEW_ID = "2024-01-15-watch-test";
const SHOTS = resolve(process.env.E2E_SCREENS ?? resolve(root, "target/e2e/screens"));
const dist = resolve(process.argv[2] ?? resolve(root, "dist"));

const STATEMENT = `+++
id = "${NEW_ID}"
title = "A statement added while the demo is open"
kind = "statement"
date = "2024-01-15"
source = "watch-test.txt"
excerpt = false
+++

The International Migrants Alliance adds a statement to the archive.
`;

/** Starts dev/serve.py on the copy; resolves to { url, output, stop }. */
async function startServer() {
  const child = spawn("python3", [
    "dev/serve.py", "--port", "0", "--site", resolve(work, "site"), "--corpus", resolve(work, "corpus"),
  ], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const url = await new Promise((ok, fail) => {
    const seen = (chunk) => {
      output += chunk;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (m) ok(m[0].replace(/\/$/, ""));
    };
    child.stdout.on("data", seen);
    child.stderr.on("data", seen);
    child.on("exit", (code) => fail(new Error(`dev/serve.py exited (${code}):\n${output}`)));
  });
  return { url, output: () => output, stop: () => child.kill("SIGTERM") };
}

/** The widget's status line once it has rendered, or "" while there is none. */
function widgetStatus(page) {
  return page.evaluate(() =>
    document.querySelector("ima-statements")?.shadowRoot?.querySelector("[part=status]")?.textContent?.trim() ?? "");
}

/** The dev panel's state and text, or null. */
function panel(page) {
  return page.evaluate(() => {
    const p = document.querySelector(".ima-dev-status");
    return p && !p.hidden ? { state: p.dataset.state, text: p.textContent } : null;
  });
}

/** Waits until the widget's status line matches `pattern` (the page may reload meanwhile). */
function statusShows(page, pattern, timeout) {
  return page.waitForFunction((source) => {
    const s = document.querySelector("ima-statements")?.shadowRoot?.querySelector("[part=status]");
    return Boolean(s && new RegExp(source).test(s.textContent.trim()));
  }, pattern.source, { timeout });
}

/** Runs `fn(page, server)` on a fresh copy of the corpus served by dev/serve.py, then stops both. */
async function withWatchedCopy(browser, fn) {
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await cp(resolve(root, "corpus"), resolve(work, "corpus"), { recursive: true });
  const server = await startServer();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await fn(await context.newPage(), server);
  } finally {
    await context.close();
    server.stop();
  }
}

test("serve --watch: the page reloads on a corpus change and shows a broken file's error", async ({ browser }) => {
  await withWatchedCopy(browser, async (page, server) => {
    const loads = [];
    page.on("load", () => loads.push(Date.now()));
    await page.goto(server.url + "/");
    // The first build: the page served before it reloads itself when it is done.
    await statusShows(page, /./, BUILD_TIMEOUT);
    const before = await widgetStatus(page);
    assert(/\b11\b/.test(before), `the demo shows the 11 statements: ${before}`);
    const hook = await page.evaluate(() => document.querySelector('script[src="/__dev/reload.js"]') !== null);
    assert(hook, "the served page carries the reload script");

    // A new statement file: the page reloads by itself and shows it.
    const loadsBefore = loads.length;
    const file = resolve(work, "corpus/statements", `${NEW_ID}.md`);
    await writeFile(file, STATEMENT);
    await statusShows(page, /\b12\b/, BUILD_TIMEOUT);
    assert(loads.length > loadsBefore, "the page reloaded");
    const titles = await page.evaluate(() =>
      [...document.querySelector("ima-statements").shadowRoot.querySelectorAll("[part=card-title]")].map((e) => e.textContent));
    assert(titles.some((t) => t.includes("A statement added while the demo is open")), `new title shown: ${titles.join(" | ")}`);

    // A mistake in it: the error is on the page, with the file and line.
    const broken = STATEMENT.replace('date = "2024-01-15"', 'date = "2024-02-30"');
    await writeFile(file, broken);
    await page.waitForFunction(() => document.querySelector(".ima-dev-status")?.dataset.state === "error",
      null, { timeout: 60000 });
    const shown = await panel(page);
    assert(shown.text.includes(`statements/${NEW_ID}.md:5: bad \`date\`: \`2024-02-30\` is an impossible date`),
      `the error names file, line and reason: ${shown.text}`);
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: resolve(SHOTS, "watch-error.png") });
    // The last good build stays underneath.
    assert(/\b12\b/.test(await widgetStatus(page)), "the widget is still there");

    // Fixed: the page reloads and the error is gone.
    const loadsFixed = loads.length;
    await writeFile(file, STATEMENT.replace("adds a statement", "adds one more statement"));
    const deadline = Date.now() + BUILD_TIMEOUT;
    while (loads.length === loadsFixed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    assert(loads.length > loadsFixed, "the page reloaded after the fix");
    await statusShows(page, /./, 30000);
    equal(await panel(page), null, "no error panel after the fix");
  });
  // What partners get never carries the hook.
  for (const name of await readdir(dist)) {
    const text = await readFile(resolve(dist, name), "latin1");
    assert(!text.includes("__dev/") && !text.includes("ima-dev"), `${name} in ${dist} has no dev hook`);
  }
});

const PAGE_TEXT = `IMA Statement on a watched page

Migrants unite for their rights!

The International Migrants Alliance (IMA) speaks while the demo is open.

Reference: Ms. Eni Lestari, IMA Chairperson
`;

/** Runs ./build.sh with `args`; resolves to its stdout, rejects with its output. */
function buildSh(args) {
  return new Promise((ok, fail) => {
    execFile(resolve(root, "build.sh"), args, { cwd: root }, (error, stdout, stderr) =>
      error ? fail(new Error(`./build.sh ${args.join(" ")}: ${error.message}\n${stdout}${stderr}`)) : ok(stdout));
  });
}

test("new, then serve --watch: a draft's TODO shows on the page until it is filled in", async ({ browser }) => {
  await withWatchedCopy(browser, async (page, server) => {
    await page.goto(server.url + "/");
    await statusShows(page, /\b11\b/, BUILD_TIMEOUT);

    // The volunteer's first command: draft the file from the page's text.
    const pageFile = resolve(work, "watched-page.txt");
    await writeFile(pageFile, PAGE_TEXT);
    const report = await buildSh(["new", pageFile, "--corpus", resolve(work, "corpus")]);
    assert(report.includes("statements/TODO-watched-page.md"), `new names the file: ${report}`);
    assert(/signatories\s+sure\s+Eni Lestari, IMA Chairperson/.test(report), `the reference is read: ${report}`);
    assert(report.includes("Left for you (marked TODO"), `new says what is left: ${report}`);

    // The draft is refused, on the page, at the placeholder's line.
    await page.waitForFunction(() => document.querySelector(".ima-dev-status")?.dataset.state === "error",
      null, { timeout: 60000 });
    const shown = await panel(page);
    assert(shown.text.includes("statements/TODO-watched-page.md:2: `id` is still a draft's TODO"),
      `the page names the draft's TODO: ${shown.text}`);

    // Filled in and renamed: the page reloads with the statement.
    const draftFile = resolve(work, "corpus/statements/TODO-watched-page.md");
    const filled = (await readFile(draftFile, "utf8"))
      .replace('id = "TODO-watched-page"', 'id = "2024-02-watched-page"')
      .replace(/^date = .*$/m, 'date = "2024-02"')
      .replace(/^approximate = .*$/m, 'approximate = "The statement is not dated; it was published in February 2024."');
    await writeFile(resolve(work, "corpus/statements/2024-02-watched-page.md"), filled);
    await rm(draftFile);
    await statusShows(page, /\b12\b/, BUILD_TIMEOUT);
    equal(await panel(page), null, "no error panel once filled in");
    const titles = await page.evaluate(() =>
      [...document.querySelector("ima-statements").shadowRoot.querySelectorAll("[part=card-title]")].map((e) => e.textContent));
    assert(titles.some((t) => t.includes("IMA Statement on a watched page")), `the new statement is listed: ${titles.join(" | ")}`);
  });
});
