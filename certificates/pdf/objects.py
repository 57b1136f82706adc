"""PDF objects prepared once and reused by every certificate (fonts, images)."""

from __future__ import annotations

from reportlab.pdfbase import pdfdoc


class RawObject(pdfdoc.PDFObject):
    """A PDF object whose bytes are prepared in advance, but for its references.

    reportlab formats every dictionary key and number of every object again for
    each document; the objects that are the same in every certificate (fonts,
    images) are kept as bytes instead, with only the references to other objects
    (whose numbers differ per document) formatted each time.
    """

    __RefOnly__ = 1  # always an indirect object

    def __init__(self, *parts: bytes | pdfdoc.PDFObjectReference) -> None:
        self.parts = parts

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        return b"".join(
            part if isinstance(part, bytes) else part.format(document)
            for part in self.parts
        )


def stream(dictionary: str, content: bytes) -> tuple[bytes, bytes]:
    """The bytes before and after the references of a stream object."""
    return (
        f"<< {dictionary} /Length {len(content)}".encode("ascii"),
        b" >>\nstream\n" + content + b"\nendstream\n",
    )
