// A pushState router, as single-page apps have: links navigate with
// history.pushState, each entry carries the router's own state object, and
// on back/forward the route is read from that object; an entry without it
// (one a script wrote over) would be "not found".
window.hostRoutes = [];
function show(route) {
  document.getElementById("route").textContent = route;
  window.hostRoutes.push(route);
}
function routeOf(path) {
  const m = /\/pages\/app\/(\w+)$/.exec(path);
  return m ? m[1] : "home";
}
document.addEventListener("DOMContentLoaded", () => {
  history.replaceState({ router: true, route: routeOf(location.pathname) }, "");
  show(history.state.route);
  document.addEventListener("click", (e) => {
    const a = e.target.closest && e.target.closest("a[data-route]");
    if (!a) return;
    e.preventDefault();
    const route = routeOf(a.pathname);
    history.pushState({ router: true, route }, "", a.pathname);
    show(route);
  });
});
window.addEventListener("popstate", (e) => {
  show(e.state && e.state.router ? e.state.route : "not found");
});
