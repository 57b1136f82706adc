/* A dropdown follows another (<select data-follows="bank">, its options marked
   data-parent="<id of their bank>"): only the chosen parent's options are offered.
   In a row of an inline panel, the parent is the select whose name ends the same way. */
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
    select.querySelectorAll("option[data-parent]").forEach(function (option) {
      var shown = !!chosen && option.dataset.parent === chosen && (option.selected || matches(select, option));
      option.hidden = !shown;
      option.disabled = !shown;
      if (!shown && option.selected) select.value = "";
    });
  }
  /* A search box above a long dropdown (data-search = its placeholder): options
     whose text lacks the words typed are hidden. */
  function searchable(select) {
    if (!select.dataset.search || select.previousElementSibling && select.previousElementSibling.matches("[data-search-box]")) return;
    var box = document.createElement("input");
    box.type = "search";
    box.placeholder = select.dataset.search;
    box.setAttribute("aria-label", select.dataset.search);
    box.setAttribute("data-search-box", "");
    box.className = "balai-search-box";
    select.parentNode.insertBefore(box, select);
    box.addEventListener("input", function () { follow(select); });
  }
  function matches(select, option) {
    var box = select.previousElementSibling;
    if (!box || !box.matches("[data-search-box]") || !box.value.trim()) return true;
    var text = option.textContent.toLowerCase();
    return box.value.toLowerCase().split(/\s+/).every(function (w) { return text.indexOf(w) !== -1; });
  }
  function all() {
    document.querySelectorAll("select[data-follows]").forEach(function (select) {
      searchable(select);
      follow(select);
    });
  }
  document.addEventListener("change", function (event) {
    if (event.target.matches("select")) all();
  });
  /* Slots added by "Tambah slot soal" arrive after the page loaded. */
  document.addEventListener("click", function () { setTimeout(all, 0); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", all);
  } else {
    all();
  }
})();
