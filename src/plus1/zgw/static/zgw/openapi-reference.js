// SPDX-License-Identifier: EUPL-1.2
// Renders the API reference with Redoc (served from our own static files, no inline script).
(function () {
  var target = document.getElementById("naslag");
  if (!target || !window.Redoc) return;
  window.Redoc.init(
    target.getAttribute("data-spec-url"),
    { hideDownloadButton: true, expandResponses: "200,201", scrollYOffset: 0 },
    target
  );
})();
