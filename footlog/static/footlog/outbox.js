/* footlog offline outbox: entries and photos wait in IndexedDB until the API has them.
 * Loaded by the pages and by the service worker (Background Sync), so it uses no DOM.
 * Every item carries a client-made uuid: the API answers a replay with the stored object, so an item that is
 * sent twice (page and service worker racing, a lost response) is still stored exactly once.
 * Nothing is ever dropped: an item the server refuses is kept, "held", with the server's answer, and so is one
 * that meets a newer version on the server (both are kept for the person to choose); the pages show them.
 * Each item carries `account`, the key of the account that queued it (the page's, see `me`): a page sends and
 * shows only its account's items; another account's are kept and counted, never sent into this one. The service
 * worker, which cannot tell who is signed in, sends each item with its key and the server refuses a mismatch
 * (403 other_account). An item without a key (queued before keys) waits until an account claims it (`claim`).
 * Beside it, a second database ("footlog-days") keeps a read-only copy of the account's days of the last 30 days
 * for reading offline: it belongs to one account (its "owner" key) and is wiped on sign-out, account deletion
 * or when another account opens Today on this phone. */
(function (scope) {
  "use strict";
  var DB = "footlog", VERSION = 1, API = "/api/v1/";

  function open() {
    return new Promise(function (resolve, reject) {
      var req = indexedDB.open(DB, VERSION);
      req.onupgradeneeded = function () {
        req.result.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
        req.result.createObjectStore("meta");
      };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  function tx(store, mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(store, mode), result;
        Promise.resolve(work(t.objectStore(store))).then(function (r) { result = r; });
        t.oncomplete = function () { db.close(); resolve(result); };
        t.onerror = t.onabort = function () { db.close(); reject(t.error); };
      });
    });
  }

  function req(r) {
    return new Promise(function (resolve, reject) {
      r.onsuccess = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
    });
  }

  /* The signed-in account's key on a page ("" signed out); undefined in the service worker (every item). */
  var mine;
  function me(key) { mine = key; }
  function ours(it) { return mine === undefined || it.account === mine; }
  function every() { return tx("outbox", "readonly", function (s) { return req(s.getAll()); }); }
  function all() { return every().then(function (items) { return items.filter(ours); }); }
  /* Kept for another account (or for none yet): only their dates and keys are shown, never their content. */
  function others() {
    return every().then(function (items) { return items.filter(function (it) { return !ours(it); }); });
  }
  /* Items without a key become this account's, when the person says they are theirs. */
  function claim() {
    return others().then(function (items) {
      return Promise.all(items.filter(function (it) { return !it.account; })
        .map(function (it) { it.account = mine; return put(it); }));
    });
  }
  function isHeld(item) { return !!(item.refused || item.conflict || item.confirm); }
  function entryHeld(items, entryId) {
    return items.some(function (it) { return it.kind === "entry" && it.id === entryId && isHeld(it); });
  }
  /* Waiting to be sent: everything but held items (and photos of a held entry, which wait for it). */
  function count() {
    return all().then(function (items) {
      return items.filter(function (it) { return !isHeld(it) && !(it.kind === "photo" && entryHeld(items, it.entry)); }).length;
    });
  }
  function held() { return all().then(function (items) { return items.filter(isHeld); }); }
  /* The held item of a day, if any: its entry first, else one of its photos. */
  function stuck(date) {
    return held().then(function (items) {
      var mine = items.filter(function (it) { return (it.kind === "entry" ? it.body.date : it.date) === date; });
      return mine.filter(function (it) { return it.kind === "entry"; })[0] || mine[0] || null;
    });
  }
  function remove(seq) { return tx("outbox", "readwrite", function (s) { return req(s.delete(seq)); }); }
  function put(item) { return tx("outbox", "readwrite", function (s) { return req(s.put(item)); }); }
  function setMeta(key, value) { return tx("meta", "readwrite", function (s) { return req(s.put(value, key)); }); }
  function getMeta(key) { return tx("meta", "readonly", function (s) { return req(s.get(key)); }); }

  /* Queue a day's entry and its photos. A still-unsent entry for the same date is replaced (same id). */
  function enqueue(entry, photos) {
    return all().then(function (items) {
      return tx("outbox", "readwrite", function (s) {
        items.forEach(function (it) {
          if (it.kind === "entry" && it.body.date === entry.body.date) s.delete(it.seq);
        });
        s.add({ kind: "entry", id: entry.id, method: entry.method, version: entry.version || null, body: entry.body,
                account: mine });
        (photos || []).forEach(function (p) {
          s.add({ kind: "photo", id: p.id, entry: entry.id, date: entry.body.date, site: p.site, blob: p.blob, account: mine,
                  name: p.name, view: p.view || null,
                  scale_in_frame: typeof p.scale_in_frame === "boolean" ? p.scale_in_frame : null });
        });
      });
    });
  }

  /* Give up a held item on purpose (the person chose to): an entry takes its unsent photos with it. */
  function discard(seq) {
    return all().then(function (items) {
      var item = items.filter(function (it) { return it.seq === seq; })[0];
      if (!item) return;
      return tx("outbox", "readwrite", function (s) {
        s.delete(seq);
        if (item.kind === "entry") {
          items.forEach(function (it) { if (it.kind === "photo" && it.entry === item.id) s.delete(it.seq); });
        }
      });
    });
  }

  /* A conflict settled by keeping this phone's version: write it over the server's newer one, knowingly. */
  function keepMine(seq) {
    return all().then(function (items) {
      var item = items.filter(function (it) { return it.seq === seq; })[0];
      if (!item || !item.conflict) return;
      var server = item.conflict.server;
      items.forEach(function (other) {
        if (other.kind === "photo" && other.entry === item.id) { other.entry = server.id; put(other); }
      });
      item.id = server.id; item.method = "PUT"; item.version = server.version; delete item.conflict;
      return put(item);
    });
  }

  /* --- the days copy, for reading offline ------------------------------------------------------------
     "days": {date, entry, seen} (the entry as the API answered it, `seen` when this phone got it); "meta": the
     owner key (an opaque per-account key from the page, never the address) and when the window was refreshed. */
  var DAYS = "footlog-days", WINDOW = 30;
  function openDays() {
    return new Promise(function (resolve, reject) {
      var r = indexedDB.open(DAYS, 1);
      r.onupgradeneeded = function () {
        r.result.createObjectStore("days", { keyPath: "date" });
        r.result.createObjectStore("meta");
      };
      r.onsuccess = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
    });
  }
  function daysTx(mode, work) {
    return openDays().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(["days", "meta"], mode), result;
        Promise.resolve(work(t.objectStore("days"), t.objectStore("meta"))).then(function (r) { result = r; });
        t.oncomplete = function () { db.close(); resolve(result); };
        t.onerror = t.onabort = function () { db.close(); reject(t.error); };
      });
    });
  }
  function forgetDays() {
    return new Promise(function (resolve) {
      var r = indexedDB.deleteDatabase(DAYS);
      r.onsuccess = r.onerror = r.onblocked = function () { resolve(); };
    });
  }
  /* One change at a time (a wipe for a new owner must not race a day being kept). */
  var daysQueue = Promise.resolve();
  function serial(work) {
    var p = daysQueue.then(work);
    daysQueue = p.catch(function () {});
    return p;
  }
  /* The copy belongs to `owner`: another account's copy is wiped before anything is read or kept. */
  function ownDays(owner) {
    return daysTx("readonly", function (days, meta) { return req(meta.get("owner")); }).then(function (had) {
      if (had === owner) return;
      return forgetDays().then(function () {
        return daysTx("readwrite", function (days, meta) { return req(meta.put(owner, "owner")); });
      });
    });
  }
  /* One day as the server answered it (`entry` null: not logged, so no copy). */
  function keepDay(owner, date, entry) {
    return serial(function () {
      return ownDays(owner).then(function () {
        return daysTx("readwrite", function (days) {
          return req(entry ? days.put({ date: date, entry: entry, seen: new Date().toISOString() }) : days.delete(date));
        });
      });
    });
  }
  /* The window [from, to] as the server answered a request made at `asked` (ISO time): days in it that are not in
     `entries` are gone, and days before it are dropped (the copy stays about the last WINDOW days). A day kept
     after `asked` (saved meanwhile) is newer than this answer and stays as it is. */
  function keepWindow(owner, from, to, entries, asked) {
    var seen = new Date().toISOString();
    return serial(function () {
      return ownDays(owner).then(function () {
        return daysTx("readwrite", function (days, meta) {
          var rows = days.getAll(IDBKeyRange.upperBound(to));
          rows.onsuccess = function () {
            var newer = {};
            rows.result.forEach(function (row) {
              if (row.seen > asked) newer[row.date] = true; else days.delete(row.date);
            });
            entries.forEach(function (e) {
              if (!newer[e.date] && e.date >= from && e.date <= to) days.put({ date: e.date, entry: e, seen: seen });
            });
            meta.put(seen, "refreshed");
          };
          return null;
        });
      });
    });
  }
  /* The kept copy of a day for `owner`, or null. */
  function keptDay(owner, date) {
    return serial(function () {
      return ownDays(owner).then(function () {
        return daysTx("readonly", function (days) { return req(days.get(date)); });
      });
    }).then(function (row) { return row || null; });
  }
  /* When the window was last refreshed for `owner` (an ISO time), or null. */
  function daysRefreshed(owner) {
    return serial(function () {
      return ownDays(owner).then(function () {
        return daysTx("readonly", function (days, meta) { return req(meta.get("refreshed")); });
      });
    });
  }

  /* Days this device knows to be logged on the server (from History, the calendar and the day form), so that
     the service worker does not offer an empty form for a logged day it cannot show offline. */
  function noteDays(logged, unlogged) {
    return getMeta("logged").then(function (known) {
      var set = {};
      (known || []).forEach(function (d) { set[d] = true; });
      (logged || []).forEach(function (d) { set[d] = true; });
      (unlogged || []).forEach(function (d) { delete set[d]; });
      return setMeta("logged", Object.keys(set).sort());
    });
  }
  /* Offline, for /day/<date>/: "form" when the form can work (the day is in the outbox, or not known to be
     logged), "offline" when its entry is on the server only. */
  function dayOffline(date) {
    var copy = daysTx("readonly", function (days) { return req(days.get(date)); }).catch(function () { return null; });
    return Promise.all([all(), getMeta("logged"), copy]).then(function (found) {
      var queued = found[0].some(function (it) { return it.kind === "entry" && it.body.date === date; });
      return queued || found[2] || (found[1] || []).indexOf(date) < 0 ? "form" : "offline";
    });
  }

  /* Forget what this phone holds for the account (sign-out, account deletion): its outbox items and the days copy.
     Another account's items stay: they are its own, and nothing is ever dropped. */
  function clear() {
    return Promise.all([
      all().then(function (items) {
        return tx("outbox", "readwrite", function (s) { items.forEach(function (it) { s.delete(it.seq); }); });
      }),
      tx("meta", "readwrite", function (s) { return req(s.clear()); }),
      forgetDays(),
    ]);
  }

  function csrf() {
    if (typeof document !== "undefined") {
      var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
      if (m) return Promise.resolve(decodeURIComponent(m[1]));
    }
    return getMeta("csrf");
  }

  function send(item, token) {
    var headers = { "X-CSRFToken": token || "", Accept: "application/json", "X-Footlog-Account": item.account };
    if (item.kind === "photo") {
      var form = new FormData();
      form.append("image", item.blob, item.name || "photo.jpg");
      form.append("id", item.id);
      if (item.site) form.append("site", item.site);
      if (item.view) form.append("view", item.view);
      // Multipart booleans are exactly "true"/"false" (the API refuses anything else).
      if (typeof item.scale_in_frame === "boolean") form.append("scale_in_frame", item.scale_in_frame ? "true" : "false");
      return fetch(API + "entries/" + item.entry + "/photos/", { method: "POST", headers: headers, body: form,
        credentials: "same-origin" });
    }
    headers["Content-Type"] = "application/json";
    var put = item.method === "PUT";
    // The version the form was filled from: a newer one on the server answers 412 instead of being overwritten.
    if (put && item.version) headers["If-Match"] = '"' + item.id + "-" + item.version + '"';
    var body = put ? item.body : Object.assign({ id: item.id }, item.body);
    return fetch(API + "entries/" + (put ? item.id + "/" : ""), { method: put ? "PUT" : "POST", headers: headers,
      body: JSON.stringify(body), credentials: "same-origin" });
  }

  /* Photos the server found blurred, dark or too bright (its answer's `quality`), kept until the person
     chose Retake or Keep on that day's page, even when the service worker sent them. Good ones are not kept. */
  var FLAWED = "flawed-photos";
  function isFlawed(q) { return !!q && (q.sharp === false || (q.exposure && q.exposure !== "ok")); }
  function noteFlaw(item, res) {
    return res.json().then(function (photo) {
      if (!isFlawed(photo.quality)) return;
      return getMeta(FLAWED).then(function (list) {
        list = (list || []).filter(function (r) { return r.id !== photo.id; });
        list.push({ id: photo.id, date: item.date, site: photo.site || item.site || null,
                    view: photo.view || item.view || null, quality: photo.quality });
        return setMeta(FLAWED, list.slice(-50));
      });
    }).catch(function () { /* stored all the same: only the warning is lost */ });
  }
  function flawed(date) {
    return getMeta(FLAWED).then(function (list) {
      return (list || []).filter(function (r) { return r.date === date; });
    });
  }
  function settleFlaw(id) {
    return getMeta(FLAWED).then(function (list) {
      return setMeta(FLAWED, (list || []).filter(function (r) { return r.id !== id; }));
    }).catch(function () {});
  }

  /* What to do with one answer: "done", "retry" (stop for now) or a follow-up change to the item. */
  function settle(item, res) {
    if (res.ok && item.kind === "photo") return noteFlaw(item, res).then(function () { return "done"; });
    if (res.ok) return Promise.resolve("done");
    if (res.status === 412 && item.kind === "entry") return hold(item, { conflict: true }, item.id);
    if (res.status === 409 && item.kind === "entry") {
      return res.json().then(function (body) {
        // Another device made this day's entry: keep both for the person to choose, never overwrite it.
        if (body.id && body.id !== item.id) return hold(item, { conflict: true }, body.id);
        // This very entry was sent before (its answer lost) and edited since: update it.
        item.method = "PUT";
        // The server's words, kept in case it keeps answering so (send_all holds the item then).
        // (No detail: the day's page words it, "Refused (409).", in the page's language.)
        item.answer = { status: res.status, detail: body.detail, errors: body.errors || {} };
        return put(item).then(function () { return "again"; });
      });
    }
    // Queued by another account than the one signed in: kept for it, the rest goes on.
    if (res.status === 403) {
      return res.json().then(function (b) { return b.code === "other_account" ? "held" : "retry"; }, function () { return "retry"; });
    }
    // 409 on a photo: a concurrent upload of the same id; the replay later answers 200.
    if (res.status === 401 || res.status === 409 || res.status === 429 || res.status >= 500) {
      return Promise.resolve("retry");
    }
    // Any other 4xx will not get better by resending: keep it, with the server's words, until it is fixed.
    return res.json().catch(function () { return {}; }).then(function (body) {
      if (isOutlierQuestion(item, res, body)) return hold(item, { confirm: { detail: body.detail, outliers: body.outliers } });
      return hold(item, { refused: { status: res.status, detail: body.detail, errors: body.errors || {} } });
    });
  }

  /* Keep an item out of the sending queue; for a conflict, with the server's current version beside it. */
  function hold(item, why, serverId) {
    var server = why.conflict ? fetch(API + "entries/" + serverId + "/", { headers: { Accept: "application/json" },
      credentials: "same-origin" }).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      : Promise.resolve(null);
    return server.then(function (entry) {
      if (entry) item.conflict = { server: entry }; else if (why.confirm) item.confirm = why.confirm;
      else item.refused = why.refused;
      return put(item);
    }).then(function () { return "held"; }, function () { return "retry"; });
  }

  /* --- values far from the usual (the API's 400 "confirm_outlier") -------------------------------------
     Such an entry is held as "confirm" until the person keeps the values (sent again with "confirmed": true on
     each observation asked about) or corrects them on the day's form (a new save replaces the held item). */
  function isOutlierQuestion(item, res, body) {
    return item.kind === "entry" && res.status === 400 && body.code === "confirm_outlier" && Array.isArray(body.outliers);
  }
  function keepOutliers(seq) {
    return all().then(function (items) {
      var item = items.filter(function (it) { return it.seq === seq; })[0];
      if (!item || !item.confirm) return;
      var sites = item.confirm.outliers.map(function (o) { return o.site; });
      (item.body.observations || []).forEach(function (o) { if (sites.indexOf(o.site) >= 0) o.confirmed = true; });
      delete item.confirm;
      return put(item);
    });
  }

  var running = null;

  /* Send everything queued, oldest first. Resolves with the number still waiting. */
  function flush() {
    if (running) return running;
    // One sender at a time across the pages and the service worker (Background Sync), so that the same
    // item is not in flight twice; the API's idempotency still covers a lost answer.
    var locks = typeof navigator !== "undefined" && navigator.locks;
    running = (locks ? locks.request("footlog-outbox", send_all) : send_all())
      .then(function (n) { running = null; return n; }, function (e) { running = null; throw e; });
    return running;
  }

  function send_all() {
    return csrf().then(function (token) {
      return all().then(function (items) {
        var i = 0, tries = 0;
        function next() {
          if (i >= items.length) return null;
          var item = items[i];
          if (!item.account || isHeld(item) || (item.kind === "photo" && entryHeld(items, item.entry))) { i += 1; return next(); }
          return send(item, token).then(function (res) {
            return settle(item, res);
          }).then(function (outcome) {
            if (outcome === "retry") return null;
            if (outcome === "held") { i += 1; tries = 0; return next(); }
            if (outcome === "again" && tries++ < 3) return next();
            i += 1; tries = 0;
            if (outcome === "again") {
              // Still "again" after three more tries: hold it with the server's last words, never drop it.
              return hold(item, { refused: item.answer }).then(function (o) { return o === "held" ? next() : null; });
            }
            return remove(item.seq).then(next);
          });
        }
        return next();
      });
    }).catch(function () { return null; /* offline: try again later */ })
      .then(count);
  }

  scope.FootlogOutbox = { enqueue: enqueue, flush: flush, count: count, all: all, clear: clear, setMeta: setMeta,
                          me: me, others: others, claim: claim,
                          held: held, stuck: stuck, discard: discard, keepMine: keepMine, noteDays: noteDays,
                          dayOffline: dayOffline, flawed: flawed, settleFlaw: settleFlaw,
                          keepOutliers: keepOutliers, put: put, keepDay: keepDay,
                          keepWindow: keepWindow, keptDay: keptDay, daysRefreshed: daysRefreshed, WINDOW: WINDOW };
})(self);
