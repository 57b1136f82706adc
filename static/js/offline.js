/* Balai Daring offline helpers, loaded (defer) by base.html on every page.
 *
 * 1. Registers the service worker (/sw.js, scope "/").
 * 2. window.balaiQueue.post(url, body, idempotencyKey): sends a POST now, or keeps
 *    it in localStorage and sends it when the signal returns (the "online" event,
 *    the next page load, or a retry every 30 s). Contract (docs/offline.md):
 *    - headers: "Idempotency-Key: <key>", "X-CSRFToken" (from the csrftoken
 *      cookie), Content-Type application/json (object body) or
 *      application/x-www-form-urlencoded (URLSearchParams / string body);
 *    - the same key queued twice keeps one entry (the newer body);
 *    - 2xx: done, and a "balai:queue-sent" event is fired (detail: the item and
 *      its answer's JSON as `response`); 4xx (but 408, 429):
 *      refused for good, dropped, and a "balai:queue-rejected" event is fired;
 *      5xx, 408, 429, a redirect (the session ended) or no network: kept;
 *    - the server must treat a repeated key as the same request (it may arrive
 *      twice if the answer was lost on the way back).
 * 3. The "Simpan untuk dibaca luring" button (templates/lms/offline_save.html):
 *    fetches the course page and all its lessons (and their images) into the
 *    cache the service worker reads when offline.
 * 4. Logging out empties the kept pages (a phone may be shared).
 * 5. A button with data-reload reloads the page ("Coba lagi" on the offline
 *    page): no inline handlers, the site's CSP allows none.
 */
