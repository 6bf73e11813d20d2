/* The Today page: pick spots on the feet map, describe them, tick the routine, save.
 * Saving always goes through the outbox (outbox.js), online or not, so there is one path to the server. */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var form = $("today-form");
  if (!form) return;
  var config = JSON.parse($("today-config").textContent);
  var box = window.FootlogOutbox;
  var labels = {};
  config.sites.forEach(function (s) { labels[s.key] = s.label; });
  // The day comes from the URL (/day/2026-11-30/), else it is today in the account's zone: never the phone's
  // own date, which a traveller's phone gets wrong. The same kept copy of this page serves every day offline.
  var state = { date: dayFromUrl() || todayIn(config.timezone), id: uuid(), method: "POST", version: null, obs: {},
                site: null, photos: [], steps: config.steps, done: {}, touched: {}, earlier: {}, live: false,
                copied: { sites: {}, steps: {} } };
  var fields = ["count", "largest_mm", "itch", "pain", "redness", "bleeding", "spreading", "site-note"];

  function dayFromUrl() {
    var m = location.pathname.match(/^\/day\/(\d{4}-\d{2}-\d{2})\/$/);
    return m ? m[1] : null;
  }
  function todayIn(zone) {
    try { return new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date()); }
    catch (e) { return new Date().toISOString().slice(0, 10); }
  }
  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16)); b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function api(path) {
    return fetch("/api/v1/" + path, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) {
        if (r.status === 401 || r.status === 403) { location.href = "/accounts/login/?next=" + location.pathname; }
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
  }
  function say(text) { $("save-status").textContent = text; }
  function csrf() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  var isToday = state.date === todayIn(config.timezone);
  var shown = new Date(state.date + "T12:00:00Z").toLocaleDateString(footlogLocale,
    { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  $("today-date").textContent = isToday ? shown : "";
  $("today-date").hidden = !isToday;
  $("day-title").textContent = isToday ? gettext("Today") : shown;
  if (!isToday) $("save").textContent = gettext("Save this day");

  /* --- spots ---------------------------------------------------------------------------------- */
  /* An opened spot starts with no count: it is recorded only once a count is set ("None here" sets 0). */
  function blank() {
    return { count: null, largest_mm: null, itch: 0, pain: 0, redness: false, bleeding: false, spreading: false,
             note: "", typed: {} };
  }
  function recorded(site) { return state.obs[site].count !== null; }
  function detailed(site) {
    var o = state.obs[site];
    return o.largest_mm !== null || o.itch || o.pain || o.redness || o.bleeding || o.spreading || o.note ||
      state.photos.some(function (p) { return p.site === site; });
  }

  function select(site) {
    keep();
    state.site = site;
    if (!state.obs[site]) state.obs[site] = blank();
    var o = state.obs[site];
    $("site-title").textContent = labels[site];
    var typed = o.typed || {};
    $("count").value = "count" in typed ? typed.count : o.count === null ? "" : o.count;
    $("largest_mm").value = "largest_mm" in typed ? typed.largest_mm : o.largest_mm === null ? "" : o.largest_mm;
    readNumber("count", true); readNumber("largest_mm", false);
    $("itch").value = o.itch; $("pain").value = o.pain; $("redness").checked = o.redness; $("site-note").value = o.note;
    $("bleeding").checked = o.bleeding; $("spreading").checked = o.spreading;
    $("itch-out").textContent = o.itch; $("pain-out").textContent = o.pain;
    $("site-panel").hidden = false;
    paint();
    chooseView(site);
    showPrevious(site);
    $("count").focus({ preventScroll: true });
    // Scroll only when the count would be out of sight: the map stays in view for the next spot.
    var top = $("site-panel").getBoundingClientRect().top;
    if (top < 0 || top > innerHeight - 240) $("site-panel").scrollIntoView({ behavior: "smooth", block: "start" });
  }

  /* A number field checked against the API's own ranges (config.limits), never clamped: what is saved is what
     the field shows. Shows or clears the field's inline error; the value is null for an empty field. */
  function readNumber(id, whole) {
    var input = $(id), lim = config.limits[id], text = input.value.trim(), n = Number(text);
    var ok = !input.validity.badInput &&
      (text === "" || (isFinite(n) && n >= lim.min && n <= lim.max && (!whole || n % 1 === 0)));
    $(id + "-error").textContent = ok ? "" : interpolate(whole ? gettext("Enter a whole number from %(min)s to %(max)s.")
      : gettext("Enter a size from %(min)s to %(max)s mm, or leave it empty."), { min: num(lim.min), max: num(lim.max) }, true);
    if (ok) input.removeAttribute("aria-invalid"); else input.setAttribute("aria-invalid", "true");
    return { ok: ok, value: text === "" ? null : n, text: text };
  }

  /* Copy the panel's fields into the selected spot's observation. A value out of range is kept as typed (in
     o.typed) and stops the save, instead of being changed behind the user's back. */
  function keep() {
    var o = state.obs[state.site];
    if (!o) return;
    var count = readNumber("count", true), mm = readNumber("largest_mm", false);
    o.typed = {};
    if (count.ok) o.count = count.value; else o.typed.count = count.text;
    if (mm.ok) o.largest_mm = mm.value; else o.typed.largest_mm = mm.text;
    o.itch = +$("itch").value; o.pain = +$("pain").value; o.redness = $("redness").checked;
    o.bleeding = $("bleeding").checked; o.spreading = $("spreading").checked;
    o.note = $("site-note").value.trim().slice(0, 500);
  }

  function paint() {
    var counts = {};
    Object.keys(state.obs).filter(recorded).forEach(function (site) { counts[site] = state.obs[site].count; });
    window.FootlogFeetMap.paint($("feet"), counts, state.site);
    var list = $("logged-sites");
    list.textContent = "";
    Object.keys(counts).forEach(function (site) {
      var li = el("li"), b = el("button", { type: "button", class: "chip" }, labels[site] + ": " + counts[site]);
      if (state.copied.sites[site]) { b.classList.add("copied"); b.title = gettext("Copied from last time"); }
      if (state.flagged && state.flagged[site]) { b.classList.add("flagged"); b.appendChild(el("span", { class: "flag" }, " · " + gettext("red flag"))); }
      b.addEventListener("click", function () { select(site); });
      li.appendChild(b); list.appendChild(li);
    });
    var thumbs = $("new-photos");
    thumbs.textContent = "";
    state.photos.forEach(function (p) {
      if (p.site !== state.site) return;
      var li = el("li"), img = el("img", { src: p.url, alt: interpolate(gettext("New photo of %(site)s"), { site: labels[p.site] }, true), width: 72, height: 72 });
      li.appendChild(img);
      li.appendChild(el("span", { class: "cap" }, (VIEW_WORDS[p.view] || "") + (p.scale_in_frame ? " · ⌀" : "")));
      var prompt = photoPrompt(p);
      if (prompt) { li.classList.add("flawed"); li.appendChild(prompt); }
      thumbs.appendChild(li);
    });
  }

  window.FootlogFeetMap.attach($("feet"), select);
  form.querySelectorAll("[data-step]").forEach(function (b) {
    b.addEventListener("click", function () {
      // A tap on a step moves from the nearest allowed value, in plain view (from empty: + is 1, − is 0).
      var c = $("count"), lim = config.limits.count;
      c.value = Math.max(lim.min, Math.min(lim.max, (parseInt(c.value, 10) || 0) + parseInt(b.dataset.step, 10)));
      keep(); paint();
    });
  });
  $("none-here").addEventListener("click", function () { $("count").value = 0; keep(); paint(); });
  fields.forEach(function (id) { $(id).addEventListener("input", function () { keep(); paint(); }); });
  ["itch", "pain"].forEach(function (id) {
    $(id).addEventListener("input", function () { $(id + "-out").textContent = $(id).value; });
  });
  /* Removing a spot takes its photos too, so it offers Undo until the next removal or save. */
  $("remove-site").addEventListener("click", function () {
    var site = state.site;
    keep();
    state.removed = { site: site, obs: state.obs[site], photos: state.photos.filter(function (p) { return p.site === site; }) };
    delete state.obs[site];
    state.photos = state.photos.filter(function (p) { return p.site !== site; });
    state.site = null; $("site-panel").hidden = true; paint();
    $("undo-text").textContent = interpolate(gettext("%(site)s removed."), { site: labels[site] }, true);
    $("undo-bar").hidden = false;
    $("undo").focus({ preventScroll: true });
  });
  $("undo").addEventListener("click", function () {
    var r = state.removed;
    $("undo-bar").hidden = true; state.removed = null;
    if (!r) return;
    state.obs[r.site] = r.obs; state.photos = state.photos.concat(r.photos);
    select(r.site);
  });

  /* --- photos --------------------------------------------------------------------------------- */
  /* Phones take 3-10 MB photos: shrink to 2000 px so they queue and upload quickly (the server strips
     metadata either way). Falls back to the original file where the browser cannot decode it. */
  function shrink(file) {
    if (!window.createImageBitmap || !window.OffscreenCanvas) return Promise.resolve(file);
    return createImageBitmap(file, { imageOrientation: "from-image" }).then(function (bmp) {
      var k = Math.min(1, 2000 / Math.max(bmp.width, bmp.height));
      if (k === 1 && file.size < 3e6) return file;
      var c = new OffscreenCanvas(Math.round(bmp.width * k), Math.round(bmp.height * k));
      c.getContext("2d").drawImage(bmp, 0, 0, c.width, c.height);
      return c.convertToBlob({ type: "image/jpeg", quality: 0.88 });
    }).catch(function () { return file; });
  }
  var VIEW_WORDS = { overview: gettext("overview"), closeup: gettext("close-up") };
  function longDate(iso) {
    return new Date(iso + "T12:00:00Z").toLocaleDateString(footlogLocale,
      { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  }
  function shortDate(iso) {
    return new Date(iso + "T12:00:00Z").toLocaleDateString(footlogLocale, { day: "numeric", month: "short", timeZone: "UTC" });
  }
  function num(n) { return n === null ? "" : n.toLocaleString(footlogLocale); }
  // The entry's day, never the upload time (a back-filled day is uploaded later than its date).
  function photoDate(p) { return p.date || null; }
  function currentView() {
    var checked = form.querySelector("input[name=photo-view]:checked");
    return checked ? checked.value : "overview";
  }
  function setView(view) {
    form.querySelectorAll("input[name=photo-view]").forEach(function (r) { r.checked = r.value === view; });
  }
  /* Overview first, then a close-up: once this spot has an overview waiting, offer the close-up. */
  function chooseView(site) {
    var has = state.photos.some(function (p) { return p.site === site && p.view === "overview"; });
    setView(has ? "closeup" : "overview");
  }

  /* The latest photo of `site` (and `view`, when given) from a day before this one: the ghost and the
     "last photo" hint. Never this day's own photos, and back-filled days count by their own date. The list is
     oldest first: ask the count with one photo a page, then that last page. */
  function earlier(site, view) {
    var key = site + "|" + (view || "");
    if (!state.earlier[key]) {
      var q = "photos/?site=" + site + (view ? "&view=" + view : "") + "&to=" + shiftDate(state.date, -1) + "&page_size=1";
      state.earlier[key] = api(q).then(function (page) {
        if (!page.count) return null;
        return page.count === 1 ? page.results[0] : api(q + "&page=" + page.count).then(function (last) {
          return last.results[0] || null;
        });
      }).then(function (p) {
        if (!p || (view && p.view !== view)) return null;
        // Captions name the photo's day (its entry's date), not its upload time.
        if (p.date || !p.entry) return p;
        return api("entries/" + p.entry + "/").then(function (entry) { p.date = entry.date; return p; },
                                                     function () { return p; });
      }).catch(function () { return null; /* offline: no guide, the capture still works */ });
    }
    return state.earlier[key];
  }
  function ghostOf(p, view) {
    if (!p) return null;
    var day = photoDate(p), words = { view: VIEW_WORDS[view], date: day && longDate(day) };
    return { url: p.image_url,
             label: interpolate(day ? gettext("Last %(view)s of this spot, %(date)s") : gettext("Last %(view)s of this spot"), words, true),
             short: interpolate(day ? gettext("the %(date)s %(view)s") : gettext("the last %(view)s"),
                                { view: words.view, date: day && shortDate(day) }, true) };
  }

  function addPhoto(blob, name, site, view, scale) {
    var photo = { id: uuid(), site: site, view: view, scale_in_frame: scale, blob: blob, name: name,
                  url: URL.createObjectURL(blob) };
    state.photos.push(photo);
    checkPhoto(photo);
    if (state.site === site) chooseView(site);
    paint();
    var waiting = state.photos.length;
    say(interpolate(ngettext("%(n)s photo ready: press %(button)s.", "%(n)s photos ready: press %(button)s.", waiting),
                    { n: waiting, button: $("save").textContent }, true));
  }

  /* The capture screen for the open spot and the chosen kind; `still` is a picture already chosen (no live
     camera), shown under the ghost for a look before it is used. capture.js is fetched when the capture first
     opens, not with the page (the service worker keeps it for offline). Should it fail to load: the picture is
     used as it is, or the camera app / file chooser opens instead. */
  function openCapture(still) {
    var site = state.site, view = currentView();
    var session = {
      title: labels[site] + " · " + VIEW_WORDS[view], view: view, scale: $("photo-scale").checked, still: still,
      prepare: shrink,
      onScale: function (on) { $("photo-scale").checked = on; },
      onUse: function (blob, name) { addPhoto(blob, name, site, view, $("photo-scale").checked); },
    };
    var loaded = window.FootlogCapture ? Promise.resolve(window.FootlogCapture) : script(config.capture_js, "FootlogCapture");
    loaded.then(function (capture) {
      capture.open(session);
      earlier(site, view).then(function (p) { capture.setGhost(ghostOf(p, view), session); });
    }).catch(function () { if (still) session.onUse(still, "photo.jpg"); else $("photo").click(); });
  }
  /* Whether this device seems to have a live camera: getUserMedia exists (a secure page) and a video input is
     listed. Permission is asked only when the capture opens. */
  function hasCamera() {
    var md = navigator.mediaDevices;
    if (!md || !md.getUserMedia || !md.enumerateDevices) return Promise.resolve(false);
    return md.enumerateDevices().then(function (list) {
      return list.some(function (d) { return d.kind === "videoinput"; });
    }).catch(function () { return false; });
  }
  hasCamera().then(function (yes) { state.live = yes; form.dataset.camera = yes ? "live" : "none"; });
  // With a live camera the button opens the guided capture; otherwise it is the file input's own label.
  $("photo-add").addEventListener("click", function (e) {
    if (!state.live || !state.site) return;
    e.preventDefault();
    openCapture(null);
  });
  $("photo").addEventListener("change", function () {
    var file = this.files[0], site = state.site, view = currentView();
    this.value = "";
    if (!file || !site) return;
    Promise.all([shrink(file), earlier(site, view)]).then(function (found) {
      var blob = found[0];
      if (found[1] && state.site === site) { openCapture(blob); return; }
      addPhoto(blob, blob === file ? file.name : "photo.jpg", site, view, $("photo-scale").checked);
    });
  });

  /* The latest earlier photo of the spot (any kind), so the new one can be framed the same way, and the way to
     all of them. */
  function showPrevious(site) {
    var fig = $("previous-photo");
    fig.hidden = true;
    $("gallery-link").href = "/photos/" + site + "/";
    earlier(site, null).then(function (p) {
      if (!p || state.site !== site) return;
      var img = fig.querySelector("img"), day = photoDate(p);
      img.src = p.thumbnail_url || p.image_url;
      img.alt = interpolate(day ? gettext("Earlier photo of %(site)s from %(date)s") : gettext("Earlier photo of %(site)s"),
                            { site: labels[site], date: day && longDate(day) }, true);
      $("previous-caption").textContent = [gettext("Last photo of this spot"), p.view && VIEW_WORDS[p.view],
                                            day && shortDate(day)].filter(Boolean).join(", ");
      fig.hidden = false;
    });
  }

  /* --- photo quality --------------------------------------------------------------------------- */
  /* Before Save: the phone measures each new photo (quality.js, the server's measure and thresholds) and, when
     it looks blurred, dark or too bright, asks beside the photo, in view, while a retake is still one tap.
     Keep is remembered: the same question is not asked again after the save. */
  function checkPhoto(photo) {
    quality().then(function (measure) { return measure.measure(photo.blob, config.quality); }).then(function (q) {
      if (!q || (q.sharp && q.exposure === "ok") || state.photos.indexOf(photo) < 0) return;
      photo.flaw = q;
      paint();
      // Centred: at the bottom edge it would sit under the Save bar and the tabs.
      var shown = document.querySelector('#new-photos [data-photo="' + photo.id + '"]');
      if (shown) shown.scrollIntoView({ block: "center" });
    }).catch(function () {});  // not measured (the script could not load): the server still measures on upload
  }
  /* quality.js is fetched with the first new photo, not with the page: Today's first load stays light. The
     service worker keeps it, so offline it comes from the phone. */
  function quality() { return window.FootlogQuality ? Promise.resolve(window.FootlogQuality) : script(config.quality_js, "FootlogQuality"); }
  function script(src, name) {
    return new Promise(function (resolve, reject) {
      var tag = el("script", { src: src });
      tag.onload = function () { resolve(window[name]); };
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }
  function photoPrompt(p) {
    if (!p.flaw || p.kept) return null;
    var box_ = el("div", { class: "photo-prompt", role: "alert", "data-photo": p.id });
    box_.appendChild(el("p", {}, interpolate(gettext("This photo looks %(flaw)s — retake?"), { flaw: flaw(p.flaw) }, true)));
    var retake = el("button", { type: "button" }, gettext("Retake")), keepIt = el("button", { type: "button", class: "secondary" }, gettext("Keep"));
    retake.addEventListener("click", function () { retakeBeforeSave(p); });
    keepIt.addEventListener("click", function () { p.kept = true; paint(); say(gettext("Photo kept.")); });
    box_.appendChild(retake); box_.appendChild(keepIt);
    return box_;
  }
  function retakeBeforeSave(p) {
    state.photos = state.photos.filter(function (x) { return x !== p; });
    URL.revokeObjectURL(p.url);
    if (state.site !== p.site && labels[p.site]) select(p.site);
    setView(p.view);
    paint();
    // Within the tap: a file chooser needs it.
    if (state.live) openCapture(null); else $("photo").click();
  }
  function settleKept(ids) {
    if (!box || !box.settleFlaw || !ids.length) return Promise.resolve();
    return Promise.all(ids.map(function (id) { return box.settleFlaw(id); }));
  }

  /* The server measures each photo (quality.sharp, quality.exposure) and never refuses one for it. A blurred,
     dark or too bright one is offered a retake here: Retake deletes it and opens the capture again for the
     same spot and kind; Keep keeps it. The outbox notes such answers, even those sent by the service worker. */
  function flaw(q) {
    var words = [];
    if (q.sharp === false) words.push(gettext("blurred"));
    if (q.exposure === "dark") words.push(gettext("dark"));
    if (q.exposure === "bright") words.push(gettext("too bright"));
    return new Intl.ListFormat(footlogLocale).format(words);
  }
  function showQuality(storedIds) {
    if (!box || !box.flawed) return Promise.resolve();
    return box.flawed(state.date).then(function (list) {
      if (storedIds) {
        // Gone from the server (deleted in the gallery, say): nothing left to decide.
        list.filter(function (r) { return storedIds.indexOf(r.id) < 0; }).forEach(function (r) { box.settleFlaw(r.id); });
        list = list.filter(function (r) { return storedIds.indexOf(r.id) >= 0; });
      }
      var holder = $("quality-warn");
      holder.textContent = "";
      holder.hidden = !list.length;
      list.forEach(function (r) {
        var row = el("div", { class: "qw", "data-photo": r.id });
        row.appendChild(el("img", { src: "/api/v1/photos/" + r.id + "/image?size=thumb", alt: "", width: 64, height: 64 }));
        var text = el("p");
        text.appendChild(el("b", {}, interpolate(labels[r.site] ? gettext("This photo of %(site)s looks %(flaw)s — retake?")
          : gettext("This photo of the day looks %(flaw)s — retake?"), { site: labels[r.site], flaw: flaw(r.quality) }, true)));
        text.appendChild(el("span", { class: "hint" }, " " + gettext("Keep it if it is the best you can do: nothing is refused.")));
        row.appendChild(text);
        var buttons = el("div", { class: "row2" });
        var retake = el("button", { type: "button" }, gettext("Retake")), keepIt = el("button", { type: "button", class: "secondary" }, gettext("Keep"));
        retake.addEventListener("click", function () { retakePhoto(r, row); });
        // The warning goes once "kept" is written: a reload right after the tap must not ask again.
        keepIt.addEventListener("click", function () { box.settleFlaw(r.id).then(function () { dropWarning(row); }); });
        buttons.appendChild(retake); buttons.appendChild(keepIt);
        row.appendChild(buttons);
        holder.appendChild(row);
      });
    }).catch(function () {});
  }
  function dropWarning(row) {
    var holder = $("quality-warn");
    row.remove();
    holder.hidden = !holder.children.length;
  }
  function retakePhoto(r, row) {
    dropWarning(row);
    if (r.site && labels[r.site]) select(r.site);
    if (r.view) setView(r.view);
    // Open the capture within the tap (a file chooser needs it), then delete the flawed photo.
    if (state.site && state.live) openCapture(null);
    else if (state.site) $("photo").click();
    fetch("/api/v1/photos/" + r.id + "/", { method: "DELETE", credentials: "same-origin",
      headers: { "X-CSRFToken": csrf(), Accept: "application/json" } }).then(function (res) {
      if (!res.ok && res.status !== 404) throw new Error(res.status);
      box.settleFlaw(r.id);
      say(interpolate(gettext("The %(flaw)s photo is deleted. Take the new one, then press %(button)s."),
                      { flaw: flaw(r.quality), button: $("save").textContent }, true));
    }).catch(function () {
      say(interpolate(gettext("Could not delete the %(flaw)s photo now. Try again from the spot's photos."), { flaw: flaw(r.quality) }, true));
    });
  }

  /* --- routine -------------------------------------------------------------------------------- */
  /* Only the steps the person touched are sent: a step left alone is "not recorded", never "not done" (the
     timeline treats an entry without routine items as "routine not recorded"). "Nothing done today" records
     every care step as not done. */
  function liveSteps(kind) {
    return state.steps.filter(function (s) { return !s.archived && (!kind || s.kind === kind); });
  }
  function nothingDone() {
    var care = liveSteps("care");
    return care.length > 0 && care.every(function (s) { return state.touched[s.key] && !state.done[s.key]; });
  }
  function renderSteps() {
    ["care", "trigger"].forEach(function (kind) {
      var holder = $("routine-" + kind);
      holder.textContent = "";
      liveSteps(kind).forEach(function (s) {
        var label = el("label", { class: state.copied.steps[s.key] ? "toggle copied" : "toggle" });
        var input = el("input", { type: "checkbox", value: s.key });
        input.checked = !!state.done[s.key];
        input.addEventListener("change", function () {
          state.done[s.key] = input.checked; state.touched[s.key] = true;
          $("nothing-done").checked = nothingDone();
        });
        label.appendChild(input); label.appendChild(el("span", {}, s.label));
        holder.appendChild(label);
      });
    });
    $("nothing-done").checked = nothingDone();
  }
  $("nothing-done").addEventListener("change", function () {
    var on = this.checked;
    liveSteps("care").forEach(function (s) {
      if (on) { state.done[s.key] = false; state.touched[s.key] = true; }
      else if (!state.done[s.key]) { delete state.touched[s.key]; }  // back to "not recorded"
    });
    renderSteps();
  });

  /* --- loading what is already there --------------------------------------------------------- */
  function fill(entry) {
    state.obs = {};
    (entry.observations || []).forEach(function (o) {
      state.obs[o.site] = { count: o.count, largest_mm: o.largest_mm, itch: o.itch, pain: o.pain, redness: o.redness,
                            bleeding: !!o.bleeding, spreading: !!o.spreading, note: o.note || "", typed: {} };
    });
    state.done = {}; state.touched = {};
    (entry.routine || []).forEach(function (r) { state.done[r.step] = r.done; state.touched[r.step] = true; });
    $("notes").value = entry.notes || "";
    $("for-clinician").checked = !!entry.for_clinician;
    renderSteps(); paint();
  }

  function load() {
    renderSteps();
    var steps = api("routine-steps/").then(function (list) { state.steps = list; renderSteps(); }).catch(function () {});
    // When the copy kept for offline reading is due, one request asks the whole window (this day is in it).
    var stored = windowDue().then(function (win) {
      var q = win ? "entries/?from=" + win.from + "&to=" + win.to + "&page_size=" + box.WINDOW
        : "entries/?from=" + state.date + "&to=" + state.date;
      return api(q).then(function (page) {
        var entry = page.results.filter(function (e) { return e.date === state.date; })[0] || null;
        if (win) box.keepWindow(config.owner, win.from, win.to, page.results, win.asked).catch(function () {});
        else if (win === null) box.keepDay(config.owner, state.date, entry).catch(function () {});
        if (entry) { state.id = entry.id; state.method = "PUT"; state.version = entry.version; }
        return entry;
      });
    }).catch(function () { return undefined; /* unknown (offline): not the same as "no entry" */ });
    // Something saved on this phone but not sent yet is newer than what the server has.
    var waiting = box ? box.all().then(function (items) {
      return items.filter(function (it) { return it.kind === "entry" && it.body.date === state.date; }).pop();
    }).catch(function () { return null; }) : Promise.resolve(null);
    // Offline: the copy of the day this phone kept when it last saw it (never another account's).
    var kept = stored.then(function (entry) {
      if (entry !== undefined || !box || !box.keptDay) return null;
      return box.keptDay(config.owner, state.date).catch(function () { return null; });
    });
    Promise.all([stored, waiting, steps, kept]).then(function (found) {
      var copy = found[3];
      if (found[1]) { state.id = found[1].id; state.method = found[1].method; state.version = found[1].version; fill(found[1].body); }
      else if (found[0]) fill(found[0]);
      else if (copy) { state.id = copy.entry.id; state.method = "PUT"; state.version = copy.entry.version; fill(copy.entry); }
      state.saved = snapshot();
      showOffline(found[0] === undefined, copy, !!found[1]);
      form.dataset.loaded = "true";  // the day's stored entry is in the form (tests wait for this)
      if (found[0]) checkLevel(state.date, false);  // a logged red flag stays marked after a reload
      if (found[0] !== undefined) {
        showQuality(found[0] ? (found[0].photos || []).map(function (p) { return p.id; }) : []);
      }
      document.dispatchEvent(new CustomEvent("footlog:day-loaded", { detail: { stored: found[0], waiting: found[1] } }));
    });
  }

  /* --- the copy kept for offline reading (outbox.js, "footlog-days") ------------------------------ */
  /* Offline, say so, and say what is shown: the phone's copy (or its unsent version), or that it has none. */
  function showOffline(offline, copy, waiting) {
    var note = $("offline-note");
    note.hidden = !offline;
    if (!offline) return;
    if (copy || waiting) {
      $("offline-text").textContent = gettext("offline — showing what this phone last saw");
      $("offline-when").textContent = copy && !waiting ? " (" + seenAt(copy.seen) + ")." : ".";
    } else {
      $("offline-text").textContent = gettext("offline — this phone has no copy of this day");
      $("offline-when").textContent = ". " + gettext("What you save is sent when you are back online.");
    }
  }
  function seenAt(iso) {
    return interpolate(gettext("as of %(when)s"), { when: new Date(iso).toLocaleString(footlogLocale,
      { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }) }, true);
  }
  window.addEventListener("online", function () { $("offline-note").hidden = true; });
  var REFRESH_MS = 10 * 60 * 1000;  // the window is asked again at most this often (a day's own page always)
  /* The window to ask for the copy (the last WINDOW days, when stale and this day is in it), else null;
     undefined when there is no copy to keep (no outbox, no owner). */
  function windowDue() {
    if (!box || !box.daysRefreshed || !config.owner) return Promise.resolve(undefined);
    var to = todayIn(config.timezone), from = shiftDate(to, 1 - box.WINDOW);
    return box.daysRefreshed(config.owner).then(function (at) {
      var fresh = at && Date.now() - Date.parse(at) < REFRESH_MS;
      return fresh || state.date < from || state.date > to ? null : { from: from, to: to, asked: new Date().toISOString() };
    }, function () { return undefined; });
  }
  /* The day as the server now has it: the form's version, and the copy for offline reading. */
  function reread() {
    return api("entries/?from=" + state.date + "&to=" + state.date).then(function (page) {
      var entry = page.results[0] || null;
      if (entry) { state.id = entry.id; state.method = "PUT"; state.version = entry.version; }
      if (box && box.keepDay && config.owner) return box.keepDay(config.owner, state.date, entry);
    }).catch(function () {});
  }

  /* --- saving --------------------------------------------------------------------------------- */
  function body() {
    keep();
    var routine = liveSteps().filter(function (s) { return state.touched[s.key]; }).map(function (s) {
      return { step: s.key, done: !!state.done[s.key] };
    });
    var observations = Object.keys(state.obs).filter(recorded).map(function (site) {
      var o = state.obs[site];
      return { site: site, count: o.count, largest_mm: o.largest_mm, itch: o.itch, pain: o.pain, redness: o.redness,
               bleeding: o.bleeding, spreading: o.spreading, note: o.note };
    });
    return { date: state.date, notes: $("notes").value, for_clinician: $("for-clinician").checked,
             observations: observations, routine: routine };
  }

  /* What stops a save, so that nothing is stored other than what the form shows: a number out of range, or a
     spot with details (a tick, a score, a photo...) but no count. */
  function problem() {
    keep();
    var sites = Object.keys(state.obs);
    for (var i = 0; i < sites.length; i++) {
      var site = sites[i], bad = Object.keys(state.obs[site].typed || {});
      var words = { site: labels[site] };
      if (bad.length) return { site: site, field: bad[0], text: interpolate(gettext("Fix the marked field for %(site)s first."), words, true) };
      if (!recorded(site) && detailed(site)) {
        return { site: site, field: "count",
                 text: interpolate(gettext("How many bumps on %(site)s? Set a count (None here for 0) or remove the spot."), words, true) };
      }
    }
    return null;
  }

  /* Everything a save would keep but the photos (queued apart), to tell whether leaving the page loses something. */
  function snapshot() {
    var b = body(), pending = Object.keys(state.obs).filter(function (site) {
      return Object.keys(state.obs[site].typed || {}).length || (!recorded(site) && detailed(site));
    });
    return JSON.stringify([b.notes, b.for_clinician, b.observations, b.routine, pending]);
  }
  if (window.FootlogGuard) {
    window.FootlogGuard.watch(function () {
      return state.photos.length > 0 || (state.saved !== undefined && snapshot() !== state.saved);
    });
  }

  /* The timeline as of the saved day (the 90 days up to it): when it asks for prompt care, say so right here,
     before any reminder could. The words come from the server's one wording table (config.urgent_text). */
  function shiftDate(iso, days) {
    var p = iso.split("-"), d = new Date(Date.UTC(+p[0], +p[1] - 1, +p[2] + days));
    return d.toISOString().slice(0, 10);
  }
  function checkLevel(day, afterSave) {
    return api("timeline/?from=" + shiftDate(day, -89) + "&to=" + day).then(function (t) {
      if (day === state.date) showVerdict(t, afterSave);
    }).catch(function () { /* unknown: the standing advice below the button still applies */ });
  }

  /* The timeline's answer as of this day, at the top of the form. "urgent": its headline ("Seek care
     promptly.") and the reasons behind it, as the timeline words them; any other level: its headline in one
     line with the way to the Timeline. After a save the verdict is scrolled to the top and takes the focus,
     so a screen reader reads it and the eye lands on it. Red flags logged on this very day mark their chips. */
  function showVerdict(t, afterSave) {
    var rec = t.recommendation || { level: "none", headline: "", reasons: [] };
    var urgent = rec.level === "urgent", banner = $("seek-care"), line = $("day-verdict");
    state.flagged = {};
    (t.red_flags || []).forEach(function (f) { if (f.date === state.date) state.flagged[f.site] = true; });
    paint();
    $("seek-care-title").textContent = urgent ? rec.headline : "";
    var list = $("seek-care-reasons");
    list.textContent = "";
    if (urgent) {
      rec.reasons.filter(function (r) { return r.level === "urgent"; }).forEach(function (r) {
        list.appendChild(el("li", {}, r.message));
      });
    }
    banner.hidden = !urgent;
    $("day-verdict-text").textContent = urgent ? "" : rec.headline;
    line.hidden = urgent || !afterSave || !rec.headline;
    if (!afterSave) return;
    var target = urgent ? banner : line;
    if (target.hidden) return;
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var stop = problem();
    if (stop) {
      if (state.site !== stop.site) select(stop.site);
      if (!$(stop.field + "-error").textContent) $(stop.field + "-error").textContent = stop.text;
      say(stop.text); $(stop.field).focus();
      return;
    }
    var photos = state.photos.map(function (p) {
      return { id: p.id, site: p.site, view: p.view, scale_in_frame: p.scale_in_frame, blob: p.blob, name: p.name };
    });
    $("save").disabled = true;
    var saving = snapshot();
    var kept = state.photos.filter(function (p) { return p.kept; }).map(function (p) { return p.id; });
    box.enqueue({ id: state.id, method: state.method, version: state.version, body: body() }, photos).then(function () {
      state.photos = []; paint();
      state.saved = saving;
      state.removed = null; $("undo-bar").hidden = true;
      say(gettext("Saved on this phone. Sending…"));
      if (navigator.serviceWorker && window.SyncManager) {
        navigator.serviceWorker.ready.then(function (reg) { return reg.sync.register("footlog-outbox"); })
          .catch(function () {});
      }
      return window.footlogSync();
    }).then(function (waiting) {
      return box.stuck(state.date).then(function (item) {
        if (!item) return waiting;
        // Refused or in conflict: it stays on this phone, and daynav.js shows why and what can be done.
        document.dispatchEvent(new CustomEvent("footlog:stuck", { detail: item }));
        say(gettext("Not saved on the server yet: see the message above the form."));
        return "stuck";
      });
    }).then(function (waiting) {
      if (waiting === "stuck") return;
      if (waiting) { say(UNTIL_ONLINE); return; }
      say(gettext("Saved."));
      checkLevel(state.date, true);
      state.earlier = {};  // a photo of another day may have been sent: ask again
      settleKept(kept).then(function () { showQuality(null); });
      return reread();
    }).catch(function () {
      say(gettext("Could not save on this phone. Please try again."));
    }).then(function () { $("save").disabled = false; });
  });

  /* Back online, the outbox has sent what waited: "sent" only for what the server accepted. An item it held
     (refused, or in conflict with another version) is shown at once, above the form, and said so here. */
  var UNTIL_ONLINE = gettext("Saved on this phone. It will be sent when you are back online.");
  document.addEventListener("footlog:outbox", function (e) {
    if (e.detail || $("save-status").textContent !== UNTIL_ONLINE) return;
    say(gettext("Sending…"));
    Promise.all([box.stuck(state.date), box.held()]).then(function (found) {
      if (found[0]) {
        document.dispatchEvent(new CustomEvent("footlog:stuck", { detail: found[0] }));
        say(gettext("Not saved on the server yet: see the message above the form."));
        return;
      }
      say(found[1].length ? gettext("Sent. Other days wait for you: see the note at the top.") : gettext("Sent. Everything is saved."));
      checkLevel(state.date, false);
      return reread();
    }).catch(function () { say(gettext("Could not check what was sent. Reload the page to see.")); });
  });
  // daynav.js (day picker, "Same as last time", refused and conflicting outbox items) works on this state.
  window.footlogForm = { state: state, fill: fill, paint: paint, renderSteps: renderSteps, say: say, api: api,
                         shiftDate: shiftDate, todayIn: todayIn, load: load, select: select, quality: quality };
  load();
})();
