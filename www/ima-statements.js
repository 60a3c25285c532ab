/*! ima-statements loader: <script src="/ima/ima-statements.js" defer></script> <ima-statements></ima-statements> */
/* The IMA statement archive as a drop-in widget. (The line above is the
 * one comment the minified copy keeps.)
 *
 *   <script src="/ima/ima-statements.js" defer></script>
 *   <ima-statements topic="rohingya"></ima-statements>
 *
 * Loads the glue and the module of its own release from the directory this
 * file is served from, once for every widget on the page (their names carry
 * a hash of their content, written into RELEASE below by ./build.sh, so this
 * file is the one URL that changes between releases); defines
 * <ima-statements>, mounts [data-ima-statements] elements (also ones added
 * later), and exposes window.IMAStatements (unless the page already has a
 * global of that name: then the widget still works, and the API stays
 * reachable as window[Symbol.for("ima-statements")]). Everything else —
 * rendering, search, state — happens in the WebAssembly module.
 */
(function () {
  "use strict";
  // Our own marker, not the public global: a page may own a global named
  // like ours, and the widget must work there too. A second copy of the
  // loader on the page does nothing.
  var KEY = typeof Symbol === "function" ? Symbol.for("ima-statements") : "__imaStatements";
  if (window[KEY]) return;

  // Written by ./build.sh: this release's version, the date of the newest
  // statement it carries, and the content-hashed names of its glue and
  // module. (Unbuilt, the names are the unhashed ones and the glue finds
  // its module itself.)
  var RELEASE = { version: "dev", archiveDate: null, glue: "ima_statements.js", wasm: null };

  var script = document.currentScript;
  var base = new URL(".", (script && script.src) || document.baseURI).href;
  var ATTRIBUTES = ["lang", "query", "kind", "topic", "place", "organization", "person",
    "year", "from", "to", "sort", "view", "theme", "deep-link"];
  var MESSAGES = {
    en: "The statement archive cannot be shown in this browser.",
    es: "El archivo de declaraciones no se puede mostrar en este navegador.",
    fr: "Les archives des déclarations ne peuvent pas s’afficher dans ce navigateur.",
    id: "Arsip pernyataan tidak dapat ditampilkan di peramban ini."
  };
  var module = null;
  var handles = new WeakMap();

  function load() {
    if (!module) {
      // The module's download starts now, alongside the glue's, not after it.
      var wasm = RELEASE.wasm && fetch(base + RELEASE.wasm);
      if (wasm) wasm.catch(function () {}); // its failure is reported through init
      module = import(base + RELEASE.glue).then(function (glue) {
        return glue.default(wasm ? { module_or_path: wasm } : undefined).then(function () {
          return glue;
        });
      });
    }
    return module;
  }

  function fail(element, error) {
    var tag = (element.getAttribute("lang") || document.documentElement.lang || "en").slice(0, 2);
    var text = MESSAGES[tag.toLowerCase()] || MESSAGES.en;
    (element.shadowRoot || element).textContent = text;
    if (window.console) console.error("ima-statements:", error);
  }

  function mount(element, options) {
    var entry = handles.get(element);
    if (entry) return entry.ready;
    entry = { widget: null, alive: true };
    handles.set(element, entry);
    entry.ready = load().then(function (glue) {
      if (!entry.alive) return null;
      entry.widget = glue.mount(element, options || {});
      return entry.widget;
    }).catch(function (error) {
      if (entry.alive) fail(element, error);
      return null;
    });
    return entry.ready;
  }

  function unmount(element) {
    var entry = handles.get(element);
    if (!entry) return;
    handles.delete(element);
    entry.alive = false;
    if (entry.widget) entry.widget.unmount();
    entry.widget = null;
  }

  function forward(element, name) {
    var entry = handles.get(element);
    if (entry && entry.widget) entry.widget.setAttribute(name, element.getAttribute(name));
  }

  // Moving an element disconnects and reconnects it; only a real removal unmounts.
  function unmountIfGone(element) {
    Promise.resolve().then(function () {
      if (!element.isConnected) unmount(element);
    });
  }

  if (window.customElements && !customElements.get("ima-statements")) {
    customElements.define("ima-statements", class extends HTMLElement {
      static get observedAttributes() { return ATTRIBUTES; }
      connectedCallback() { mount(this); }
      disconnectedCallback() { unmountIfGone(this); }
      attributeChangedCallback(name) { forward(this, name); }
    });
  }

  function scan(root) {
    if (root.nodeType !== 1) return;
    if (root.hasAttribute("data-ima-statements")) mount(root);
    var found = root.querySelectorAll("[data-ima-statements]");
    for (var i = 0; i < found.length; i++) mount(found[i]);
  }

  function forget(root) {
    if (root.nodeType !== 1) return;
    if (root.hasAttribute("data-ima-statements")) unmountIfGone(root);
    var found = root.querySelectorAll("[data-ima-statements]");
    for (var i = 0; i < found.length; i++) unmountIfGone(found[i]);
  }

  function start() {
    scan(document.documentElement);
    new MutationObserver(function (records) {
      records.forEach(function (r) {
        if (r.type === "attributes") {
          if (r.target.hasAttribute("data-ima-statements")) forward(r.target, r.attributeName);
          return;
        }
        r.addedNodes.forEach(scan);
        r.removedNodes.forEach(forget);
      });
    }).observe(document.documentElement, {
      childList: true, subtree: true, attributes: true, attributeFilter: ATTRIBUTES
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }

  var api = {
    /** Mounts the widget in `element`; resolves to its handle (or null if it failed). */
    mount: mount,
    /** Removes the widget from `element`, freeing everything it holds. */
    unmount: unmount,
    /** The release, e.g. "0.2.0". */
    version: RELEASE.version,
    /** The date of the newest statement in the archive (its last day for a range), "YYYY-MM-DD". */
    archiveDate: RELEASE.archiveDate
  };
  window[KEY] = api;
  if (window.IMAStatements === undefined) {
    window.IMAStatements = api;
  } else if (window.console) {
    console.warn("ima-statements: the page already has a global named IMAStatements; it is left " +
      "alone, and the widget's script API is window[Symbol.for(\"ima-statements\")].");
  }
})();
