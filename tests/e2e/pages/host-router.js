// The host's own router: it owns every hash that does not carry the widget's "ima:" state.
function route() {
  const hash = location.hash.replace(/^#/, "");
  const own = hash.split("ima:")[0].replace(/[&;]$/, "");
  document.getElementById("route").textContent = own.replace(/^\//, "") || "home";
  window.hostRouteChanges = (window.hostRouteChanges || 0) + 1;
}
window.addEventListener("hashchange", route);
document.addEventListener("DOMContentLoaded", route);
