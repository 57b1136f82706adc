"""Draw a certificate as a one-page A4 PDF.

A pure module: no Django, no database, no storage. It takes a layout (the template
an administrator designs once) and the data of one certificate, and returns the
PDF bytes. It is written to be cheap per certificate, because one layout is used
for thousands of certificates (the Kalimantan Selatan programme alone issues about
6,000):

- the TrueType fonts are read and registered once, at import;
- images (background, logos, signatures) are decoded and encoded as PDF image
  XObjects once per distinct image (keyed by the bytes) and the finished XObject
  is reused by every later PDF; a JPEG is passed through untouched (DCTDecode);
- the embedded font subsets are built once per distinct subset, not per PDF;
- the QR code is built with segno (its mask chosen by fast bit operations, see
  below) and drawn as one filled path of rectangles;
- text is wrapped and fitted by a small wrapper measuring with ``stringWidth``
  rather than with platypus Paragraphs;
- the page's own content stream (a few KB) is left uncompressed: with
  compression reportlab also ASCII85-encodes it in pure Python, which cost about
  a fifth of the render time for a saving of about 3 KB per PDF.

``benchmarks/certificate_render.py`` measures the rate (target: 200 PDFs/s on one
core, with a QR code and an A4 JPEG background).

Layout of the page, top to bottom: logos, issuer, title, number, the lead-in of
the body, the holder's name (large, shrunk to fit), the rest of the body, and at
the bottom the signatories and the QR code to the public verification page. The
first ``{nama}`` in the body is where the large name goes: the text before it is
the lead-in line ("Diberikan kepada"), the text after it (without the comma that
follows the name) is the paragraph below it. A body without ``{nama}`` is drawn
in full below the name.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import io
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

import segno
from PIL import Image, ImageOps
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.pdfutils import readJPEGInfo
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFont,
    makeToUnicodeCMap,
)
from reportlab.pdfgen.canvas import Canvas

__all__ = [
    "CertificateData",
    "CertificateLayout",
    "DEFAULT_BODY",
    "Signatory",
    "fill_placeholders",
    "format_date_id",
    "qr_runs",
    "render_certificate",
]

# --------------------------------------------------------------------- PDF objects


class _RawObject(pdfdoc.PDFObject):
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


def _stream(dictionary: str, content: bytes) -> tuple[bytes, bytes]:
    """The bytes before and after the references of a stream object."""
    return (
        f"<< {dictionary} /Length {len(content)}".encode("ascii"),
        b" >>\nstream\n" + content + b"\nendstream\n",
    )


# --------------------------------------------------------------------------- fonts

FONT_DIR = Path(__file__).resolve().parent / "fonts"
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
            font_file = doc.Reference(_RawObject(*parts.font_file))
            cmap = doc.Reference(_RawObject(*parts.cmap))
            descriptor = doc.Reference(_RawObject(parts.descriptor, font_file, b" >>"))
            pdf_font = _RawObject(
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
        font_file=_stream(
            f"/Filter /FlateDecode /Length1 {len(font_file)}", zlib.compress(font_file)
        ),
        cmap=_stream("/Filter /FlateDecode", zlib.compress(cmap)),
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

_string_width = pdfmetrics.stringWidth

# ----------------------------------------------------------------------- the data

DEFAULT_BODY = (
    "Diberikan kepada {nama}, {jabatan} {koperasi}, Desa {desa}, {kabupaten}, "
    "yang telah menyelesaikan pelatihan {kursus} selama {jp} JP "
    "pada tanggal {tanggal}."
)


@dataclass(frozen=True)
class Signatory:
    name: str
    title: str
    nip: str
    signature_image: bytes | None = None  # PNG or JPEG bytes


@dataclass(frozen=True)
class CertificateLayout:
    orientation: str = "landscape"  # "landscape" | "portrait", A4
    title: str = "SERTIFIKAT"
    body: str = DEFAULT_BODY
    issuer_name: str = ""  # a Balai or a Dinas
    background_image: bytes | None = None  # drawn over the whole page
    logos: tuple[bytes, ...] = ()
    signatories: tuple[Signatory, ...] = ()  # one or two


@dataclass(frozen=True)
class CertificateData:
    number: str
    holder_name: str
    position: str
    cooperative: str
    village: str
    regency: str
    course_title: str
    jp: int
    completed_on: datetime.date
    verify_url: str


# ------------------------------------------------------------ text and placeholders

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
    space = _string_width(" ", font, size)
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for word in text.split():
        w = _string_width(word, font, size)
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
            if piece and _string_width(piece + char, font, size) > width:
                lines.append(piece)
                piece = ""
            piece += char
        line, used = [piece], _string_width(piece, font, size)
    if line:
        lines.append(" ".join(line))
    return lines


def _fit_lines(
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
        while last and _string_width(last + " …", font, size) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + " …"
    return size, lines


def _fit_size(text: str, font: str, max_size: float, width: float) -> float:
    """The largest size up to ``max_size`` at which ``text`` is one line of ``width``."""
    natural = _string_width(text, font, max_size)
    if natural <= width:
        return max_size
    return max_size * width / natural


# -------------------------------------------------------------------------- images


@dataclass(frozen=True)
class _Image:
    """An image XObject, encoded once per distinct image."""

    name: str  # the name of its resource
    width: int
    height: int
    head: bytes  # the stream, up to where the soft mask's reference goes
    tail: bytes  # the rest of the stream
    smask: _Image | None = None


_MODE_TO_COLOR_SPACE = {"RGB": "DeviceRGB", "L": "DeviceGray", "CMYK": "DeviceCMYK"}
_EXIF_ORIENTATION = 0x0112


def _image(
    name: str,
    width: int,
    height: int,
    color_space: str,
    filter_: str,
    content: bytes,
    extra: str = "",
    smask: _Image | None = None,
) -> _Image:
    head, tail = _stream(
        f"/Type /XObject /Subtype /Image /Width {width} /Height {height} "
        f"/BitsPerComponent 8 /ColorSpace /{color_space} /Filter /{filter_}{extra}",
        content,
    )
    return _Image(name, width, height, head, tail, smask)


@functools.lru_cache(maxsize=64)
def _image_xobject(data: bytes) -> _Image:
    """Decode and encode an image once; later calls with the same bytes are free.

    The cache is keyed by the bytes themselves: Python hashes a bytes object once
    and keeps the hash, and a dictionary hit on the very same object compares by
    identity, so a layout reused for thousands of certificates costs one lookup.
    A JPEG is embedded as it is (DCTDecode); other images are decoded with
    reportlab's ``ImageReader`` and compressed, with their alpha channel as a
    soft mask.
    """
    name = "img" + hashlib.sha1(data, usedforsecurity=False).hexdigest()
    picture = Image.open(io.BytesIO(data))  # reads the header only
    orientation = picture.getexif().get(_EXIF_ORIENTATION, 1)
    if picture.format == "JPEG" and orientation == 1:
        try:
            width, height, components, _dpi = readJPEGInfo(io.BytesIO(data))
        except Exception:  # noqa: S110  an unusual JPEG: decode it below instead
            pass
        else:
            if components in (1, 3):
                color_space = "DeviceGray" if components == 1 else "DeviceRGB"
                return _image(name, width, height, color_space, "DCTDecode", data)
            if components == 4:  # CMYK, which Adobe writes inverted
                return _image(
                    name,
                    width,
                    height,
                    "DeviceCMYK",
                    "DCTDecode",
                    data,
                    " /Decode [1 0 1 0 1 0 1 0]",
                )
    # a photographed signature may be stored sideways with an EXIF orientation
    reader = ImageReader(ImageOps.exif_transpose(picture))
    width, height = reader.getSize()
    pixels = reader.getRGBData()  # also sets reader.mode and reader._dataA
    smask = None
    if reader._dataA is not None:  # an alpha channel
        alpha = zlib.compress(reader._dataA.getRGBData())
        smask = _image(name + "a", width, height, "DeviceGray", "FlateDecode", alpha)
    color_space = _MODE_TO_COLOR_SPACE[reader.mode]
    return _image(
        name,
        width,
        height,
        color_space,
        "FlateDecode",
        zlib.compress(pixels),
        smask=smask,
    )


def _register_image(canv: Canvas, image: _Image) -> str:
    """Add ``image`` to the canvas's document once; return its resource name.

    ``Canvas.drawImage`` would decode, hash and compress the pixels of an
    ``ImageReader`` again for every document (tens of milliseconds for an A4
    background), so the image is registered here from its cached bytes.
    """
    doc = canv._doc
    reg_name = doc.getXObjectName(image.name)
    if reg_name not in doc.idToObject:
        if image.smask is None:
            doc.Reference(_RawObject(image.head, image.tail), reg_name)
        else:
            mask = doc.Reference(_RawObject(image.smask.head, image.smask.tail))
            doc.Reference(
                _RawObject(image.head, b" /SMask ", mask, image.tail), reg_name
            )
    canv._formsinuse.append(image.name)
    canv._currentPageHasImages = 1
    return reg_name


def _draw_image(
    canv: Canvas,
    data: bytes,
    x: float,
    y: float,
    width: float,
    height: float,
    *,
    keep_aspect: bool = True,
) -> None:
    """Draw an image in the box (x, y, width, height), centred when the aspect is kept."""
    image = _image_xobject(data)
    if keep_aspect:
        scale = min(width / image.width, height / image.height)
        w, h = image.width * scale, image.height * scale
        x, y, width, height = x + (width - w) / 2, y + (height - h) / 2, w, h
    reg_name = _register_image(canv, image)
    canv._code.append(f"q {fp_str(width, 0, 0, height, x, y)} cm /{reg_name} Do Q")


# ------------------------------------------------------------------------- QR code
#
# segno builds the symbol. What makes a QR code slow in Python is choosing its
# data mask: the standard (ISO/IEC 18004, 7.8.3) asks for the one of the eight
# masks whose result scores the lowest penalty, and segno evaluates the eight
# candidates module by module (about 2.5 ms for a verification URL, half the
# time budget of a whole certificate). Here segno encodes the URL once with mask
# 0, and the eight candidates are derived from it and scored with whole-symbol
# bit operations on one integer (every row followed by 4 light padding modules),
# giving segno's choice in about 0.1 ms; the result is, module for
# module, the matrix ``segno.make(url, error=QR_ERROR, micro=False)`` builds
# (the tests compare them).

QR_ERROR = "m"  # error correction level (segno raises it when the version has room)
_PAD = 4  # light modules after each row (and before the first)
_TO_BITS = bytes.maketrans(b"\x00\x01", b"01")


def _mask_functions():
    return (
        lambda i, j: (i + j) % 2 == 0,
        lambda i, j: i % 2 == 0,
        lambda i, j: j % 3 == 0,
        lambda i, j: (i + j) % 3 == 0,
        lambda i, j: (i // 2 + j // 3) % 2 == 0,
        lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
        lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
        lambda i, j: ((i + j) % 2 + (i * j) % 3) % 2 == 0,
    )


def _alignment_centres(version: int, size: int) -> list[int]:
    if version == 1:
        return []
    count = version // 7 + 2
    step = 26 if version == 32 else (version * 4 + count * 2 + 1) // (count * 2 - 2) * 2
    return [6] + [size - 7 - i * step for i in range(count - 1)][::-1]


@dataclass(frozen=True)
class _QRGeometry:
    """Bit masks of one QR version, in the padded row-major bit layout."""

    size: int
    stride: int
    full: int  # every bit of the layout
    pairs: int  # bit p where p and p + 1 are modules of the same row
    pairs_upper: int  # the same, rows 0 .. size - 2 (for 2x2 blocks)
    reserved: int  # format and version information (light while masks are scored)
    xor: tuple[int, ...]  # mask k xor mask 0 on the data region, rows
    xor_t: tuple[int, ...]  # the same, transposed

    def bit(self, row: int, col: int) -> int:
        return 1 << (_PAD + row * self.stride + col)


@functools.lru_cache(maxsize=40)
def _qr_geometry(version: int) -> _QRGeometry:
    size = version * 4 + 17
    stride = size + _PAD
    length = _PAD + size * stride
    function = [[False] * size for _ in range(size)]
    reserved = [[False] * size for _ in range(size)]

    def mark(grid, rows, cols):
        for i in rows:
            for j in cols:
                grid[i][j] = True

    # finder patterns and their separators
    mark(function, range(8), range(8))
    mark(function, range(8), range(size - 8, size))
    mark(function, range(size - 8, size), range(8))
    # timing patterns
    mark(function, [6], range(size))
    mark(function, range(size), [6])
    # format information (and the dark module), around the finder patterns
    for grid in (function, reserved):
        mark(grid, [8], [*range(9), *range(size - 8, size)])
        mark(grid, [*range(9), *range(size - 8, size)], [8])
    reserved[8][6] = reserved[6][8] = False  # timing modules
    # version information
    if version >= 7:
        for grid in (function, reserved):
            mark(grid, range(6), range(size - 11, size - 8))
            mark(grid, range(size - 11, size - 8), range(6))
    # alignment patterns, except where they would overlap a finder pattern
    centres = _alignment_centres(version, size)
    last = centres[-1] if centres else None
    for ci in centres:
        for cj in centres:
            if (ci, cj) in ((6, 6), (6, last), (last, 6)):
                continue
            mark(function, range(ci - 2, ci + 3), range(cj - 2, cj + 3))

    def to_int(cells) -> int:
        value = 0
        for i, j in cells:
            value |= 1 << (_PAD + i * stride + j)
        return value

    every = [(i, j) for i in range(size) for j in range(size)]
    data = [(i, j) for i, j in every if not function[i][j]]
    masks = _mask_functions()
    patterns = [to_int((i, j) for i, j in data if mask(i, j)) for mask in masks]
    patterns_t = [to_int((j, i) for i, j in data if mask(i, j)) for mask in masks]
    return _QRGeometry(
        size=size,
        stride=stride,
        full=(1 << length) - 1,
        pairs=to_int((i, j) for i, j in every if j < size - 1),
        pairs_upper=to_int((i, j) for i, j in every if j < size - 1 and i < size - 1),
        reserved=to_int((i, j) for i, j in every if reserved[i][j]),
        xor=tuple(p ^ patterns[0] for p in patterns),
        xor_t=tuple(p ^ patterns_t[0] for p in patterns_t),
    )


def _n1_n3(bits: int, geo: _QRGeometry) -> int:
    """Penalties N1 (runs of five or more) and N3 (finder-like 1:1:3:1:1) of rows."""
    same = ~(bits ^ (bits >> 1)) & geo.pairs
    five = same & (same >> 1) & (same >> 2) & (same >> 3)  # 5 equal modules from p
    # a run of length L >= 5 scores L - 2: L - 4 bits of ``five`` plus 2 per run
    n1 = five.bit_count() + 2 * (five & ~(five << 1)).bit_count()
    light = ~bits & geo.full
    pattern = (
        bits
        & (light >> 1)
        & (bits >> 2)
        & (bits >> 3)
        & (bits >> 4)
        & (light >> 5)
        & (bits >> 6)
    )
    light4 = light & (light >> 1) & (light >> 2) & (light >> 3)
    before = pattern & (light4 << 4)
    after = pattern & (light4 >> 7)
    # as segno scans, a pattern found with light before it hides one that starts
    # 4 or 6 modules later (overlapping it)
    counted = (before | after) & ~((before << 4) | (before << 6))
    return n1 + 40 * counted.bit_count()


def _penalty(bits: int, bits_t: int, geo: _QRGeometry) -> int:
    """The penalty score of a candidate, as ISO/IEC 18004 7.8.3.1 and segno count it."""
    same = ~(bits ^ (bits >> 1)) & geo.pairs
    blocks = same & (same >> geo.stride) & ~(bits ^ (bits >> geo.stride))
    n2 = 3 * (blocks & geo.pairs_upper).bit_count()
    percent = float(bits.bit_count()) / (geo.size**2)
    n4 = 10 * int(abs(percent * 100 - 50) / 5)
    return _n1_n3(bits, geo) + _n1_n3(bits_t, geo) + n2 + n4


def _matrix_to_bits(rows) -> int:
    pad = b"\x00" * _PAD
    text = (pad + pad.join(bytes(row) for row in rows) + pad).translate(_TO_BITS)
    return int(text[::-1], 2)


_format_bits: dict[tuple[int, str, int], int] = {}  # (version, error, mask) -> bits


def _qr_bits(url: str) -> tuple[_QRGeometry, int]:
    """segno's QR code of ``url`` (with the best mask), as layout bits."""
    qr = segno.make(url, error=QR_ERROR, micro=False, mask=0)
    geo = _qr_geometry(qr.version)
    masked0 = _matrix_to_bits(qr.matrix)
    base = masked0 & ~geo.reserved
    base_t = _matrix_to_bits(zip(*qr.matrix, strict=True)) & ~geo.reserved
    best, best_score = 0, None
    for mask in range(8):
        score = _penalty(base ^ geo.xor[mask], base_t ^ geo.xor_t[mask], geo)
        if best_score is None or score < best_score:
            best, best_score = mask, score
    if best == 0:
        return geo, masked0
    key = (qr.version, qr.error, best)
    fmt = _format_bits.get(key)
    if fmt is None:
        final = segno.make(url, error=QR_ERROR, micro=False, mask=best)
        bits = _matrix_to_bits(final.matrix)
        _format_bits[key] = bits & geo.reserved
        return geo, bits
    return geo, base ^ geo.xor[best] | fmt


