// SPDX-License-Identifier: EUPL-1.2
// After a failed submission, move focus to the error summary so screen readers and keyboard
// users start at the list of problems (the summary also has autofocus for browsers that honour it).
(function () {
  var summary = document.querySelector(".error-summary");
  if (summary && document.activeElement !== summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }
})();
