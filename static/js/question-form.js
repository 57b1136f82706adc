/* The question form in the admin: show only the answer fields of the chosen kind
   (panels marked data-question-kinds="single multiple"). Without JavaScript every
   panel stays visible, each headed by the kinds it is for. */
(function () {
  "use strict";
  function apply() {
    var select = document.querySelector("select[name=kind]");
    if (!select) return;
    document.querySelectorAll("[data-question-kinds]").forEach(function (panel) {
      var kinds = panel.dataset.questionKinds.split(" ");
      panel.hidden = kinds.indexOf(select.value) === -1;
    });
  }
  document.addEventListener("change", function (event) {
    if (event.target.matches("select[name=kind]")) apply();
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", apply);
  } else {
    apply();
  }
})();
