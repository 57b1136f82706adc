/* The quiz attempt page (templates/assessments/attempt.html): its texts come from
   the #teks-kuis element's data attributes (translated there). */
/* Save each answer as it is given; keep unsent answers while offline. "Kirim
   jawaban" goes through the offline queue (balaiQueue, static/js/offline.js) with
   every answer on the page: the phone keeps them until the server confirms. */
(function () {
  var form = document.getElementById("kuis");
  if (!form || !window.fetch || !window.localStorage) return;
  var key = "balai-kuis-" + form.dataset.attempt;
  var submitKey = "attempt-" + form.dataset.attempt + "-kirim";
  var csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  var status = document.getElementById("status-simpan");
  var sendStatus = document.getElementById("status-kirim");
  var D = document.getElementById("teks-kuis").dataset;
  var T = {
    saved: D.saved,
    offline: D.offline,
    sending: D.sending,
    waiting: D.waiting,
    refused: D.refused
  };
  function pending() { try { return JSON.parse(localStorage.getItem(key)) || {}; } catch (e) { return {}; } }
  function store(p) { localStorage.setItem(key, JSON.stringify(p)); }
  /* Every answer given on this phone, sent or not: a page shown from the offline
     cache may predate answers already sent, so the phone's own record wins. */
  var givenKey = key + "-diberikan";
  function given() { try { return JSON.parse(localStorage.getItem(givenKey)) || {}; } catch (e) { return {}; } }
  function remember(q, pairs) { var g = given(); g[q] = pairs; localStorage.setItem(givenKey, JSON.stringify(g)); }
  function fields(fs) { return fs.querySelectorAll("input,select,textarea"); }
  function read(fs) {
    var pairs = [];
    fields(fs).forEach(function (el) {
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) return;
      pairs.push([el.name, el.value]);
    });
    return pairs;
  }
  function restore(fs, pairs) {
    fields(fs).forEach(function (el) {
      var mine = pairs.filter(function (p) { return p[0] === el.name; });
      if (el.type === "radio" || el.type === "checkbox") {
        el.checked = mine.some(function (p) { return p[1] === el.value; });
      } else { el.value = mine.length ? mine[0][1] : ""; }
    });
  }
  function mark(q, text) {
    var fs = form.querySelector('fieldset[data-question="' + q + '"]');
    if (fs) fs.querySelector(".saved-mark").textContent = text;
  }
  /* A submission waiting in the offline queue carries every answer: single
     saves stop until the server has it. */
  function submitting() { return !!(window.balaiQueue && window.balaiQueue.waiting(submitKey)); }
  function send(q) {
    var pairs = pending()[q];
    if (!pairs || submitting()) return Promise.resolve();
    var body = new URLSearchParams();
    body.append("question", q);
    pairs.forEach(function (p) { body.append(p[0], p[1]); });
    return fetch(form.dataset.saveUrl, {
      method: "POST", body: body, credentials: "same-origin",
      headers: {"X-CSRFToken": csrf, "Accept": "application/json"}
    }).then(function (r) {
      return r.json().then(function (data) {
        var now = pending();
        if (JSON.stringify(now[q]) === JSON.stringify(pairs)) { delete now[q]; store(now); }
        if (data.ok) { mark(q, "✓ " + D.stored); status.textContent = T.saved; }
        else { mark(q, data.message); status.textContent = data.message; if (data.closed) { location.reload(); } }
      });
    }).catch(function () { mark(q, D.unsent); status.textContent = T.offline; });
  }
  function flush() { Object.keys(pending()).forEach(send); }
  var timers = {};
  function changed(e) {
    var fs = e.target.closest("fieldset[data-question]");
    if (!fs) return;
    var q = fs.dataset.question, p = pending();
    p[q] = read(fs); store(p); remember(q, p[q]);
    clearTimeout(timers[q]);
    timers[q] = setTimeout(function () { send(q); }, e.type === "input" ? 600 : 0);
  }
  form.addEventListener("change", changed);
  form.addEventListener("input", changed);

  function lock(locked) {
    form.querySelectorAll("input,select,textarea,button").forEach(function (el) {
      if (el.type !== "hidden") el.disabled = locked;
    });
  }
  function tell(text) {
    status.textContent = sendStatus.textContent = text;
    sendStatus.hidden = !text;
  }
  function waitForSignal() {
    lock(true);
    tell(T.waiting);
    form.querySelectorAll(".saved-mark").forEach(function (m) {
      if (m.textContent.indexOf("✓") !== 0) m.textContent = D.unsent;
    });
  }
  function confirmed() {
    localStorage.removeItem(key); localStorage.removeItem(givenKey);
    location.href = form.dataset.resultUrl;
  }
  form.addEventListener("submit", function (e) {
    /* "Simpan jawaban", or no queue: the plain form post (the answers stay on
       the phone; a page drawn after it restores and re-sends what it lacks). */
    if (!window.balaiQueue || !e.submitter || e.submitter.name !== "kirim") return;
    e.preventDefault();
    Object.keys(timers).forEach(function (q) { clearTimeout(timers[q]); });
    form.querySelectorAll("fieldset[data-question]").forEach(function (fs) {
      remember(fs.dataset.question, read(fs));
    });
    var body = new URLSearchParams(new FormData(form));
    body.delete("csrfmiddlewaretoken");  /* the queue sends the cookie's token */
    body.set("kirim", "1");
    lock(true);
    tell(T.sending);
    window.balaiQueue.post(form.action, body, submitKey).then(function (outcome) {
      if (outcome === "queued") waitForSignal();
    });
  });
  window.addEventListener("balai:queue-sent", function (e) {
    if (e.detail.key === submitKey) confirmed();
  });
  window.addEventListener("balai:queue-rejected", function (e) {
    if (e.detail.key !== submitKey) return;
    lock(false);
    tell(T.refused);
  });

  /* Fill the page with every answer this phone knows. The page shows what the
     server held when it drew it: an answer it does not show as saved with this
     value (its save was confirmed to another copy of the page meanwhile, or the
     page came from the offline cache) is sent again; a save is an upsert. */
  var known = given(), unsent = pending();
  Object.keys(unsent).forEach(function (q) { known[q] = unsent[q]; });
  Object.keys(known).forEach(function (q) {
    var fs = form.querySelector('fieldset[data-question="' + q + '"]');
    if (!fs) return;
    var shownSaved = fs.querySelector(".saved-mark").textContent.trim() !== "";
    var shown = JSON.stringify(read(fs));
    restore(fs, known[q]);
    if (!shownSaved || JSON.stringify(read(fs)) !== shown) unsent[q] = read(fs);
  });
  store(unsent);
  function start() {  /* after offline.js (deferred) has set up the queue */
    if (submitting()) { waitForSignal(); } else { flush(); }
    window.addEventListener("online", flush);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
  var clock = document.getElementById("waktu"), left = document.getElementById("sisa-waktu");
  if (clock && left) {
    var end = new Date(clock.dataset.deadline).getTime();
    var tick = function () {
      var s = Math.max(0, Math.round((end - Date.now()) / 1000));
      left.textContent = D.left + " " + Math.floor(s / 60) + ":" + ("0" + s % 60).slice(-2);
      if (s === 0) { location.reload(); } else { setTimeout(tick, 1000); }
    };
    tick();
  }
})();
