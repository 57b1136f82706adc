"""How a worked example's table is drawn for participants: a presentation helper,
not a rule of the domain.

A cell keeps its indentation (leading spaces, four to a step, as the accounting
lessons tell readers to indent a credit line), an amount never breaks ("Rp" is
joined to its number) and a column whose cells are all amounts is right-aligned.
"""

import re
from dataclasses import dataclass, replace

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

SPACES_PER_STEP = 4
MAX_STEPS = 4
# An amount: an optional sign, "Rp", and digits with thousands dots (or a percent).
AMOUNT = re.compile(r"[+\-−]?Rp\.?\s?\d[\d.,]*|[+\-−]?\d[\d.,]*\s?%")
WHOLE_AMOUNT = re.compile(r"^\(?(?:[+\-−]?\s?(?:Rp\.?\s?)?\d[\d.,]*\s?%?)\)?$")
TOTAL_WORDS = ("jumlah", "total", "perubahan bersih", "saldo akhir")


@dataclass(frozen=True)
class Cell:
    html: SafeString
    text: str
    indent: int
    amount: bool
    css: str = ""


@dataclass(frozen=True)
class LedgerTable:
    header: list[Cell]
    rows: list[tuple[bool, list[Cell]]]  # (is a total row, cells)
    numeric: list[bool]  # per column: every filled body cell is an amount


def _amounts_unbroken(text: str) -> SafeString:
    """Escape the text, and keep each amount on one line."""
    out, last = [], 0
    for match in AMOUNT.finditer(text):
        out.append(escape(text[last : match.start()]))
        amount = re.sub(r"\s", "\u00a0", match.group(0))
        out.append(f'<span class="amt">{escape(amount)}</span>')
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


def cell_read(raw) -> Cell:
    raw = "" if raw is None else str(raw)
    stripped = raw.lstrip(" \u00a0\t")
    leading = len(raw) - len(stripped)
    indent = min(MAX_STEPS, -(-leading // SPACES_PER_STEP)) if leading else 0
    text = stripped.rstrip()
    return Cell(
        html=_amounts_unbroken(text),
        text=text,
        indent=indent,
        amount=bool(text) and bool(WHOLE_AMOUNT.match(text.replace("\u00a0", " "))),
    )


def _numeric_columns(rows: list[list[Cell]], width: int, given) -> list[bool]:
    if given:  # the author said which columns are amounts
        return [index in given for index in range(width)]
    numeric = []
    for index in range(width):
        filled = [row[index] for row in rows if index < len(row) and row[index].text]
        numeric.append(bool(filled) and all(cell.amount for cell in filled))
    return numeric


@register.simple_tag
def ledger_table(value) -> LedgerTable:
    """The worked example's table, read for drawing. `value` is the block's value
    (its `table` a TableBlock value: data and first_row_is_table_header)."""
    table = value.get("table") or {}
    data = [list(row or []) for row in (table.get("data") or [])]
    data = [row for row in data if any(str(c or "").strip() for c in row)]
    width = max((len(row) for row in data), default=0)
    cells = [
        [cell_read(row[i] if i < len(row) else "") for i in range(width)]
        for row in data
    ]
    has_header = table.get("first_row_is_table_header", True) and cells
    header, body = (cells[0], cells[1:]) if has_header else ([], cells)
    given = value.get("numeric_columns") if hasattr(value, "get") else None
    numeric = _numeric_columns(body, width, given)

    def drawn(row: list[Cell]) -> list[Cell]:
        return [
            replace(cell, css=_css(cell, numeric[index]))
            for index, cell in enumerate(row)
        ]

    rows = [
        (bool(row) and row[0].text.lower().startswith(TOTAL_WORDS), drawn(row))
        for row in body
    ]
    return LedgerTable(header=drawn(header), rows=rows, numeric=numeric)


def _css(cell: Cell, numeric_column: bool) -> str:
    classes = []
    if numeric_column or cell.amount:
        classes.append("num")
    if cell.indent:
        classes.append(f"indent-{cell.indent}")
    return " ".join(classes)
