/* The feet map on the day form: twelve sites drawn in templates/pwa/_foot.html, each a button whose hit area
 * (rect.hit) is at least 44x44 CSS px on a phone. This file wires the buttons and shows each site's state; what
 * a tap means is the page's business: opening a site records nothing (today.js records it once a count is set).
 * States, as the legend under the map names them: bumps seen (with the count), looked and none, not looked. */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";

  function svgEl(tag, attrs) {
    var node = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  /* The count badge sits in the hit area's top-right corner; colour is never the only sign of the state. */
  function badge(g) {
    var b = g.querySelector(".badge");
    if (b) return b;
    var hit = g.querySelector(".hit"), x = +hit.getAttribute("x") + +hit.getAttribute("width"), y = +hit.getAttribute("y");
    b = svgEl("g", { class: "badge", "aria-hidden": "true", transform: "translate(" + (x - 14) + "," + (y + 11) + ")" });
    b.appendChild(svgEl("circle", { r: 10 }));
    b.appendChild(svgEl("text", { y: 4 }));
    g.appendChild(b);
    return b;
  }

  /* Spoken with the site's name ("Left heel, 3 bumps"), from a hidden line the button points at. */
  function describe(g, text) {
    var id = "state-" + g.dataset.site, line = document.getElementById(id);
    if (!line) {
      line = document.createElement("span");
      line.id = id;
      document.getElementById("map-states").appendChild(line);
      g.setAttribute("aria-describedby", id);
    }
    line.textContent = text;
  }

  function attach(map, open) {
    map.querySelectorAll(".site").forEach(function (g) {
      g.addEventListener("click", function () { open(g.dataset.site); });
      g.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(g.dataset.site); }
      });
    });
    paint(map, {}, null);
  }

  /* counts: {site: number} for the recorded sites only; current: the open site or null. */
  function paint(map, counts, current) {
    map.querySelectorAll(".site").forEach(function (g) {
      var site = g.dataset.site, n = site in counts ? counts[site] : null, b = badge(g);
      g.classList.toggle("has", n > 0);
      g.classList.toggle("none", n === 0);
      g.classList.toggle("current", site === current);
      g.setAttribute("aria-expanded", String(site === current));
      b.lastChild.textContent = n === null ? "" : n === 0 ? "✓" : String(n);
      b.classList.toggle("wide", n > 99);
      describe(g, n === null ? "not looked" : n === 0 ? "looked, none" : n === 1 ? "1 bump" : n + " bumps");
    });
  }

  window.FootlogFeetMap = { attach: attach, paint: paint };
})();
