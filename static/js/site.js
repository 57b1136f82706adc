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

  ready(tablesCheck);
  window.addEventListener("resize", tablesCheck);
})();
