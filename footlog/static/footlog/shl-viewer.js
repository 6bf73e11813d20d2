/* footlog's SMART Health Link viewer (/shl/view#shlink:/…), per the SMART Health Links spec (HL7 IG, STU1):
 * read the payload from the URL's fragment (never sent to a server), POST its manifest (with the passcode when
 * the P flag says so), fetch the file, decrypt the compact JWE (alg "dir", enc "A256GCM") with WebCrypto, and
 * show the FHIR Bundle footlog made (footlog/exports/fhir.py) as a readable summary, with downloads of the FHIR
 * JSON and the PDF inside. The key never leaves this page. WebCrypto needs a secure context (https or localhost).
 * Everything the bundle says goes into the page as text (textContent), never as markup. */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var FOOTLOG = "https://footlog.app/fhir/CodeSystem/observation";
  var RECIPIENT = "footlog viewer (web browser)";
  var GONE = "This link is not available: it has expired, was withdrawn, or is mistyped. Ask the patient for a new " +
    "link if you still need it.";
  var INCOMPLETE = "This link is incomplete. Open the whole link the patient sent, or scan the code again.";
  var lang = "en-GB";  // dates as footlog writes them ("9 Nov 2026"), until the bundle names its language

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
    if (status === 429) return "Too many tries from here; wait a minute and try again.";
    return "footlog answered with an error (" + status + "); try again later.";
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
    say("Opening the link…");
    var answer;
    try {
      answer = await askManifest(payload, passcode);
    } catch (e) {
      return fail("footlog could not be reached: check the connection and try again.");
    }
    if (answer.status === 401) {
      var left = (await answer.json().catch(function () { return {}; })).remainingAttempts;
      showPasscode(passcode === undefined ? "" : "That passcode is not right: " + left + " " +
        (left === 1 ? "try" : "tries") + " left before the link locks.");
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
        return fail("footlog could not be reached: check the connection and try again.");
      }
      if (!got.ok) return fail(statusWords(got.status));
      jwe = await got.text();
    }
    say("Unlocking on this device…");
    var text, bundle;
    try {
      text = await decrypt(jwe, payload.key);
      bundle = JSON.parse(text);
    } catch (e) {
      return fail("This link does not unlock its history: it may be incomplete. Open the whole link the patient " +
        "sent, or scan the code again.");
    }
    if (!bundle || bundle.resourceType !== "Bundle") return fail("This link holds no history footlog can show.");
    render(bundle, text, payload);
    say("");
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
  function siteOf(r) { return (r.bodySite && r.bodySite.text) || "Site not named"; }
  function dateOf(text, month) {
    if (!text) return "";
    var p = String(text).slice(0, 10).split("-").map(Number);
    var when = new Date(Date.UTC(p[0], (p[1] || 1) - 1, p[2] || 1));
    var parts = month || p.length < 3 ? { month: "short", year: "numeric" } : { day: "numeric", month: "short", year: "numeric" };
    parts.timeZone = "UTC";
    try { return new Intl.DateTimeFormat(lang, parts).format(when); } catch (e) { return String(text); }
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
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
    if (!flags.length) return section("flags-title", "Red flags", [el("p", {}, ["No red flag in the patient's log for these days."])]);
    var rows = flags.map(function (f) {
      var words = (f.valueCodeableConcept && f.valueCodeableConcept.text) || "red flag";
      var note = ((f.note || [])[0] || {}).text;
      return el("li", {}, [dateOf(f.effectiveDateTime) + " · " + siteOf(f) + ": " + words, note ? " (" + note + ")" : ""]);
    });
    // The bundle carries red-flag events, not footlog's level (that is in the PDF): any red flag in it gets the
    // red flag's words, never weaker ones.
    var box = section("flags-title", "Red flags", [
      el("p", { class: "seek", id: "seek" }, ["Seek care promptly."]),
      el("p", {}, [plural(flags.length, "red flag", "red flags") + " in the patient's log for these days, the latest on " +
        dateOf(flags[0].effectiveDateTime) + "."]),
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
      if (bySite[siteOf(o)]) bySite[siteOf(o)].onset = o.valueDateTime ? dateOf(o.valueDateTime, true) : "not sure";
    });
    var names = Object.keys(bySite).filter(function (n) { return bySite[n].counts.length; }).sort();
    if (!names.length) return section("sites-title", "Sites", [el("p", {}, ["No site was logged in these days."])]);
    var rows = names.map(function (name) {
      var s = bySite[name], counts = s.counts, latest = counts[counts.length - 1];
      var value = function (o) { return (o.valueQuantity || {}).value || 0; };
      var withBumps = counts.filter(function (o) { return value(o) > 0; });
      var peak = counts.reduce(function (best, o) { return value(o) > value(best) ? o : best; }, counts[0]);
      var lines = [
        el("span", { class: "site-name" }, [name]), el("br"),
        "Logged on " + plural(counts.length, "day", "days") + " (" + dateOf(counts[0].effectiveDateTime) +
          (counts.length > 1 ? " – " + dateOf(latest.effectiveDateTime) : "") + "), bumps on " + withBumps.length +
          " of them" + (withBumps.length ? "; at most " + plural(value(peak), "bump", "bumps") + " (" +
          dateOf(peak.effectiveDateTime) + ")" : "") + ".", el("br"),
        "Latest: " + plural(value(latest), "bump", "bumps") + " on " + dateOf(latest.effectiveDateTime) +
          (s.largest !== null ? "; largest " + s.largest + " mm" : "") + ".",
      ];
      if (s.pain || s.itch) lines.push(el("br"), "At worst: pain " + s.pain + "/10, itch " + s.itch + "/10.");
      if (s.onset) lines.push(el("br"), "First noticed: " + s.onset + ".");
      return el("li", {}, lines);
    });
    return section("sites-title", "Sites and counts", [el("ul", { class: "rows", id: "site-rows" }, rows)]);
  }

  function visits(resources, byUrl) {
    var encounters = resources.filter(function (r) { return r.resourceType === "Encounter"; });
    if (!encounters.length) return null;
    var plans = resources.filter(function (r) { return r.resourceType === "CarePlan"; });
    var day = function (e) { return ((e.period || {}).start) || ""; };
    encounters.sort(function (a, b) { return day(a).localeCompare(day(b)); });
    var rows = encounters.map(function (e) {
      var url = Object.keys(byUrl).filter(function (u) { return byUrl[u] === e; })[0];
      var parts = [e.status === "planned" ? "Visit booked for " + dateOf(day(e)) + "." : "Visited a dermatologist on " + dateOf(day(e)) + "."];
      plans.filter(function (p) { return p.encounter && p.encounter.reference === url; }).forEach(function (p) {
        if (p.description) parts.push(" Plan: " + p.description + ".");
        (p.activity || []).forEach(function (a) {
          var when = a.detail && a.detail.scheduledPeriod && a.detail.scheduledPeriod.start;
          if (when) parts.push(" Review on " + dateOf(when) + ".");
        });
        (p.note || []).forEach(function (n) { parts.push(" Note: " + n.text); });
      });
      return el("li", {}, [parts.join("")]);
    });
    return section("visits-title", "Visits, as the patient recorded them", [el("ul", { class: "rows", id: "visit-rows" }, rows)]);
  }

  function notes(resources) {
    var found = observations(resources, "diary-note");
    if (!found.length) return null;
    return section("notes-title", "The patient's notes", [el("ul", { class: "rows notes" }, found.map(function (n) {
      var marked = (n.note || []).length ? " (marked for the dermatologist)" : "";
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
                    alt: "Photo, " + caption, loading: "lazy" }),
        el("figcaption", {}, [caption]),
      ]);
    });
    var children = [el("p", { class: "hint" }, [plural(media.length, "photo", "photos") + " in these days."])];
    if (figures.length) children.push(el("div", { class: "photos", id: "photo-grid" }, figures));
    if (shown.length < media.length) {
      children.push(el("p", { class: "hint" }, [plural(media.length - shown.length, "photo was", "photos were") +
        " too large for the link; the share page shows them."]));
    }
    return section("photos-title", "Photos", children);
  }

  function download(label, blob, name, id) {
    var a = el("a", { class: "button secondary", id: id, download: name, href: URL.createObjectURL(blob) }, [label]);
    return a;
  }

  function downloads(resources, text, payload) {
    var stem = "footlog-" + (payload.label || "history").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();
    var links = [download("Download the FHIR data (JSON)", new Blob([text], { type: "application/fhir+json" }),
                          stem + ".fhir.json", "download-fhir")];
    resources.filter(function (r) { return r.resourceType === "DocumentReference"; }).forEach(function (d) {
      var att = ((d.content || [])[0] || {}).attachment || {};
      if (att.contentType === "application/pdf" && att.data) {
        links.push(download("Download the PDF report", new Blob([b64bytes(att.data)], { type: "application/pdf" }),
                            stem + ".pdf", "download-pdf"));
      }
    });
    return section("downloads-title", "Downloads", [el("div", { class: "downloads" }, links)]);
  }

  function render(bundle, text, payload) {
    if (typeof bundle.language === "string" && bundle.language) lang = bundle.language;
    var byUrl = {}, resources = [];
    (bundle.entry || []).forEach(function (e) {
      if (e && e.resource) { resources.push(e.resource); if (e.fullUrl) byUrl[e.fullUrl] = e.resource; }
    });
    var patient = resources.filter(function (r) { return r.resourceType === "Patient"; })[0];
    var name = patient && patient.name && patient.name[0] && patient.name[0].text;
    var tag = ((bundle.meta || {}).tag || []).filter(function (t) { return t.system === FOOTLOG; })[0];
    var head = el("section", { class: "card", "aria-label": "About this history" }, [
      name ? el("p", {}, ["Patient: " + name]) : null,
      el("p", { class: "hint" }, [(tag && tag.display) || "The patient's own log. Not a diagnosis."]),
      bundle.timestamp ? el("p", { class: "hint" }, ["Made on " + dateOf(bundle.timestamp) + "."]) : null,
    ]);
    var summary = $("summary");
    summary.textContent = "";
    summary.setAttribute("lang", lang);  // the bundle's language, when it names one
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
      return fail("This viewer needs a secure connection (https): open the link exactly as it was sent.");
    }
    var manifest;
    try { manifest = new URL(payload.url); } catch (e) { return fail(INCOMPLETE); }
    if (manifest.origin !== location.origin) {
      return fail("This viewer opens footlog's own links only; this one belongs to another service.");
    }
    if (typeof payload.exp === "number" && payload.exp * 1000 < Date.now()) return fail(GONE);
    var flag = payload.flag || "";
    $("passcode-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var value = $("passcode").value;
      if (value.length < 4) { fail("A passcode has at least 4 characters."); return; }
      openLink(payload, value);
    });
    if (flag.indexOf("P") >= 0) showPasscode(""); else openLink(payload);
  }

  start();
})();
