// The host's own router, as strict as many are: its routes are hashes like
// "#/about", and any other hash is "not found", which takes the page holding
// the widget away (as a single-page app unmounts the view it leaves).
window.hostRoutes = [];
const ROUTES = ["home", "about"];
function route() {
  const own = location.hash.replace(/^#\/?/, "") || "home";
  const known = ROUTES.includes(own);
  document.getElementById("route").textContent = known ? own : "not found";
  window.hostRoutes.push(known ? own : `not found: ${location.hash}`);
  if (!known) document.querySelector("ima-statements")?.remove();
}
window.addEventListener("hashchange", route);
document.addEventListener("DOMContentLoaded", route);
