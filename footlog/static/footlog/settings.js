/* Settings: turn on push for this device, and delete the account through the API (which re-checks the
 * password, or the mailed code of an account without one, and rate-limits tries); import an export zip as a
 * job whose progress is shown; offer this phone's time zone as the default for a new choice. Everything else on
 * the page is a plain form. */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  function token() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  function send(method, path, body) {
    return fetch("/api/v1/" + path, { method: method, credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": token() },
      body: body === undefined ? undefined : JSON.stringify(body) });
  }
  function bytes(b64) {
    var s = atob(b64.replace(/-/g, "+").replace(/_/g, "/") + "==".slice(0, (4 - b64.length % 4) % 4));
    return Uint8Array.from(s, function (c) { return c.charCodeAt(0); });
  }

  var pushButton = $("push-enable"), pushStatus = $("push-status");
  if (pushButton) pushButton.addEventListener("click", function () {
    if (!("PushManager" in window) || !navigator.serviceWorker) {
      pushStatus.textContent = gettext("This browser cannot receive push notifications; email reminders still work.");
      return;
    }
    pushButton.disabled = true;
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") throw new Error(gettext("Notifications are blocked for this site in the browser settings."));
      return Promise.all([navigator.serviceWorker.ready, send("GET", "push/public-key").then(function (r) { return r.json(); })]);
    }).then(function (got) {
      var manager = got[0].pushManager;
      return manager.getSubscription().then(function (sub) {
        return sub || manager.subscribe({ userVisibleOnly: true, applicationServerKey: bytes(got[1].public_key) });
      });
    }).then(function (sub) {
      return send("POST", "push-subscriptions/", sub.toJSON());
    }).then(function (res) {
      if (!res.ok) throw new Error(interpolate(gettext("The server did not accept this device (%(status)s)."), res, true));
      // Push is a channel of the reminder: add it so the reminder actually uses it.
      return send("GET", "reminders/").then(function (r) { return r.json(); }).then(function (pref) {
        if (pref.channels.indexOf("push") >= 0) return null;
        return send("PUT", "reminders/", { channels: pref.channels.concat(["push"]) });
      });
    }).then(function () {
      pushStatus.textContent = gettext("Push is on for this phone.");
    }).catch(function (err) {
      pushStatus.textContent = err.message || gettext("Push could not be turned on.");
    }).then(function () { pushButton.disabled = false; });
  });

  var del = $("delete-account");
  if (del) del.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!window.confirm(del.dataset.question)) return;
    // A password account confirms with its password; one without (passkeys only) with the mailed code.
    var proof = $("delete-password") ? { password: $("delete-password").value } : { code: $("delete-code").value };
    send("DELETE", "account/", proof).then(function (res) {
      if (res.status === 204) {
        var box = window.FootlogOutbox;
        return (box ? box.clear() : Promise.resolve()).then(function () { location.href = "/account-deleted/"; });
      }
      return res.json().then(function (body) {
        var field = body.errors && (body.errors.password || body.errors.code);
        $("delete-status").textContent = field ? field.join(" ") : body.detail;
      });
    });
  });
  var codeButton = $("delete-code-send");
  if (codeButton) codeButton.addEventListener("click", function () {
    codeButton.disabled = true;
    send("POST", "account/delete-code").then(function (res) {
      if (res.status === 202) return gettext("We sent a code to your email address. It works for 10 minutes.");
      return res.json().then(function (body) {
        var field = body.errors && body.errors.code;
        return field ? field.join(" ") : body.detail;
      });
    }).catch(function () { return gettext("The code could not be sent; try again."); }).then(function (message) {
      $("delete-status").textContent = message;
      codeButton.disabled = false;
    });
  });

  // Import: the zip goes up as multipart (the browser sets the boundary), then the job is polled until it ends.
  var imp = $("import-form");
  if (imp) imp.addEventListener("submit", function (event) {
    event.preventDefault();
    var file = $("import-file").files[0], button = $("import-button");
    var bar = $("import-progress"), status = $("import-status"), alarm = $("import-error");
    // A failure is told as an error (role=alert, styled so), apart from the progress line.
    function fail(text) {
      status.textContent = "";
      alarm.textContent = text;
      alarm.hidden = false;
      button.disabled = false;
      bar.hidden = true;
    }
    alarm.hidden = true;
    if (!file) { fail(gettext("Choose the zip you downloaded from footlog first.")); return; }
    var data = new FormData();
    data.append("file", file);
    button.disabled = true;
    bar.value = 0;
    bar.hidden = false;
    status.textContent = gettext("Uploading…");
    function words(body, res) {
      return (body && body.detail) || interpolate(gettext("The import failed (%(status)s); try again."), res, true);
    }
    function finish(text) {
      status.textContent = text;
      button.disabled = false;
      bar.hidden = true;
    }
    function counts(days, photos) {
      return { days: interpolate(ngettext("%(n)s day", "%(n)s days", days), { n: days }, true),
               photos: interpolate(ngettext("%(n)s photo", "%(n)s photos", photos), { n: photos }, true) };
    }
    function summary(r) {
      var text = interpolate(gettext("Imported %(days)s and %(photos)s."), counts(r.entries, r.photos), true);
      if (r.entries_unchanged || r.photos_unchanged) {
        text += " " + interpolate(gettext("Already here: %(days)s and %(photos)s."), counts(r.entries_unchanged, r.photos_unchanged), true);
      }
      if (r.photos_missing) text += " " + interpolate(gettext("Missing from the zip: %(photos)s."), counts(0, r.photos_missing), true);
      return text;
    }
    function poll(url) {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (res) {
        return res.json().then(function (job) {
          if (!res.ok) return fail(words(job, res));
          bar.value = (job.progress && job.progress.percent) || 0;
          if (job.status === "done") return finish(summary(job.result));
          if (job.status === "failed") return fail((job.error && job.error.detail) || gettext("The import failed."));
          status.textContent = job.status === "queued" ? gettext("Waiting for its turn…") : interpolate(gettext("Importing… %(percent)s"),
            { percent: (bar.value / 100).toLocaleString(footlogLocale, { style: "percent" }) }, true);
          window.setTimeout(function () { poll(url); }, 1000);
        });
      }).catch(function () { window.setTimeout(function () { poll(url); }, 3000); });
    }
    fetch("/api/v1/account/import", { method: "POST", credentials: "same-origin", body: data,
      headers: { Accept: "application/json", "X-CSRFToken": token() } }).then(function (res) {
      return res.json().then(function (body) {
        if (res.status !== 202) return fail(words(body, res));
        status.textContent = gettext("Uploaded; importing…");
        poll(body.url);
      }, function () { fail(words(null, res)); });
    }).catch(function () { fail(gettext("The upload did not reach footlog; check the connection and try again.")); });
  });

  // The time zone: the server checks the name; here the phone's own zone is the default for a new choice.
  var tz = $("tz"), device = "";
  try { device = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { /* no zone: no default */ }
  if (tz && device) {
    tz.placeholder = device;
    var list = $("tz-list"), mine = null;
    Array.prototype.forEach.call(list.options, function (o) { if (o.value === device) mine = o; });
    if (!mine) { mine = document.createElement("option"); mine.value = device; }
    mine.label = gettext("This phone's zone");
    list.insertBefore(mine, list.firstChild);  // an emptied field lists it first
    var use = $(tz.dataset.deviceTimezone);
    if (use && tz.defaultValue !== device) {
      use.textContent = interpolate(gettext("Use this phone's zone: %(zone)s"), { zone: device }, true);
      use.hidden = false;
      use.addEventListener("click", function () {
        tz.value = device;
        tz.dispatchEvent(new Event("input", { bubbles: true }));  // a change like typing: leaving now asks first
        tz.focus();
      });
    }
    tz.form.addEventListener("submit", function () { if (!tz.value.trim()) tz.value = device; });
  }
})();
