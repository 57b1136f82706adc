/* Reloads the page every data-seconds while a job runs (the admin's certificate
   jobs list): no inline script, the CSP allows none. */
(function () {
  var script = document.currentScript;
  var seconds = Number((script && script.dataset.seconds) || 3);
  setTimeout(function () { location.reload(); }, seconds * 1000);
})();
