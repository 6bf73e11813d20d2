/* footlog service worker {{ version }}.
 * Keeps the app shell (Today page, offline page, CSS, JS, icons) so the app opens without a network.
 * Pages: network first, the kept copy only when offline. Never stores API answers, photos, account or
 * share pages: those are health data or private, and go to the network or, offline, get the offline page.
 * Offline, /day/<date>/ gets the kept form (its script reads the day from the URL and fills it from the
 * outbox or from the copy of the last 30 days kept in IndexedDB, saying "offline — showing what this phone last
 * saw") unless this device knows the day has an entry on the server and holds no copy of it: then the offline
 * page, rather than an empty form that looks like an unlogged day. */
"use strict";
var VERSION = "{{ version }}";
// The cache names the language this worker was fetched in (the account's): a switch of language is a new worker,
// which keeps the Today and offline pages, and their catalog of script words, anew in the new language.
var SHELL = "footlog-shell-" + VERSION + "-{{ language }}";
var ASSETS = {{ assets|safe }};
// The only page kept: the Today form, which carries no health data (its script loads that from the API).
var KEPT_PAGES = ["/"];
// The language's catalog first (German, Spanish: gettext and co.), then the outbox.
importScripts({{ scripts|safe }});
var gettext = self.gettext || function (text) { return text; };  // English: no catalog, the words as written

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

var DAY = /^\/day\/(\d{4}-\d{2}-\d{2})\/$/;

function offlinePage() { return caches.match("/offline/", { ignoreVary: true }); }
function keptForm() { return caches.match("/", { ignoreVary: true, ignoreSearch: true }); }

/* What to show for an app page when the network fails. */
function offlineAnswer(path) {
  var day = path.match(DAY);
  if (!day) {
    if (KEPT_PAGES.indexOf(path) < 0) return offlinePage();
    return caches.match(path, { ignoreVary: true, ignoreSearch: true }).then(function (hit) { return hit || offlinePage(); });
  }
  return self.FootlogOutbox.dayOffline(day[1]).catch(function () { return "form"; }).then(function (how) {
    return how === "form" ? keptForm().then(function (hit) { return hit || offlinePage(); }) : offlinePage();
  });
}

function isPrivate(path) {
  return /^\/(api|_allauth|accounts|admin|share)\//.test(path) || /\/(image|photos?)(\/|$)/.test(path);
}

self.addEventListener("fetch", function (event) {
  var req = event.request, url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  // Every page of the app, private ones too (a reload of the sign-in page): the network, else the offline page,
  // never the browser's error. Private pages are never kept.
  if (req.mode === "navigate") {
    event.respondWith(fetch(req).then(function (res) {
      if (res.ok && !res.redirected && !isPrivate(url.pathname) && KEPT_PAGES.indexOf(url.pathname) >= 0) {
        var copy = res.clone();
        caches.open(SHELL).then(function (cache) { cache.put(url.pathname, copy); });
      }
      return res;
    }).catch(function () { return offlineAnswer(url.pathname); }));
    return;
  }
  if (isPrivate(url.pathname)) return;
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

// By name, not position: the list grows (feetmap.js, daynav.js...).
function asset(name) { return ASSETS.filter(function (a) { return a.indexOf(name) >= 0; })[0]; }

self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = { body: event.data.text() }; }
  event.waitUntil(self.registration.showNotification(data.title || "footlog", {
    body: data.body || gettext("Time to log today."), icon: asset("icon-192"), badge: asset("maskable-192"), tag: data.tag || "footlog",
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
