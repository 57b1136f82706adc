/*
 * The lesson page's side of the H5P player (loaded only on pages with an H5P
 * block). The player iframe is sandboxed: its messages come from the origin
 * "null". This page accepts from each player iframe only
 *   {type: "xapi", statement: {...}}
 *   {type: "contentUserData", dataType, subContentId, data (JSON text or null)}
 *   H5P's own resize messages {context: "h5p", action: ...}
 * checks their shape and size, and posts them itself, with the session and the
 * CSRF token, to the platform.
 */
(function () {
  'use strict';
  if (window.balaiH5PBridge) { return; }
  window.balaiH5PBridge = true;

  var MAX_BODY = 200000;
  var KEY = /^[A-Za-z0-9_-]{1,64}$/;

  function cards() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-h5p-activity]'));
  }

  function cardFor(source) {
    return cards().filter(function (card) {
      var frame = card.querySelector('iframe');
      return frame && frame.contentWindow === source;
    })[0];
  }

  function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  function post(card, url, body) {
    var text = JSON.stringify(body);
    if (!url || text.length > MAX_BODY) { return Promise.resolve(null); }
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRFToken': card.dataset.csrf },
      body: text
    }).then(function (response) {
      return response.json().catch(function () { return null; });
    }).catch(function () { return null; });
  }

  function showScore(card, answer) {
    var output = card.querySelector('[data-h5p-score]');
    if (!output || !answer || !answer.ok || answer.score === null || answer.score === undefined) {
      return;
    }
    output.textContent = output.dataset.template.replace('%(score)s', answer.score);
    output.hidden = false;
    if (answer.done) { card.classList.add('done'); }
  }

  function resize(frame, source, data) {
    function respond(action) { source.postMessage({ context: 'h5p', action: action }, '*'); }
    var height;
    if (data.action === 'hello') {
      respond('hello');
    } else if (data.action === 'prepareResize') {
      height = Number(data.clientHeight);
      if (height > 0 && height < 20000) { frame.style.height = height + 'px'; }
      respond('resizePrepared');
    } else if (data.action === 'resize') {
      height = Number(data.scrollHeight);
      if (height > 0 && height < 20000) { frame.style.height = height + 'px'; }
    }
  }

  window.addEventListener('message', function (event) {
    var card = cardFor(event.source);
    if (!card || event.origin !== 'null') { return; }
    var data = event.data;
    if (!isObject(data)) { return; }
    if (data.context === 'h5p' && typeof data.action === 'string') {
      resize(card.querySelector('iframe'), event.source, data);
    } else if (data.type === 'xapi' && isObject(data.statement)) {
      post(card, card.dataset.xapiUrl, { lesson: card.dataset.lesson, statement: data.statement })
        .then(function (answer) { showScore(card, answer); });
    } else if (data.type === 'contentUserData' && typeof data.dataType === 'string' &&
               KEY.test(data.dataType) && typeof data.subContentId === 'string' &&
               KEY.test(data.subContentId) &&
               (data.data === null || typeof data.data === 'string')) {
      post(card, card.dataset.stateUrl, {
        lesson: card.dataset.lesson,
        dataType: data.dataType,
        subContentId: data.subContentId,
        data: data.data
      });
    }
  });
})();
