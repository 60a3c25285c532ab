// Helpers that look into a widget's shadow root from the test side. Every
// helper takes the page and a CSS selector of the host element.

/** Waits until the widget in `host` has rendered its result count. */
export async function ready(page, host = "ima-statements") {
  await page.waitForFunction(
    (sel) => {
      const status = document.querySelector(sel)?.shadowRoot?.querySelector("[part=status]");
      return Boolean(status && status.textContent.trim());
    },
    host,
    { timeout: 15000 },
  );
}

/** Runs `fn(shadowRoot, arg)` in the page and returns its result (`fn` must be self-contained). */
export function inShadow(page, host, fn, arg = null) {
  // An expression string, so the page's CSP (no eval) is not involved.
  return page.evaluate(
    `(${fn.toString()})(document.querySelector(${JSON.stringify(host)})?.shadowRoot, ${JSON.stringify(arg)})`,
  );
}

/** The ids of the result cards, in order. */
export function ids(page, host = "ima-statements") {
  return inShadow(page, host, (root) =>
    [...root.querySelectorAll("[part=card-title]")].map((b) => b.dataset.id),
  );
}

/** The status line (result count). */
export function status(page, host = "ima-statements") {
  return inShadow(page, host, (root) => root.querySelector("[part=status]").textContent);
}

/** The widget events seen so far. */
export function events(page) {
  return page.evaluate(() => window.__imaEvents);
}

/** Waits for an event of `type` (after the first `after` ones) whose detail passes `match`. */
export async function waitEvent(page, type, match = {}, after = 0) {
  await page.waitForFunction(
    ([t, m, n]) =>
      window.__imaEvents.slice(n).some(
        (e) => e.type === t && Object.entries(m).every(([k, v]) => JSON.stringify(e.detail[k]) === JSON.stringify(v)),
      ),
    [type, match, after],
    { timeout: 10000 },
  );
}

/** Types `text` key by key into the widget's search box and waits for the search to run. */
export async function search(page, text, host = "ima-statements") {
  const seen = (await events(page)).length;
  const input = page.locator(`${host} [part=input]`);
  await input.fill("");
  await input.pressSequentially(text);
  await waitEvent(page, "ima-statements:change", { query: text }, seen);
}

/** Whether the element matching `inner` in the shadow root is shown. */
export function shown(page, host, inner) {
  return inShadow(
    page,
    host,
    (root, sel) => {
      const e = root.querySelector(sel);
      return Boolean(e && !e.closest("[hidden]") && e.getClientRects().length > 0);
    },
    inner,
  );
}

/** The element focused inside the widget: `{ part, act, key, tag, text }`, or null. */
export function focused(page, host = "ima-statements") {
  return inShadow(page, host, (root) => {
    const e = root.activeElement;
    if (!e) return null;
    return {
      tag: e.localName,
      part: e.getAttribute("part"),
      act: e.dataset.act ?? null,
      key: e.dataset.key ?? null,
      facet: e.dataset.facet ?? null,
      value: e.dataset.value ?? null,
      id: e.dataset.id ?? null,
      pressed: e.getAttribute("aria-pressed"),
      text: e.textContent.trim(),
    };
  });
}

/** The number a status line such as "1,000 statements" starts with, or NaN. */
export function statusCount(text) {
  return Number((text.match(/[\d,]+/) ?? ["NaN"])[0].replace(/,/g, ""));
}

// The same looks for the WebDriver suites (engines.mjs, engines-large.mjs):
// page scripts, function bodies whose `arguments` are the values passed.

/** The status line of the widget `arguments[0]`, once it has one (else null). */
export const STATUS_SCRIPT =
  "return document.querySelector(arguments[0])?.shadowRoot?.querySelector('[part=status]')?.textContent.trim() || null;";
/** The ids of the result cards of the widget `arguments[0]`, in order. */
export const IDS_SCRIPT =
  "return [...(document.querySelector(arguments[0])?.shadowRoot?.querySelectorAll('[part=card-title]') ?? [])].map((b) => b.dataset.id);";
/** Whether the element `arguments[1]` in the widget `arguments[0]` is shown. */
export const SHOWN_SCRIPT = `const e = document.querySelector(arguments[0])?.shadowRoot?.querySelector(arguments[1]);
  return Boolean(e && !e.closest("[hidden]") && e.getClientRects().length > 0);`;
