/* Small behaviours of every page (no inline scripts: the CSP forbids them). */
(function () {
  "use strict";

  /* A worked example's table wider than its box says it can be swiped. */
  function tablesCheck() {
    document.querySelectorAll(".worked-example .ledger-wrap").forEach(function (wrap) {
      var box = wrap.closest(".worked-example");
      box.classList.toggle("overflowing", wrap.scrollWidth > wrap.clientWidth + 1);
    });
  }

  function ready(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  /* Who is logged in, remembered for the offline page (kept once for everyone);
     forgotten at logout. */
  var USER = "balai.user";
  function userRemember() {
    try {
      var body = document.body;
      if (body.dataset.user) localStorage.setItem(USER, body.dataset.user);
      else if (document.querySelector("a[href$='/akun/masuk/']")) localStorage.removeItem(USER);
      document.querySelectorAll("form[data-logout]").forEach(function (form) {
        form.addEventListener("submit", function () { localStorage.removeItem(USER); });
      });
    } catch (e) { /* no storage: nothing to remember */ }
  }

  /* The offline page: who is logged in, a word for a quiz never opened, what waits. */
  function offlinePage() {
    var who = document.querySelector("[data-offline-user]");
    if (!who) return;
    var name = null;
    try { name = localStorage.getItem(USER); } catch (e) { /* none */ }
    if (name) {
      who.textContent = who.dataset.template.replace("%(n)s", name);
      who.hidden = false;
    }
    var path = location.pathname;
    var quiz = document.querySelector("[data-offline-quiz]");
    if (quiz && /^\/(kuis|percobaan)\//.test(path)) quiz.hidden = false;
    var pending = document.querySelector("[data-offline-pending]");
    if (pending && window.balaiQueue && window.balaiQueue.pending()) {
      pending.textContent = pending.dataset.template.replace("%(count)s", window.balaiQueue.pending());
      pending.hidden = false;
    }
  }

  document.addEventListener("click", function (e) {
    if (e.target.closest("[data-reload]")) location.reload();
  });

  /* A message handed over by the page before (a post sent by script). */
  function flashShow() {
    var text = null;
    try { text = sessionStorage.getItem("balai.flash"); sessionStorage.removeItem("balai.flash"); } catch (e) { return; }
    var box = document.querySelector("main > [role=status]");
    if (!text || !box) return;
    var list = box.querySelector(".messages");
    if (!list) { list = document.createElement("ul"); list.className = "messages"; box.appendChild(list); }
    var item = document.createElement("li");
    item.className = "msg-success";
    item.textContent = text;
    list.appendChild(item);
  }

  ready(tablesCheck);
  ready(flashShow);
  ready(userRemember);
  /* after offline.js (deferred, after this file) has set up the queue */
  window.addEventListener("load", offlinePage);
  window.addEventListener("resize", tablesCheck);
})();
