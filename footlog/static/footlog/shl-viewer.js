/* footlog's SMART Health Link viewer (/shl/view#shlink:/…), per the SMART Health Links spec (HL7 IG, STU1):
 * read the payload from the URL's fragment (never sent to a server), POST its manifest (with the passcode when
 * the P flag says so), fetch the file, decrypt the compact JWE (alg "dir", enc "A256GCM") with WebCrypto, and
 * show the FHIR Bundle footlog made (footlog/exports/fhir.py) as a readable summary, with downloads of the FHIR
 * JSON and the PDF inside. The key never leaves this page. WebCrypto needs a secure context (https or localhost).
 * Everything the bundle says goes into the page as text (textContent), never as markup. */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  /* The words: the page's language until the link is open (its catalog, loaded before this script; English: none,
     the msgids as written), then the language the Bundle names (the share's), whatever the page's: that
     language's catalog (data-catalogs) replaces the page's words, and Intl writes the dates in it. */
  var w = window;
  w.gettext = w.gettext || function (s) { return s; };
  w.ngettext = w.ngettext || function (s, p, n) { return n === 1 ? s : p; };
  w.interpolate = w.interpolate || function (s, o) { return s.replace(/%\((\w+)\)s/g, function (m, k) { return o[k]; }); };
  var CATALOGS = JSON.parse((document.currentScript && document.currentScript.dataset.catalogs) || "{}");
  var spoken = document.documentElement.lang;
  function intlLocale(code) { return code === "en" ? "en-GB" : code; }  // English as footlog writes it, "9 Nov 2026"
  var lang = intlLocale(spoken);
  var FOOTLOG = "https://footlog.app/fhir/CodeSystem/observation";
  var RECIPIENT = "footlog viewer (web browser)";
  var GONE = gettext("This link is not available: it has expired, was withdrawn, or is mistyped. Ask the patient for a new " +
    "link if you still need it.");
  var INCOMPLETE = gettext("This link is incomplete. Open the whole link the patient sent, or scan the code again.");

  function say(text) { var s = $("status"); s.textContent = text; s.hidden = !text; }
  function fail(text) {
    say("");
    var p = $("problem"); p.textContent = text; p.hidden = false;
  }
  function clearProblem() { var p = $("problem"); p.textContent = ""; p.hidden = true; }

  function b64bytes(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    b64 += "===".slice((b64.length + 3) % 4);
    var raw = atob(b64), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  function payloadOf(hash) {
    var at = hash.indexOf("shlink:/");
    if (at < 0) return null;
    try {
      var data = JSON.parse(new TextDecoder().decode(b64bytes(hash.slice(at + "shlink:/".length))));
      if (!data || typeof data.url !== "string" || typeof data.key !== "string" || data.key.length !== 43) return null;
      return data;
    } catch (e) {
      return null;
    }
  }

  // --- fetching and unlocking --------------------------------------------------------------------------------
  function askManifest(payload, passcode) {
    var body = { recipient: RECIPIENT };
    if (passcode !== undefined) body.passcode = passcode;
    return fetch(payload.url, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer",
    });
  }

  function statusWords(status) {
    if (status === 404) return GONE;
    if (status === 429) return gettext("Too many tries from here; wait a minute and try again.");
    return interpolate(gettext("footlog answered with an error (%(status)s); try again later."), { status: status }, true);
  }

  async function decrypt(jwe, keyText) {
    var parts = jwe.trim().split(".");
    if (parts.length !== 5) throw new Error("not a compact JWE");
    var header = JSON.parse(new TextDecoder().decode(b64bytes(parts[0])));
    if (header.alg !== "dir" || header.enc !== "A256GCM") throw new Error("unsupported JWE");
    var key = await crypto.subtle.importKey("raw", b64bytes(keyText), "AES-GCM", false, ["decrypt"]);
    var sealed = b64bytes(parts[3]), tag = b64bytes(parts[4]);
    var joined = new Uint8Array(sealed.length + tag.length);
    joined.set(sealed); joined.set(tag, sealed.length);
    var plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: b64bytes(parts[2]), additionalData: new TextEncoder().encode(parts[0]), tagLength: 128 },
      key, joined);
    if (header.zip === "DEF") {  // allowed by the spec; footlog's own files are not compressed
      var stream = new Blob([plain]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
      plain = await new Response(stream).arrayBuffer();
    }
    return new TextDecoder().decode(plain);
  }

  async function openLink(payload, passcode) {
    clearProblem();
    say(gettext("Opening the link…"));
    var answer;
    try {
      answer = await askManifest(payload, passcode);
    } catch (e) {
      return fail(gettext("footlog could not be reached: check the connection and try again."));
    }
    if (answer.status === 401) {
      var left = (await answer.json().catch(function () { return {}; })).remainingAttempts;
      showPasscode(passcode === undefined ? "" : interpolate(ngettext(
        "That passcode is not right: %(remaining)s try left before the link locks.",
        "That passcode is not right: %(remaining)s tries left before the link locks.", left), { remaining: left }, true));
      return;
    }
    if (answer.status !== 429) $("passcode-form").hidden = true;  // gone or open: nothing more to type
    if (!answer.ok) return fail(statusWords(answer.status));
    var file = ((await answer.json()).files || [])[0];
    if (!file) return fail(GONE);
    var jwe = file.embedded;
    if (!jwe) {
      var got;
      try {
        got = await fetch(file.location, { credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer" });
      } catch (e) {
        return fail(gettext("footlog could not be reached: check the connection and try again."));
      }
      if (!got.ok) return fail(statusWords(got.status));
      jwe = await got.text();
    }
    say(gettext("Unlocking on this device…"));
    var text, bundle;
    try {
      text = await decrypt(jwe, payload.key);
      bundle = JSON.parse(text);
    } catch (e) {
      return fail(gettext("This link does not unlock its history: it may be incomplete. Open the whole link the patient " +
        "sent, or scan the code again."));
    }
    if (!bundle || bundle.resourceType !== "Bundle") return fail(gettext("This link holds no history footlog can show."));
    await speak(bundle.language);
    render(bundle, text, payload);
    say("");
  }

  /* Speak `code` (the Bundle's language) from here on, when footlog has its words; else stay in the page's. */
  function speak(code) {
    var base = typeof code === "string" ? code.split("-")[0].toLowerCase() : "";
    if (!base || base === spoken || (base !== "en" && !CATALOGS[base])) return Promise.resolve();
    spoken = base;
    lang = intlLocale(base);
    if (w.django) w.django.catalog = {};  // the page's words go; English needs no more
    if (base === "en") return Promise.resolve();
    return new Promise(function (resolve) {
      var script = document.createElement("script");
      script.src = CATALOGS[base];
      script.onload = script.onerror = function () { resolve(); };
      document.head.appendChild(script);
    });
  }

  function showPasscode(problem) {
    var form = $("passcode-form");
    form.hidden = false;
    say("");
    if (problem) fail(problem); else clearProblem();
    var input = $("passcode");
    input.value = "";
    input.focus();
  }

  // --- reading the bundle ------------------------------------------------------------------------------------
  function codeOf(r) { return (((r.code || {}).coding || [])[0] || {}).code; }
  function siteOf(r) { return (r.bodySite && r.bodySite.text) || gettext("Site not named"); }
  function dateOf(text, month) {
    if (!text) return "";
    var p = String(text).slice(0, 10).split("-").map(Number);
    var when = new Date(Date.UTC(p[0], (p[1] || 1) - 1, p[2] || 1));
    var parts = month || p.length < 3 ? { month: "short", year: "numeric" } : { day: "numeric", month: "short", year: "numeric" };
    parts.timeZone = "UTC";
    try { return new Intl.DateTimeFormat(lang, parts).format(when); } catch (e) { return String(text); }
  }
  function byDate(a, b) { return String(a.effectiveDateTime || "").localeCompare(String(b.effectiveDateTime || "")); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined || c === "") return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function section(id, title, children) {
    return el("section", { class: "card", "aria-labelledby": id }, [el("h2", { id: id }, [title])].concat(children));
  }

  function observations(resources, code) {
    return resources.filter(function (r) { return r.resourceType === "Observation" && codeOf(r) === code; }).sort(byDate);
  }

  function redFlags(resources) {
    var flags = observations(resources, "red-flag").reverse();
    if (!flags.length) return section("flags-title", gettext("Red flags"), [el("p", {}, [gettext("No red flag in the patient's log for these days.")])]);
    var rows = flags.map(function (f) {
      var words = (f.valueCodeableConcept && f.valueCodeableConcept.text) || gettext("red flag");
      var note = ((f.note || [])[0] || {}).text;
      return el("li", {}, [dateOf(f.effectiveDateTime) + " · " + siteOf(f) + ": " + words, note ? " (" + note + ")" : ""]);
    });
    // The bundle carries red-flag events, not footlog's level (that is in the PDF): any red flag in it gets the
    // red flag's words, never weaker ones.
    var box = section("flags-title", gettext("Red flags"), [
      el("p", { class: "seek", id: "seek" }, [gettext("Seek care promptly.")]),
      el("p", {}, [interpolate(ngettext("%(n)s red flag in the patient's log for these days, the latest on %(date)s.",
        "%(n)s red flags in the patient's log for these days, the latest on %(date)s.", flags.length),
        { n: flags.length, date: dateOf(flags[0].effectiveDateTime) }, true)]),
      el("ul", { class: "rows", id: "flag-rows" }, rows),
    ]);
    box.classList.add("flags");
    return box;
  }

  function sites(resources) {
    var bySite = {};
    var at = function (name) {
      return bySite[name] || (bySite[name] = { name: name, counts: [], pain: 0, itch: 0, largest: null, onset: null });
    };
    observations(resources, "bump-count").forEach(function (o) {
      var s = at(siteOf(o));
      s.counts.push(o);
      (o.component || []).forEach(function (c) {
        if (((c.code.coding || [])[0] || {}).code === "largest-mm" && c.valueQuantity) {
          s.largest = Math.max(s.largest || 0, c.valueQuantity.value);
        }
      });
    });
    resources.filter(function (r) { return r.resourceType === "Observation"; }).forEach(function (o) {
      var codes = ((o.code || {}).coding || []).map(function (c) { return c.code; });
      if (codes.indexOf("pain-score") >= 0) at(siteOf(o)).pain = Math.max(at(siteOf(o)).pain, o.valueInteger || 0);
      if (codes.indexOf("itch-score") >= 0) at(siteOf(o)).itch = Math.max(at(siteOf(o)).itch, o.valueInteger || 0);
    });
    observations(resources, "bumps-first-noticed").forEach(function (o) {
      if (bySite[siteOf(o)]) bySite[siteOf(o)].onset = o.valueDateTime ? dateOf(o.valueDateTime, true) : gettext("not sure");
    });
    var names = Object.keys(bySite).filter(function (n) { return bySite[n].counts.length; }).sort();
    if (!names.length) return section("sites-title", gettext("Sites"), [el("p", {}, [gettext("No site was logged in these days.")])]);
    var rows = names.map(function (name) {
      var s = bySite[name], counts = s.counts, latest = counts[counts.length - 1];
      var value = function (o) { return (o.valueQuantity || {}).value || 0; };
      var withBumps = counts.filter(function (o) { return value(o) > 0; });
      var peak = counts.reduce(function (best, o) { return value(o) > value(best) ? o : best; }, counts[0]);
      var first = dateOf(counts[0].effectiveDateTime), last = dateOf(latest.effectiveDateTime);
      var logged = {
        days: interpolate(ngettext("%(n)s day", "%(n)s days", counts.length), { n: counts.length }, true),
        dates: counts.length > 1 ? first + " – " + last : first,
        bumps: withBumps.length,
        most: withBumps.length ? interpolate(ngettext("%(n)s bump", "%(n)s bumps", value(peak)), { n: value(peak) }, true) : "",
        peak: dateOf(peak.effectiveDateTime),
      };
      var latestWords = { bumps: interpolate(ngettext("%(n)s bump", "%(n)s bumps", value(latest)), { n: value(latest) }, true), date: last,
                          mm: s.largest === null ? "" : s.largest.toLocaleString(lang) };
      var lines = [
        el("span", { class: "site-name" }, [name]), el("br"),
        withBumps.length ? interpolate(gettext("Logged on %(days)s (%(dates)s), bumps on %(bumps)s of them; at most %(most)s (%(peak)s)."), logged, true)
          : interpolate(gettext("Logged on %(days)s (%(dates)s), bumps on %(bumps)s of them."), logged, true), el("br"),
        s.largest !== null ? interpolate(gettext("Latest: %(bumps)s on %(date)s; largest %(mm)s mm."), latestWords, true)
          : interpolate(gettext("Latest: %(bumps)s on %(date)s."), latestWords, true),
      ];
      if (s.pain || s.itch) lines.push(el("br"), interpolate(gettext("At worst: pain %(pain)s/10, itch %(itch)s/10."), s, true));
      if (s.onset) lines.push(el("br"), interpolate(gettext("First noticed: %(onset)s."), s, true));
      return el("li", {}, lines);
    });
    return section("sites-title", gettext("Sites and counts"), [el("ul", { class: "rows", id: "site-rows" }, rows)]);
  }

  function visits(resources, byUrl) {
    var encounters = resources.filter(function (r) { return r.resourceType === "Encounter"; });
    if (!encounters.length) return null;
    var plans = resources.filter(function (r) { return r.resourceType === "CarePlan"; });
    var day = function (e) { return ((e.period || {}).start) || ""; };
    encounters.sort(function (a, b) { return day(a).localeCompare(day(b)); });
    var rows = encounters.map(function (e) {
      var url = Object.keys(byUrl).filter(function (u) { return byUrl[u] === e; })[0];
      var on = { date: dateOf(day(e)) };
      var parts = [e.status === "planned" ? interpolate(gettext("Visit booked for %(date)s."), on, true) : interpolate(gettext("Visited a dermatologist on %(date)s."), on, true)];
      // A plan and a note are the patient's own words: only the words around them are translated.
      plans.filter(function (p) { return p.encounter && p.encounter.reference === url; }).forEach(function (p) {
        if (p.description) parts.push(" " + interpolate(gettext("Plan: %(plan)s."), { plan: p.description }, true));
        (p.activity || []).forEach(function (a) {
          var when = a.detail && a.detail.scheduledPeriod && a.detail.scheduledPeriod.start;
          if (when) parts.push(" " + interpolate(gettext("Review on %(date)s."), { date: dateOf(when) }, true));
        });
        (p.note || []).forEach(function (n) { parts.push(" " + interpolate(gettext("Note: %(note)s"), { note: n.text }, true)); });
      });
      return el("li", {}, [parts.join("")]);
    });
    return section("visits-title", gettext("Visits, as the patient recorded them"), [el("ul", { class: "rows", id: "visit-rows" }, rows)]);
  }

  function notes(resources) {
    var found = observations(resources, "diary-note");
    if (!found.length) return null;
    return section("notes-title", gettext("The patient's notes"), [el("ul", { class: "rows notes" }, found.map(function (n) {
      var marked = (n.note || []).length ? " " + gettext("(marked for the dermatologist)") : "";
      return el("li", {}, [dateOf(n.effectiveDateTime) + marked + ": " + n.valueString]);
    }))]);
  }

  function photos(resources) {
    var media = resources.filter(function (r) { return r.resourceType === "Media"; });
    if (!media.length) return null;
    var shown = media.filter(function (m) { return m.content && m.content.data; });
    var figures = shown.map(function (m) {
      var caption = dateOf(m.createdDateTime) + (m.bodySite ? " · " + siteOf(m) : "");
      return el("figure", {}, [
        el("img", { src: "data:" + (m.content.contentType || "image/jpeg") + ";base64," + m.content.data,
                    alt: interpolate(gettext("Photo, %(caption)s"), { caption: caption }, true), loading: "lazy" }),
        el("figcaption", {}, [caption]),
      ]);
    });
    var children = [el("p", { class: "hint" }, [interpolate(ngettext("%(n)s photo in these days.", "%(n)s photos in these days.", media.length), { n: media.length }, true)])];
    if (figures.length) children.push(el("div", { class: "photos", id: "photo-grid" }, figures));
    if (shown.length < media.length) {
      children.push(el("p", { class: "hint" }, [interpolate(ngettext("%(n)s photo was too large for the link; the share page shows them.", "%(n)s photos were too large for the link; the share page shows them.", media.length - shown.length), { n: media.length - shown.length }, true)]));
    }
    return section("photos-title", gettext("Photos"), children);
  }

  function download(label, blob, name, id) {
    var a = el("a", { class: "button secondary", id: id, download: name, href: URL.createObjectURL(blob) }, [label]);
    return a;
  }

  function downloads(resources, text, payload) {
    var stem = "footlog-" + (payload.label || "history").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();
    var links = [download(gettext("Download the FHIR data (JSON)"), new Blob([text], { type: "application/fhir+json" }),
                          stem + ".fhir.json", "download-fhir")];
    resources.filter(function (r) { return r.resourceType === "DocumentReference"; }).forEach(function (d) {
      var att = ((d.content || [])[0] || {}).attachment || {};
      if (att.contentType === "application/pdf" && att.data) {
        links.push(download(gettext("Download the PDF report"), new Blob([b64bytes(att.data)], { type: "application/pdf" }),
                            stem + ".pdf", "download-pdf"));
      }
    });
    return section("downloads-title", gettext("Downloads"), [el("div", { class: "downloads" }, links)]);
  }

  function render(bundle, text, payload) {
    var byUrl = {}, resources = [];
    (bundle.entry || []).forEach(function (e) {
      if (e && e.resource) { resources.push(e.resource); if (e.fullUrl) byUrl[e.fullUrl] = e.resource; }
    });
    var patient = resources.filter(function (r) { return r.resourceType === "Patient"; })[0];
    var name = patient && patient.name && patient.name[0] && patient.name[0].text;
    var tag = ((bundle.meta || {}).tag || []).filter(function (t) { return t.system === FOOTLOG; })[0];
    var head = el("section", { class: "card", "aria-label": gettext("About this history") }, [
      name ? el("p", {}, [interpolate(gettext("Patient: %(name)s"), { name: name }, true)]) : null,
      el("p", { class: "hint" }, [(tag && tag.display) || gettext("The patient's own log. Not a diagnosis.")]),
      bundle.timestamp ? el("p", { class: "hint" }, [interpolate(gettext("Made on %(date)s."), { date: dateOf(bundle.timestamp) }, true)]) : null,
    ]);
    var summary = $("summary");
    summary.textContent = "";
    summary.setAttribute("lang", spoken);  // the language it speaks: the bundle's, when footlog speaks it
    [head, redFlags(resources), sites(resources), visits(resources, byUrl), notes(resources), photos(resources),
     downloads(resources, text, payload)].forEach(function (part) { if (part) summary.appendChild(part); });
    summary.hidden = false;
    $("viewer-title").setAttribute("tabindex", "-1");
    $("viewer-title").focus();  // announced from the top, where the summary starts
  }

  // --- start ---------------------------------------------------------------------------------------------------
  function start() {
    var payload = payloadOf(decodeURIComponent(location.hash || ""));
    if (!payload) return fail(INCOMPLETE);
    if (payload.label) { $("label").textContent = payload.label; $("label").hidden = false; }
    if (!window.isSecureContext || !window.crypto || !crypto.subtle) {
      return fail(gettext("This viewer needs a secure connection (https): open the link exactly as it was sent."));
    }
    var manifest;
    try { manifest = new URL(payload.url); } catch (e) { return fail(INCOMPLETE); }
    if (manifest.origin !== location.origin) {
      return fail(gettext("This viewer opens footlog's own links only; this one belongs to another service."));
    }
    if (typeof payload.exp === "number" && payload.exp * 1000 < Date.now()) return fail(GONE);
    var flag = payload.flag || "";
    $("passcode-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var value = $("passcode").value;
      if (value.length < 4) { fail(gettext("A passcode has at least 4 characters.")); return; }
      openLink(payload, value);
    });
    if (flag.indexOf("P") >= 0) showPasscode(""); else openLink(payload);
  }

  start();
})();
