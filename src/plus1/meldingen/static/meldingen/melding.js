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