_DARK_RUN = re.compile("1+")


def qr_runs(url: str) -> tuple[int, list[tuple[int, int, int]]]:
    """The QR code of ``url`` as horizontal runs of dark modules.

    Returns the symbol's size in modules (without the quiet zone) and a list of
    ``(row, column, length)``, row 0 at the top. Drawing one rectangle per run,
    all in one path, is many times faster than reportlab's QR widget.
    """
    geo, bits = _qr_bits(url)
    text = format(bits, f"0{geo.full.bit_length()}b")[::-1]
    stride = geo.stride
    runs = []
    for match in _DARK_RUN.finditer(text):
        row, col = divmod(match.start() - _PAD, stride)
        runs.append((row, col, match.end() - match.start()))
    return geo.size, runs


def _draw_qr(canv: Canvas, url: str, x: float, y: float, size: float) -> None:
    """The QR code of ``url`` in the square (x, y, size), with a white quiet zone."""
    modules, runs = qr_runs(url)
    quiet = 4  # the quiet zone the standard asks for, white on any background
    unit = size / (modules + 2 * quiet)
    top = y + size - quiet * unit
    ops = [
        f"q 1 g {fp_str(x, y, size, size)} re f",
        # module coordinates: x to the right, y down from the symbol's top-left
        f"0 g {fp_str(unit, 0, 0, -unit, x + quiet * unit, top)} cm",
    ]
    ops.extend(f"{col} {row} {length} 1 re" for row, col, length in runs)
    ops.append("f Q")
    canv._code.append("\n".join(ops))


