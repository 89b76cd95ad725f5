// The actor network: fetches the page's own data as JSON and draws it with cytoscape.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("network");
  if (!box) { return; }
  fetch(box.dataset.source).then(function (r) { return r.json(); }).then(function (data) {
    var elements = data.nodes.map(function (n) {
      return { data: { id: n.id, label: n.id, weight: n.weight } };
    }).concat(data.edges.map(function (e, i) {
      return { data: { id: "e" + i, source: e.source, target: e.target, weight: e.weight,
                       conflict: e.conflict * 2 > e.weight ? 1 : 0 } };
    }));
    var graph = cytoscape({
      container: box, elements: elements, layout: { name: "cose", animate: false },
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 10, width: "mapData(weight, 1, 50, 12, 40)",
                                     height: "mapData(weight, 1, 50, 12, 40)", "background-color": "#36c" } },
        { selector: "edge", style: { width: "mapData(weight, 1, 20, 1, 8)", "curve-style": "bezier",
                                     "target-arrow-shape": "triangle", "line-color": "#999", "target-arrow-color": "#999" } },
        { selector: "edge[conflict = 1]", style: { "line-color": "#c33", "target-arrow-color": "#c33" } }
      ]
    });
    graph.on("tap", "node", function (event) {
      window.location.href = "/actor?name=" + encodeURIComponent(event.target.id());
    });
    box.dataset.rendered = String(data.nodes.length);
  });
});
