/* When this device's time zone is not the account's, say so and offer a one-tap switch (PATCH account/).
 * "Today" follows the account's zone everywhere; a traveller either switches or keeps logging home days. */
(function () {
  "use strict";
  var script = document.currentScript, account = script && script.dataset.accountZone;
  var device = "";
  try { device = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { return; }
  var key = "footlog-tz-kept:" + account + ">" + device;
  if (!account || !device || device === account || sessionStorage.getItem(key)) return;
  var main = document.getElementById("main");
  if (!main) return;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }
  var zones = { device: device, account: account };
  var banner = el("div", { class: "banner consider tz-banner", id: "tz-banner", role: "region", "aria-label": gettext("Time zone") });
  banner.appendChild(el("p", {}, interpolate(gettext("This phone is on %(device)s time, your account on %(account)s. " +
    "Days are dated in the account's zone."), zones, true)));
  var use = el("button", { type: "button", id: "tz-switch" }, interpolate(gettext("Use %(device)s"), zones, true));
  var keep = el("button", { type: "button", class: "secondary", id: "tz-keep" }, interpolate(gettext("Keep %(account)s"), zones, true));
  var status = el("p", { class: "error", role: "alert", hidden: "" });
  var choices = el("div", { class: "choices" });
  choices.appendChild(use); choices.appendChild(keep);
  banner.appendChild(choices); banner.appendChild(status);
  main.insertBefore(banner, main.firstChild);

  keep.addEventListener("click", function () { sessionStorage.setItem(key, "1"); banner.remove(); });
  use.addEventListener("click", function () {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    use.disabled = true;
    fetch("/api/v1/account/", {
      method: "PATCH", credentials: "same-origin", body: JSON.stringify({ timezone: device }),
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": m ? decodeURIComponent(m[1]) : "" },
    }).then(function (r) {
      if (!r.ok) return r.json().catch(function () { return {}; }).then(function (b) { throw new Error(b.detail || r.status); });
      location.reload();
    }).catch(function (e) {
      use.disabled = false;
      status.textContent = interpolate(gettext("Could not switch: %(why)s"), { why: e.message }, true);
      status.hidden = false;
    });
  });
})();