# -------------------------------------------------------------------------- layout

NAVY = (0.11, 0.22, 0.37)
GOLD = (0.72, 0.55, 0.18)
INK = (0.15, 0.15, 0.15)
GREY = (0.40, 0.40, 0.40)


@dataclass(frozen=True)
class _Geometry:
    """Sizes that differ between a landscape and a portrait page."""

    margin: float  # from the page's edge to the content
    text_width: float
    logo_height: float
    title_size: float
    name_size: float
    body_size: float
    qr_size: float
    block_width: float  # of a signatory
    signatory_offset: float  # of the signatories' centres from the page's centre
    # two signatories and the QR code side by side do not fit across a portrait
    # page: the QR code goes below the signatories, centred
    qr_below_two_signatories: bool


_LANDSCAPE = _Geometry(
    margin=46,
    text_width=660,
    logo_height=54,
    title_size=42,
    name_size=30,
    body_size=13.5,
    qr_size=84,
    block_width=230,
    signatory_offset=250,
    qr_below_two_signatories=False,
)
_PORTRAIT = _Geometry(
    margin=50,
    text_width=470,
    logo_height=62,
    title_size=40,
    name_size=26,
    body_size=13,
    qr_size=88,
    block_width=220,
    signatory_offset=125,
    qr_below_two_signatories=True,
)

