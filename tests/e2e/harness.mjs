// The small test harness of the end-to-end suite: Debian's Chromium driven by
// playwright-core, a local server, named tests run in order, and a summary.
import { chromium } from "playwright-core";
import { mkdir } from "node:fs/promises";
import { createServer as createNetServer } from "node:net";

export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
}

/** A free port on 127.0.0.1, for a server the test starts itself (nginx, a WebDriver). */
export function freePort() {
  return new Promise((ok, fail) => {
    const s = createNetServer();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

const tests = [];
/** Registers a test: `fn({ browser, server, shots })`. */
export function test(name, fn) {
  tests.push({ name, fn });
}

export class AssertionError extends Error {}
/** Thrown by a test that cannot run yet (say, the widget has no chronology): reported, not failed. */
export class Skip extends Error {}
export function skip(reason) {
  throw new Skip(reason);
}
export function assert(condition, message) {
  if (!condition) throw new AssertionError(message);
}
export function equal(actual, expected, message) {
  if (actual !== expected) {
    throw new AssertionError(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** Runs every registered test (or those whose name contains `filter`); returns the failure count. */
export async function run(context, filter) {
  let failed = 0;
  let passed = 0;
  let skipped = 0;
  const started = Date.now();
  for (const t of tests) {
    if (filter && !t.name.includes(filter)) continue;
    const t0 = Date.now();
    try {
      await t.fn(context);
      passed += 1;
      console.log(`  ok    ${t.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      if (e instanceof Skip) {
        skipped += 1;
        console.log(`  skip  ${t.name}: ${e.message}`);
        continue;
      }
      failed += 1;
      console.log(`  FAIL  ${t.name}\n        ${String(e?.stack ?? e).split("\n").slice(0, 4).join("\n        ")}`);
    }
  }
  console.log(`\nend-to-end: ${passed} passed, ${failed} failed, ${skipped} skipped (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return failed;
}

/** Every page opened, for the suite-wide checks (requests). */
export const allPages = [];

/** A new page that records every request and every CSP violation and console warning. */
export async function newPage(browser, { width = 1280, height = 900, colorScheme = "light", reducedMotion, bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion, bypassCSP });
  const page = await context.newPage();
  allPages.push(page);
  page.requests = [];
  page.warnings = [];
  page.errors = [];
  page.on("request", (r) => page.requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "warning") page.warnings.push(m.text());
    if (m.type() === "error") page.errors.push(m.text());
  });
  page.on("pageerror", (e) => page.errors.push(String(e)));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    // The widget's events, as the page sees them (they cross the shadow boundary).
    window.__imaEvents = [];
    for (const type of ["ima-statements:ready", "ima-statements:change", "ima-statements:open"]) {
      document.addEventListener(type, (e) =>
        window.__imaEvents.push({ type, target: e.target.id || e.target.localName, detail: JSON.parse(JSON.stringify(e.detail)) }),
      );
    }
  });
  page.closeAll = () => context.close();
  return page;
}

/** The host page's route (the text of its `#route`) once it is `want`, or
 * what it is after five seconds: a host's router may move after the click or
 * history step that made it returns (a hashchange or popstate comes later). */
export async function routeOnceIs(page, want) {
  await page.waitForFunction((w) => document.getElementById("route").textContent === w, want, { timeout: 5000 })
    .catch(() => {});
  return page.locator("#route").textContent();
}

/** Runs in a page that serves the widget under /ima/: every statement of the
 * embedded archive as plain fields, read through the widget's own JavaScript
 * API, for the benchmarks that index the same text with other engines.
 * `body` is the list of paragraphs. */
export async function archiveDocuments() {
  const glue = await import("/ima/ima_statements.js");
  await glue.default();
  const archive = glue.Archive.embedded();
  const docs = archive.statements().map((s) => {
    const r = archive.statement(s.id);
    return {
      id: r.id,
      title: r.title,
      subtitle: r.subtitle ?? "",
      body: r.body,
      tags: r.tags.map((t) => t.label).join(" "),
      date: r.date.label,
    };
  });
  archive.free();
  return docs;
}

export async function screenshot(page, dir, name) {
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
