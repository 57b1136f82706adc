"""Text on the certificate: Indonesian dates, the body's placeholders, lines
wrapped and fitted by measuring with the fonts' widths (no platypus Paragraphs),
and stacks of centred lines."""

from __future__ import annotations

import datetime
import re

from reportlab.pdfgen.canvas import Canvas

from .fonts import FONT_REGULAR, string_width
from .layout import CertificateData

MONTHS_ID = {
    1: "Januari",
    2: "Februari",
    3: "Maret",
    4: "April",
    5: "Mei",
    6: "Juni",
    7: "Juli",
    8: "Agustus",
    9: "September",
    10: "Oktober",
    11: "November",
    12: "Desember",
}


def format_date_id(day: datetime.date) -> str:
    """``21 November 2026``: the Indonesian long date, independent of the locale."""
    return f"{day.day} {MONTHS_ID[day.month]} {day.year}"


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


# The placeholders a template's body may use (its help text and check name them).
PLACEHOLDERS = (
    "nama",
    "jabatan",
    "koperasi",
    "desa",
    "kabupaten",
    "kursus",
    "jp",
    "tanggal",
    "nomor",
)
_BRACED = re.compile(r"\{([^{}]*)\}")


def unknown_placeholders(body: str) -> list[str]:
    """The ``{…}`` of ``body`` that are not placeholders, as written, once each."""
    seen: dict[str, None] = {}
    for match in _BRACED.finditer(body):
        if match.group(1) not in PLACEHOLDERS:
            seen.setdefault(match.group(0))
    return list(seen)


def _placeholder_values(data: CertificateData) -> dict[str, str]:
    return {
        "nama": data.holder_name,
        "jabatan": data.position,
        "koperasi": data.cooperative,
        "desa": data.village,
        "kabupaten": data.regency,
        "kursus": data.course_title,
        "jp": str(data.jp),
        "tanggal": format_date_id(data.completed_on),
        "nomor": data.number,
    }


def fill_placeholders(body: str, data: CertificateData) -> str:
    """Replace the known ``{placeholders}`` of ``body`` with the certificate's data.

    Only ``{name}`` made of lower-case letters and underscores is a placeholder;
    an unknown one is left as written, and nothing else is interpreted (this is
    not ``str.format``: ``{nama.__class__}`` or ``{0}`` stay text). Values are
    inserted in one pass, so a value that itself contains ``{nomor}`` stays as is.
    """
    values = _placeholder_values(data)
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), body)


def _split_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``width``.

    A word wider than the line on its own is broken between characters.
    """
    space = string_width(" ", font, size)
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for word in text.split():
        w = string_width(word, font, size)
        if line and used + space + w <= width:
            line.append(word)
            used += space + w
            continue
        if line:
            lines.append(" ".join(line))
        if w <= width:
            line, used = [word], w
            continue
        # a single word longer than the line: cut it into pieces that fit
        piece = ""
        for char in word:
            if piece and string_width(piece + char, font, size) > width:
                lines.append(piece)
                piece = ""
            piece += char
        line, used = [piece], string_width(piece, font, size)
    if line:
        lines.append(" ".join(line))
    return lines


def fit_lines(
    text: str,
    font: str,
    max_size: float,
    min_size: float,
    width: float,
    height: float,
    leading: float,
) -> tuple[float, list[str]]:
    """The largest size in ``[min_size, max_size]`` whose wrapped lines fit the box.

    At ``min_size`` the lines that do not fit in ``height`` are dropped and the last
    kept line ends with an ellipsis, so nothing is ever drawn outside the box.
    """
    size = max_size
    while True:
        lines = _split_lines(text, font, size, width)
        if len(lines) * size * leading <= height or size <= min_size:
            break
        size = max(min_size, size - 0.5)
    max_lines = max(1, int(height // (size * leading)))
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and string_width(last + " …", font, size) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + " …"
    return size, lines


def fit_size(text: str, font: str, max_size: float, width: float) -> float:
    """The largest size up to ``max_size`` at which ``text`` is one line of ``width``."""
    natural = string_width(text, font, max_size)
    if natural <= width:
        return max_size
    return max_size * width / natural


# A line of the stack of centred text: (text, font, size, colour, line height,
# letter spacing). A ``None`` text is a vertical gap of the line height.
Line = tuple[str | None, str, float, tuple[float, float, float], float, float]


def gap(height: float) -> Line:
    return (None, FONT_REGULAR, 0, (0.0, 0.0, 0.0), height, 0)


def text_lines(
    lines: list[str], font: str, size: float, colour, leading: float
) -> list[Line]:
    return [(line, font, size, colour, size * leading, 0) for line in lines]


def draw_lines(canv: Canvas, lines: list[Line], cx: float, top: float) -> float:
    """Draw the lines centred on ``cx`` from ``top`` down; return the bottom."""
    y = top
    current = None
    for text, font, size, colour, height, char_space in lines:
        if text is not None:
            if colour is not current:
                canv.setFillColorRGB(*colour)
                current = colour
            canv.setFont(font, size)
            # the baseline, for a line box of ``height`` around the text
            baseline = y - (height - size) / 2 - size * 0.78
            canv.drawCentredString(cx, baseline, text, charSpace=char_space)
        y -= height
    return y
