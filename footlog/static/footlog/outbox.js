/* footlog offline outbox: entries and photos wait in IndexedDB until the API has them.
 * Loaded by the pages and by the service worker (Background Sync), so it uses no DOM.
 * Every item carries a client-made uuid: the API answers a replay with the stored object, so an item that is
 * sent twice (page and service worker racing, a lost response) is still stored exactly once. */
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

  function all() { return tx("outbox", "readonly", function (s) { return req(s.getAll()); }); }
  function count() { return tx("outbox", "readonly", function (s) { return req(s.count()); }); }
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
        s.add({ kind: "entry", id: entry.id, method: entry.method, body: entry.body });
        (photos || []).forEach(function (p) {
          s.add({ kind: "photo", id: p.id, entry: entry.id, site: p.site, blob: p.blob, name: p.name });
        });
      });
    });
  }

  function clear() {
    return Promise.all([
      tx("outbox", "readwrite", function (s) { return req(s.clear()); }),
      tx("meta", "readwrite", function (s) { return req(s.clear()); }),
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
    var headers = { "X-CSRFToken": token || "", Accept: "application/json" };
    if (item.kind === "photo") {
      var form = new FormData();
      form.append("image", item.blob, item.name || "photo.jpg");
      form.append("id", item.id);
      if (item.site) form.append("site", item.site);
      return fetch(API + "entries/" + item.entry + "/photos/", { method: "POST", headers: headers, body: form,
        credentials: "same-origin" });
    }
    headers["Content-Type"] = "application/json";
    var put = item.method === "PUT";
    var body = put ? item.body : Object.assign({ id: item.id }, item.body);
    return fetch(API + "entries/" + (put ? item.id + "/" : ""), { method: put ? "PUT" : "POST", headers: headers,
      body: JSON.stringify(body), credentials: "same-origin" });
  }

  /* What to do with one answer: "done", "retry" (stop for now) or a follow-up change to the item. */
  function settle(item, res, items) {
    if (res.ok) return Promise.resolve("done");
    if (res.status === 409 && item.kind === "entry") {
      return res.json().then(function (body) {
        // The day already has an entry (made elsewhere, or this one sent before its answer was lost):
        // update that entry instead, and point this day's queued photos at it.
        var target = body.id || item.id;
        items.forEach(function (other) {
          if (other.kind === "photo" && other.entry === item.id) { other.entry = target; put(other); }
        });
        item.id = target; item.method = "PUT";
        return put(item).then(function () { return "again"; });
      });
    }
    // 409 on a photo: a concurrent upload of the same id; the replay later answers 200.
    if (res.status === 401 || res.status === 403 || res.status === 409 || res.status === 429 || res.status >= 500) {
      return Promise.resolve("retry");
    }
    // Any other 4xx will not get better by resending: drop it and tell the page.
    return res.json().catch(function () { return {}; }).then(function (body) {
      scope.dispatchEvent && scope.dispatchEvent(new CustomEvent("footlog:rejected", { detail: body.detail || res.status }));
      return "done";
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
          return send(item, token).then(function (res) {
            return settle(item, res, items);
          }).then(function (outcome) {
            if (outcome === "retry") return null;
            if (outcome === "again" && tries++ < 3) return next();
            i += 1; tries = 0;
            return remove(item.seq).then(next);
          });
        }
        return next();
      });
    }).catch(function () { return null; /* offline: try again later */ })
      .then(count);
  }

  scope.FootlogOutbox = { enqueue: enqueue, flush: flush, count: count, all: all, clear: clear, setMeta: setMeta };
})(self);