# A line of the stack of centred text: (text, font, size, colour, line height,
# letter spacing). A ``None`` text is a vertical gap of the line height.
_Line = tuple[str | None, str, float, tuple[float, float, float], float, float]


def _gap(height: float) -> _Line:
    return (None, FONT_REGULAR, 0, INK, height, 0)


def _lines(
    lines: list[str], font: str, size: float, colour, leading: float
) -> list[_Line]:
    return [(line, font, size, colour, size * leading, 0) for line in lines]


def _draw_lines(canv: Canvas, lines: list[_Line], cx: float, top: float) -> float:
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


def _draw_border(canv: Canvas, width: float, height: float) -> None:
    """A plain double frame, used when the layout has no background image."""
    canv.setStrokeColorRGB(*NAVY)
    canv.setLineWidth(3)
    canv.rect(18, 18, width - 36, height - 36)
    canv.setStrokeColorRGB(*GOLD)
    canv.setLineWidth(1)
    canv.rect(26, 26, width - 52, height - 52)


def _draw_logos(
    canv: Canvas, logos: tuple[bytes, ...], cx: float, top: float, height: float
) -> None:
    """The logos side by side, centred on ``cx``, all of the same height."""
    gap = height * 0.3
    widths = []
    for data in logos:
        image = _image_xobject(data)
        widths.append(min(image.width * height / image.height, height * 3))
    x = cx - (sum(widths) + gap * (len(widths) - 1)) / 2
    for data, w in zip(logos, widths, strict=True):
        _draw_image(canv, data, x, top - height, w, height)
        x += w + gap


