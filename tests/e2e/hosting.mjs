// End-to-end tests of one hosted copy for every partner: the widget served by
// a real nginx (Debian's) with the configuration of docs/hosting.md, embedded
// by a partner page on another origin (another 127.0.0.1 port) under the
// Content-Security-Policy docs/hosting.md gives; and a release replaced by a
// newer one while a page is open.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { assert, equal, freePort, newPage, skip, test } from "./harness.mjs";
import { ready, search, ids } from "./widget.mjs";

const HOST = "https://statements.example.org";

/** The first fenced block of `lang` in the Markdown `text`. */
function fenced(text, lang) {
  const m = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(text);
  if (!m) throw new Error(`docs/hosting.md has no ${lang} block`);
  return m[1];
}

/** Starts nginx serving `root` with `snippet` in its server block; resolves to { url, stop }. */
async function nginx(root, snippet, work) {
  const port = await freePort();
  const conf = `
worker_processes 1;
daemon off;
master_process off;
pid ${work}/nginx.pid;
error_log ${work}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:${port};
    root ${root};
${snippet}
  }
}
`;
  await writeFile(join(work, "nginx.conf"), conf);
  const bin = process.env.NGINX ?? "/usr/sbin/nginx";
  if (!existsSync(bin)) skip(`no nginx at ${bin} (./build.sh test installs Debian's)`);
  const child = spawn(bin, ["-p", work, "-e", join(work, "error.log"), "-c", join(work, "nginx.conf")], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr.on("data", (d) => { log += d; });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(`${url}/ima/ima-statements.js`);
      break;
    } catch {
      if (i > 100 || child.exitCode !== null) {
        child.kill();
        throw new Error(`nginx did not start: ${log}${await readFile(join(work, "error.log"), "utf8").catch(() => "")}`);
      }
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }
  return { url, stop: () => new Promise((ok) => { child.once("exit", ok); child.kill(); }) };
}

/** The two-line embed's script as docs/hosting.md gives it (`doc`, its
 * first html block), from the host at `widget`; the page has the element. */
const latestEmbed = (doc, widget) =>
  fenced(doc, "html").replaceAll(HOST, widget).replace("<ima-statements></ima-statements>", "").trim();

