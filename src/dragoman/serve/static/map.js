// The map of located events: an offline basemap (Natural Earth countries shipped with
// dragoman, as TopoJSON) under clustered event markers; no tile server.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("map");
  if (!box) { return; }
  var map = L.map(box, { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([25, 10], 2);
  fetch(box.dataset.basemap).then(function (r) { return r.json(); }).then(function (world) {
    var countries = topojson.feature(world, world.objects.countries);
    L.geoJSON(countries, { style: { color: "#888", weight: 0.6, fillColor: "#eee", fillOpacity: 1 } }).addTo(map);
    return fetch(box.dataset.source);
  }).then(function (r) { return r.json(); }).then(function (data) {
    var clusters = L.markerClusterGroup();
    data.events.forEach(function (e) {
      var icon = L.divIcon({ className: "pin q" + (e.quad || 0), iconSize: [12, 12] });
      var marker = L.marker([e.lat, e.lon], { icon: icon, title: e.event + " " + (e.place || "") });
      var link = document.createElement("a");
      link.href = "/events/" + encodeURIComponent(e.article_id) + "/" + encodeURIComponent(e.event_id);
      link.textContent = e.event + " — " + (e.place || "") + " " + (e.date || "");
      marker.bindPopup(link);
      clusters.addLayer(marker);
    });
    map.addLayer(clusters);
    document.getElementById("map-count").textContent = data.events.length +
      (data.capped ? " (the first found: narrow the filter to see the others)" : "");
    box.dataset.rendered = String(data.events.length);
  });
});
