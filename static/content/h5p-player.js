/*
 * Runs inside the sandboxed player iframe (an opaque origin). Starts
 * h5p-standalone, then passes to the lesson page — and only to it — what the
 * page may relay to the platform: xAPI statements and resume state.
 */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('h5p-config').textContent);
  var container = document.getElementById('h5p-container');
  var parentOrigin = config.parentOrigin;

  function send(message) {
    if (window.parent !== window) {
      window.parent.postMessage(message, parentOrigin);
    }
  }

  function toJson(value) {
    try { return JSON.parse(JSON.stringify(value)); } catch (error) { return null; }
  }

  function showError() {
    var p = document.createElement('p');
    p.className = 'h5p-player-error';
    p.textContent = container.getAttribute('data-error');
    container.appendChild(p);
  }

  new H5PStandalone.H5P(container, config.options).then(function () {
    var H5P = window.H5P;
    H5P.externalDispatcher.on('xAPI', function (event) {
      var statement = toJson(event.data && event.data.statement);
      if (statement) { send({ type: 'xapi', statement: statement }); }
    });
    var setUserData = H5P.setUserData;
    H5P.setUserData = function (contentId, dataId, data, extras) {
      setUserData.apply(H5P, arguments);
      var json;
      try { json = JSON.stringify(data); } catch (error) { return; }
      send({
        type: 'contentUserData',
        dataType: String(dataId),
        subContentId: String((extras && extras.subContentId) || 0),
        data: json
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
  }).catch(function (error) {
    if (window.console) { window.console.error("H5P player:", error); }
    showError();
  });
})();
