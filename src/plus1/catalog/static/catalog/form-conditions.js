// SPDX-License-Identifier: EUPL-1.2
// Progressive enhancement of request forms: a field with data-show-if is hidden until the
// field it depends on has the given answer. Without JavaScript every field shows, with a
// sentence saying when to fill it in; the server ignores answers to hidden fields.
(function () {
  "use strict";
  function answer(form, name) {
    var inputs = form.querySelectorAll('[name="' + name + '"]');
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if (input.type === "radio" || input.type === "checkbox") {
        if (input.checked) { return input.type === "checkbox" && input.value === "on" ? "ja" : input.value; }
      } else if (input.value) {
        return input.value;
      }
    }
    return "";
  }
  function update(form) {
    var fields = form.querySelectorAll("[data-show-if]");
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i];
      var shown = answer(form, field.getAttribute("data-show-if")) === field.getAttribute("data-show-value");
      field.hidden = !shown;
    }
  }
  document.querySelectorAll("form").forEach(function (form) {
    if (!form.querySelector("[data-show-if]")) { return; }
    form.addEventListener("change", function () { update(form); });
    update(form);
  });
})();
