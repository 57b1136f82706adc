/* A category dropdown follows its bank dropdown: only the chosen bank's categories
   are offered (<select data-follows="bank">, options marked data-bank). In a row of
   an inline panel, the bank is the select whose name ends the same way. */
(function () {
  "use strict";
  function bankFor(select) {
    var suffix = select.dataset.follows;
    var prefix = select.name.slice(0, select.name.lastIndexOf("-") + 1);
    var form = select.form || document;
    return form.querySelector('select[name="' + prefix + suffix + '"]') ||
      form.querySelector('select[name="' + suffix + '"]');
  }
  function follow(select) {
    var bank = bankFor(select);
    if (!bank) return;
    var chosen = bank.value;
    select.querySelectorAll("option[data-bank]").forEach(function (option) {
      var shown = !!chosen && option.dataset.bank === chosen;
      option.hidden = !shown;
      option.disabled = !shown;
      if (!shown && option.selected) select.value = "";
    });
  }
  function all() { document.querySelectorAll("select[data-follows]").forEach(follow); }
  document.addEventListener("change", function (event) {
    if (event.target.matches("select")) all();
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", all);
  } else {
    all();
  }
})();
