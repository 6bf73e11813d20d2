/* footlog: what every page does. Registers the service worker, keeps the outbox moving and shows how
 * much is waiting, clears this device's data on sign-out, and fills detected values into forms. */
(function () {
  "use strict";
  var box = window.FootlogOutbox;
  var status = document.getElementById("outbox-status");

  function show(n) {
    if (!status) return;
    status.hidden = !n;
    status.textContent = n === 1 ? "1 item is waiting to be sent." : n + " items are waiting to be sent.";
    document.dispatchEvent(new CustomEvent("footlog:outbox", { detail: n }));
  }

  function sync() {
    if (!box) return Promise.resolve(0);
    return box.flush().then(function (n) { show(n); return n; });
  }

  window.footlogSync = sync;
  window.footlogShowWaiting = show;

  if (box) {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    // The service worker cannot read cookies; it sends queued items with the token kept here.
    if (m) box.setMeta("csrf", decodeURIComponent(m[1])).catch(function () {});
    window.addEventListener("online", sync);
    sync();
  }

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  }

  // Signing out forgets whatever this device still holds for the account.
  document.querySelectorAll("form[data-clear-outbox]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.cleared) return;
      event.preventDefault();
      var done = function () { form.dataset.cleared = "1"; form.submit(); };
      var jobs = [box ? box.clear() : null];
      if (window.caches) jobs.push(caches.keys().then(function (keys) {
        return Promise.all(keys.map(function (k) { return caches.delete(k); }));
      }));
      Promise.all(jobs).then(done, done);
    });
  });

  document.querySelectorAll("input[data-detect-timezone]").forEach(function (input) {
    try { input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || input.value; } catch (e) { /* keep */ }
    var out = document.getElementById(input.dataset.detectTimezone);
    if (out) out.textContent = input.value;
  });

  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
})();
