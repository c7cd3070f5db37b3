/* Communique UI: tooltips for marks in article text, and the network drawing. No dependencies. */
(function () {
  "use strict";

  // -- tooltips: hovering or focusing a [data-tip] element shows its text; Escape hides it
  function tooltips() {
    var tip = document.getElementById("tip");
    if (!tip) return;
    var current = null;
    function show(el) {
      current = el;
      tip.textContent = el.getAttribute("data-tip");
      tip.hidden = false;
      el.setAttribute("aria-describedby", "tip");
      var r = el.getBoundingClientRect();
      var top = window.scrollY + r.bottom + 6;
      var left = Math.max(4, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 4));
      tip.style.top = top + "px";
      tip.style.left = left + "px";
    }
    function hide() {
      if (current) current.removeAttribute("aria-describedby");
      current = null;
      tip.hidden = true;
    }
    function first(el) {
      // a mark cut into pieces: its first piece holds the tooltip
      if (!el) return null;
      if (el.hasAttribute("data-tip")) return el;
      var id = el.getAttribute("data-mark");
      return id ? document.getElementById(id) : null;
    }
    document.addEventListener("mouseover", function (ev) {
      var el = first(ev.target.closest && ev.target.closest("[data-mark]"));
      if (el) show(el); else if (current && document.activeElement !== current) hide();
    });
    document.addEventListener("focusin", function (ev) {
      var el = ev.target.closest && ev.target.closest("[data-tip]");
      if (el) show(el); else hide();
    });
    document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") hide(); });
  }

  // -- network: a small force layout drawn as SVG; each node is a link to its actor page
  var SVG = "http://www.w3.org/2000/svg";
  function el(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function layout(nodes, edges, w, h) {
    var n = nodes.length, index = {};
    nodes.forEach(function (d, i) {
      index[d.key] = i;
      var a = 2 * Math.PI * i / Math.max(n, 1);
      d.x = w / 2 + Math.cos(a) * w / 3; d.y = h / 2 + Math.sin(a) * h / 3;
    });
    var links = edges.filter(function (e) { return e.source in index && e.target in index; });
    var k = Math.sqrt(w * h / Math.max(n, 1)) * 0.6;
    for (var it = 0; it < 300; it++) {
      var t = 0.1 * (1 - it / 300) * w;
      var dx = new Array(n).fill(0), dy = new Array(n).fill(0);
      for (var i = 0; i < n; i++) for (var j = i + 1; j < n; j++) {
        var x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y, d = Math.sqrt(x * x + y * y) || 0.01;
        var f = k * k / d;
        dx[i] += x / d * f; dy[i] += y / d * f; dx[j] -= x / d * f; dy[j] -= y / d * f;
      }
      links.forEach(function (e) {
        var a = index[e.source], b = index[e.target];
        var x = nodes[a].x - nodes[b].x, y = nodes[a].y - nodes[b].y, d = Math.sqrt(x * x + y * y) || 0.01;
        var f = d * d / k;
        dx[a] -= x / d * f; dy[a] -= y / d * f; dx[b] += x / d * f; dy[b] += y / d * f;
      });
      for (i = 0; i < n; i++) {
        dx[i] += (w / 2 - nodes[i].x) * 0.06 * k; dy[i] += (h / 2 - nodes[i].y) * 0.06 * k;
        var m = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
        nodes[i].x = Math.min(w - 20, Math.max(20, nodes[i].x + dx[i] / m * Math.min(m, t)));
        nodes[i].y = Math.min(h - 20, Math.max(20, nodes[i].y + dy[i] / m * Math.min(m, t)));
      }
    }
    return { index: index, links: links };
  }
  function network() {
    var svg = document.getElementById("network");
    var data = document.getElementById("network-data");
    if (!svg || !data) return;
    var g = JSON.parse(data.textContent);
    var w = 1000, h = 700;
    svg.setAttribute("viewBox", "0 0 " + w + " " + h);
    var lay = layout(g.nodes, g.edges, w, h);
    var maxCount = Math.max.apply(null, [1].concat(g.edges.map(function (e) { return e.count; })));
    var edges = el("g", { "class": "edges" }, svg);
    lay.links.forEach(function (e) {
      var a = g.nodes[lay.index[e.source]], b = g.nodes[lay.index[e.target]];
      var kind = e.cooperation > e.conflict ? "cooperation" : e.conflict > e.cooperation ? "conflict" : "mixed";
      var line = el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, "class": "edge " + kind,
        "stroke-width": 1 + 5 * e.count / maxCount }, edges);
      el("title", {}, line).textContent = a.name + " – " + b.name + ": " + e.count + " events (" +
        e.cooperation + " cooperation, " + e.conflict + " conflict)";
    });
    var maxEv = Math.max.apply(null, [1].concat(g.nodes.map(function (d) { return d.events; })));
    var nodes = el("g", { "class": "nodes" }, svg);
    g.nodes.forEach(function (d) {
      var a = el("a", { href: "/actors/" + encodeURIComponent(d.key), "class": "node", "data-key": d.key }, nodes);
      a.setAttribute("aria-label", d.name + ", " + d.events + " events");
      el("circle", { cx: d.x, cy: d.y, r: 5 + 12 * Math.sqrt(d.events / maxEv) }, a);
      el("text", { x: d.x + 8, y: d.y - 8 }, a).textContent = d.name;
    });
  }

  document.addEventListener("DOMContentLoaded", function () { tooltips(); network(); });
})();
