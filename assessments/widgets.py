"""Rows of small fields in the admin: options, accepted answers, pairs, a rubric.

The author fills a table ("Tambah baris", "Hapus"): never JSON. Without JavaScript
two blank rows are always offered, so a form can still be filled and saved again.
"""

from dataclasses import dataclass

from django import forms
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

MAX_ROWS = 100


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "text"  # text | check | number | textarea


class RowsWidget(forms.Widget):
    """A table of rows; posted as `<name>-count` and `<name>-<i>-<key>`."""

    def __init__(self, columns, *, extra=2, add_label=None, movable=False, attrs=None):
        super().__init__(attrs)
        self.columns = list(columns)
        self.extra = extra
        self.add_label = add_label or _("Tambah baris")
        self.movable = movable

    class Media:
        js = ["js/rows-widget.js"]
        css = {"all": ["css/admin-authoring.css"]}

    def render(self, name, value, attrs=None, renderer=None):
        rows = [r for r in (value or []) if isinstance(r, dict)]
        rows = rows + [{} for _ in range(self.extra)]
        attrs = self.build_attrs(self.attrs, attrs)
        context = {
            "name": name,
            "id": attrs.get("id", name),
            "columns": self.columns,
            "rows": [
                (i, [(c, row.get(c.key, "")) for c in self.columns])
                for i, row in enumerate(rows)
            ],
            "blank": [(c, "") for c in self.columns],
            "count": len(rows),
            "add_label": self.add_label,
            "movable": self.movable,
        }
        html = render_to_string("assessments/admin/rows_widget.html", context)
        return mark_safe(html)  # noqa: S308 (an autoescaped template's output)

    def value_from_datadict(self, data, files, name):
        try:
            count = min(int(data.get(f"{name}-count", 0)), MAX_ROWS)
        except (TypeError, ValueError):
            count = 0
        rows = []
        for i in range(count):
            row, filled = {}, False
            for column in self.columns:
                key = f"{name}-{i}-{column.key}"
                if column.kind == "check":
                    row[column.key] = data.get(key) not in (None, "", "0", "false")
                else:
                    row[column.key] = (data.get(key) or "").strip()
                    filled = filled or bool(row[column.key])
            if filled:
                rows.append(row)
        return rows

    def value_omitted_from_data(self, data, files, name):
        return f"{name}-count" not in data


class RowsField(forms.Field):
    """A list of dicts, one per filled row (blank rows are dropped)."""

    def __init__(self, columns, *, extra=2, add_label=None, movable=False, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "widget",
            RowsWidget(columns, extra=extra, add_label=add_label, movable=movable),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        return list(value or [])
