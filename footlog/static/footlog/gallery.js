/* A spot's gallery (/photos/<site>/): enlarge a photo, compare two dates side by side and one over the other
 * (a range input wipes or fades the later one over the earlier), retag a photo (PATCH) or delete it (DELETE).
 * The page lists the photos (server-rendered); their data for this script is in #gallery-data. */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var data = $("gallery-data");
  if (!data) return;
  var items = JSON.parse(data.textContent);
  var byId = {};
  items.forEach(function (p) { byId[p.id] = p; });
  var VIEWS = { overview: gettext("overview"), closeup: gettext("close-up") };
  var FLASH = "footlog-gallery-flash";

  function csrf() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  function call(method, path, body) {
    var headers = { Accept: "application/json", "X-CSRFToken": csrf() };
    if (body) headers["Content-Type"] = "application/json";
    return fetch("/api/v1/" + path, { method: method, headers: headers, credentials: "same-origin",
      body: body ? JSON.stringify(body) : undefined }).then(function (r) {
      if (!r.ok) {
        return r.json().catch(function () { return {}; }).then(function (b) {
          throw new Error(b.detail || interpolate(gettext("The server said no (%(status)s)."), r, true));
        });
      }
      return r.status === 204 ? null : r.json();
    });
  }
  function longDate(iso) {
    return new Date(iso + "T12:00:00Z").toLocaleDateString(footlogLocale,
      { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  }
  function shortDate(iso) {
    return new Date(iso + "T12:00:00Z").toLocaleDateString(footlogLocale,
      { day: "numeric", month: "short", year: "2-digit", timeZone: "UTC" });
  }
  function describe(p) {
    var parts = [kind(p)];
    if (p.scale_in_frame) parts.push(gettext("coin or ruler in frame"));
    if (p.sharp === false) parts.push(gettext("looks blurred"));
    if (p.exposure === "dark") parts.push(gettext("looks dark"));
    if (p.exposure === "bright") parts.push(gettext("looks too bright"));
    return parts.join(" · ");
  }
  function kind(p) { return p.view ? VIEWS[p.view] : gettext("not tagged"); }
  function status(text) {
    var s = $("gallery-status");
    s.textContent = text; s.hidden = !text;
  }
  try {
    var flash = sessionStorage.getItem(FLASH);
    if (flash) { sessionStorage.removeItem(FLASH); status(flash); }
  } catch (e) { /* storage off: no message */ }

  /* --- compare ------------------------------------------------------------------------------- */
  var a = $("cmp-a"), b = $("cmp-b"), slider = $("cmp-slider");
  function fillSelects() {
    [a, b].forEach(function (select) {
      var keep = select.value;
      select.textContent = "";
      items.forEach(function (p) {
        var o = document.createElement("option");
        o.value = p.id; o.textContent = shortDate(p.date) + " · " + kind(p);
        select.appendChild(o);
      });
      if (byId[keep]) select.value = keep;
    });
  }
  /* By default the first and the latest of the kind of shot with the most photos: like with like. */
  function defaults() {
    var groups = {};
    items.forEach(function (p) { (groups[p.view || ""] = groups[p.view || ""] || []).push(p); });
    var best = Object.keys(groups).sort(function (x, y) { return groups[y].length - groups[x].length; })[0];
    var list = groups[best] && groups[best].length > 1 ? groups[best] : items;
    a.value = list[0].id; b.value = list[list.length - 1].id;
  }
  function mode() {
    var checked = document.querySelector("input[name=cmp-mode]:checked");
    return checked ? checked.value : "wipe";
  }
  /* The top (later) photo is cut at the slider (wipe) or shown at the slider's opacity (fade). CSSOM, not a
     style attribute: the page's CSP allows no inline style. */
  function slide() {
    var top = $("ov-top"), line = $("ov-line"), v = +slider.value;
    if (mode() === "wipe") { top.style.clipPath = "inset(0 0 0 " + (100 - v) + "%)"; top.style.opacity = "1"; }
    else { top.style.clipPath = "none"; top.style.opacity = String(v / 100); }
    line.hidden = mode() !== "wipe";
    line.style.left = (100 - v) + "%";
    var share = { percent: (v / 100).toLocaleString(footlogLocale, { style: "percent" }) };
    slider.setAttribute("aria-valuetext", interpolate(mode() === "wipe" ? gettext("%(percent)s of the after photo shown")
      : gettext("after photo at %(percent)s opacity"), share, true));
  }
  function showCompare() {
    var card = $("compare");
    if (!card) return;
    card.hidden = items.length < 2;
    if (items.length < 2) return;
    var pa = byId[a.value], pb = byId[b.value];
    [["a", pa], ["b", pb]].forEach(function (pair) {
      var p = pair[1], img = $("cmp-img-" + pair[0]);
      img.src = p.image_url; img.alt = interpolate(gettext("Photo of %(date)s"), { date: longDate(p.date) }, true);
      $("cmp-cap-" + pair[0]).textContent = shortDate(p.date) + " · " + kind(p) +
        (p.scale_in_frame ? " · ⌀ " + gettext("scale") : "");
    });
    $("ov-bottom").src = pa.image_url; $("ov-bottom").alt = interpolate(gettext("Before: %(date)s"), { date: longDate(pa.date) }, true);
    $("ov-top").src = pb.image_url; $("ov-top").alt = interpolate(gettext("After: %(date)s"), { date: longDate(pb.date) }, true);
    $("ov-tag-a").textContent = shortDate(pa.date); $("ov-tag-b").textContent = shortDate(pb.date);
    $("cmp-note").textContent = pa.view !== pb.view ? gettext("These two are not the same kind of shot: compare like with like.") : "";
    slide();
  }
  if (a && b && items.length) {
    fillSelects(); defaults();
    [a, b].forEach(function (s) { s.addEventListener("change", showCompare); });
    slider.addEventListener("input", slide);
    document.querySelectorAll("input[name=cmp-mode]").forEach(function (r) { r.addEventListener("change", slide); });
    showCompare();
  }

  /* --- enlarge, retag, delete ------------------------------------------------------------------ */
  var viewer = $("viewer"), current = null;
  function open(id) {
    var p = byId[id];
    if (!p) return;
    current = p;
    $("viewer-title").textContent = longDate(p.date);
    $("viewer-img").src = p.image_url;
    $("viewer-img").alt = interpolate(gettext("Photo of %(date)s, %(what)s"), { date: longDate(p.date), what: describe(p) }, true);
    $("viewer-meta").textContent = describe(p);
    $("viewer-view").value = p.view || "";
    $("viewer-scale").checked = !!p.scale_in_frame;
    $("viewer-status").textContent = "";
    $("viewer-day").href = p.day_url;
    viewer.showModal();
  }
  document.querySelectorAll("[data-open]").forEach(function (button) {
    button.addEventListener("click", function () { open(button.dataset.open); });
  });
  $("viewer-close").addEventListener("click", function () { viewer.close(); });
  viewer.addEventListener("click", function (e) { if (e.target === viewer) viewer.close(); });  // the backdrop

  $("viewer-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var p = current, view = $("viewer-view").value;
    if (!view) { $("viewer-status").textContent = gettext("Choose overview or close-up first."); return; }
    $("viewer-save").disabled = true;
    call("PATCH", "photos/" + p.id + "/", { view: view, scale_in_frame: $("viewer-scale").checked }).then(function () {
      // The page groups photos by kind: show the new grouping from the server.
      var saved = interpolate(gettext("Tags saved for the photo of %(date)s."), { date: longDate(p.date) }, true);
      try { sessionStorage.setItem(FLASH, saved); } catch (err) { /* */ }
      location.reload();
    }).catch(function (err) {
      $("viewer-status").textContent = interpolate(gettext("Not saved: %(why)s"), { why: err.message }, true);
      $("viewer-save").disabled = false;
    });
  });

  $("viewer-delete").addEventListener("click", function () {
    var p = current;
    if (!window.confirm(interpolate(gettext("Delete the photo of %(date)s? This cannot be undone."), { date: longDate(p.date) }, true))) return;
    $("viewer-delete").disabled = true;
    call("DELETE", "photos/" + p.id + "/").then(function () {
      viewer.close();
      items = items.filter(function (x) { return x.id !== p.id; });
      delete byId[p.id];
      var li = document.querySelector('li[data-photo="' + p.id + '"]'), list = li && li.parentNode;
      if (li) li.remove();
      if (list && !list.children.length) list.closest("section").remove();
      else if (list) {
        var count = list.closest("section").querySelector("h2 .muted");
        if (count) count.textContent = "· " + list.children.length;
      }
      status(interpolate(gettext("Photo of %(date)s deleted."), { date: longDate(p.date) }, true));
      if (items.length) { fillSelects(); if (!byId[a.value] || !byId[b.value] || a.value === b.value) defaults(); }
      showCompare();
    }).catch(function (err) {
      $("viewer-status").textContent = interpolate(gettext("Not deleted: %(why)s"), { why: err.message }, true);
    }).then(function () { $("viewer-delete").disabled = false; });
  });
})();
