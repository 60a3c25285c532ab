#!/usr/bin/env python3
"""The demo for editors: `./build.sh serve --watch [PORT]`.

Serves the demo on 127.0.0.1 and rebuilds it whenever a file under the
corpus directory changes. Pages it serves get a small script
(dev/reload.js) that listens to this server's Server-Sent Events: the page
reloads after a successful rebuild, and shows the error of a broken corpus
file (`file:line: reason`) while the build fails. Only the pages served
here get that script; dist/ never does.

    dev/serve.py --port PORT --site DIR --corpus DIR [--build CMD...]

CMD (default `./build.sh dev-build`) is run with the output directory as
its last argument and IMA_CORPUS_DIR set to the corpus; it exits non-zero
with the error on stderr when the corpus is broken. Standard library only.
"""

import argparse
import html
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
POLL_SECONDS = 0.3
# Editors save in bursts (an editor's swap file, then the file): wait for quiet.
SETTLE_SECONDS = 0.3


class Builds:
    """The rebuild loop and its state, shared with every open page."""

    def __init__(self, site, corpus, command):
        self.site = Path(site)
        # As given (relative to the repository, as the build names files).
        self.corpus = Path(corpus)
        self.command = command
        self.lock = threading.Condition()
        self.state = {"state": "building", "version": 0, "message": ""}

    def snapshot(self):
        """(path, mtime, size) of every corpus file the build reads: the
        statements (*.md) and the vocabulary (*.toml), not editors' backup
        and swap files."""
        out = []
        for dirpath, _, files in os.walk(ROOT / self.corpus):
            for name in files:
                if name.startswith(".") or not name.endswith((".md", ".toml")):
                    continue
                p = os.path.join(dirpath, name)
                try:
                    st = os.stat(p)
                except OSError:
                    continue
                out.append((p, st.st_mtime_ns, st.st_size))
        return sorted(out)

    def publish(self, **changes):
        with self.lock:
            self.state = {**self.state, **changes}
            self.lock.notify_all()

    def build_once(self, first):
        self.publish(state="building", message="")
        staging = self.site.with_name(self.site.name + ".next")
        shutil.rmtree(staging, ignore_errors=True)
        env = {**os.environ, "IMA_CORPUS_DIR": str(self.corpus)}
        started = time.monotonic()
        why = "building the demo" if first else f"{self.corpus} changed: rebuilding"
        print(f"==> {why} ({' '.join(self.command)})", flush=True)
        # The build's output goes to the terminal as it comes, and is kept
        # for the pages when it fails.
        child = subprocess.Popen(
            [*self.command, str(staging)], cwd=ROOT, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        output = []
        for line in child.stdout:
            sys.stdout.write(line)
            output.append(line)
        returncode = child.wait()
        took = time.monotonic() - started
        if returncode == 0:
            old = self.site.with_name(self.site.name + ".old")
            shutil.rmtree(old, ignore_errors=True)
            if self.site.exists():
                self.site.rename(old)
            staging.rename(self.site)
            shutil.rmtree(old, ignore_errors=True)
            print(f"==> rebuilt in {took:.1f} s; open pages reload", flush=True)
            self.publish(state="ok", version=self.state["version"] + 1, message="")
        else:
            message = error_message("".join(output))
            print(f"==> the build failed ({took:.1f} s); the pages show:\n{message}", flush=True)
            self.publish(state="error", message=message)

    def watch(self):
        first = True
        while True:
            # Taken before the build, so a file saved while it runs starts another.
            before = self.snapshot()
            self.build_once(first)
            first = False
            while self.snapshot() == before:
                time.sleep(POLL_SECONDS)
            time.sleep(SETTLE_SECONDS)


def error_message(output):
    """The lines of a failed build that say what is wrong: the corpus
    errors (`--> file:line: reason`) when there are any, else its end."""
    lines = [line.rstrip() for line in output.splitlines()]
    errors = [line.strip()[4:] for line in lines if line.strip().startswith("--> ")]
    after = "\n\nFix it and save: this page reloads once the demo is rebuilt."
    if errors:
        return "The statement corpus is invalid:\n" + "\n".join(errors) + after
    tail = [line for line in lines if line.strip()][-20:]
    return "The build failed:\n" + "\n".join(tail) + after


PLACEHOLDER_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>IMA statement archive: building</title></head>
<body><p>The demo has not been built yet.</p></body></html>
"""


def make_handler(builds):
    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(builds.site), **kwargs)

        def log_message(self, *args):
            pass

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def do_GET(self):
            path = self.path.split("?", 1)[0]
            if path == "/__dev/events":
                return self.events()
            if path in ("/__dev/reload.js", "/__dev/reload.css"):
                return self.file(HERE / path.rsplit("/", 1)[1])
            if path == "/favicon.ico":
                self.send_response(HTTPStatus.NO_CONTENT)
                self.end_headers()
                return None
            if path.endswith("/") or path.endswith(".html"):
                return self.page(path)
            return super().do_GET()

        def file(self, file):
            body = file.read_bytes()
            kind = "text/javascript" if file.suffix == ".js" else "text/css"
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", kind + "; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def page(self, path):
            """An HTML page of the site with the reload script added to its head."""
            rel = path.lstrip("/") + ("index.html" if path.endswith("/") else "")
            file = (builds.site / rel).resolve()
            if builds.site.resolve() not in file.parents:
                return self.send_error(HTTPStatus.NOT_FOUND)
            try:
                text = file.read_text(encoding="utf-8")
            except OSError:
                if rel != "index.html":
                    return self.send_error(HTTPStatus.NOT_FOUND)
                text = PLACEHOLDER_PAGE
            version = builds.state["version"]
            hook = (
                f'<meta name="ima-dev-version" content="{html.escape(str(version))}">\n'
                '<link rel="stylesheet" href="/__dev/reload.css">\n'
                '<script src="/__dev/reload.js" defer></script>\n'
            )
            text = text.replace("</head>", hook + "</head>", 1)
            body = text.encode("utf-8")
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None

        def events(self):
            """Server-Sent Events: the build state now, then at every change."""
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            last = None
            try:
                while True:
                    with builds.lock:
                        if builds.state == last:
                            builds.lock.wait(timeout=15)
                        state = dict(builds.state)
                    if state == last:
                        self.wfile.write(b": keep-alive\n\n")
                    else:
                        self.wfile.write(f"event: state\ndata: {json.dumps(state)}\n\n".encode())
                        last = state
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--site", required=True)
    parser.add_argument("--corpus", default="corpus", help="relative to the repository, or absolute")
    parser.add_argument("--build", nargs=argparse.REMAINDER, default=[str(ROOT / "build.sh"), "dev-build"])
    args = parser.parse_args()
    builds = Builds(args.site, args.corpus, args.build)
    try:
        server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(builds))
    except OSError as e:
        sys.exit(f"error: cannot serve on 127.0.0.1:{args.port}: {e.strerror}; "
                 "pick another port: ./build.sh serve --watch PORT")
    server.daemon_threads = True
    threading.Thread(target=builds.watch, daemon=True).start()
    print(f"==> Serving the demo on http://127.0.0.1:{server.server_port}/ and rebuilding it "
          f"when {args.corpus} changes (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
