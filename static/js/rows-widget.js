/* Rows of fields in the admin (assessments/widgets.py RowsWidget): add, remove and
   move rows. After each change the rows are numbered again in their order on
   screen, so the server reads them in that order. */
(function () {
  "use strict";
  function renumber(box) {
    var name = box.dataset.rows;
    var pattern = new RegExp("^" + name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "-(\\d+|__i__)-");
    var rows = box.querySelectorAll("[data-rows-body] > [data-rows-row]");
    rows.forEach(function (row, index) {
      row.querySelectorAll("[name]").forEach(function (el) {
        el.name = el.name.replace(pattern, name + "-" + index + "-");
      });
    });
    box.querySelector("[data-rows-count]").value = rows.length;
    box.dispatchEvent(new Event("change", { bubbles: true }));
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-rows-add],[data-rows-remove],[data-rows-up],[data-rows-down]");
    if (!button) return;
    var box = button.closest("[data-rows]");
    if (!box) return;
    event.preventDefault();
    var body = box.querySelector("[data-rows-body]");
    var row = button.closest("[data-rows-row]");
    if (button.hasAttribute("data-rows-add")) {
      var template = box.querySelector("[data-rows-template]");
      body.appendChild(template.content.cloneNode(true));
      renumber(box);
      var fresh = body.lastElementChild.querySelector("input[type=text],textarea");
      if (fresh) fresh.focus();
      return;
    }
    if (button.hasAttribute("data-rows-remove")) {
      row.remove();
    } else if (button.hasAttribute("data-rows-up") && row.previousElementSibling) {
      body.insertBefore(row, row.previousElementSibling);
    } else if (button.hasAttribute("data-rows-down") && row.nextElementSibling) {
      body.insertBefore(row.nextElementSibling, row);
    }
    renumber(box);
  });
})();
