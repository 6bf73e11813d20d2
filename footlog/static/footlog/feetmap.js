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

  /* The count badge sits in the hit area's top-right corner; colour is never the only sign of the state. It is
     drawn beside the button, not inside it: the button's visible text stays its label ("Heel"), which its name
     ("Left heel") contains, as voice control needs (axe: label-content-name-mismatch). */
  function badge(g) {
    var b = g.nextElementSibling;
    if (b && b.classList.contains("badge")) return b;
    var hit = g.querySelector(".hit"), x = +hit.getAttribute("x") + +hit.getAttribute("width"), y = +hit.getAttribute("y");
    b = svgEl("g", { class: "badge", "aria-hidden": "true", transform: "translate(" + (x - 14) + "," + (y + 11) + ")" });
    b.appendChild(svgEl("circle", { r: 10 }));
    b.appendChild(svgEl("text", { y: 4 }));
    g.parentNode.insertBefore(b, g.nextSibling);
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

  /* The map is one Tab stop (a roving tabindex): the arrow keys move between the sites in the order they are
     drawn, row by row (Home, End: first, last), and the last site used keeps the stop. Twelve Tab stops between
     the day picker and the form were most of the way to Save for a keyboard. */
  function rove(sites, to) {
    sites.forEach(function (s) { s.setAttribute("tabindex", s === to ? "0" : "-1"); });
  }
  var MOVES = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

  function attach(map, open) {
    var sites = [].slice.call(map.querySelectorAll(".site"));
    rove(sites, sites[0]);
    sites.forEach(function (g, i) {
      g.addEventListener("click", function () { open(g.dataset.site); });
      g.addEventListener("focus", function () { rove(sites, g); });
      g.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(g.dataset.site); return; }
        var to = e.key in MOVES ? (i + MOVES[e.key] + sites.length) % sites.length
          : e.key === "Home" ? 0 : e.key === "End" ? sites.length - 1 : -1;
        if (to < 0) return;
        e.preventDefault();
        rove(sites, sites[to]);
        sites[to].focus();
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
      b.classList.toggle("has", n > 0);
      b.classList.toggle("none", n === 0);
      g.classList.toggle("current", site === current);
      g.setAttribute("aria-expanded", String(site === current));
      b.lastChild.textContent = n === null ? "" : n === 0 ? "✓" : String(n);
      b.classList.toggle("wide", n > 99);
      describe(g, n === null ? gettext("not looked") : n === 0 ? gettext("looked, none")
        : interpolate(ngettext("%(n)s bump", "%(n)s bumps", n), { n: n }, true));
    });
  }

  window.FootlogFeetMap = { attach: attach, paint: paint };
})();
