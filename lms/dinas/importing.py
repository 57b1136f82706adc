"""Reading a programme's participant list as spreadsheets really produce it.

CSV in UTF-8 with or without a byte-order mark (or Windows-1252 as a last resort),
comma- or semicolon-separated, CRLF or LF; or XLSX. Headers may be the technical
names (`nomor_hp`) or what people type (`No. HP`, `Nama Lengkap`, `Kode Desa`).
"""

import csv
import io
import re
import zipfile
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

# The column names people read in messages when their file did not name them.
COLUMN_LABELS = dict(
    zip(
        ("nama", "nomor_hp", "email", "jabatan", "nama_koperasi", "kode_desa"),
        TEMPLATE_HEADERS,
        strict=True,
    )
) | {"nomor_badan_hukum": "Nomor Badan Hukum"}

# Checked before a file is parsed: a programme list is a few thousand rows, and
# an XLSX is a zip whose declared uncompressed size is read from its directory
# before anything is inflated (a small "zip bomb" would otherwise keep a worker
# busy for minutes).
MAX_ROWS = 20_000
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
_BLANK_RUN_ENDS = 1000  # this many empty rows in a row end the list

_NOT_WORD = re.compile(r"[^0-9a-z]+")


class FileRefused(Exception):
    """The file as a whole cannot be read; the message is for the person."""


@dataclass
class Row:
    line: int
    values: dict[str, str]


class Rows(list):
    """The data rows of a file, with the file's own header of each column
    (`headers["nomor_hp"] == "No. HP"`), so messages name what the person typed."""

    def __init__(self, rows=(), headers: dict[str, str] | None = None):
        super().__init__(rows)
        self.headers = headers or {}

    def header(self, column: str) -> str:
        return self.headers.get(column) or COLUMN_LABELS.get(column, column)


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
    missing = [COLUMN_LABELS[c] for c in REQUIRED if c not in mapping.values()]
    if missing:
        raise FileRefused(
            _("Kolom wajib tidak ditemukan: %(columns)s. Gunakan berkas templat.")
            % {"columns": ", ".join(missing)}
        )
    return mapping


def _is_utf16(data: bytes) -> bool:
    """Excel's "Unicode Text": UTF-16 with a byte-order mark (or without one,
    then every other byte of ASCII text is zero)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    head = data[:200]
    return len(head) >= 4 and head[1::2].count(0) > len(head) // 4


def _decode(data: bytes) -> str:
    if _is_utf16(data):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise FileRefused(_("Berkas tidak dapat dibaca sebagai teks.")) from exc
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileRefused(_("Berkas tidak dapat dibaca sebagai teks."))


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    text = _decode(data)
    if text.count("\n") > MAX_ROWS + 1:
        raise _too_many_rows()
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


def _too_many_rows() -> FileRefused:
    return FileRefused(
        _(
            "Berkas berisi lebih dari %(max)s baris. Pecah menjadi beberapa berkas "
            "lalu unggah satu per satu."
        )
        % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
    )


def _xlsx_check(data: bytes) -> None:
    """Refuse an XLSX whose content would inflate beyond the limit, from the
    sizes its zip directory declares (nothing is decompressed)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise FileRefused(_("Berkas XLSX tidak dapat dibuka.")) from exc
    if size > MAX_UNCOMPRESSED_BYTES:
        raise FileRefused(
            _(
                "Isi berkas XLSX terlalu besar (%(mb)s MB setelah dibuka; maksimal "
                "%(max)s MB). Simpan hanya lembar daftar peserta, atau unggah CSV."
            )
            % {
                "mb": size // (1024 * 1024),
                "max": MAX_UNCOMPRESSED_BYTES // (1024 * 1024),
            }
        )


def _xlsx_rows(data: bytes) -> Iterator[list[str]]:
    _xlsx_check(data)
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


def read_rows(data: bytes) -> Rows:
    """Every data row with its line number in the file (the header is line 1)."""
    if not data.strip(b" \t\r\n\x00\xff\xfe"):
        raise FileRefused(_("Berkas kosong."))
    raw = _xlsx_rows(data) if is_xlsx(data) else _csv_rows(data)
    try:
        headers = next(raw)
    except StopIteration as exc:
        raise FileRefused(_("Berkas kosong.")) from exc
    mapping = map_headers(headers)
    rows = Rows(
        headers={
            column: str(headers[index]).strip() for index, column in mapping.items()
        }
    )
    try:
        blank_run = 0
        for line, cells in enumerate(raw, start=2):
            if not any(str(c).strip() for c in cells):
                blank_run += 1
                if blank_run >= _BLANK_RUN_ENDS:  # formatting to the sheet's end
                    break
                continue
            blank_run = 0
            if line > MAX_ROWS + 1:
                raise _too_many_rows()
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
