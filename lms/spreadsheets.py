"""Every table the platform hands out as a spreadsheet: one writer, one safety rule.

- `cell_safe` is the one rule against formula injection (OWASP "CSV injection"): a
  text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is written
  with a leading apostrophe, so a name such as `=HYPERLINK(…)` typed into a form
  never runs in the reader's spreadsheet. Every export (CSV and XLSX) goes
  through it.
- `csv_bytes`: semicolon-separated UTF-8 with a byte-order mark and CRLF, the way
  Excel set to Indonesian (decimal comma, list separator `;`) opens it in columns.
- `xlsx_bytes`: a report-ready sheet (openpyxl write-only): the notes above the
  table ("Data per …", the filters), a bold header that stays frozen with an
  autofilter, column widths, and typed cells: numbers as numbers, percentages
  as percentages, dates and times as dates.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from django.utils import timezone

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

TEXT = "text"
NUMBER = "number"
PERCENT = "percent"  # a value 0–100, shown as 0–100 %
DATE = "date"
DATETIME = "datetime"


def cell_safe(value):
    """A cell value that no spreadsheet will run as a formula (OWASP rule)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    if isinstance(value, Decimal):
        return float(value)
    return value


@dataclass
class Column:
    title: str
    kind: str = TEXT
    width: int | None = None  # characters; from the title and kind when None


@dataclass
class Table:
    """A table for a person: a title, notes above it, typed columns, rows."""

    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence]
    notes: list[str] = field(default_factory=list)


def stamp(moment: datetime.datetime | None = None) -> str:
    """ "Data per 30/11/2026 15.04 WIB": when the figures were read, local time."""
    local = timezone.localtime(moment or timezone.now())
    return "Data per " + local.strftime("%d/%m/%Y %H.%M ") + (local.tzname() or "")


def _local(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None)
    return value


def _text(value, kind: str) -> str:
    if value is None or value == "":
        return ""
    if kind == DATETIME and isinstance(value, datetime.datetime):
        return _local(value).strftime("%d/%m/%Y %H.%M")
    if kind == DATE and isinstance(value, datetime.datetime | datetime.date):
        return _local(value).strftime("%d/%m/%Y")
    if kind in (NUMBER, PERCENT) and isinstance(value, float | Decimal):
        return f"{float(value):.1f}".replace(".", ",")  # Indonesian decimal comma
    return str(cell_safe(value))


def csv_bytes(table: Table) -> tuple[bytes, int]:
    """Semicolon CSV with a BOM; the notes, a blank line, the header, the rows.
    Returns the bytes and the number of data rows."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for note in table.notes:
        writer.writerow([cell_safe(note)])
    if table.notes:
        writer.writerow([])
    writer.writerow([cell_safe(c.title) for c in table.columns])
    count = 0
    kinds = [c.kind for c in table.columns]
    for row in table.rows:
        writer.writerow([_text(v, k) for v, k in zip(row, kinds, strict=False)])
        count += 1
    return out.getvalue().encode("utf-8"), count


_FORMATS = {
    PERCENT: "0.0%",
    DATE: "dd/mm/yyyy",
    DATETIME: "dd/mm/yyyy hh:mm",
    NUMBER: "#,##0",
}
_WIDTHS = {NUMBER: 12, PERCENT: 12, DATE: 12, DATETIME: 17, TEXT: 24}


def _typed(sheet, value, kind: str) -> WriteOnlyCell:
    if value is None or value == "":
        return WriteOnlyCell(sheet, value=None)
    if kind == PERCENT and isinstance(value, int | float | Decimal):
        value = float(value) / 100
    elif kind == NUMBER and isinstance(value, float | Decimal):
        value = float(value)
    elif kind in (DATE, DATETIME):
        value = _local(value)
        if kind == DATE and isinstance(value, datetime.datetime):
            value = value.date()
    cell = WriteOnlyCell(sheet, value=cell_safe(value))
    if kind in _FORMATS and not isinstance(value, str):
        fmt = _FORMATS[kind]
        if kind == NUMBER and isinstance(value, float) and not value.is_integer():
            fmt = "#,##0.0"
        cell.number_format = fmt
    return cell


def xlsx_bytes(*tables: Table) -> tuple[bytes, int]:
    """One sheet per table; returns the bytes and the data rows of the first."""
    workbook = Workbook(write_only=True)
    first_count = None
    for table in tables:
        sheet = workbook.create_sheet(table.title[:31])
        for index, column in enumerate(table.columns, start=1):
            width = column.width or max(
                _WIDTHS[column.kind], min(len(column.title) + 2, 40)
            )
            sheet.column_dimensions[get_column_letter(index)].width = width
        header_row = len(table.notes) + (2 if table.notes else 1)
        sheet.freeze_panes = f"A{header_row + 1}"  # before the first row is written
        for note in table.notes:
            sheet.append([cell_safe(note)])
        if table.notes:
            sheet.append([])
        bold = Font(bold=True)
        wrap = Alignment(wrap_text=True, vertical="top")
        header = []
        for column in table.columns:
            cell = WriteOnlyCell(sheet, value=cell_safe(column.title))
            cell.font = bold
            cell.alignment = wrap
            header.append(cell)
        sheet.append(header)
        kinds = [c.kind for c in table.columns]
        count = 0
        for row in table.rows:
            sheet.append(
                [_typed(sheet, v, k) for v, k in zip(row, kinds, strict=False)]
            )
            count += 1
        last = get_column_letter(max(1, len(table.columns)))
        sheet.auto_filter.ref = f"A{header_row}:{last}{header_row + count}"
        if first_count is None:
            first_count = count
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue(), first_count or 0
