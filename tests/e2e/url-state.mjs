// End-to-end tests of the widget's state in the URL on host pages that route
// or scroll by the URL themselves: a History API (pushState) app and a long
// page with in-page anchors. (The hash-routed page is in run.mjs.)
import { assert, equal, routeOnceIs, test } from "./harness.mjs";
import { ids, search } from "./widget.mjs";

/** Registers the tests; `open(path)` opens a page and waits for its widget, `clean(page, what)` checks its console. */
export function register({ open, clean, ROHINGYA }) {
  const imaParam = (page) => page.evaluate(() => new URLSearchParams(location.search).get("ima"));
  const chips = (page) => page.locator("ima-statements [part=chip]").count();

  test("a History API (pushState) app keeps its routes and its history state", async () => {
    const page = await open("/pages/history-app.html");
    const route = () => page.locator("#route").textContent();
    equal(await route(), "home", "the app's first route");
    await page.click('a[href="/pages/app/about"]');
    equal(await route(), "about", "the app navigates with pushState");
    await search(page, "rohingya");
    equal(await page.evaluate(() => location.pathname), "/pages/app/about", "typing keeps the app's path");
    equal(await imaParam(page), "q=rohingya", "the widget's state in the query");
    equal(await page.evaluate(() => JSON.stringify(history.state)), JSON.stringify({ router: true, route: "about" }),
      "the app's own history state survives the widget's write");
    await page.locator("ima-statements [data-act=facet][data-facet=kind][data-value=statement]").click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get("ima")?.includes("kind=statement"));
    equal(await page.evaluate(() => history.state?.route), "about", "a filter's new entry carries the app's state");

    await page.goBack();
    await page.waitForFunction(() => !document.querySelector("ima-statements").shadowRoot.querySelector("[part=chip]"));
    equal(await routeOnceIs(page, "about"), "about", "back within the widget's entries keeps the app's route");
    equal(await imaParam(page), "q=rohingya", "back undoes the filter");
    await page.goBack();
    equal(await routeOnceIs(page, "home"), "home", "back to the app's first route");
    await page.waitForFunction(() => document.querySelector("ima-statements").shadowRoot.querySelector("[part=input]").value === "");
    equal(await imaParam(page), null, "no widget state on the first entry");
    await page.goForward();
    await page.goForward();
    equal(await routeOnceIs(page, "about"), "about", "forward to the app's route");
    await page.waitForFunction(() => document.querySelector("ima-statements").shadowRoot.querySelector("[part=chip]"));
    equal(await chips(page), 1, "forward restores the filter");
    const seen = await page.evaluate(() => window.hostRoutes);
    assert(!seen.includes("not found"), `the app never lost its state: ${seen}`);
    await clean(page, "history app");
    await page.closeAll();
  });

  test("a page with in-page anchors keeps its fragment and its scroll", async () => {
    const page = await open("/pages/anchors.html#section-2");
    const top = () => page.evaluate(() => Math.round(document.getElementById("section-2").getBoundingClientRect().top));
    assert(Math.abs(await top()) < 5, `scrolled to #section-2 at load (top ${await top()})`);
    await search(page, "rohingya");
    sameIds(await ids(page), ROHINGYA);
    equal(await page.evaluate(() => location.hash), "#section-2", "the fragment stays");
    equal(await imaParam(page), "q=rohingya", "the widget's state in the query");
    assert(Math.abs(await top()) < 5, `typing does not scroll the page (top ${await top()})`);
    await page.click('a[href="#section-3"]');
    await page.waitForFunction(() => location.hash === "#section-3");
    equal(await imaParam(page), "q=rohingya", "following an anchor keeps the widget's state");
    await page.goBack();
    await page.waitForFunction(() => location.hash === "#section-2");
    equal(await page.evaluate(() => document.querySelector("ima-statements").shadowRoot.querySelector("[part=input]").value),
      "rohingya", "back to the anchor keeps the widget's state");
    await clean(page, "anchors");
    await page.closeAll();
  });

  function sameIds(found, expected) {
    equal(JSON.stringify(found.slice(0, expected.length).sort()), JSON.stringify([...expected].sort()), "search results");
  }
}
