// The host's own router. Its routes are hashes like "#/about"; a hash with the
// widget's "#ima:" prefix is the widget's state and leaves the route as it was.
window.hostRoutes = [];
function route() {
  if (location.hash.startsWith("#ima:")) return;
  const own = location.hash.replace(/^#\/?/, "") || "home";
  document.getElementById("route").textContent = own;
  window.hostRoutes.push(own);
}
window.addEventListener("hashchange", route);
document.addEventListener("DOMContentLoaded", route);
