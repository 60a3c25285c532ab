// End-to-end pages of the chronology: the default two-line embed, a
// zoomed-in chronology with its overview band, and a query, each at 320, 768
// and 1280 px in the light and dark themes. Each is screenshotted (to
// target/e2e/screens/chrono-*.png) and audited by axe; the titles on the axis
// must not overlap and nothing may be wider than the screen.
//
// Registered by run.mjs: `register({ test, open, axe, shots })`.

import { assert, equal, screenshot } from "./harness.mjs";
import { inShadow, search } from "./widget.mjs";

const WIDTHS = [320, 768, 1280];
const SCHEMES = ["light", "dark"];

/** Boxes of the titles on the axis, and whether any two overlap. */
function titles(page) {
  return inShadow(page, "ima-statements", (root) => {
    const boxes = [...root.querySelectorAll(".tl-title")].map((t) => t.getBoundingClientRect());
    const overlaps = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
          overlaps.push(`${i}/${j}`);
        }
      }
    }
    const frame = root.querySelector(".tl-frame").getBoundingClientRect();
    const outside = boxes.filter((b) => b.left < frame.left - 0.5 || b.right > frame.right + 0.5).length;
    return { count: boxes.length, overlaps, outside };
  });
}

/** Whether the widget's root is wider than the screen. */
function overflow(page) {
  return inShadow(page, "ima-statements", (root) => {
    const e = root.querySelector("[part=root]");
    return e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth + 1;
  });
}

const SCENES = {
  // The two-line embed, nothing set: the chronology shows by default.
  async embed() {},
  // Zoomed in twice: the overview band appears under the drawing.
  async zoomed(page) {
    for (let i = 0; i < 3; i++) await page.locator("ima-statements .tl-button[data-tl=in]").click();
    await page.waitForFunction(() =>
      !document.querySelector("ima-statements").shadowRoot.querySelector(".tl-band").hidden);
  },
  // A query, and focus on the chronology's first statement, a match: its
  // card shows the query's snippet.
  async query(page) {
    await search(page, "rohingya");
    await inShadow(page, "ima-statements", (root) => root.querySelector(".tl-marks [tabindex='0']").focus());
    await page.waitForFunction(() =>
      document.querySelector("ima-statements").shadowRoot.querySelector(".tl-card:not([hidden]) mark"));
  },
};

export function register({ test, open, axe, shots }) {
  test("chronology: the default embed, zoomed in with the overview band, a query — 320/768/1280 px, light and dark, axe clean", async () => {
    const bad = [];
    for (const scheme of SCHEMES) {
      for (const width of WIDTHS) {
        for (const [name, act] of Object.entries(SCENES)) {
          const page = await open("/pages/embed.html", { width, height: 900, colorScheme: scheme });
          const shown = await inShadow(page, "ima-statements", (root) =>
            Boolean(root.querySelector("[part=chronology] .tl-svg")));
          assert(shown, "the default embed shows the chronology");
          await act(page);
          await page.waitForTimeout(400);
          await screenshot(page, shots, `chrono-${name}-${width}-${scheme}`);
          // The chronology alone, to look at closely (README's picture is one).
          await page.locator("ima-statements [part=chronology]")
            .screenshot({ path: `${shots}/chrono-${name}-${width}-${scheme}-part.png` });
          const t = await titles(page);
          if (t.overlaps.length) bad.push(`${name} ${width} ${scheme}: titles overlap ${t.overlaps.join(", ")}`);
          if (t.outside) bad.push(`${name} ${width} ${scheme}: ${t.outside} titles outside the frame`);
          if (name === "embed" && t.count < 3) bad.push(`${name} ${width} ${scheme}: only ${t.count} titles`);
          if (await overflow(page)) bad.push(`${name} ${width} ${scheme}: wider than the screen`);
          for (const v of await axe(page, `chronology ${name} ${width} ${scheme}`)) {
            bad.push(`${name} ${width} ${scheme}: axe ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" > ")).join("; ")}`);
          }
          await page.closeAll();
        }
      }
    }
    equal(bad.join("\n        "), "", "chronology pages");
  });
}
