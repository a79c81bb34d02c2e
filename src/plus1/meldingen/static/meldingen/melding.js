// SPDX-License-Identifier: EUPL-1.2
// Progressive enhancement of the report form: a button that fills in the device location.
// Without JavaScript the form works the same (address, map click or coordinates).
(function () {
  "use strict";
  var lat = document.getElementById("veld-breedtegraad");
  var lon = document.getElementById("veld-lengtegraad");
  var status = document.getElementById("locatie-status");
  if (!lat || !lon || !navigator.geolocation) { return; }
  var button = document.createElement("button");
  button.type = "button";
  button.className = "secondary";
  button.textContent = "Gebruik mijn locatie";
  button.addEventListener("click", function () {
    status.textContent = "Uw locatie wordt opgevraagd…";
    navigator.geolocation.getCurrentPosition(function (position) {
      lat.value = position.coords.latitude.toFixed(6);
      lon.value = position.coords.longitude.toFixed(6);
      lat.closest("details").open = true;
      status.textContent = "Uw locatie is ingevuld.";
    }, function () {
      status.textContent = "Uw locatie kon niet worden bepaald. Typ een adres of klik op de kaart.";
    }, {enableHighAccuracy: true, timeout: 10000});
  });
  var details = lat.closest("details");
  details.parentNode.insertBefore(button, details);
})();

// A category suggested as you type: the description goes to the suggestion API; while the
// resident has not chosen a category, the most likely one is selected and announced.
(function () {
  "use strict";
  var text = document.getElementById("veld-omschrijving");
  var select = document.getElementById("veld-categorie");
  var status = document.getElementById("voorstel-categorie");
  if (!text || !select || !status || !window.fetch) { return; }
  var chosenByHand = select.value !== "";
  var timer = null;
  select.addEventListener("change", function () { chosenByHand = select.value !== ""; });
  function ask() {
    var words = text.value.trim();
    if (chosenByHand || words.length < 10) { return; }
    fetch("/api/v1/meldingen/categoriesuggesties", {
      method: "POST",
      headers: {"Content-Type": "application/json", "Accept": "application/json"},
      body: JSON.stringify({tekst: words.slice(0, 2000)})
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (body) {
      if (!body || !body.suggesties || !body.suggesties.length || chosenByHand) { return; }
      var best = body.suggesties[0];
      select.value = best.categorie;
      status.textContent = "Wij stellen voor: " + best.naam + ". Klopt dat niet? Kies een andere categorie.";
    }).catch(function () { /* the form works without a suggestion */ });
  }
  text.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, 500);
  });
})();
