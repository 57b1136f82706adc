/* The quiz builder: each slot shows the question picker OR the category and count,
   as its "Isi slot" choice says (the server clears the other side too). */
(function () {
  "use strict";
  function wrapper(el) { return el && (el.closest(".w-panel__wrapper") || el.closest("[data-field-wrapper]") || el.parentElement); }
  function apply() {
    document.querySelectorAll("input[type=radio][name$='-mode']:checked").forEach(function (radio) {
      var prefix = radio.name.slice(0, -"mode".length);
      var form = radio.form || document;
      var random = radio.value === "random";
      var question = form.querySelector('[name="' + prefix + 'question"]');
      var category = form.querySelector('[name="' + prefix + 'category"]');
      var count = form.querySelector('[name="' + prefix + 'count"]');
      if (question) wrapper(question).hidden = random;
      if (category) wrapper(category).hidden = !random;
      if (count) wrapper(count).hidden = !random;
    });
  }
  document.addEventListener("change", apply);
  document.addEventListener("click", function () { setTimeout(apply, 0); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", apply);
  } else {
    apply();
  }
})();
