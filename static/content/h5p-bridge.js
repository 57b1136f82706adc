/*
 * The lesson page's side of the H5P player (loaded only on pages with an H5P
 * block). Each player iframe shows a document of the H5P origin (the card's
 * data-h5p-origin), a site of its own. This page accepts messages only from one
 * of its player iframes (event.source) and from that origin:
 *   {type: "ready"} / {type: "failed", message}   the activity started, or not
 *   {type: "resize", height}                       the frame follows its content
 *   {type: "xapi", statement: {...}}
 *   {type: "contentUserData", dataType, subContentId, data (JSON text or null)}
 *   H5P's own resize handshake {context: "h5p", action: ...}
 * checks their shape and size, and posts statements and state itself, with the
 * session and the CSRF token, to the platform, through the offline queue. A
 * player that says neither "ready" nor "failed" in time is shown as failed,
 * with what to do.
 */
(function () {
  'use strict';
  if (window.balaiH5PBridge) { return; }
  window.balaiH5PBridge = true;

  var MAX_BODY = 200000;
  var MAX_HEIGHT = 20000;
  // After the frame loaded, how long to wait for "ready" or "failed" (the
  // player itself gives up after data-h5p-start seconds).
  function startTimeout(card) {
    return (Number(card.dataset.h5pStart) || 15) * 1000 + 10000;
  }
  var KEY = /^[A-Za-z0-9_-]{1,64}$/;

  function cards() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-h5p-activity]'));
  }

  function cardFor(source) {
    return cards().filter(function (card) {
      var frame = card.querySelector('iframe.h5p-player');
      return frame && frame.contentWindow === source;
    })[0];
  }

  function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  // Statements and state go through the offline queue (window.balaiQueue,
  // static/js/offline.js): kept on the phone while there is no signal and sent
  // when it returns. A statement's key is its own id (one is given to a
  // statement that has none), so a statement sent twice is stored once; a
  // state's key names its slot, so the newest state replaces a queued one.
  function uuid() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, function (c) {
      var r = Math.random() * 16 | 0;
      return (c === 'x' ? r : (r & 0x3 | 0x8)).toString(16);
    });
  }

  var waiting = {};  // queue key → the card whose score its answer shows

  function post(card, url, body, key) {
    var text = JSON.stringify(body);
    if (!url || text.length > MAX_BODY) { return; }
    if (window.balaiQueue) {
      waiting[key] = card;
      window.balaiQueue.post(url, body, key);
      return;
    }
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        'X-CSRFToken': card.dataset.csrf,
        'Idempotency-Key': key
      },
      body: text
    }).then(function (response) {
      return response.json().catch(function () { return null; });
    }).then(function (answer) { showScore(card, answer); }, function () {});
  }

  window.addEventListener('balai:queue-sent', function (event) {
    var card = waiting[event.detail.key];
    if (!card) { return; }
    delete waiting[event.detail.key];
    showScore(card, event.detail.response);
  });

  function showScore(card, answer) {
    var output = card.querySelector('[data-h5p-score]');
    if (!output || !answer || !answer.ok || answer.score === null || answer.score === undefined) {
      return;
    }
    output.textContent = output.dataset.template.replace('%(score)s', answer.score);
    output.hidden = false;
    if (answer.done) { card.classList.add('done'); }
  }

  function setHeight(card, value) {
    var height = Number(value);
    if (height > 0 && height < MAX_HEIGHT) {
      card.querySelector('iframe.h5p-player').style.height = Math.ceil(height) + 'px';
    }
  }

  function settle(card, state, message) {
    window.clearTimeout(card.balaiTimer);
    card.dataset.h5pState = state;
    var box = card.querySelector('[data-h5p-failed]');
    if (!box) { return; }
    box.hidden = state !== 'failed';
    var reason = box.querySelector('[data-h5p-reason]');
    if (reason) { reason.textContent = state === 'failed' && typeof message === 'string' ? message.slice(0, 300) : ''; }
  }

  // With no signal the player (another origin, not kept by the service worker)
  // cannot load: say so instead of the browser's error page, and load it when the
  // signal returns. A player already running keeps running: its results go
  // through the offline queue. So does one whose page has loaded but has not yet
  // said it is ready (its question may already show): if it never gets there,
  // the start timeout offers "Coba lagi" as for any player that fails.
  function offline(card, noSignal) {
    var note = card.querySelector('[data-h5p-offline]');
    var frame = card.querySelector('iframe.h5p-player');
    if (!note || !frame) { return; }
    var running = card.dataset.h5pState === 'ready' || card.dataset.h5pFrameLoaded === '1';
    if (noSignal && !running) {
      window.clearTimeout(card.balaiTimer);
      card.dataset.h5pState = 'offline';
      note.hidden = false;
    } else if (!noSignal && card.dataset.h5pState === 'offline') {
      note.hidden = true;
      card.dataset.h5pState = 'loading';
      frame.src = frame.src;
    }
  }
  window.addEventListener('offline', function () {
    cards().forEach(function (card) { offline(card, true); });
  });
  window.addEventListener('online', function () {
    cards().forEach(function (card) { offline(card, false); });
  });

  function watch(card) {
    var frame = card.querySelector('iframe.h5p-player');
    card.dataset.h5pState = 'loading';
    if (!navigator.onLine) { offline(card, true); }
    frame.addEventListener('load', function () {
      if (card.dataset.h5pState === 'offline') { return; }
      card.dataset.h5pFrameLoaded = '1';
      window.clearTimeout(card.balaiTimer);
      card.balaiTimer = window.setTimeout(function () {
        if (card.dataset.h5pState === 'loading') { settle(card, 'failed', ''); }
      }, startTimeout(card));
    });
    var retry = card.querySelector('[data-h5p-retry]');
    if (retry) {
      retry.addEventListener('click', function () {
        settle(card, 'loading');
        card.dataset.h5pState = 'loading';
        card.dataset.h5pFrameLoaded = '';
        frame.src = frame.src;
      });
    }
  }

  function handshake(source, data) {
    function respond(action) { source.postMessage({ context: 'h5p', action: action }, '*'); }
    if (data.action === 'hello') {
      respond('hello');
    } else if (data.action === 'prepareResize') {
      respond('resizePrepared');
    }
  }

  window.addEventListener('message', function (event) {
    var card = cardFor(event.source);
    if (!card || event.origin !== card.dataset.h5pOrigin) { return; }
    var data = event.data;
    if (!isObject(data)) { return; }
    if (data.context === 'h5p' && typeof data.action === 'string') {
      handshake(event.source, data);
    } else if (data.type === 'resize') {
      setHeight(card, data.height);
    } else if (data.type === 'ready') {
      settle(card, 'ready');
    } else if (data.type === 'failed') {
      settle(card, 'failed', data.message);
    } else if (data.type === 'xapi' && isObject(data.statement)) {
      var statement = data.statement;
      if (typeof statement.id !== 'string' || !statement.id) { statement.id = uuid(); }
      post(card, card.dataset.xapiUrl, { lesson: card.dataset.lesson, statement: statement },
           statement.id);
    } else if (data.type === 'contentUserData' && typeof data.dataType === 'string' &&
               KEY.test(data.dataType) && typeof data.subContentId === 'string' &&
               KEY.test(data.subContentId) &&
               (data.data === null || typeof data.data === 'string')) {
      post(card, card.dataset.stateUrl, {
        lesson: card.dataset.lesson,
        dataType: data.dataType,
        subContentId: data.subContentId,
        data: data.data
      }, ['h5p-state', card.dataset.h5pActivity, card.dataset.lesson, data.dataType,
          data.subContentId].join('-'));
    }
  });

  cards().forEach(watch);
})();