(function () {
  "use strict";
  var PAGES_CACHE = "balai-pages";
  var MEDIA_CACHE = "balai-media";
  var QUEUE_KEY = "balai.queue.v1";
  var script = document.currentScript;
  var swUrl = (script && script.dataset.sw) || "/sw.js";

  if ("serviceWorker" in navigator && window.isSecureContext) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register(swUrl, { scope: "/" }).catch(function () {});
    });
  }

  // ------------------------------------------------------------ the queue

  function readQueue() {
    try {
      return JSON.parse(localStorage.getItem(QUEUE_KEY) || "[]");
    } catch (e) {
      return [];
    }
  }

  function writeQueue(items) {
    localStorage.setItem(QUEUE_KEY, JSON.stringify(items));
    window.dispatchEvent(new CustomEvent("balai:queue", { detail: { pending: items.length } }));
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function encode(body) {
    if (typeof body === "string") {
      return { body: body, type: "application/x-www-form-urlencoded" };
    }
    if (typeof URLSearchParams !== "undefined" && body instanceof URLSearchParams) {
      return { body: body.toString(), type: "application/x-www-form-urlencoded" };
    }
    return { body: JSON.stringify(body), type: "application/json" };
  }

  function send(item) {
    return fetch(item.url, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": item.type,
        "Idempotency-Key": item.key,
        "X-CSRFToken": csrfToken(),
        "X-Requested-With": "XMLHttpRequest",
      },
      body: item.body,
      // A redirect is not an answer: most likely the session ended and the login
      // page would answer 200. The post is kept and sent after the next login.
      redirect: "manual",
    }).then(function (response) {
      if (response.type === "opaqueredirect") return { outcome: "retry" };
      if (response.ok) {
        // The answer's JSON (if any) goes with the "balai:queue-sent" event.
        return response.json().catch(function () { return null; }).then(function (body) {
          return { outcome: "sent", body: body };
        });
      }
      if (response.status >= 500 || response.status === 408 || response.status === 429) {
        return { outcome: "retry" };
      }
      return { outcome: "rejected" };
    }, function () {
      return { outcome: "retry" };
    });
  }

  function enqueue(item) {
    var items = readQueue().filter(function (x) { return x.key !== item.key; });
    items.push(item);
    writeQueue(items);
  }

  function forget(key) {
    writeQueue(readQueue().filter(function (x) { return x.key !== key; }));
  }

  var flushing = null;
  var retryTimer = null;

  function flushNow() {
    var items = readQueue();
    var chain = Promise.resolve();
    items.forEach(function (item) {
      chain = chain.then(function () {
        return send(item).then(function (answer) {
          var outcome = answer.outcome;
          if (outcome === "sent") {
            forget(item.key);
            window.dispatchEvent(new CustomEvent("balai:queue-sent", {
              detail: Object.assign({}, item, { response: answer.body })
            }));
          } else if (outcome === "rejected") {
            forget(item.key);
            window.dispatchEvent(new CustomEvent("balai:queue-rejected", { detail: item }));
          } else {
            throw new Error("retry");
          }
        });
      });
    });
    return chain.then(function () { return 0; }, function () {
      return readQueue().length;
    });
  }

  function flush() {
    // One run at a time; a call during a run runs again after it (new items).
    if (flushing) return flushing.then(function () { return flush(); });
    var run = function () { return flushNow(); };
    var job = navigator.locks ? navigator.locks.request("balai-queue", run) : run();
    flushing = job.then(function (left) {
      flushing = null;
      clearTimeout(retryTimer);
      if (left) retryTimer = setTimeout(flush, 30000);
      return left;
    });
    return flushing;
  }

  window.balaiQueue = {
    post: function (url, body, idempotencyKey) {
      if (!idempotencyKey) throw new Error("balaiQueue.post needs an idempotency key");
      var encoded = encode(body);
      enqueue({
        url: url,
        body: encoded.body,
        type: encoded.type,
        key: String(idempotencyKey),
        at: Date.now(),
      });
      return flush().then(function () {
        var waiting = readQueue().some(function (x) { return x.key === String(idempotencyKey); });
        return waiting ? "queued" : "sent";
      });
    },
    flush: flush,
    pending: function () { return readQueue().length; },
    waiting: function (idempotencyKey) {
      return readQueue().some(function (x) { return x.key === String(idempotencyKey); });
    },
  };

  window.addEventListener("online", flush);
  if (readQueue().length) flush();

  // ------------------------------------------------------------ save for offline

  function saveCourse(box) {
    var status = box.querySelector("[data-offline-status]");
    var button = box.querySelector("button");
    var urls = box.dataset.urls.split(/\s+/).filter(Boolean);
    var done = 0;
    button.disabled = true;
    status.textContent = box.dataset.msgSaving;
    return caches.open(PAGES_CACHE).then(function (pages) {
      return caches.open(MEDIA_CACHE).then(function (media) {
        var chain = Promise.resolve();
        urls.forEach(function (url) {
          chain = chain.then(function () {
            return fetch(url, { credentials: "same-origin" }).then(function (response) {
              if (!response.ok) throw new Error(url);
              return pages.put(url, response.clone()).then(function () {
                return response.text();
              });
            }).then(function (html) {
              var doc = new DOMParser().parseFromString(html, "text/html");
              var images = Array.prototype.map.call(
                doc.querySelectorAll("main img[src]"),
                function (img) { return new URL(img.getAttribute("src"), location.href).href; }
              ).filter(function (src) { return src.indexOf(location.origin + "/media/") === 0; });
              return Promise.all(images.map(function (src) {
                return media.add(src).catch(function () {});
              }));
            }).then(function () {
              done += 1;
              status.textContent = box.dataset.msgProgress
                .replace("%(done)s", done).replace("%(total)s", urls.length);
            });
          });
        });
        return chain;
      });
    }).then(function () {
      status.textContent = box.dataset.msgDone.replace("%(count)s", urls.length);
      box.classList.add("saved");
    }, function () {
      status.textContent = box.dataset.msgFailed;
    }).then(function () {
      button.disabled = false;
    });
  }

  function setUpSaveButtons() {
    if (!("caches" in window) || !("serviceWorker" in navigator)) return;
    Array.prototype.forEach.call(document.querySelectorAll("[data-offline-save]"), function (box) {
      box.hidden = false;
      box.querySelector("button").addEventListener("click", function () { saveCourse(box); });
    });
  }

  // ------------------------------------------------------------ logout

  function forgetPagesOnLogout() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-logout]"), function (form) {
      form.addEventListener("submit", function (event) {
        if (!("caches" in window) || form.dataset.cleared) return;
        event.preventDefault();
        form.dataset.cleared = "1";
        Promise.all([caches.delete(PAGES_CACHE), caches.delete(MEDIA_CACHE)])
          .catch(function () {})
          .then(function () { form.submit(); });
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      setUpSaveButtons();
      forgetPagesOnLogout();
    });
  } else {
    setUpSaveButtons();
    forgetPagesOnLogout();
  }
})();

document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("[data-reload]");
  if (button) location.reload();
});
