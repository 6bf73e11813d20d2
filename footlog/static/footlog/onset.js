/* Today: once per spot, when bumps are counted there for the first time, ask when they were first noticed (a
 * month, or "not sure", with an optional note). The answer goes straight to `PUT site-history/{site}/`, apart from
 * the day's entry, so the question never stands in the way of a save and adds no tap to the usual path. */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var box = $("onset-ask"), form = window.footlogForm;
  if (!box || !form) return;
  var answered = null; // {site: true} once site-history is read; null while unknown (offline: never asked)

  function token() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  var zone = JSON.parse($("today-config").textContent).timezone;
  function thisMonth() { return form.todayIn(zone).slice(0, 7); } // the account's month, as the API checks it
  function refresh() {
    var site = form.state.site, obs = site && form.state.obs[site];
    var count = Number($("count").value);
    var ask = answered !== null && site && obs && !answered[site] && $("count").value !== "" && count > 0;
    if (ask && box.dataset.site !== site) {
      box.dataset.site = site;
      $("onset-month").value = "";
      $("onset-month").max = thisMonth();
      $("onset-note").value = "";
      $("onset-status").textContent = "";
    }
    box.hidden = !ask;
  }
  function save(body) {
    var site = box.dataset.site;
    return fetch("/api/v1/site-history/" + site + "/", {
      method: "PUT", credentials: "same-origin", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": token() }
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) {
          var errors = data.errors || {};
          throw new Error(Object.keys(errors).map(function (k) { return errors[k].join(" "); }).join(" ") || data.detail);
        }
        answered[site] = true;
        $("onset-status").textContent = gettext("Noted.");
        setTimeout(refresh, 1200);
      });
    }).catch(function (err) {
      $("onset-status").textContent = err.message || gettext("Could not save that now; you will be asked again.");
    });
  }

  fetch("/api/v1/site-history/", { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (rows) {
      if (!rows) return;
      answered = {};
      rows.forEach(function (row) { answered[row.site] = true; });
      refresh();
    }).catch(function () { /* offline: ask another time */ });

  $("onset-save").addEventListener("click", function () {
    var month = $("onset-month").value;
    if (!month) { $("onset-status").textContent = gettext("Choose the month first, or tap Not sure."); return; }
    save({ noticed_since: month, note: $("onset-note").value });
  });
  $("onset-not-sure").addEventListener("click", function () {
    save({ not_sure: true, note: $("onset-note").value });
  });
  // The panel changes on taps and typing: look again after each (the spot, its count).
  document.addEventListener("click", function (e) { if (!box.contains(e.target)) setTimeout(refresh, 0); });
  document.addEventListener("input", function (e) { if (!box.contains(e.target)) refresh(); });
})();
