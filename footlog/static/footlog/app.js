/* footlog: what every page does. Registers the service worker, keeps the outbox moving and shows how
 * much is waiting, clears this device's data on sign-out, and fills detected values into forms. */
(function () {
  "use strict";
  /* The scripts' words: German and Spanish pages load Django's JavaScript catalog first (gettext & co.); English
     pages load none, and the words are the msgids as written. Dates and numbers: Intl in the page's language
     (English as the server writes it, "9 Nov 2026"). */
  var w = window;
  w.gettext = w.gettext || function (s) { return s; };
  w.ngettext = w.ngettext || function (s, p, n) { return n === 1 ? s : p; };
  w.interpolate = w.interpolate || function (s, o) { return s.replace(/%\((\w+)\)s/g, function (m, k) { return o[k]; }); };
  w.footlogLocale = document.documentElement.lang.replace(/^en$/, "en-GB");
  var box = window.FootlogOutbox;
  // Whose items this page may send and show (outbox.js): the signed-in account's key, "" when signed out.
  if (box) box.me(document.body.dataset.account || "");
  var status = document.getElementById("outbox-status");

  function show(n) {
    if (!status) return;
    status.hidden = !n;
    status.textContent = interpolate(ngettext("%(n)s item is waiting to be sent.", "%(n)s items are waiting to be sent.", n),
      { n: n }, true);
    document.dispatchEvent(new CustomEvent("footlog:outbox", { detail: n }));
  }

  function sync() {
    if (!box) return Promise.resolve(0);
    return box.flush().then(function (n) { show(n); showOthers(); return showHeld().then(function () { return n; }); });
  }

  /* Items the server refused, or that met a newer version, wait on their day for the person: point there. */
  var heldNote = document.createElement("p");
  heldNote.className = "outbox"; heldNote.id = "outbox-held"; heldNote.hidden = true;
  var others = heldNote.cloneNode();
  others.id = "outbox-others";
  if (status) status.after(heldNote, others);
  function dates(items, skip) {
    return items.map(function (it) { return it.kind === "entry" ? it.body.date : it.date; })
      .filter(function (d, i, all) { return d && all.indexOf(d) === i && d !== skip; }).sort();
  }
  /* Another account's items (or ones saved before items named their account): their number and dates, no more. */
  function showOthers() {
    return box.others().then(function (items) {
      var n = items.filter(function (it) { return it.kind === "entry"; }).length || items.length;
      var unnamed = items.some(function (it) { return !it.account; });
      others.hidden = !items.length;
      others.textContent = interpolate(ngettext(
        "%(n)s entry (%(dates)s) saved on this phone by another account — sign in as that account to send it.",
        "%(n)s entries (%(dates)s) saved on this phone by another account — sign in as that account to send them.", n),
        { n: n, dates: dates(items).join(", ") }, true);
      if (!unnamed || !document.body.dataset.account) return;
      var b = document.createElement("button");
      b.className = "link"; b.type = "button";
      b.textContent = gettext("Saved before the phone noted the account? If they are yours, send them to this account");
      b.onclick = function () { if (confirm(gettext("Send them to this account? Only if you saved them."))) box.claim().then(sync); };
      others.append(" ", b);
    }).catch(function () {});
  }
  function showHeld() {
    return box.held().then(function (items) {
      // Not the day whose card is on screen (Today or /day/<date>/): its card says it already.
      var days = dates(items, window.footlogForm && window.footlogForm.state.date);
      heldNote.textContent = "";
      heldNote.hidden = !days.length;
      if (!days.length) return;
      heldNote.appendChild(document.createTextNode(gettext("Not accepted yet, waiting for you: ")));
      days.forEach(function (d, i) {
        var a = document.createElement("a");
        a.href = "/day/" + d + "/"; a.textContent = d;
        if (i) heldNote.appendChild(document.createTextNode(", "));
        heldNote.appendChild(a);
      });
    }).catch(function () {});
  }

  document.addEventListener("footlog:day-loaded", showHeld);
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

  /* Leaving with unsaved changes asks first: the browser's own prompt on reload or close, a confirm for a link
     inside the app. A page says what "unsaved" means with FootlogGuard.watch(check); an app page's plain form
     counts as unsaved from its first input until it is submitted. */
  var checks = [], leaving = false;
  function unsaved() { return !leaving && checks.some(function (check) { return check(); }); }
  window.FootlogGuard = { watch: function (check) { checks.push(check); }, unsaved: unsaved };
  window.addEventListener("beforeunload", function (event) {
    if (unsaved()) { event.preventDefault(); event.returnValue = ""; }
  });
  window.addEventListener("pageshow", function () { leaving = false; });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey ||
        event.altKey || link.target === "_blank" || link.hasAttribute("download")) return;
    var url = new URL(link.href, location.href);
    if (url.origin !== location.origin || (url.pathname === location.pathname && url.search === location.search)) return;
    if (!unsaved()) return;
    if (window.confirm(gettext("Your changes on this page are not saved. Leave without saving them?"))) leaving = true;
    else event.preventDefault();
  });
  document.querySelectorAll("body.app main form[method=post]").forEach(function (form) {
    var dirty = false;
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("change", function () { dirty = true; });
    form.addEventListener("submit", function (event) { if (!event.defaultPrevented) dirty = false; });
    checks.push(function () { return dirty; });
  });

  // History and the calendar tell the outbox which days are logged (for the service worker's offline choice).
  document.querySelectorAll("[data-logged-days]").forEach(function (list) {
    var words = function (name) { return (list.getAttribute(name) || "").split(" ").filter(Boolean); };
    if (box) box.noteDays(words("data-logged-days"), words("data-unlogged-days")).catch(function () {});
  });

  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
})();
