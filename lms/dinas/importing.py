"""Reading a programme's participant list as spreadsheets really produce it.

CSV in UTF-8 with or without a byte-order mark (or Windows-1252 as a last resort),
comma- or semicolon-separated, CRLF or LF; or XLSX. Headers may be the technical
names (`nomor_hp`) or what people type (`No. HP`, `Nama Lengkap`, `Kode Desa`).
"""

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from openpyxl import Workbook, load_workbook

from django.utils.translation import gettext as _

# Canonical column → the header spellings accepted (compared after `_header_key`).
COLUMNS: dict[str, tuple[str, ...]] = {
    "nama": ("nama", "nama lengkap", "nama peserta", "name", "full name"),
    "nomor_hp": (
        "nomor hp",
        "no hp",
        "nomor handphone",
        "no handphone",
        "hp",
        "nomor telepon",
        "no telp",
        "no telepon",
        "telepon",
        "nomor wa",
        "no wa",
        "whatsapp",
        "phone",
        "mobile",
    ),
    "email": ("email", "e mail", "surel", "alamat email"),
    "jabatan": ("jabatan", "posisi", "jabatan di koperasi", "position"),
    "nama_koperasi": ("nama koperasi", "koperasi", "cooperative"),
    "nomor_badan_hukum": (
        "nomor badan hukum",
        "no badan hukum",
        "nomor koperasi",
        "no koperasi",
        "nik koperasi",
        "legal number",
    ),
    "kode_desa": (
        "kode desa",
        "kode desa kelurahan",
        "kode kelurahan",
        "kode wilayah",
        "kode kemendagri",
        "village code",
    ),
}
REQUIRED = ("nama", "nomor_hp", "jabatan", "nama_koperasi", "kode_desa")
TEMPLATE_HEADERS = (
    "Nama Lengkap",
    "No. HP",
    "Email",
    "Jabatan",
    "Nama Koperasi",
    "Kode Desa",
)
TEMPLATE_EXAMPLE = (
    "Siti Aminah",
    "0812-3456-7890",
    "siti@contoh.id",
    "bendahara",
    "Koperasi Desa Merah Putih Contoh",
    "63.03.01.2001",
)

_NOT_WORD = re.compile(r"[^0-9a-z]+")


class FileRefused(Exception):
    """The file as a whole cannot be read; the message is for the person."""


@dataclass
class Row:
    line: int
    values: dict[str, str]


def _header_key(text: str) -> str:
    return _NOT_WORD.sub(" ", str(text or "").casefold()).strip()


_ALIASES = {
    _header_key(alias): column
    for column, aliases in COLUMNS.items()
    for alias in (*aliases, column)
}


def map_headers(headers: list[str]) -> dict[int, str]:
    """Column index → canonical column; refuses a file missing a required column."""
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        column = _ALIASES.get(_header_key(header))
        if column and column not in mapping.values():
            mapping[index] = column
    missing = [c for c in REQUIRED if c not in mapping.values()]
    if missing:
        raise FileRefused(
            _("Kolom wajib tidak ditemukan: %(columns)s. Gunakan berkas templat.")
            % {"columns": ", ".join(missing)}
        )
    return mapping


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileRefused(_("Berkas tidak dapat dibaca sebagai teks."))


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    if first_line.count("\t") > max(first_line.count(";"), first_line.count(",")):
        delimiter = "\t"
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _xlsx_rows(data: bytes) -> Iterator[list[str]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise FileRefused(_("Berkas XLSX tidak dapat dibuka.")) from exc
    try:
        sheet = workbook.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield [_cell(v) for v in values]
    finally:
        workbook.close()


def is_xlsx(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"


def read_rows(data: bytes) -> list[Row]:
    """Every data row with its line number in the file (the header is line 1)."""
    if not data.strip():
        raise FileRefused(_("Berkas kosong."))
    raw = _xlsx_rows(data) if is_xlsx(data) else _csv_rows(data)
    try:
        headers = next(raw)
    except StopIteration as exc:
        raise FileRefused(_("Berkas kosong.")) from exc
    mapping = map_headers(headers)
    rows: list[Row] = []
    try:
        for line, cells in enumerate(raw, start=2):
            if not any(str(c).strip() for c in cells):
                continue
            values = dict.fromkeys(COLUMNS, "")
            for index, column in mapping.items():
                if index < len(cells):
                    values[column] = str(cells[index]).strip()
            rows.append(Row(line=line, values=values))
    except csv.Error as exc:
        raise FileRefused(
            _("Berkas CSV rusak: %(error)s") % {"error": str(exc)}
        ) from exc
    return rows


def template_csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(TEMPLATE_HEADERS)
    writer.writerow(TEMPLATE_EXAMPLE)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def template_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Peserta"
    sheet.append(TEMPLATE_HEADERS)
    sheet.append(TEMPLATE_EXAMPLE)
    for cell in sheet["B"]:
        cell.number_format = "@"  # phones as text, or Excel drops the leading 0
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
