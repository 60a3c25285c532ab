// End-to-end test of the npm package `./build.sh release` packs: installed
// from its tarball into a scratch directory with npm, then imported from a
// page the way a bundler resolves it (its `exports`, through an import map),
// and its loader used as a plain script.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { promisify } from "node:util";

import { assert, equal, newPage, skip, test } from "./harness.mjs";
import { ids, ready } from "./widget.mjs";

const run = promisify(execFile);
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm" };

/** The newest packed tarball: $IMA_PACKAGE, else target/package/ima-statements-*.tgz. */
async function tarball(root) {
  if (process.env.IMA_PACKAGE) return resolve(process.env.IMA_PACKAGE);
  const dir = resolve(root, "target/package");
  const found = existsSync(dir) ? (await readdir(dir)).filter((f) => /^ima-statements-.+\.tgz$/.test(f)) : [];
  if (found.length === 0) skip("no packed release in target/package (./build.sh release writes it)");
  const dated = await Promise.all(found.map(async (f) => [(await stat(join(dir, f))).mtimeMs, join(dir, f)]));
  return dated.sort((a, b) => b[0] - a[0])[0][1];
}

function serveDir(dir) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    const file = normalize(join(dir, path === "/" ? "index.html" : path));
    if (!file.startsWith(dir)) { res.writeHead(403); res.end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(path === "/favicon.ico" ? 204 : 404);
      res.end();
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () =>
    ok({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) })));
}

/** Registers the test: `browser` is Chromium, `root` the repository. */
export function register({ browser, root, clean }) {
  test("the npm package installs from its tarball and imports from a page", async () => {
    const tgz = await tarball(root);
    const scratch = await mkdtemp(join(tmpdir(), "ima-package-"));
    let server;
    try {
      await writeFile(join(scratch, "package.json"), JSON.stringify({ name: "partner-site", private: true }));
      await run("npm", ["install", tgz, "--no-audit", "--no-fund", "--loglevel=error"], { cwd: scratch });
      const dir = join(scratch, "node_modules/ima-statements");
      const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
      const entry = pkg.exports?.["."]?.default;
      const types = pkg.exports?.["."]?.types;
      assert(entry && types && pkg.exports["./loader"], `exports name the entry, its types and the loader: ${JSON.stringify(pkg.exports)}`);
      assert(existsSync(join(dir, types)) && (await readFile(join(dir, types), "utf8")).includes("class Archive"), "the types ship");
      equal(tgz.endsWith(`ima-statements-${pkg.version}.tgz`), true, "the tarball is named by the version");

      // A page importing the package by name, as a bundler resolves it.
      const base = "/node_modules/ima-statements/";
      await writeFile(join(scratch, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>package</title>
<script type="importmap">${JSON.stringify({ imports: { "ima-statements": base + entry.replace(/^\.\//, "") } })}</script>
<script type="module">
import init, { Archive, mount } from "ima-statements";
await init();
window.__len = Archive.embedded().len;
mount(document.getElementById("w"), { query: "rohingya", "deep-link": false });
</script></head><body><div id="w"></div></body></html>`);
      // And a page using its loader as a script.
      await writeFile(join(scratch, "loader.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>loader</title>
<script src="${base}${pkg.exports["./loader"].replace(/^\.\//, "")}" defer></script></head>
<body><ima-statements query="rohingya"></ima-statements></body></html>`);
      server = await serveDir(scratch);

      const page = await newPage(browser);
      await page.goto(server.url + "/");
      await ready(page, "#w");
      equal(await page.evaluate(() => window.__len), 11, "Archive.embedded().len through the package");
      assert((await ids(page, "#w")).includes("2015-05-justice-for-the-26"), "the widget mounted from the package searches");
      await clean(page, "package import");
      await page.closeAll();

      const loader = await newPage(browser);
      await loader.goto(server.url + "/loader.html");
      await ready(loader);
      equal(await loader.evaluate(() => IMAStatements.version), pkg.version, "the package's loader is its release");
      assert((await ids(loader)).includes("2015-05-justice-for-the-26"), "the element works from the package's loader");
      await clean(loader, "package loader");
      await loader.closeAll();
    } finally {
      await server?.close();
      await rm(scratch, { recursive: true, force: true });
    }
  });
}
