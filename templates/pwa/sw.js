/* footlog service worker {{ version }}.
 * Keeps the app shell (Today page, offline page, CSS, JS, icons) so the app opens without a network.
 * Pages: network first, the kept copy only when offline. Never stores API answers, photos, account or
 * share pages: those are health data or private, and go to the network or fail. */
"use strict";
var VERSION = "{{ version }}";
var SHELL = "footlog-shell-" + VERSION;
var ASSETS = {{ assets|safe }};
// The only page kept: the Today form, which carries no health data (its script loads that from the API).
var KEPT_PAGES = ["/"];
importScripts({{ outbox_url|safe }});

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    return cache.addAll(ASSETS).then(function () {
      return fetch("/", { credentials: "same-origin" }).then(function (res) {
        if (res.ok && !res.redirected) return cache.put("/", res);
      }).catch(function () {});
    });
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== SHELL; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function isPrivate(path) {
  return /^\/(api|_allauth|accounts|admin|share)\//.test(path) || /\/(image|photos?)(\/|$)/.test(path);
}

self.addEventListener("fetch", function (event) {
  var req = event.request, url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin || isPrivate(url.pathname)) return;
  if (req.mode === "navigate") {
    event.respondWith(fetch(req).then(function (res) {
      if (res.ok && !res.redirected && KEPT_PAGES.indexOf(url.pathname) >= 0) {
        var copy = res.clone();
        caches.open(SHELL).then(function (cache) { cache.put(url.pathname, copy); });
      }
      return res;
    }).catch(function () {
      return caches.match(url.pathname, { ignoreVary: true, ignoreSearch: true }).then(function (hit) {
        return hit || caches.match("/offline/", { ignoreVary: true });
      });
    }));
    return;
  }
  if (url.pathname.indexOf("/static/") === 0 || url.pathname === "/manifest.webmanifest") {
    event.respondWith(caches.match(req, { ignoreVary: true }).then(function (hit) { return hit || fetch(req); }));
  }
});

// Background Sync: the browser wakes the worker when the connection is back, even with the app closed.
self.addEventListener("sync", function (event) {
  if (event.tag === "footlog-outbox") {
    event.waitUntil(self.FootlogOutbox.flush().then(function (left) {
      if (left) throw new Error("still waiting");  // ask the browser to retry later
    }));
  }
});

self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = { body: event.data.text() }; }
  event.waitUntil(self.registration.showNotification(data.title || "footlog", {
    body: data.body || "Time to log today.", icon: ASSETS[4], badge: ASSETS[5], tag: data.tag || "footlog",
    data: { url: data.url || "/" },
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var target = (event.notification.data && event.notification.data.url) || "/";
  event.waitUntil(self.clients.matchAll({ type: "window" }).then(function (list) {
    for (var i = 0; i < list.length; i++) { if ("focus" in list[i]) return list[i].navigate(target).then(function (c) { return c && c.focus(); }); }
    return self.clients.openWindow(target);
  }));
});
