/* The worked-example table editor in the admin (courses/blocks.py TableEditorInput):
   a grid of fields with buttons, in the language of the page. It keeps Wagtail's
   TableBlock value in the hidden input as JSON: {data: [[cell, ...], ...],
   first_row_is_table_header, table_header_choice, table_caption, numeric_columns}.
   Indentation is four leading spaces per step (docs/courses.md). */
(function () {
  "use strict";
  var INDENT = "    ";

  function blank(rows, cols) {
    var data = [];
    for (var r = 0; r < rows; r++) {
      var row = [];
      for (var c = 0; c < cols; c++) row.push("");
      data.push(row);
    }
    return data;
  }

  function parse(text) {
    var value = null;
    try { value = JSON.parse(text || "null"); } catch (e) { value = null; }
    if (!value || !Array.isArray(value.data) || !value.data.length) {
      value = Object.assign({ table_caption: "" }, value || {}, { data: blank(3, 3), first_row_is_table_header: true });
    }
    var width = Math.max.apply(null, value.data.map(function (row) { return (row || []).length; }).concat([1]));
    value.data = value.data.map(function (row) {
      row = (row || []).map(function (cell) { return cell == null ? "" : String(cell); });
      while (row.length < width) row.push("");
      return row;
    });
    value.numeric_columns = (value.numeric_columns || []).filter(function (c) { return c < width; });
    value.first_row_is_table_header = !!value.first_row_is_table_header;
    value.first_col_is_header = !!value.first_col_is_header;
    return value;
  }

  function init(box) {
    if (box.balaiTable) return;
    var input = box.querySelector("input[type=hidden]");
    var grid = box.querySelector("[data-balai-table-target=grid]");
    if (!input || !grid) return;
    var T = JSON.parse(box.dataset.labels || "{}");
    var state = parse(input.value);
    var current = { r: 0, c: 0 };
    box.balaiTable = true;

    function save() {
      state.table_header_choice = state.first_row_is_table_header ? "row" : "neither";
      input.value = JSON.stringify(state);
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }
    function button(label, action, title) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "button button-small button-secondary";
      b.textContent = label;
      if (title) b.title = title;
      b.addEventListener("click", function (e) { e.preventDefault(); action(); });
      return b;
    }
    function say(text) { status.textContent = text; }
    function focusCell() {
      var el = grid.querySelector('[data-r="' + current.r + '"][data-c="' + current.c + '"]');
      if (el) el.focus();
    }
    var status = document.createElement("p");
    status.className = "help balai-table__status";
    status.setAttribute("role", "status");

    function addRow() {
      var width = state.data[0].length;
      state.data.splice(current.r + 1, 0, blank(1, width)[0]);
      current.r += 1; draw(); save(); focusCell();
    }
    function removeRow() {
      if (state.data.length <= 1) { say(T.lastRow); return; }
      state.data.splice(current.r, 1);
      current.r = Math.min(current.r, state.data.length - 1); draw(); save(); focusCell();
    }
    function addCol() {
      var at = current.c + 1;
      state.data.forEach(function (row) { row.splice(at, 0, ""); });
      state.numeric_columns = state.numeric_columns.map(function (c) { return c >= at ? c + 1 : c; });
      current.c = at; draw(); save(); focusCell();
    }
    function removeCol() {
      if (state.data[0].length <= 1) { say(T.lastCol); return; }
      var at = current.c;
      state.data.forEach(function (row) { row.splice(at, 1); });
      state.numeric_columns = state.numeric_columns.filter(function (c) { return c !== at; })
        .map(function (c) { return c > at ? c - 1 : c; });
      current.c = Math.min(at, state.data[0].length - 1); draw(); save(); focusCell();
    }
    function indent(step) {
      var cell = state.data[current.r][current.c];
      if (step > 0) cell = INDENT + cell;
      else if (cell.indexOf(INDENT) === 0) cell = cell.slice(INDENT.length);
      state.data[current.r][current.c] = cell;
      draw(); save(); focusCell();
    }

    var toolbar = document.createElement("div");
    toolbar.className = "balai-table__toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", T.toolbar || "");
    [
      button("+ " + T.addRow, addRow), button("− " + T.removeRow, removeRow),
      button("+ " + T.addCol, addCol), button("− " + T.removeCol, removeCol),
      button(T.indent, function () { indent(1); }, T.indentHelp),
      button(T.outdent, function () { indent(-1); }, T.indentHelp)
    ].forEach(function (b) { toolbar.appendChild(b); });

    var options = document.createElement("div");
    options.className = "balai-table__options";
    var headerLabel = document.createElement("label");
    var header = document.createElement("input");
    header.type = "checkbox";
    header.checked = state.first_row_is_table_header;
    header.addEventListener("change", function () { state.first_row_is_table_header = header.checked; draw(); save(); });
    headerLabel.appendChild(header);
    headerLabel.appendChild(document.createTextNode(" " + T.header));
    var captionLabel = document.createElement("label");
    captionLabel.textContent = T.caption;
    var caption = document.createElement("input");
    caption.type = "text";
    caption.value = state.table_caption || "";
    caption.addEventListener("input", function () { state.table_caption = caption.value; save(); });
    captionLabel.appendChild(caption);
    options.appendChild(headerLabel);
    options.appendChild(captionLabel);

    var table = document.createElement("table");
    table.className = "balai-table__grid";

    function draw() {
      table.textContent = "";
      var head = document.createElement("tr");
      state.data[0].forEach(function (_, c) {
        var th = document.createElement("th");
        var label = document.createElement("label");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.checked = state.numeric_columns.indexOf(c) !== -1;
        box.addEventListener("change", function () {
          state.numeric_columns = state.numeric_columns.filter(function (x) { return x !== c; });
          if (box.checked) state.numeric_columns.push(c);
          state.numeric_columns.sort(function (a, b) { return a - b; });
          draw(); save();
        });
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + T.numeric));
        th.appendChild(label);
        head.appendChild(th);
      });
      table.appendChild(head);
      state.data.forEach(function (row, r) {
        var tr = document.createElement("tr");
        if (r === 0 && state.first_row_is_table_header) tr.className = "is-header";
        row.forEach(function (cell, c) {
          var td = document.createElement("td");
          var field = document.createElement("input");
          field.type = "text";
          field.value = cell;
          field.dataset.r = r;
          field.dataset.c = c;
          field.setAttribute("aria-label", (T.cell || "").replace("%(row)s", r + 1).replace("%(col)s", c + 1));
          if (state.numeric_columns.indexOf(c) !== -1) field.className = "is-numeric";
          field.addEventListener("focus", function () { current = { r: r, c: c }; });
          field.addEventListener("input", function () { state.data[r][c] = field.value; save(); });
          td.appendChild(field);
          tr.appendChild(td);
        });
        table.appendChild(tr);
      });
    }

    grid.appendChild(toolbar);
    grid.appendChild(options);
    var wrap = document.createElement("div");
    wrap.className = "balai-table__wrap";
    wrap.appendChild(table);
    grid.appendChild(wrap);
    grid.appendChild(status);
    draw();
    if (!input.value || input.value === "null") save();
  }

  /* Blocks are added to the page after it loads: a Stimulus controller when the
     admin offers one, else a watch on the document. */
  if (window.wagtail && window.wagtail.app && window.StimulusModule) {
    window.wagtail.app.register("balai-table", class extends window.StimulusModule.Controller {
      connect() { init(this.element); }
    });
  } else {
    var scan = function () { document.querySelectorAll("[data-controller~=balai-table]").forEach(init); };
    new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", scan);
  }
})();
