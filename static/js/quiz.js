/* "Kirim jawaban" asks first, naming the questions still unanswered; the
   submission itself (and its offline queue) is the attempt page's own script. */
(function () {
  "use strict";
  var form = document.getElementById("kuis");
  var dialog = document.getElementById("konfirmasi-kirim");
  var kirim = document.getElementById("kirim");
  if (!form || !dialog || !kirim || typeof dialog.showModal !== "function") return;
  var confirmed = false;

  function answered(fieldset) {
    var fields = fieldset.querySelectorAll("input, select, textarea");
    var choices = 0, chosen = 0, blanks = 0, filled = 0;
    fields.forEach(function (el) {
      if (el.type === "radio" || el.type === "checkbox") {
        choices += 1;
        if (el.checked) chosen += 1;
      } else if (el.value.trim() === "") { blanks += 1; } else { filled += 1; }
    });
    if (choices) return chosen > 0;
    return filled > 0 && blanks === 0;
  }

  function unanswered() {
    var numbers = [];
    form.querySelectorAll("fieldset[data-question]").forEach(function (fs, index) {
      if (!answered(fs)) numbers.push({number: index + 1, fieldset: fs});
    });
    return numbers;
  }

  function ask() {
    var missing = unanswered();
    var total = form.querySelectorAll("fieldset[data-question]").length;
    var missingText = dialog.querySelector("[data-missing]");
    var completeText = dialog.querySelector("[data-complete]");
    var numbers = missing.map(function (m) { return m.number; }).join(", ");
    missingText.textContent = missingText.dataset.text.replace("%(numbers)s", numbers);
    missingText.hidden = missing.length === 0;
    completeText.textContent = completeText.dataset.text.replace("%(total)s", total);
    completeText.hidden = missing.length > 0;
    dialog._missing = missing;
    dialog.showModal();
    dialog.querySelector(missing.length ? "[data-cancel]" : "[data-confirm]").focus();
  }

  /* Before any other listener: a click on "Kirim jawaban" (mouse, touch, Enter or
     Space) opens the question instead of submitting. */
  document.addEventListener("click", function (e) {
    if (e.target !== kirim) return;
    if (confirmed) { confirmed = false; return; }
    e.preventDefault();
    e.stopPropagation();
    ask();
  }, true);

  dialog.querySelector("[data-confirm]").addEventListener("click", function () {
    dialog.close();
    confirmed = true;
    kirim.click();
  });
  dialog.querySelector("[data-cancel]").addEventListener("click", function () {
    dialog.close();
    var first = (dialog._missing || [])[0];
    if (first) {
      first.fieldset.scrollIntoView({block: "start"});
      var field = first.fieldset.querySelector("input, select, textarea");
      if (field) field.focus();
    } else {
      kirim.focus();
    }
  });
})();
