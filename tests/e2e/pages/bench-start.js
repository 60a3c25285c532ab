// Runs just before the loader: marks the script start and the moments the
// widget is ready and has painted, for tests/e2e/bench.mjs.
window.__bench = { start: performance.now() };
/** Resolves with the time of the first frame painted after now. */
window.__afterPaint = () =>
  new Promise((ok) => requestAnimationFrame(() => setTimeout(() => ok(performance.now()), 0)));
document.addEventListener("ima-statements:ready", () => {
  window.__bench.ready = performance.now();
  window.__afterPaint().then((t) => { window.__bench.painted = t; });
});
