"""The certificate's TrueType fonts (DejaVu), registered once, at import.

Their embedded subsets are built once per distinct subset, not per PDF
(`_CachedSubsetTTFont`); text is measured with `string_width`.
"""

from __future__ import annotations

import functools
import zlib
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFont,
    makeToUnicodeCMap,
)

from .objects import RawObject, stream

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
FONT_REGULAR = "BalaiDaring-DejaVuSans"
FONT_BOLD = "BalaiDaring-DejaVuSans-Bold"
FONT_SERIF_BOLD = "BalaiDaring-DejaVuSerif-Bold"


class _CachedSubsetTTFont(TTFont):
    """A TrueType font that builds each embedded subset once per process.

    reportlab embeds, in every document, the subset of the font's glyphs that the
    document uses, and rebuilds that subset (a new TrueType file), its ToUnicode
    map and their compressed streams each time: several milliseconds per font per
    PDF. The first subset of a document holds all of printable ASCII plus, in
    order of use, up to 31 other characters, so certificates whose text is plain
    ASCII (most Indonesian names) share the same subset; this font keeps the
    finished, compressed parts of each distinct subset and only wraps them in new
    PDF objects per document. The PDF is the same as reportlab's own, except that
    the font streams are always compressed.
    """

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:
        state = self._assignState(doc)
        state.frozen = 1
        font_dict = doc.idToObject["BasicFonts"].dict
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            parts = _subset_parts(self, n, tuple(subset))
            font_file = doc.Reference(RawObject(*parts.font_file))
            cmap = doc.Reference(RawObject(*parts.cmap))
            descriptor = doc.Reference(RawObject(parts.descriptor, font_file, b" >>"))
            pdf_font = RawObject(
                parts.font_head,
                descriptor,
                f" /Name /{internal_name} /ToUnicode ".encode("ascii"),
                cmap,
                parts.font_tail,
            )
            doc.Reference(pdf_font, internal_name)
            font_dict[internal_name] = pdf_font
        del self.state[doc]


@dataclass(frozen=True)
class _SubsetParts:
    """The bytes of the PDF objects of one font subset, less their references."""

    font_file: tuple[bytes, bytes]  # the compressed TrueType subset
    cmap: tuple[bytes, bytes]  # the compressed ToUnicode map
    descriptor: bytes  # up to the reference to the font file
    font_head: bytes  # up to the reference to the descriptor
    font_tail: bytes


@functools.lru_cache(maxsize=256)
def _subset_parts(
    font: _CachedSubsetTTFont, n: int, subset: tuple[int, ...]
) -> _SubsetParts:
    face = font.face
    base_font_name = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode(
        "pdfdoc"
    )
    font_file = face.makeSubset(list(subset))
    cmap = makeToUnicodeCMap(base_font_name, list(subset)).encode("ascii")
    widths = " ".join(fp_str(face.getCharWidth(code)) for code in subset)
    flags = (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC
    name = pdfdoc.format(pdfdoc.PDFName(base_font_name), None).decode("ascii")
    return _SubsetParts(
        font_file=stream(
            f"/Filter /FlateDecode /Length1 {len(font_file)}", zlib.compress(font_file)
        ),
        cmap=stream("/Filter /FlateDecode", zlib.compress(cmap)),
        descriptor=(
            f"<< /Type /FontDescriptor /FontName {name} /Flags {flags} "
            f"/FontBBox [{fp_str(*face.bbox)}] /ItalicAngle {fp_str(face.italicAngle)} "
            f"/Ascent {fp_str(face.ascent)} /Descent {fp_str(face.descent)} "
            f"/CapHeight {fp_str(face.capHeight)} /StemV {fp_str(face.stemV)} "
            f"/MissingWidth {fp_str(face.defaultWidth)} /FontFile2 "
        ).encode("ascii"),
        font_head=(
            f"<< /Type /Font /Subtype /TrueType /BaseFont {name} /FirstChar 0 "
            f"/LastChar {len(subset) - 1} /FontDescriptor "
        ).encode("ascii"),
        font_tail=f" /Widths [{widths}] >>".encode("ascii"),
    )


for _name, _file in (
    (FONT_REGULAR, "DejaVuSans.ttf"),
    (FONT_BOLD, "DejaVuSans-Bold.ttf"),
    (FONT_SERIF_BOLD, "DejaVuSerif-Bold.ttf"),
):
    pdfmetrics.registerFont(_CachedSubsetTTFont(_name, str(FONT_DIR / _file)))

string_width = pdfmetrics.stringWidth
