/* Balai Daring service worker: offline reading of visited and saved lessons.
 *
 * Served at /sw.js (scope "/") by lms.views.offline.service_worker, which fills in
 * the three placeholders below (version, offline page URL, static files to keep).
 *
 * - Pages (HTML): network first; a good answer is kept in the "pages" cache; with
 *   no network the kept copy is shown, else the offline page.
 * - Static files (hashed names, never change): cache first.
 * - Media images: cache first, kept when first seen.
 * - Everything else (POST, JSON, admin, login): straight to the network; quiz
 *   answers and xAPI statements sent while offline are queued by the page
 *   (static/js/offline.js, window.balaiQueue), not here.
 */
"use strict";

var VERSION = "__VERSION__";
var OFFLINE_URL = "__OFFLINE_URL__";
var PRECACHE = __PRECACHE__;
var STATIC_CACHE = "balai-static-" + VERSION;
var PAGES_CACHE = "balai-pages";
var MEDIA_CACHE = "balai-media";
var NEVER = ["/admin/", "/akun/", "/i18n/", "/_bench/", "/dokumen/"];

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(STATIC_CACHE).then(function (cache) {
      return cache.addAll(PRECACHE.concat([OFFLINE_URL]));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("balai-static-") === 0 && name !== STATIC_CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function isHtml(request) {
  return request.mode === "navigate" ||
    (request.headers.get("Accept") || "").indexOf("text/html") !== -1;
}

function pageFirstFromNetwork(request) {
  return fetch(request).then(function (response) {
    if (response.status === 200 && response.type === "basic" && !response.redirected) {
      var copy = response.clone();
      caches.open(PAGES_CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.open(PAGES_CACHE).then(function (cache) {
      return cache.match(request, { ignoreVary: true });
    }).then(function (kept) {
      return kept || caches.match(OFFLINE_URL);
    });
  });
}

function cacheFirst(request, cacheName) {
  return caches.match(request).then(function (kept) {
    if (kept) return kept;
    return fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(cacheName).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  for (var i = 0; i < NEVER.length; i++) {
    if (url.pathname.indexOf(NEVER[i]) === 0) return;
  }
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(cacheFirst(request, STATIC_CACHE));
  } else if (url.pathname.indexOf("/media/") === 0 && request.destination === "image") {
    event.respondWith(cacheFirst(request, MEDIA_CACHE));
  } else if (isHtml(request)) {
    event.respondWith(pageFirstFromNetwork(request));
  }
});
