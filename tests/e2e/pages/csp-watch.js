// Records Content-Security-Policy violations in window.__cspViolations for the
// tests (the Chromium suite installs the same listener before any script).
if (!window.__cspViolations) {
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
}