_SIGNATURE_HEIGHT = 54


def _draw_signatory(
    canv: Canvas, signatory: Signatory, cx: float, bottom: float, width: float
) -> float:
    """Title, signature, name (underlined) and NIP, upwards from ``bottom``.

    Returns the top of the block.
    """
    canv.setFillColorRGB(*INK)
    y = bottom
    if signatory.nip:
        canv.setFont(FONT_REGULAR, 9.5)
        canv.drawCentredString(cx, y, f"NIP. {signatory.nip}")
        y += 13
    name_size = _fit_size(signatory.name, FONT_BOLD, 11, width)
    canv.setFont(FONT_BOLD, name_size)
    canv.drawCentredString(cx, y, signatory.name)
    half = _string_width(signatory.name, FONT_BOLD, name_size) / 2
    canv.setStrokeColorRGB(*INK)
    canv.setLineWidth(0.6)
    canv.line(cx - half, y - 2.5, cx + half, y - 2.5)
    y += name_size + 3
    if signatory.signature_image:
        _draw_image(
            canv,
            signatory.signature_image,
            cx - width / 2,
            y,
            width,
            _SIGNATURE_HEIGHT,
        )
    y += _SIGNATURE_HEIGHT + 4
    size, lines = _fit_lines(signatory.title, FONT_REGULAR, 10, 7.5, width, 36, 1.2)
    canv.setFont(FONT_REGULAR, size)
    for line in reversed(lines):
        y += size * 0.25
        canv.drawCentredString(cx, y, line)
        y += size * 0.95
    return y


