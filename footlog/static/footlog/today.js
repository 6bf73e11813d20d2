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
  var state = { date: localDate(), id: uuid(), method: "POST", obs: {}, site: null, photos: [], steps: config.steps,
                done: {}, touched: {}, previous: null };
  var fields = ["count", "largest_mm", "itch", "pain", "redness", "bleeding", "spreading", "site-note"];

  function localDate() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
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
        if (r.status === 401 || r.status === 403) { location.href = "/accounts/login/?next=/"; }
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
  }
  function say(text) { $("save-status").textContent = text; }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  $("today-date").textContent = new Date().toLocaleDateString(undefined, { weekday: "long", day: "numeric", month: "long" });

  /* --- spots ---------------------------------------------------------------------------------- */
  function blank() {
    return { count: 0, largest_mm: null, itch: 0, pain: 0, redness: false, bleeding: false, spreading: false, note: "" };
  }

  function select(site) {
    keep();
    state.site = site;
    if (!state.obs[site]) state.obs[site] = blank();
    var o = state.obs[site];
    $("site-title").textContent = labels[site];
    $("count").value = o.count; $("largest_mm").value = o.largest_mm === null ? "" : o.largest_mm;
    $("itch").value = o.itch; $("pain").value = o.pain; $("redness").checked = o.redness; $("site-note").value = o.note;
    $("bleeding").checked = o.bleeding; $("spreading").checked = o.spreading;
    $("itch-out").textContent = o.itch; $("pain-out").textContent = o.pain;
    $("site-panel").hidden = false;
    paint();
    showPrevious(site);
    $("count").focus({ preventScroll: true });
    $("site-panel").scrollIntoView({ behavior: "smooth", block: "start" });
  }

  /* Copy the panel's fields into the selected spot's observation. */
  function keep() {
    var o = state.obs[state.site];
    if (!o) return;
    var mm = parseFloat($("largest_mm").value);
    o.count = Math.max(0, Math.min(200, parseInt($("count").value, 10) || 0));
    o.largest_mm = isNaN(mm) ? null : Math.max(0, Math.min(30, mm));
    o.itch = +$("itch").value; o.pain = +$("pain").value; o.redness = $("redness").checked;
    o.bleeding = $("bleeding").checked; o.spreading = $("spreading").checked;
    o.note = $("site-note").value.trim().slice(0, 500);
  }

  function paint() {
    document.querySelectorAll("#feet .site").forEach(function (g) {
      var site = g.dataset.site;
      g.setAttribute("aria-pressed", String(site in state.obs));
      g.classList.toggle("current", site === state.site);
      g.classList.toggle("has", !!(state.obs[site] && state.obs[site].count));
    });
    var list = $("logged-sites");
    list.textContent = "";
    Object.keys(state.obs).forEach(function (site) {
      var li = el("li"), b = el("button", { type: "button", class: "chip" }, labels[site] + ": " + state.obs[site].count);
      b.addEventListener("click", function () { select(site); });
      li.appendChild(b); list.appendChild(li);
    });
    var thumbs = $("new-photos");
    thumbs.textContent = "";
    state.photos.forEach(function (p) {
      if (p.site !== state.site) return;
      var li = el("li"), img = el("img", { src: p.url, alt: "New photo of " + labels[p.site], width: 72, height: 72 });
      li.appendChild(img); thumbs.appendChild(li);
    });
  }

  document.querySelectorAll("#feet .site").forEach(function (g) {
    g.addEventListener("click", function () { select(g.dataset.site); });
    g.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(g.dataset.site); }
    });
  });
  form.querySelectorAll("[data-step]").forEach(function (b) {
    b.addEventListener("click", function () {
      var c = $("count");
      c.value = Math.max(0, Math.min(200, (parseInt(c.value, 10) || 0) + parseInt(b.dataset.step, 10)));
      keep(); paint();
    });
  });
  fields.forEach(function (id) { $(id).addEventListener("input", function () { keep(); paint(); }); });
  ["itch", "pain"].forEach(function (id) {
    $(id).addEventListener("input", function () { $(id + "-out").textContent = $(id).value; });
  });
  $("remove-site").addEventListener("click", function () {
    delete state.obs[state.site];
    state.photos = state.photos.filter(function (p) { return p.site !== state.site; });
    state.site = null; $("site-panel").hidden = true; paint();
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
  $("photo").addEventListener("change", function () {
    var file = this.files[0], site = state.site;
    this.value = "";
    if (!file || !site) return;
    shrink(file).then(function (blob) {
      state.photos.push({ id: uuid(), site: site, blob: blob, name: blob === file ? file.name : "photo.jpg",
                          url: URL.createObjectURL(blob) });
      paint();
      say(state.photos.length + " photo(s) ready: press Save today.");
    });
  });

  /* The latest earlier photo of the spot, so the new one can be framed the same way. */
  function showPrevious(site) {
    var fig = $("previous-photo");
    fig.hidden = true;
    var load = state.previous || (state.previous = api("entries/?page_size=120").then(function (page) {
      var latest = {};
      page.results.forEach(function (entry) {
        (entry.photos || []).forEach(function (p) { if (p.site && !latest[p.site]) latest[p.site] = p; });
      });
      return latest;
    }).catch(function () { return {}; }));
    load.then(function (latest) {
      var p = latest[site];
      if (!p || state.site !== site) return;
      var img = fig.querySelector("img");
      img.src = p.thumbnail_url || p.image_url;
      img.alt = "Earlier photo of " + labels[site] + " from " + (p.created || "").slice(0, 10);
      fig.hidden = false;
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
        var label = el("label", { class: "toggle" }), input = el("input", { type: "checkbox", value: s.key });
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
      state.obs[o.site] = { count: o.count, largest_mm: o.largest_mm, itch: o.itch, pain: o.pain,
                            redness: o.redness, bleeding: !!o.bleeding, spreading: !!o.spreading, note: o.note || "" };
    });
    state.done = {}; state.touched = {};
    (entry.routine || []).forEach(function (r) { state.done[r.step] = r.done; state.touched[r.step] = true; });
    $("notes").value = entry.notes || "";
    renderSteps(); paint();
  }

  function load() {
    renderSteps();
    var steps = api("routine-steps/").then(function (list) { state.steps = list; renderSteps(); }).catch(function () {});
    var stored = api("entries/?from=" + state.date + "&to=" + state.date).then(function (page) {
      var entry = page.results[0];
      if (entry) { state.id = entry.id; state.method = "PUT"; return entry; }
      return null;
    }).catch(function () { return null; });
    // Something saved on this phone but not sent yet is newer than what the server has.
    var waiting = box ? box.all().then(function (items) {
      return items.filter(function (it) { return it.kind === "entry" && it.body.date === state.date; }).pop();
    }).catch(function () { return null; }) : Promise.resolve(null);
    Promise.all([stored, waiting, steps]).then(function (found) {
      if (found[1]) { state.id = found[1].id; state.method = found[1].method; fill(found[1].body); }
      else if (found[0]) fill(found[0]);
    });
  }

  /* --- saving --------------------------------------------------------------------------------- */
  function body() {
    keep();
    var routine = liveSteps().filter(function (s) { return state.touched[s.key]; }).map(function (s) {
      return { step: s.key, done: !!state.done[s.key] };
    });
    var observations = Object.keys(state.obs).map(function (site) {
      return Object.assign({ site: site }, state.obs[site]);
    });
    return { date: state.date, notes: $("notes").value, observations: observations, routine: routine };
  }

  /* The timeline as of the saved day (the 90 days up to it): when it asks for prompt care, say so right here,
     before any reminder could. The words come from the server's one wording table (config.urgent_text). */
  function shiftDate(iso, days) {
    var p = iso.split("-"), d = new Date(Date.UTC(+p[0], +p[1] - 1, +p[2] + days));
    return d.toISOString().slice(0, 10);
  }
  function checkLevel(day) {
    var banner = $("seek-care");
    return api("timeline/?from=" + shiftDate(day, -89) + "&to=" + day).then(function (t) {
      var urgent = t.recommendation && t.recommendation.level === "urgent";
      banner.querySelector("h2").textContent = urgent ? config.urgent_text : "";
      banner.hidden = !urgent;
    }).catch(function () { /* unknown: the standing advice below the button still applies */ });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var photos = state.photos.map(function (p) { return { id: p.id, site: p.site, blob: p.blob, name: p.name }; });
    $("save").disabled = true;
    box.enqueue({ id: state.id, method: state.method, body: body() }, photos).then(function () {
      state.photos = []; paint();
      say("Saved on this phone. Sending…");
      if (navigator.serviceWorker && window.SyncManager) {
        navigator.serviceWorker.ready.then(function (reg) { return reg.sync.register("footlog-outbox"); })
          .catch(function () {});
      }
      return window.footlogSync();
    }).then(function (waiting) {
      if (waiting) { say("Saved on this phone. It will be sent when you are back online."); return; }
      say("Saved.");
      checkLevel(state.date);
      return api("entries/?from=" + state.date + "&to=" + state.date).then(function (page) {
        if (page.results[0]) { state.id = page.results[0].id; state.method = "PUT"; }
      }).catch(function () {});
    }).catch(function () {
      say("Could not save on this phone. Please try again.");
    }).then(function () { $("save").disabled = false; });
  });

  window.addEventListener("footlog:rejected", function (e) { say("The server did not accept an item: " + e.detail); });
  document.addEventListener("footlog:outbox", function (e) {
    if (!e.detail && /back online/.test($("save-status").textContent)) say("Sent. Everything is saved.");
  });
  load();
})();
