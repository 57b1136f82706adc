/* The attendance tap list (templates/courses/blended/attendance_take.html).
 *
 * Each tap is one mark, posted through the site's offline queue
 * (window.balaiQueue, static/js/offline.js; docs/offline.md) with a key of its
 * own: sent at once with signal, kept on the phone and sent when the signal
 * returns without it. The server records a key once (a repeat writes nothing),
 * and of two marks for a participant keeps the later one (marked_at).
 * Without JavaScript the list is a plain form with a "Simpan" button.
 */
(function () {
  "use strict";
  var form = document.querySelector("form[data-attendance]");
  if (!form || !window.balaiQueue) return;
  var url = form.dataset.markUrl;
  var text = form.dataset;
  var QUEUE_KEY = "balai.queue.v1"; // the queue's storage (docs/offline.md)
  form.classList.add("live");

  function queued() {
    try {
      return JSON.parse(localStorage.getItem(QUEUE_KEY) || "[]").filter(function (item) {
        return item.url === url;
      });
    } catch (e) {
      return [];
    }
  }

  function rowOf(input) {
    return input.closest(".tap-row");
  }

  function show(row, state) {
    var label = row.querySelector(".state");
    label.className = "state " + state;
    label.textContent = {
      sent: text.textSent,
      queued: text.textWaiting,
      sending: text.textSending,
      rejected: text.textRejected,
    }[state] || "";
  }

  function refresh() {
    var waiting = queued();
    var keys = waiting.map(function (item) { return item.key; });
    form.querySelectorAll(".tap-row[data-key]").forEach(function (row) {
      if (row.querySelector(".state").classList.contains("queued") && keys.indexOf(row.dataset.key) < 0) {
        show(row, "sent");
      }
    });
    var status = document.getElementById("antrean");
    if (status) {
      status.textContent = waiting.length ? waiting.length + " " + text.textPending : (status.textContent ? text.textAllSent : "");
      status.className = "queue-state" + (waiting.length ? " waiting" : "");
    }
  }

  // Marks still waiting on this phone (the page reopened without signal).
  queued().forEach(function (item) {
    var body;
    try { body = JSON.parse(item.body); } catch (e) { return; }
    var input = form.querySelector('input[name="status-' + body.enrollment + '"][value="' + body.status + '"]');
    if (!input) return;
    input.checked = true;
    var row = rowOf(input);
    row.dataset.key = item.key;
    show(row, "queued");
  });
  refresh();

  form.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.name || input.name.indexOf("status-") !== 0) return;
    var enrollment = Number(input.name.slice(7));
    var row = rowOf(input);
    var key = "att-" + form.dataset.session + "-" + enrollment + "-" + Date.now() + "-" +
      Math.random().toString(36).slice(2, 8);
    row.dataset.key = key;
    show(row, "sending");
    window.balaiQueue
      .post(url, { enrollment: enrollment, status: input.value, marked_at: Date.now() }, key)
      .then(function (outcome) {
        if (row.dataset.key === key) show(row, outcome === "sent" ? "sent" : "queued");
        refresh();
      });
  });

  window.addEventListener("balai:queue", refresh);
  window.addEventListener("balai:queue-rejected", function (event) {
    var item = event.detail || {};
    if (item.url !== url) return;
    form.querySelectorAll(".tap-row").forEach(function (row) {
      if (row.dataset.key === item.key) show(row, "rejected");
    });
  });
})();
