// SPDX-License-Identifier: EUPL-1.2
// A real map over the configured tiles (Leaflet, served from our own static files). Without
// JavaScript or tiles the schematic SVG map next to it stays, and works the same.
(function () {
  "use strict";
  if (!window.L) { return; }
  document.querySelectorAll("[data-leaflet]").forEach(function (box) {
    var source = document.getElementById(box.getAttribute("data-leaflet"));
    if (!source) { return; }
    var data = JSON.parse(source.textContent);
    box.hidden = false;
    var map = L.map(box, {scrollWheelZoom: false});
    L.tileLayer(data.tiles, {maxZoom: 19, attribution: data.attribution}).addTo(map);
    map.fitBounds(data.bounds);
    data.points.forEach(function (point) {
      L.circleMarker([point.lat, point.lon], {
        radius: point.marker === "marker" ? 10 : 7,
        color: "#000", weight: 2, fillOpacity: 0.9,
        fillColor: point.marker === "marker" ? "#c00000" : "#e07000"
      }).bindTooltip(point.label).addTo(map);
    });
    var fallback = box.parentNode.querySelector(".map-fallback");
    if (fallback) { fallback.hidden = true; }
    var lat = document.getElementById(box.getAttribute("data-pick-lat") || "");
    var lon = document.getElementById(box.getAttribute("data-pick-lon") || "");
    if (!lat || !lon) { return; }
    var chosen = null;
    map.on("click", function (event) {
      lat.value = event.latlng.lat.toFixed(6);
      lon.value = event.latlng.lng.toFixed(6);
      if (chosen) { map.removeLayer(chosen); }
      chosen = L.circleMarker(event.latlng, {radius: 10, color: "#000", weight: 2, fillColor: "#c00000", fillOpacity: 0.9}).addTo(map);
      var status = document.getElementById("locatie-status");
      if (status) { status.textContent = "U heeft een plek op de kaart gekozen."; }
    });
  });
})();
