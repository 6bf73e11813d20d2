/* The day form's helpers, around today.js's state (window.footlogForm): the day picker, "Same as last time",
 * and what the outbox holds back for this day (refused by the server, or in conflict with a newer version). */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var form = window.footlogForm, box = window.FootlogOutbox;
  if (!form || !$("today-form")) return;
  var state = form.state, config = JSON.parse($("today-config").textContent);
  var today = form.todayIn(config.timezone);

  /* --- the day picker ------------------------------------------------------------------------- */
  function earliest() {
    return (+today.slice(0, 4) - config.earliest_years) + today.slice(4).replace("-02-29", "-02-28");
  }
  function dayUrl(iso) { return iso === today ? "/" : "/day/" + iso + "/"; }
  var prev = form.shiftDate(state.date, -1), next = form.shiftDate(state.date, 1);
  $("day-prev").href = dayUrl(prev);
  $("day-prev").hidden = prev < earliest();
  $("day-next").href = dayUrl(next);
  $("day-next").hidden = next > today;
  var pick = $("day-pick");
  pick.value = state.date; pick.max = today; pick.min = earliest();
  // The native field writes the date in the browser's locale (12/07/2026); its label says it in words, as the
  // server does ("Mon 7 Dec 2026": the weekday apart, no comma after it).
  var noon = new Date(state.date + "T12:00:00Z");
  $("day-pick-shown").textContent = noon.toLocaleDateString(footlogLocale, { weekday: "short", timeZone: "UTC" }) + " " +
    noon.toLocaleDateString(footlogLocale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  pick.addEventListener("change", function () {
    var error = $("day-choose-error");
    error.hidden = true;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(pick.value)) return;
    if (pick.value > today) {
      error.textContent = interpolate(gettext("That day is after today in your account's time zone (%(zone)s): it cannot be logged yet."),
                                      { zone: config.timezone }, true);
      error.hidden = false;
      return;
    }
    if (pick.value < earliest()) {
      error.textContent = gettext("footlog keeps days from the last five years.");
      error.hidden = false;
      return;
    }
    location.href = dayUrl(pick.value);
  });

  if (state.date !== today) {  // the form's words are Today's; on another day they name that day
    var legend = $("routine-care").closest("fieldset").querySelector("legend");
    if (legend) legend.textContent = gettext("Routine that day");
  }

  /* --- Same as last time ---------------------------------------------------------------------- */
  /* Copies what tends to repeat (where, how many, how large; the routine ticks) from the latest entry before
     this day; never itch, pain, redness, bleeding, spreading, notes or photos, which must be looked at afresh. */
  var same = $("same-as-last"), last = null;
  function isEmpty() {
    return !Object.keys(state.obs).length && !Object.keys(state.touched).length && !$("notes").value;
  }
  function offerSame() {
    if (!isEmpty()) { same.hidden = true; return; }
    form.api("entries/?to=" + form.shiftDate(state.date, -1) + "&page_size=1").then(function (page) {
      last = page.results[0] || null;
      same.hidden = !last || !isEmpty();
      if (last) same.textContent = interpolate(gettext("Same as last time (%(date)s)"), { date: shortDate(last.date) }, true);
    }).catch(function () { same.hidden = true; });
  }
  function longDate(iso) {
    return new Date(iso + "T12:00:00Z").toLocaleDateString(footlogLocale, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  }
  function shortDate(iso) {
    return new Date(iso + "T12:00:00Z").toLocaleDateString(footlogLocale, { day: "numeric", month: "short", timeZone: "UTC" });
  }
  same.addEventListener("click", function () {
    if (!last) return;
    state.copied = { sites: {}, steps: {} };
    last.observations.filter(notConfirmedOutlier).forEach(function (o) {
      state.obs[o.site] = { count: o.count, largest_mm: o.largest_mm, itch: 0, pain: 0, redness: false,
                            bleeding: false, spreading: false, note: "", typed: {} };
      state.copied.sites[o.site] = true;
    });
    last.routine.forEach(function (r) {
      state.done[r.step] = r.done; state.touched[r.step] = true; state.copied.steps[r.step] = true;
    });
    form.renderSteps(); form.paint();
    same.hidden = true;
    var spots = last.observations.length, steps = last.routine.length;
    $("same-status").textContent = interpolate(state.date === today
      ? gettext("Copied from %(date)s: %(spots)s and %(steps)s, marked until you change them. Itch, pain, redness, bleeding, spreading and notes are not copied: check them today.")
      : gettext("Copied from %(date)s: %(spots)s and %(steps)s, marked until you change them. Itch, pain, redness, bleeding, spreading and notes are not copied: check them for %(day)s."), {
        date: shortDate(last.date), day: longDate(state.date),
        spots: interpolate(ngettext("%(n)s spot", "%(n)s spots", spots), { n: spots }, true),
        steps: interpolate(ngettext("%(n)s routine step", "%(n)s routine steps", steps), { n: steps }, true) }, true);
  });
  /* A value kept although far from the usual (a confirmed outlier) was true of that day only: never copied. */
  function notConfirmedOutlier(o) { return !o.confirmed; }
  // A copied value stops being marked once the person touches it.
  $("today-form").addEventListener("input", untouch);
  $("today-form").addEventListener("change", untouch);
  $("today-form").addEventListener("click", function (e) {
    if (e.target.closest("[data-step], #remove-site")) untouch(e);
  });
  function untouch(e) {
    var t = e.target;
    if (t.closest("#site-panel") && state.copied.sites[state.site]) {
      delete state.copied.sites[state.site]; form.paint();
    } else if (t.closest("#routine-care, #routine-trigger") && state.copied.steps[t.value]) {
      delete state.copied.steps[t.value]; t.closest("label").classList.remove("copied");
    } else if (t.id === "nothing-done") {
      state.copied.steps = {};
      document.querySelectorAll("#today-form .toggle.copied").forEach(function (l) { l.classList.remove("copied"); });
    }
  }

  /* --- what the outbox holds back for this day ------------------------------------------------ */
  var notice = $("day-outbox");
  function siteLabel(key) {
    return (config.sites.filter(function (s) { return s.key === key; })[0] || { label: key }).label;
  }
  /* The API's field errors as lines people can act on; a spot's errors are named by the spot:
     {"observations": {"0": {"count": ["..."]}}} (or a list) → "Left sole, count: ...". */
  function problems(errors, body) {
    var lines = [];
    Object.keys(errors).forEach(function (field) {
      var value = errors[field], rows = body[field] || [];
      if (typeof value === "string" || (Array.isArray(value) && typeof value[0] === "string")) {
        lines.push(field + ": " + [].concat(value).join(" "));
        return;
      }
      Object.keys(value || {}).forEach(function (i) {
        var name = rows[i] && rows[i].site ? siteLabel(rows[i].site) : field, part = value[i] || {};
        Object.keys(part).forEach(function (inner) { lines.push(name + ", " + inner + ": " + [].concat(part[inner]).join(" ")); });
      });
    });
    return lines;
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }
  function button(text, cls, act) {
    var b = el("button", { type: "button", class: cls }, text);
    b.addEventListener("click", function () { b.disabled = true; act().then(function () { location.reload(); }); });
    return b;
  }
  function show(item) {
    notice.textContent = "";
    if (!item) { notice.hidden = true; return; }
    if (item.confirm) {
      askOutliers(item);
    } else if (item.conflict) {
      // Rarely needed, so fetched when it is (kept by the service worker for offline use all the same).
      conflict().then(function (c) { c.card(notice, item, { el: el, button: button, siteLabel: siteLabel }); });
    } else {
      var photo = item.kind === "photo";
      notice.appendChild(el("h2", {}, photo ? gettext("The server did not accept a photo of this day") : gettext("The server did not accept this day")));
      // The field lines say more than the general detail ("Some fields are invalid."): show them when there are any.
      var lines = problems(item.refused.errors || {}, item.body || {});
      var refused = item.refused.detail || interpolate(gettext("Refused (%(status)s)."), item.refused, true);
      (lines.length ? lines : [refused]).forEach(function (line) {
        notice.appendChild(el("p", { class: "refusal" }, line));
      });
      notice.appendChild(el("p", {}, photo ? gettext("It is kept on this phone until you discard it.")
        : gettext("It is kept on this phone: correct it below and save again, or discard it.")));
      notice.appendChild(button(photo ? gettext("Discard this photo") : gettext("Discard this version"), "secondary",
        function () { return box.discard(item.seq); }));
    }
    notice.hidden = false;
  }
  /* The server asks whether values far from the person's usual at a spot are right ("30 mm is much larger than
     your usual 2 mm at this spot — keep it?"): keep them (sent again with the mark) or correct them below. */
  function askOutliers(item) {
    notice.appendChild(el("h2", {}, gettext("Is this right?")));
    item.confirm.outliers.forEach(function (o) {
      var line = el("p", { class: "outlier-question" }, siteLabel(o.site) + ": " + o.message);
      if (o.suggest !== undefined) {
        line.appendChild(el("span", {}, " " + interpolate(gettext("Did you mean %(mm)s mm?"),
          { mm: o.suggest.toLocaleString(footlogLocale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) }, true)));
      }
      notice.appendChild(line);
    });
    notice.appendChild(el("p", {}, gettext("Nothing is stored until you choose; it is kept on this phone meanwhile.")));
    var choices = el("div", { class: "choices" });
    choices.appendChild(button(gettext("Keep it"), "", function () {
      return box.keepOutliers(item.seq).then(function () { return window.footlogSync(); });
    }));
    var change = el("button", { type: "button", class: "secondary" }, gettext("Change it"));
    change.addEventListener("click", function () {
      var first = item.confirm.outliers[0];
      form.say(gettext("Correct the value, then save again."));
      if (first && window.footlogForm.select) window.footlogForm.select(first.site);
      if (first && $(first.field)) $(first.field).focus();
    });
    choices.appendChild(change);
    notice.appendChild(choices);
  }
  function conflict() {
    if (window.FootlogConflict) return Promise.resolve(window.FootlogConflict);
    return new Promise(function (resolve, reject) {
      var script = el("script", { src: config.conflict_js });
      script.onload = function () { resolve(window.FootlogConflict); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }
  function refresh() { return box ? box.stuck(state.date).then(show).catch(function () {}) : Promise.resolve(); }

  document.addEventListener("footlog:day-loaded", function (e) {
    var stored = e.detail.stored;
    if (box && stored !== undefined) box.noteDays(stored ? [state.date] : [], stored ? [] : [state.date]).catch(function () {});
    offerSame(); refresh();
  });
  document.addEventListener("footlog:stuck", function (e) {
    show(e.detail);
    notice.scrollIntoView({ block: "start" });  // the save was tapped far below it
  });
})();
