// A static server on 127.0.0.1 that hosts the widget the way a partner would:
//   /ima/...     the files of dist/ (loader, glue, wasm)
//   /pages/...   the end-to-end fixture pages
//   /demo/...    the demo (www/ with dist/ beside it)
// Pages whose name starts with "csp" are served with the strict
// Content-Security-Policy of docs/architecture.md §4. Every request is recorded.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ts": "text/plain; charset=utf-8",
};

/** Starts the server; resolves to { url, requests, close }. */
export async function serve({ dist, pages, www }) {
  const mounts = [
    ["/ima/", [dist]],
    ["/pages/", [pages]],
    ["/demo/", [www, dist]],
  ];
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    requests.push(url.pathname);
    // Browsers ask for it on every page; a 404 would show as a console error.
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204);
      res.end();
      return;
    }
    for (const [prefix, roots] of mounts) {
      if (!url.pathname.startsWith(prefix)) continue;
      let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || "index.html";
      if (rel.endsWith("/")) rel += "index.html";
      for (const root of roots) {
        const file = normalize(join(root, rel));
        if (!file.startsWith(resolve(root))) break;
        try {
          if (!(await stat(file)).isFile()) continue;
          const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" };
          const name = rel.split("/").pop();
          if (extname(file) === ".html" && name.startsWith("csp")) headers["content-security-policy"] = STRICT_CSP;
          res.writeHead(200, headers);
          res.end(await readFile(file));
          return;
        } catch {
          // try the next root
        }
      }
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
