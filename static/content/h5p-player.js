/*
 * Runs in the player document, on the H5P origin (an origin of its own, which
 * holds no session). Starts h5p-standalone, then tells the lesson page — and only
 * it, at config.parentOrigin — what the page may relay to the platform and how
 * the box should look:
 *   {type: "ready"}                    the activity started
 *   {type: "failed", message}          it cannot start (the message says why)
 *   {type: "resize", height}           the document's height, whenever it changes
 *   {type: "xapi", statement}          an xAPI statement
 *   {type: "contentUserData", dataType, subContentId, data}   resume state
 * With embedType "iframe", H5P core puts the content in an iframe of this
 * document; its statements reach this document's H5P.externalDispatcher, and its
 * resume state is caught on its own H5P object.
 */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('h5p-config').textContent);
  var container = document.getElementById('h5p-container');
  var parentOrigin = config.parentOrigin;
  var STARTED_WITHIN = config.startWithin || 15000; // ms to show something
  var failed = false;

  function send(message) {
    if (window.parent !== window && parentOrigin) {
      window.parent.postMessage(message, parentOrigin);
    }
  }

  function toJson(value) {
    try { return JSON.parse(JSON.stringify(value)); } catch (error) { return null; }
  }

  // The body's scroll height: its content, including what overflows it (a
  // feedback bubble), and unlike the root's, not held up by the frame's height.
  var lastHeight = 0;
  var scheduled = false;
  function reportHeight() {
    scheduled = false;
    var body = document.body;
    var height = Math.ceil(Math.max(body.scrollHeight, body.getBoundingClientRect().height));
    if (height > 0 && height !== lastHeight) {
      lastHeight = height;
      send({ type: 'resize', height: height });
    }
  }
  function scheduleHeight() {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(reportHeight);
    }
  }
  if (window.ResizeObserver) {
    new ResizeObserver(scheduleHeight).observe(document.body);
  }
  if (window.MutationObserver) {
    new MutationObserver(scheduleHeight).observe(document.body, {
      subtree: true, childList: true, attributes: true, characterData: true
    });
  }
  window.addEventListener('load', scheduleHeight);

  function fail(message) {
    if (failed) { return; }
    failed = true;
    var p = document.createElement('p');
    p.className = 'h5p-player-error';
    p.setAttribute('role', 'alert');
    p.textContent = message;
    container.innerHTML = '';
    container.appendChild(p);
    send({ type: 'failed', message: message });
    reportHeight();
  }

  if (config.problem) {
    fail(config.problem);
    return;
  }

  function wrapUserData(H5P) {
    if (!H5P || H5P.balaiWrapped || typeof H5P.setUserData !== 'function') { return; }
    H5P.balaiWrapped = true;
    var setUserData = H5P.setUserData;
    H5P.setUserData = function (contentId, dataId, data, extras) {
      setUserData.apply(H5P, arguments);
      var json;
      try { json = JSON.stringify(data); } catch (error) { return; }
      send({
        type: 'contentUserData',
        dataType: String(dataId),
        subContentId: String((extras && extras.subContentId) || 0),
        data: json === undefined ? null : json
      });
    };
    var deleteUserData = H5P.deleteUserData;
    H5P.deleteUserData = function (contentId, dataId, subContentId) {
      deleteUserData.apply(H5P, arguments);
      send({
        type: 'contentUserData',
        dataType: String(dataId),
        subContentId: String(subContentId || 0),
        data: null
      });
    };
  }

  // The iframe H5P core opened for the content grows with it: H5P resizes it
  // on the content's "resize" events, which some content types forget to send
  // when a message or a feedback appears.
  function fitContentFrame(frame) {
    var body = frame.contentDocument && frame.contentDocument.body;
    if (body && body.scrollHeight > frame.clientHeight) {
      frame.style.height = body.scrollHeight + 'px';
    }
  }

  // The content's own iframe (embedType "iframe"): same origin as this document.
  function watchContentFrames() {
    Array.prototype.forEach.call(container.querySelectorAll('iframe.h5p-iframe'), function (frame) {
      function wrap() {
        try {
          wrapUserData(frame.contentWindow && frame.contentWindow.H5P);
          var body = frame.contentDocument && frame.contentDocument.body;
          if (body && !body.balaiWatched && window.MutationObserver) {
            body.balaiWatched = true;
            new MutationObserver(function () {
              window.requestAnimationFrame(function () { fitContentFrame(frame); });
            }).observe(body, { subtree: true, childList: true, attributes: true, characterData: true });
          }
        } catch (error) { /* not ours */ }
      }
      wrap();
      frame.addEventListener('load', wrap);
    });
  }

  // The content shows something: its element (in this document, or in the
  // iframe H5P core opened for it) has children and some height.
  function shown() {
    var frame = container.querySelector('iframe.h5p-iframe');
    var doc = document;
    if (frame) {
      try { doc = frame.contentDocument; } catch (error) { return false; }
      if (!doc || frame.getBoundingClientRect().height <= 20) { return false; }
    }
    var content = doc.querySelector('.h5p-content');
    return Boolean(content && content.children.length &&
                   content.getBoundingClientRect().height > 20);
  }

  function whenShown() {
    var waited = 0;
    var timer = window.setInterval(function () {
      waited += 250;
      watchContentFrames();
      if (shown()) {
        window.clearInterval(timer);
        send({ type: 'ready' });
        reportHeight();
      } else if (waited >= STARTED_WITHIN) {
        window.clearInterval(timer);
        fail(container.getAttribute('data-empty'));
      }
    }, 250);
  }

  var options = config.options;
  new H5PStandalone.H5P(container, options).then(function () {
    var H5P = window.H5P;
    H5P.externalDispatcher.on('xAPI', function (event) {
      var statement = toJson(event.data && event.data.statement);
      if (statement) { send({ type: 'xapi', statement: statement }); }
    });
    wrapUserData(H5P);
    whenShown();
  }).catch(function (error) {
    if (window.console) { window.console.error('H5P player:', error); }
    fail(container.getAttribute('data-error'));
  });
})();
