"""Reading question banks that instructors already have: Moodle GIFT and Moodle XML.

Each reader turns a file into `ParsedQuestion`s, in the file's order, mapped to our
kinds (see `assessments.questions`); a question the reader cannot map carries the
reason it is refused. Nothing here writes: `assessments.services.question_bank_import`
validates each question with the kind's rules and creates the accepted ones.

A file that cannot be read at all (not UTF-8 or Windows-1252, XML that does not
parse, no questions) raises ValidationError with a message in Bahasa Indonesia.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .common import ParsedQuestion, decode
from .gift import gift_parse
from .moodle_xml import moodle_xml_parse

__all__ = ["FORMATS", "ParsedQuestion", "format_detect", "questions_parse"]

FORMATS = {"gift": "GIFT", "xml": "Moodle XML"}
MAX_BYTES = 5 * 1024 * 1024
MAX_QUESTIONS = 2000


def format_detect(*, filename: str, text: str) -> str:
    """The format, "xml" or "gift": from the content first, then the extension."""
    head = text.lstrip()[:200].lower()
    if head.startswith(("<?xml", "<quiz")):
        return "xml"
    if filename.lower().endswith(".xml"):
        return "xml"
    return "gift"


def questions_parse(
    *, filename: str, content: bytes, fmt: str = "auto"
) -> tuple[str, list[ParsedQuestion]]:
    """(the format read, the questions found) — or ValidationError for the file."""
    if not content or not content.strip():
        raise ValidationError(_("Berkas kosong."))
    if len(content) > MAX_BYTES:
        raise ValidationError(_("Berkas terlalu besar (paling besar 5 MB)."))
    text = decode(content)
    if fmt not in FORMATS:
        fmt = format_detect(filename=filename, text=text)
    questions = moodle_xml_parse(text) if fmt == "xml" else gift_parse(text)
    if not questions:
        raise ValidationError(_("Tidak ada soal yang ditemukan dalam berkas ini."))
    if len(questions) > MAX_QUESTIONS:
        raise ValidationError(
            _("Berkas berisi %(n)s soal; paling banyak %(max)s soal sekali impor.")
            % {"n": len(questions), "max": MAX_QUESTIONS}
        )
    return fmt, questions