def _draw_qr_block(
    canv: Canvas, url: str, cx: float, bottom: float, size: float, width: float
) -> float:
    """The QR code with its caption and the URL, upwards from ``bottom``.

    Returns the top of the block.
    """
    canv.setFillColorRGB(*GREY)
    url_size, url_lines = _fit_lines(url, FONT_REGULAR, 6.5, 5, width, 16, 1.2)
    canv.setFont(FONT_REGULAR, url_size)
    y = bottom
    for line in reversed(url_lines):
        canv.drawCentredString(cx, y, line)
        y += url_size * 1.2
    canv.setFont(FONT_REGULAR, 7)
    canv.drawCentredString(cx, y + 1, "Pindai untuk memeriksa keaslian")
    _draw_qr(canv, url, cx - size / 2, y + 9, size)
    return y + 9 + size


def render_certificate(layout: CertificateLayout, data: CertificateData) -> bytes:
    """Draw the certificate ``data`` on ``layout``; return the PDF (one A4 page)."""
    if layout.orientation == "landscape":
        width, height = A4[1], A4[0]
        geo = _LANDSCAPE
    elif layout.orientation == "portrait":
        width, height = A4
        geo = _PORTRAIT
    else:
        raise ValueError(f"unknown orientation: {layout.orientation!r}")
    cx = width / 2
    text_width = geo.text_width

    buffer = io.BytesIO()
    canv = Canvas(
        buffer,
        pagesize=(width, height),
        pageCompression=0,
        initialFontName=FONT_REGULAR,
        pdfVersion=(1, 4),  # soft masks (transparent PNG logos and signatures)
        lang="id-ID",
    )
    canv.setCreator("Balai Daring")
    canv.setTitle(f"Sertifikat {data.number}")
    canv.setSubject(data.course_title)
    if layout.issuer_name:
        canv.setAuthor(layout.issuer_name)

    if layout.background_image:
        _draw_image(
            canv, layout.background_image, 0, 0, width, height, keep_aspect=False
        )
    else:
        _draw_border(canv, width, height)

    # the bottom: signatories and the QR code
    bottom = geo.margin + 8
    signatories = layout.signatories[:2]
    offset = geo.signatory_offset
    signatories_bottom = bottom
    if len(signatories) == 2:
        columns = [cx - offset, cx + offset]
        qr_cx = cx
        if geo.qr_below_two_signatories:
            qr_width = geo.block_width
        else:  # between the signatories
            qr_width = 2 * offset - geo.block_width - 20
    elif signatories:
        columns = [cx + offset]
        qr_cx, qr_width = cx - offset, geo.block_width
    else:
        columns, qr_cx, qr_width = [], cx, geo.block_width
    bottom_top = _draw_qr_block(
        canv, data.verify_url, qr_cx, bottom, geo.qr_size, qr_width
    )
    if len(signatories) == 2 and geo.qr_below_two_signatories:
        signatories_bottom = bottom_top + 22
    for signatory, column in zip(signatories, columns, strict=True):
        top = _draw_signatory(
            canv, signatory, column, signatories_bottom, geo.block_width
        )
        bottom_top = max(bottom_top, top)

    # the top: logos, issuer, title and number
    header: list[_Line] = []
    if layout.logos:
        header.append(_gap(geo.logo_height + 14))
    if layout.issuer_name:
        size, lines = _fit_lines(
            layout.issuer_name.upper(), FONT_BOLD, 13, 9, text_width, 34, 1.25
        )
        header += _lines(lines, FONT_BOLD, size, INK, 1.25)
        header.append(_gap(6))
    title_size = _fit_size(layout.title, FONT_SERIF_BOLD, geo.title_size, text_width)
    char_space = title_size * 0.12
    if len(layout.title) > 1:  # the letter spacing must fit too
        title_size = _fit_size(
            layout.title,
            FONT_SERIF_BOLD,
            title_size,
            text_width - char_space * (len(layout.title) - 1),
        )
        char_space = title_size * 0.12
    header.append(
        (layout.title, FONT_SERIF_BOLD, title_size, NAVY, title_size * 1.1, char_space)
    )
    header.append((f"Nomor: {data.number}", FONT_REGULAR, 11, INK, 16, 0))

    # the middle: lead-in, the holder's name, the rest of the body
    lead, found, rest = layout.body.partition("{nama}")
    if not found:
        lead, rest = "", layout.body
    lead = fill_placeholders(lead, data).strip()
    rest = fill_placeholders(rest.lstrip(" ,;:"), data).strip()
    middle: list[_Line] = []
    if lead:
        size, lines = _fit_lines(
            lead, FONT_REGULAR, geo.body_size, 9, text_width, 40, 1.35
        )
        middle += _lines(lines, FONT_REGULAR, size, INK, 1.35)
        middle.append(_gap(4))
    name = data.holder_name
    name_size = _fit_size(name, FONT_SERIF_BOLD, geo.name_size, text_width)
    if name_size >= 16:
        name_lines = [name]
    else:  # a very long name: two lines (at most), shrunk to fit
        name_size, name_lines = _fit_lines(
            name, FONT_SERIF_BOLD, 18, 7, text_width, 18 * 1.2 * 2, 1.2
        )
    middle += _lines(name_lines, FONT_SERIF_BOLD, name_size, NAVY, 1.2)
    rule_at = len(middle)
    middle.append(_gap(14))

    top = height - geo.margin
    room = top - bottom_top - 16  # above the signatories, less a minimal gap
    used = sum(line[4] for line in header) + sum(line[4] for line in middle) + 12
    if rest:
        size, lines = _fit_lines(
            rest, FONT_REGULAR, geo.body_size, 7, text_width, room - used, 1.35
        )
        middle += _lines(lines, FONT_REGULAR, size, INK, 1.35)
        used += size * 1.35 * len(lines)
    # share what is left: a little above the header, more around the middle
    free = max(0.0, room - used)
    y = top - free * 0.2
    if layout.logos:
        _draw_logos(canv, layout.logos, cx, y, geo.logo_height)
    y = _draw_lines(canv, header, cx, y) - 12 - free * 0.35
    rule_y = _draw_lines(canv, middle[:rule_at], cx, y) - 6
    canv.setStrokeColorRGB(*GOLD)
    canv.setLineWidth(1)
    canv.line(cx - 120, rule_y, cx + 120, rule_y)
    _draw_lines(canv, middle[rule_at:], cx, rule_y + 6)

    canv.showPage()
    canv.save()
    return buffer.getvalue()