/** A partner's site on its own origin: one page embedding the widget by `embed` (in its head) under `csp`. */
async function partnerSite(embed, csp, watch) {
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A partner's page</title>
<script src="/csp-watch.js"></script>
${embed}</head>
<body><h1>Statements, hosted elsewhere</h1><ima-statements></ima-statements></body></html>`;
  const server = createServer((req, res) => {
    if (req.url === "/favicon.ico") {
      res.writeHead(204);
      res.end();
      return;
    }
    if (req.url.startsWith("/csp-watch.js")) {
      res.writeHead(200, { "content-type": "text/javascript" });
      res.end(watch);
      return;
    }
    if (req.url === "/" || req.url.startsWith("/?")) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": csp, "cache-control": "no-store" });
      res.end(page);
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** The names in a release directory: loader, glue, module. */
async function names(dir) {
  const files = await readdir(dir);
  return {
    glue: files.find((f) => /^ima_statements\.[0-9a-f]{10}\.js$/.test(f)),
    wasm: files.find((f) => /^ima_statements_bg\.[0-9a-f]{10}\.wasm$/.test(f)),
  };
}

const hash10 = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 10);

/**
 * A newer release made from `from` (a built dist/) into `to`, the way
 * ./build.sh names one: the module changed (here, by a custom section that
 * says which release it is, which engines ignore), so its hash and name
 * change, the glue names the new module so its hash changes too, and the
 * loader carries the new names and version.
 */
async function newerRelease(from, to, version) {
  const old = await names(from);
  const loader = await readFile(join(from, "ima-statements.js"), "utf8");
  const oldVersion = /"(\d+\.\d+\.\d+[^"]*)"/.exec(loader)[1];
  const label = Buffer.from("ima-release");
  const payload = Buffer.from(version);
  const body = Buffer.concat([Buffer.from([label.length]), label, payload]);
  assert(body.length < 128, "a one-byte section size");
  const wasm = Buffer.concat([await readFile(join(from, old.wasm)), Buffer.from([0, body.length]), body]);
  const wasmName = `ima_statements_bg.${hash10(wasm)}.wasm`;
  const glue = (await readFile(join(from, old.glue), "utf8")).replaceAll(old.wasm, wasmName);
  const glueName = `ima_statements.${hash10(glue)}.js`;
  await mkdir(to, { recursive: true });
  await writeFile(join(to, wasmName), wasm);
  await writeFile(join(to, glueName), glue);
  await writeFile(join(to, "ima-statements.js"),
    loader.replace(old.glue, glueName).replace(old.wasm, wasmName).replace(`"${oldVersion}"`, `"${version}"`));
  await writeFile(join(to, "ima_statements.js"), `export * from "./${glueName}";\nexport { default } from "./${glueName}";\n`);
  return { glue: glueName, wasm: wasmName, version };
}

/**
 * Runs `fn` on a fresh work directory whose `root/` nginx serves with the
 * configuration of docs/hosting.md: `fn({ work, host, partner })`, where
 * `host()` starts nginx once the files are in place (resolves to its URL),
 * `partner(embed)` starts a partner site on another origin whose page carries
 * `embed` in its head, under the CSP docs/hosting.md gives for that host, and
 * `latest()` is the documented two-line embed's script for that host.
 * Everything is stopped and removed afterwards, whatever happens.
 */
async function withHosting(root, name, fn) {
  const doc = await readFile(resolve(root, "docs/hosting.md"), "utf8");
  const watch = await readFile(resolve(root, "tests/e2e/pages/csp-watch.js"), "utf8");
  const work = await mkdtemp(join(tmpdir(), `ima-${name}-`));
  let server;
  const sites = [];
  try {
    await fn({
      work,
      host: async () => {
        server = await nginx(join(work, "root"), fenced(doc, "nginx"), work);
        return server.url;
      },
      latest: () => latestEmbed(doc, server.url),
      partner: async (embed) => {
        const line = doc.split("\n").find((l) => l.startsWith("Content-Security-Policy:") && l.includes(HOST));
        assert(line, "docs/hosting.md gives the partner page's CSP");
        const csp = line.replace("Content-Security-Policy:", "").trim().replaceAll(HOST, server.url);
        const site = await partnerSite(embed, csp, watch);
        sites.push(site);
        assert(server.url !== site.url, "two origins");
        return site.url;
      },
    });
  } finally {
    for (const site of sites) await site.close();
    await server?.stop();
    await rm(work, { recursive: true, force: true });
  }
}

/** Registers the tests: `browser` is Chromium, `dist` the built files, `root` the repository. */
export function register({ browser, dist, root, clean }) {
  test("hosted once: a partner page on another origin embeds it from nginx, under the documented CSP", () =>
    withHosting(root, "hosting", async ({ work, host, partner, latest }) => {
      await cp(dist, join(work, "root/ima"), { recursive: true });
      const widget = await host();
      const site = await partner(latest());

      const page = await newPage(browser);
      const headers = {};
      page.on("response", async (r) => {
        if (r.url().startsWith(widget)) headers[r.url().split("/").pop()] = await r.allHeaders();
      });
      // Which connection to the host each file came over (DevTools protocol).
      const connection = {};
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Network.enable");
      cdp.on("Network.responseReceived", ({ response }) => {
        if (response.url.startsWith(widget)) connection[response.url.split("/").pop()] = response.connectionId;
      });
      await page.goto(site + "/");
      await ready(page);
      await search(page, "rohingya");
      assert((await ids(page)).includes("2015-05-justice-for-the-26"), "search works across origins");
      await clean(page, "cross-origin");

      const release = await names(dist);
      const wasm = headers[release.wasm];
      const glue = headers[release.glue];
      const loader = headers["ima-statements.js"];
      assert(wasm && glue && loader, `the three files came from nginx: ${Object.keys(headers)}`);
      equal(wasm["content-type"], "application/wasm", "module type");
      equal(wasm["access-control-allow-origin"], "*", "module CORS");
      equal(wasm["cross-origin-resource-policy"], "cross-origin", "module CORP");
      equal(wasm["cache-control"], "public, max-age=31536000, immutable", "module cached for a year");
      equal(wasm["content-encoding"], "gzip", "module gzipped");
      equal(glue["content-type"], "text/javascript; charset=utf-8", "glue type");
      equal(glue["cache-control"], "public, max-age=31536000, immutable", "glue cached for a year");
      equal(loader["cache-control"], "public, max-age=300", "loader cached briefly");
      equal(loader["access-control-allow-origin"], "*", "loader CORS");
      // The loader asked for as the glue and the module are (CORS, no
      // cookies): the browser reuses its connection for them rather than
      // open another (over HTTPS, two round trips more). Over HTTP/1.1 the
      // two downloads run on two connections, the loader's and one more.
      assert([release.glue, release.wasm].some((f) => connection[f] === connection["ima-statements.js"]),
        `the glue or the module comes over the loader's connection: ${JSON.stringify(connection)}`);
      const api = await page.evaluate(() => ({ version: IMAStatements.version, archiveDate: IMAStatements.archiveDate }));
      const cargo = /^version = "(.*)"$/m.exec(await readFile(resolve(root, "Cargo.toml"), "utf8"))[1];
      equal(api.version, cargo, "IMAStatements.version");
      assert(/^\d{4}(-\d\d){0,2}$/.test(api.archiveDate ?? ""), `IMAStatements.archiveDate: ${api.archiveDate}`);
      await page.closeAll();
    }));

  test("a release replaced by a newer one while a page is open: the next load gets the new one whole", () =>
    withHosting(root, "release", async ({ work, host, partner, latest }) => {
      const ima = join(work, "root/ima");
      await cp(dist, ima, { recursive: true });
      await host();
      const site = await partner(latest());
      const first = await names(dist);
      const loaded = (page) => page.evaluate(() => ({
        version: IMAStatements.version,
        files: performance.getEntriesByType("resource").map((e) => e.name.split("/").pop()).filter((n) => n.startsWith("ima")),
      }));

      const open = await newPage(browser);
      await open.goto(site + "/");
      await ready(open);
      const before = await loaded(open);

      // The host deploys the newer release and removes the old one's files.
      const next = await newerRelease(ima, join(work, "next"), `${before.version}-next`);
      await rm(ima, { recursive: true });
      await cp(join(work, "next"), ima, { recursive: true });

      // The open page keeps working on the release it loaded, a widget added later too.
      await search(open, "rohingya");
      assert((await ids(open)).includes("2015-05-justice-for-the-26"), "the open page still searches");
      await open.evaluate(() => { const w = document.createElement("ima-statements"); w.id = "late"; document.body.append(w); });
      await ready(open, "#late");
      equal((await loaded(open)).files.filter((f) => f.includes(next.glue) || f.includes(next.wasm)).length, 0,
        "the open page never loads the newer glue or module");

      // Reloading in the same browser: whichever loader the cache gives, its own pair comes with it.
      await open.reload();
      await ready(open);
      const again = await loaded(open);
      const pair = again.version === next.version ? [next.glue, next.wasm] : [first.glue, first.wasm];
      for (const f of pair) assert(again.files.includes(f), `release ${again.version} loads ${f}: ${again.files}`);
      equal(again.files.filter((f) => /\.[0-9a-f]{10}\./.test(f) && !pair.includes(f)).join(), "", "no file of another release");
      await clean(open, "reloaded");
      await open.closeAll();

      // The next visit (the loader's short cache expired: a fresh browser context) gets the new release whole.
      const visit = await newPage(browser);
      await visit.goto(site + "/");
      await ready(visit);
      const now = await loaded(visit);
      equal(now.version, next.version, "the newer loader");
      for (const f of [next.glue, next.wasm]) assert(now.files.includes(f), `the newer release loads ${f}: ${now.files}`);
      assert(!now.files.includes(first.glue) && !now.files.includes(first.wasm), "nothing of the old release");
      await search(visit, "rohingya");
      assert((await ids(visit)).includes("2015-05-justice-for-the-26"), "the newer release searches");
      await clean(visit, "next visit");
      await visit.closeAll();
    }));

  test("the pinned embed of embed.html, with its integrity hash and the hints for the glue and the module, works across origins", async () => {
    const embed = await readFile(join(dist, "embed.html"), "utf8").catch(() => null);
    if (embed === null) skip("no dist/embed.html (./build.sh release writes it)");
    // The pinned snippet as a partner copies it: the last <pre> of embed.html, unescaped.
    const snippet = [...embed.matchAll(/<pre><code>([\s\S]*?)<\/code><\/pre>/g)].pop()[1]
      .replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
    const version = /\/ima\/([^/"]+)\/ima-statements\.js"/.exec(snippet)?.[1];
    assert(version, `embed.html pins a version under /ima/: ${snippet}`);
    await withHosting(root, "pinned", async ({ work, host, partner }) => {
      await cp(dist, join(work, "root/ima", version), { recursive: true });
      const widget = await host();
      const site = await partner(snippet.replaceAll('"/ima/', `"${widget}/ima/`).replace("<ima-statements></ima-statements>", ""));

      const page = await newPage(browser);
      await page.goto(site + "/");
      await ready(page);
      await search(page, "rohingya");
      assert((await ids(page)).includes("2015-05-justice-for-the-26"), "the pinned embed searches");
      const release = await names(dist);
      for (const f of ["ima-statements.js", release.glue, release.wasm]) {
        equal(page.requests.filter((u) => u.endsWith(`/ima/${version}/${f}`)).length, 1, `${f} requested once (a hint the loader's request uses)`);
      }
      await clean(page, "pinned embed");
      await page.closeAll();
    });
  });
}
