"""The page: its geometry per orientation and the blocks drawn on it, top to bottom."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from .fonts import FONT_BOLD, FONT_REGULAR, FONT_SERIF_BOLD, string_width
from .images import draw_image, image_xobject
from .layout import CertificateData, CertificateLayout, Signatory
from .qr import draw_qr
from .text import (
    Line,
    draw_lines,
    fill_placeholders,
    fit_lines,
    fit_size,
    gap,
    text_lines,
)

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
        image = image_xobject(data)
        widths.append(min(image.width * height / image.height, height * 3))
    x = cx - (sum(widths) + gap * (len(widths) - 1)) / 2
    for data, w in zip(logos, widths, strict=True):
        draw_image(canv, data, x, top - height, w, height)
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
    name_size = fit_size(signatory.name, FONT_BOLD, 11, width)
    canv.setFont(FONT_BOLD, name_size)
    canv.drawCentredString(cx, y, signatory.name)
    half = string_width(signatory.name, FONT_BOLD, name_size) / 2
    canv.setStrokeColorRGB(*INK)
    canv.setLineWidth(0.6)
    canv.line(cx - half, y - 2.5, cx + half, y - 2.5)
    y += name_size + 3
    if signatory.signature_image:
        draw_image(
            canv,
            signatory.signature_image,
            cx - width / 2,
            y,
            width,
            _SIGNATURE_HEIGHT,
        )
    y += _SIGNATURE_HEIGHT + 4
    size, lines = fit_lines(signatory.title, FONT_REGULAR, 10, 7.5, width, 36, 1.2)
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
    url_size, url_lines = fit_lines(url, FONT_REGULAR, 6.5, 5, width, 16, 1.2)
    canv.setFont(FONT_REGULAR, url_size)
    y = bottom
    for line in reversed(url_lines):
        canv.drawCentredString(cx, y, line)
        y += url_size * 1.2
    canv.setFont(FONT_REGULAR, 7)
    canv.drawCentredString(cx, y + 1, "Pindai untuk memeriksa keaslian")
    draw_qr(canv, url, cx - size / 2, y + 9, size)
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
        draw_image(
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
    header: list[Line] = []
    if layout.logos:
        header.append(gap(geo.logo_height + 14))
    if layout.issuer_name:
        size, lines = fit_lines(
            layout.issuer_name.upper(), FONT_BOLD, 13, 9, text_width, 34, 1.25
        )
        header += text_lines(lines, FONT_BOLD, size, INK, 1.25)
        header.append(gap(6))
    title_size = fit_size(layout.title, FONT_SERIF_BOLD, geo.title_size, text_width)
    char_space = title_size * 0.12
    if len(layout.title) > 1:  # the letter spacing must fit too
        title_size = fit_size(
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
    middle: list[Line] = []
    if lead:
        size, lines = fit_lines(
            lead, FONT_REGULAR, geo.body_size, 9, text_width, 40, 1.35
        )
        middle += text_lines(lines, FONT_REGULAR, size, INK, 1.35)
        middle.append(gap(4))
    name = data.holder_name
    name_size = fit_size(name, FONT_SERIF_BOLD, geo.name_size, text_width)
    if name_size >= 16:
        name_lines = [name]
    else:  # a very long name: two lines (at most), shrunk to fit
        name_size, name_lines = fit_lines(
            name, FONT_SERIF_BOLD, 18, 7, text_width, 18 * 1.2 * 2, 1.2
        )
    middle += text_lines(name_lines, FONT_SERIF_BOLD, name_size, NAVY, 1.2)
    rule_at = len(middle)
    middle.append(gap(14))

    top = height - geo.margin
    room = top - bottom_top - 16  # above the signatories, less a minimal gap
    used = sum(line[4] for line in header) + sum(line[4] for line in middle) + 12
    if rest:
        size, lines = fit_lines(
            rest, FONT_REGULAR, geo.body_size, 7, text_width, room - used, 1.35
        )
        middle += text_lines(lines, FONT_REGULAR, size, INK, 1.35)
        used += size * 1.35 * len(lines)
    # share what is left: a little above the header, more around the middle
    free = max(0.0, room - used)
    y = top - free * 0.2
    if layout.logos:
        _draw_logos(canv, layout.logos, cx, y, geo.logo_height)
    y = draw_lines(canv, header, cx, y) - 12 - free * 0.35
    rule_y = draw_lines(canv, middle[:rule_at], cx, y) - 6
    canv.setStrokeColorRGB(*GOLD)
    canv.setLineWidth(1)
    canv.line(cx - 120, rule_y, cx + 120, rule_y)
    draw_lines(canv, middle[rule_at:], cx, rule_y + 6)

    canv.showPage()
    canv.save()
    return buffer.getvalue()
