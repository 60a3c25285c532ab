// A small W3C WebDriver client over plain HTTP, for the engines playwright-core
// does not drive from Debian's packages: Firefox (geckodriver) and WebKit
// (WebKitGTK's WebKitWebDriver and MiniBrowser, under a virtual display).
import { spawn } from "node:child_process";

import { freePort } from "./harness.mjs";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** How each engine's driver is started, and the capabilities its session asks for. */
const ENGINES = {
  firefox: {
    command: (port) => [process.env.GECKODRIVER ?? "geckodriver", ["--host", "127.0.0.1", "--port", String(port)]],
    capabilities: {
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: process.env.FIREFOX ?? "/usr/bin/firefox-esr",
        args: ["-headless"],
        prefs: { "browser.shell.checkDefaultBrowser": false, "app.update.disabledForTesting": true },
      },
    },
  },
  webkit: {
    // MiniBrowser needs a display: xvfb-run gives it a virtual one.
    command: (port) => ["xvfb-run", ["-a", process.env.WEBKIT_DRIVER ?? "WebKitWebDriver", `--port=${port}`]],
    capabilities: {
      "webkitgtk:browserOptions": {
        binary: process.env.MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
        args: ["--automation"],
      },
    },
  },
};

/** Starts `engine`'s driver and opens a session; resolves to a `Session`. */
export async function start(engine) {
  const spec = ENGINES[engine];
  if (!spec) throw new Error(`unknown engine ${engine}: expected ${Object.keys(ENGINES).join(" or ")}`);
  const port = await freePort();
  const [cmd, args] = spec.command(port);
  // Its own process group, so that stopping it also stops what it started.
  const driver = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
  let log = "";
  driver.stderr.on("data", (d) => { log = (log + d).slice(-4000); });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    try { process.kill(-driver.pid, "SIGTERM"); } catch { /* already gone */ }
  };
  try {
    for (let i = 0; ; i++) {
      try {
        const r = await fetch(`${base}/status`);
        if (r.ok) break;
      } catch { /* not listening yet */ }
      if (i > 150 || driver.exitCode !== null) throw new Error(`${cmd} did not start: ${log}`);
      await sleep(100);
    }
    const session = await call(base, "POST", "/session", { capabilities: { alwaysMatch: spec.capabilities } });
    return new Session(base, session.sessionId, stop);
  } catch (e) {
    stop();
    throw e;
  }
}

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

async function call(base, method, path, body) {
  const r = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json().catch(() => ({}));
  if (!r.ok) {
    const v = json.value ?? {};
    throw new Error(`WebDriver ${method} ${path}: ${v.error ?? r.status}: ${String(v.message ?? "").split("\n")[0]}`);
  }
  return json.value;
}

/** One browser session: navigation, scripts, clicks, keys, pointer actions. */
export class Session {
  constructor(base, id, stop) {
    this.base = base;
    this.id = id;
    this.stopDriver = stop;
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  go(url) { return this.cmd("POST", "/url", { url }); }
  url() { return this.cmd("GET", "/url"); }
  back() { return this.cmd("POST", "/back", {}); }
  forward() { return this.cmd("POST", "/forward", {}); }
  size(width, height) { return this.cmd("POST", "/window/rect", { width, height }); }

  /** Runs `script` (a function body; `arguments` are `args`) in the page and returns its result. */
  run(script, ...args) { return this.cmd("POST", "/execute/sync", { script, args }); }

  /** Polls `script` until it returns something truthy; throws `what` after `timeout` ms. */
  async until(script, what, timeout = 10000, ...args) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      last = await this.run(script, ...args).catch((e) => `error: ${e.message}`);
      if (last && !String(last).startsWith("error: ")) return last;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
      await sleep(50);
    }
  }

  /** The element `selector` finds in the shadow root of `host` (a WebDriver reference). */
  async shadow(host, selector) {
    const el = await this.run(
      "return document.querySelector(arguments[0])?.shadowRoot?.querySelector(arguments[1]) ?? null;",
      host,
      selector,
    );
    if (!el) throw new Error(`no ${selector} in ${host}`);
    return el;
  }

  click(el) { return this.cmd("POST", `/element/${el[ELEMENT]}/click`, {}); }
  type(el, text) { return this.cmd("POST", `/element/${el[ELEMENT]}/value`, { text }); }
  clear(el) { return this.cmd("POST", `/element/${el[ELEMENT]}/clear`, {}); }

  /** A mouse drag from (x0, y0) to (x1, y1) in viewport pixels, in `steps` moves. */
  drag(x0, y0, x1, y1, steps = 8) {
    const moves = [];
    for (let i = 1; i <= steps; i++) {
      moves.push({
        type: "pointerMove",
        duration: 16,
        origin: "viewport",
        x: Math.round(x0 + ((x1 - x0) * i) / steps),
        y: Math.round(y0 + ((y1 - y0) * i) / steps),
      });
    }
    return this.cmd("POST", "/actions", {
      actions: [{
        type: "pointer",
        id: "mouse",
        parameters: { pointerType: "mouse" },
        actions: [
          { type: "pointerMove", duration: 0, origin: "viewport", x: Math.round(x0), y: Math.round(y0) },
          { type: "pointerDown", button: 0 },
          ...moves,
          { type: "pointerUp", button: 0 },
        ],
      }],
    });
  }

  async quit() {
    await this.cmd("DELETE", "", undefined).catch(() => {});
    this.stopDriver();
  }
}
