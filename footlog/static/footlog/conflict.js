/* A day in conflict (another phone changed it since this one read it): the card that shows both versions side by
 * side with the choices, the safest first, and the merge behind "Keep both (safest)". Loaded by daynav.js only
 * when a conflict is shown; the service worker keeps it for offline use. */
(function () {
  "use strict";
  var box = window.FootlogOutbox;

  /* Two versions of the day, side by side, and the choices, the safest first: "Keep both" loses nothing (every
     spot, the larger numbers, every tick, so every red flag; both notes: merge below). Keeping only one
     version says which red flags of the other it would drop. */
  function card(notice, item, tools) {
    var el = tools.el, button = tools.button, siteLabel = tools.siteLabel;
    var server = item.conflict.server, mine = item.body;
    notice.appendChild(el("h2", {}, gettext("This day was changed elsewhere")));
    notice.appendChild(el("p", {}, gettext("The server has a version this phone did not start from. " +
      "Nothing was overwritten: choose what to keep.")));
    var both = el("div", { class: "both" });
    both.appendChild(version(el, siteLabel, gettext("On the server"), "conflict-server", server));
    both.appendChild(version(el, siteLabel, gettext("On this phone"), "conflict-mine", mine));
    notice.appendChild(both);
    notice.appendChild(el("p", { class: "hint" }, gettext("Keep both: every spot of both versions; where both have a spot, " +
      "the larger numbers and every tick; both notes.")));
    [[gettext("Keeping only this phone's drops a red flag: %(flags)s."), server, mine],
     [gettext("Keeping only the server's drops a red flag: %(flags)s."), mine, server]].forEach(function (c) {
      var lost = flagsOf(siteLabel, c[1]).filter(function (f) { return flagsOf(siteLabel, c[2]).indexOf(f) < 0; });
      if (lost.length) {
        notice.appendChild(el("p", { class: "refusal" }, interpolate(c[0], { flags: lost.join(", ") }, true)));
      }
    });
    var choices = el("div", { class: "choices" });
    choices.appendChild(button(gettext("Keep both (safest)"), "", function () {
      return keepBoth(item.seq).then(function () { return window.footlogSync(); });
    }));
    choices.appendChild(button(gettext("Keep this phone's"), "secondary", function () {
      return box.keepMine(item.seq).then(function () { return window.footlogSync(); });
    }));
    choices.appendChild(button(gettext("Keep the server's"), "secondary", function () { return box.discard(item.seq); }));
    notice.appendChild(choices);
  }
  function version(el, siteLabel, title, id, entry) {
    var column = el("section"), list = el("ul", { id: id });
    column.appendChild(el("h3", {}, title));
    (entry.observations || []).forEach(function (o) {
      var words = [siteLabel(o.site) + ": " + o.count].concat(signs(o));
      // The patient's own words, never translated: only the word before them is.
      if (o.note) words.push(interpolate(gettext("note: %(note)s"), { note: o.note.slice(0, 80) }, true));
      list.appendChild(el("li", {}, words.join(" · ")));
    });
    if (!(entry.observations || []).length) list.appendChild(el("li", {}, gettext("no spots")));
    var routine = entry.routine || [], done = routine.filter(function (r) { return r.done; }).length;
    list.appendChild(el("li", {}, routine.length ? interpolate(gettext("routine %(done)s of %(total)s done"),
      { done: done, total: routine.length }, true) : gettext("routine not recorded")));
    if (entry.notes) list.appendChild(el("li", {}, interpolate(gettext("notes: %(notes)s"), { notes: entry.notes.slice(0, 80) }, true)));
    column.appendChild(list);
    return column;
  }
  function signs(o) {
    var words = [];
    if (o.bleeding) words.push(gettext("bleeding"));
    if (o.spreading) words.push(gettext("spreading"));
    if (o.redness) words.push(gettext("redness"));
    if (o.pain) words.push(interpolate(gettext("pain %(n)s"), { n: o.pain }, true));
    if (o.itch) words.push(interpolate(gettext("itch %(n)s"), { n: o.itch }, true));
    return words;
  }
  /* The red flags a single day's version carries by itself (DOMAIN: bleeding, spreading, pain of 4 or more). */
  function flagsOf(siteLabel, entry) {
    var flags = [];
    (entry.observations || []).forEach(function (o) {
      var words = { site: siteLabel(o.site), n: o.pain };
      if (o.bleeding) flags.push(interpolate(gettext("bleeding at %(site)s"), words, true));
      if (o.spreading) flags.push(interpolate(gettext("spreading at %(site)s"), words, true));
      if (o.pain >= 4) flags.push(interpolate(gettext("pain %(n)s at %(site)s"), words, true));
    });
    return flags;
  }
  /* A conflict settled the safest way: both versions merged (merge() below), written over the server's. */
  function keepBoth(seq) {
    return box.all().then(function (items) {
      var item = items.filter(function (it) { return it.seq === seq; })[0];
      if (!item || !item.conflict) return;
      item.body = merge(item.conflict.server, item.body);
      return box.put(item).then(function () { return box.keepMine(seq); });
    });
  }

  /* Both versions of a day in one, losing nothing: every spot of either; where both have a spot, a tick (redness,
     bleeding, spreading) set in either stays set and each number is the larger, so a red flag is never dropped;
     both notes are kept. Routine: a step done in either is done. The notes go to the dermatologist only when
     both versions said so (the merged notes hold the text of both). Pure: also run by the tests. */
  function merge(server, mine) {
    function larger(a, b) {
      if (a === null || a === undefined) return b === undefined ? null : b;
      return b === null || b === undefined ? a : Math.max(a, b);
    }
    function both(a, b, sep) { a = (a || "").trim(); b = (b || "").trim(); return !a || a === b ? b || a : !b ? a : a + sep + b; }
    function obs(o) {
      return { site: o.site, count: o.count, largest_mm: o.largest_mm === undefined ? null : o.largest_mm,
               itch: o.itch || 0, pain: o.pain || 0, redness: !!o.redness, bleeding: !!o.bleeding,
               spreading: !!o.spreading, note: o.note || "", confirmed: !!o.confirmed };
    }
    var sites = {}, order = [];
    (server.observations || []).concat(mine.observations || []).forEach(function (raw) {
      var o = obs(raw), had = sites[o.site];
      if (!had) { sites[o.site] = o; order.push(o.site); return; }
      sites[o.site] = { site: o.site, count: larger(had.count, o.count), largest_mm: larger(had.largest_mm, o.largest_mm),
                        itch: larger(had.itch, o.itch), pain: larger(had.pain, o.pain), redness: had.redness || o.redness,
                        bleeding: had.bleeding || o.bleeding, spreading: had.spreading || o.spreading,
                        note: both(had.note, o.note, " / "), confirmed: had.confirmed || o.confirmed };
    });
    var steps = {}, stepOrder = [];
    (server.routine || []).concat(mine.routine || []).forEach(function (r) {
      var had = steps[r.step];
      if (!had) { steps[r.step] = { step: r.step, done: !!r.done, detail: r.detail || "" }; stepOrder.push(r.step); return; }
      had.done = had.done || !!r.done; had.detail = both(had.detail, r.detail, " / ");
    });
    return { date: mine.date || server.date, notes: both(server.notes, mine.notes, "\n\n"),
             for_clinician: !!server.for_clinician && !!mine.for_clinician,
             observations: order.map(function (k) { return sites[k]; }),
             routine: stepOrder.map(function (k) { return steps[k]; }) };
  }

  window.FootlogConflict = { card: card, merge: merge, keepBoth: keepBoth };
})();
