// SPDX-License-Identifier: EUPL-1.2
// Renders the API reference with Redoc (served from our own static files, no inline script).
(function () {
  var target = document.getElementById("naslag");
  if (!target || !window.Redoc) return;

  // Redoc's wide tables scroll sideways on a phone: make each such region reachable by
  // keyboard (WCAG 2.1.1), as Redoc itself does not.
  function focusableScrollers() {
    target.querySelectorAll("table, pre, div").forEach(function (element) {
      if (element.scrollWidth > element.clientWidth + 1 && !element.hasAttribute("tabindex")) {
        element.setAttribute("tabindex", "0");
      }
    });
  }

  window.Redoc.init(
    target.getAttribute("data-spec-url"),
    { hideDownloadButton: true, expandResponses: "200,201", scrollYOffset: 0 },
    target,
    focusableScrollers
  );
  window.addEventListener("resize", focusableScrollers);
})();
