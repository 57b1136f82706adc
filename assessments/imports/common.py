"""What both readers share: the parsed question, text decoding, HTML to plain text."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


@dataclass
class ParsedQuestion:
    """One question read from a file, mapped to our kinds (or refused)."""

    number: int  # position among the file's questions, from 1
    title: str = ""
    source_type: str = ""  # the type as the file names it (multichoice, ...)
    kind: str = ""  # ours (assessments.questions), empty when refused
    text: str = ""
    data: dict = field(default_factory=dict)
    feedback: str = ""
    points: int = 1
    category: str = ""
    notes: list[str] = field(default_factory=list)  # kept, with a change
    error: str = ""  # why it is refused

    def refuse(self, message: str) -> ParsedQuestion:
        self.error = message
        return self

    @property
    def label(self) -> str:
        if self.title:
            return self.title
        first = " ".join(self.text.split())
        return first[:80] + ("…" if len(first) > 80 else "")


def decode(content: bytes) -> str:
    """UTF-8 (with or without BOM), or Windows-1252 as older exports were saved."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            continue
    raise ValidationError(_("Berkas harus berupa teks UTF-8."))


_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.images = 0
        self._skip = 0
        self._pre = 0

    def handle_starttag(self, tag, attrs):
        if tag == "pre":
            self._pre += 1
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "img":
            self.images += 1
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(f"[{alt}]")
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "pre":
            self._pre = max(0, self._pre - 1)
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS or tag in ("ul", "ol", "table"):
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            # In HTML a line break in the source is a space, except in <pre>.
            self.parts.append(data if self._pre else data.replace("\n", " "))


def html_to_text(value: str) -> tuple[str, int]:
    """Plain text from an HTML fragment (paragraphs and line breaks kept), and how
    many images it held (they are not imported)."""
    parser = _TextExtractor()
    parser.feed(value or "")
    parser.close()
    text = html.unescape("".join(parser.parts)).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text, parser.images


def category_name(path: str) -> str:
    """Our category name from a Moodle category path: "$course$/top/Akuntansi/SHU"
    → "Akuntansi / SHU" (the context and "top" dropped)."""
    parts = [p.strip() for p in re.split(r"(?<!/)/(?!/)", path or "")]
    parts = [
        p.replace("//", "/")
        for p in parts
        if p and not (p.startswith("$") and p.endswith("$")) and p.lower() != "top"
    ]
    return " / ".join(parts)[:150]


def number_read(text: str) -> float | None:
    """A number as Moodle files write it ("12500000", "2.5"; "2,5" too)."""
    cleaned = (text or "").strip().replace(" ", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    if value != value or value in (float("inf"), float("-inf")):
        return None
    return value


def tidy_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def note_images(question: ParsedQuestion, count: int) -> None:
    if count:
        message = _("Gambar dalam teks tidak ikut diimpor.")
        if message not in question.notes:
            question.notes.append(message)
