// Added by dev/serve.py to the pages it serves (./build.sh serve --watch),
// never to dist/: reloads the page after the corpus is rebuilt, and shows
// why while the build fails (a broken corpus file's `file:line: reason`).
"use strict";
(() => {
  const meta = document.querySelector('meta[name="ima-dev-version"]');
  const served = meta ? Number(meta.content) : -1;
  let panel = null;

  function show(kind, text) {
    if (!panel) {
      panel = document.createElement("aside");
      panel.className = "ima-dev-status";
      panel.setAttribute("aria-live", "polite");
      document.body.prepend(panel);
    }
    panel.dataset.state = kind;
    panel.setAttribute("role", kind === "error" ? "alert" : "status");
    // Text only: the message quotes corpus files.
    const pre = document.createElement("pre");
    pre.textContent = text;
    panel.replaceChildren(pre);
    panel.hidden = false;
  }

  const events = new EventSource("/__dev/events");
  events.addEventListener("state", (event) => {
    const state = JSON.parse(event.data);
    if (state.state === "ok" && state.version !== served) {
      location.reload();
    } else if (state.state === "error") {
      show("error", state.message);
    } else if (state.state === "building") {
      show("building", "Rebuilding the demo from the corpus…");
    } else if (panel) {
      panel.hidden = true;
    }
  });
})();
