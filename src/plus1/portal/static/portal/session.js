// SPDX-License-Identifier: EUPL-1.2
// Idle time-out of the portal login: shortly before it, a dialog offers "Ingelogd blijven".
// Without JavaScript the page says when the login expires and has the same button.
(function () {
  "use strict";
  var notice = document.querySelector("[data-session-expires]");
  var dialog = document.querySelector("[data-session-dialog]");
  if (!notice || !dialog || typeof dialog.showModal !== "function") return;
  var form = notice.querySelector("[data-session-extend]");
  var expires = Number(notice.dataset.sessionExpires) * 1000;
  var warning = Number(notice.dataset.sessionWarning) * 1000;
  var timers = [];

  function showTime() {
    var text = new Date(expires).toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" });
    document.querySelectorAll("[data-session-time]").forEach(function (el) { el.textContent = text; });
  }

  function schedule() {
    timers.forEach(clearTimeout);
    var now = Date.now();
    timers = [
      setTimeout(function () { if (!dialog.open) dialog.showModal(); }, Math.max(0, expires - warning - now)),
      // At expiry the server has ended the login; reloading shows the login page and why.
      setTimeout(function () { window.location.reload(); }, Math.max(0, expires - now + 1000)),
    ];
  }

  function stay() {
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    }).then(function (response) {
      if (!response.ok) { window.location.reload(); return null; }
      return response.json();
    }).then(function (data) {
      if (!data) return;
      // Server clock and ours may differ: keep the same distance to the expiry.
      expires = Date.now() + (data.verloopt - data.nu) * 1000;
      showTime();
      schedule();
      dialog.close();
    }).catch(function () { form.submit(); });
  }

  dialog.querySelector("[data-session-stay]").addEventListener("click", stay);
  form.addEventListener("submit", function (event) { event.preventDefault(); stay(); });
  schedule();
})();
