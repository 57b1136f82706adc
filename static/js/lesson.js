/* "Tandai selesai" of a lesson goes through the offline queue (balaiQueue,
   static/js/offline.js) under the key lesson-<id>-selesai: with no signal the
   lesson is shown done at once (kept in localStorage until the server has it,
   also on a copy of the page from the offline cache) and sent when the signal
   returns; reaching a lesson's end is an upsert on the server. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-lesson-finish]");
  var state = document.querySelector("[data-lesson-state]");
  if (!form || !state || !window.localStorage) return;
  var STORE = "balai.lessons.done";
  var id = form.dataset.lessonFinish;
  var key = "lesson-" + id + "-selesai";
  var button = form.querySelector("button[type=submit]");
  var next = form.querySelector("[name=next_url]");

  function marked() {
    try { return JSON.parse(localStorage.getItem(STORE)) || {}; } catch (e) { return {}; }
  }
  function mark(on) {
    var all = marked();
    if (on) { all[id] = Date.now(); } else { delete all[id]; }
    localStorage.setItem(STORE, JSON.stringify(all));
  }
  function tell(text, kind) {
    state.textContent = text;
    state.className = "state" + (kind ? " " + kind : "");
  }
  function showQueued() {
    form.hidden = true;
    tell("✓ " + form.dataset.queued, "queued");
    if (next && !document.querySelector("[data-lesson-next]")) {
      var link = document.createElement("a");
      link.className = "button";
      link.href = next.value;
      link.dataset.lessonNext = "";
      var pager = document.querySelector(".pager a[rel=next]");
      link.textContent = pager ? pager.textContent.replace(/\s*→\s*$/, "") + " →" : "→";
      state.insertAdjacentElement("afterend", link);
    }
  }

  function start() {
    if (!window.balaiQueue) return;
    if (marked()[id]) {
      if (window.balaiQueue.waiting(key)) { showQueued(); } else { mark(false); }
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var body = new URLSearchParams(new FormData(form));
      body.delete("csrfmiddlewaretoken"); /* the queue sends the cookie's token */
      button.disabled = true;
      window.balaiQueue.post(form.action, body, key).then(function (outcome) {
        if (outcome === "queued") { mark(true); showQueued(); }
      });
    });
    window.addEventListener("balai:queue-sent", function (e) {
      if (e.detail.key !== key) return;
      mark(false);
      var answer = e.detail.response || {};
      if (answer.completed) {
        if (form.hidden) { tell("✓ " + form.dataset.sent, "sent"); return; }
        try { sessionStorage.setItem("balai.flash", answer.message || form.dataset.sent); } catch (err) { /* none */ }
        location.href = answer.next_url || location.href;
      } else {
        form.hidden = false;
        button.disabled = false;
        tell(answer.message || form.dataset.refused, "rejected");
      }
    });
    window.addEventListener("balai:queue-rejected", function (e) {
      if (e.detail.key !== key) return;
      mark(false);
      form.hidden = false;
      button.disabled = false;
      tell(form.dataset.refused, "rejected");
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
