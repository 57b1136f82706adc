"""Draw a certificate as a one-page A4 PDF.

A pure package: no Django, no database, no storage. It takes a layout (the template
an administrator designs once) and the data of one certificate, and returns the
PDF bytes. It is written to be cheap per certificate, because one layout is used
for thousands of certificates (the Kalimantan Selatan programme alone issues about
6,000):

- the TrueType fonts are read and registered once, at import, and their embedded
  subsets are built once per distinct subset, not per PDF (`fonts`);
- images (background, logos, signatures) are decoded and encoded as PDF image
  XObjects once per distinct image (keyed by the bytes) and the finished XObject
  is reused by every later PDF; a JPEG is passed through untouched (`images`);
- the QR code is segno's, drawn as one filled path of rectangles (`qr`);
- text is wrapped and fitted by a small wrapper measuring with ``stringWidth``
  rather than with platypus Paragraphs (`text`);
- the page's own content stream (a few KB) is left uncompressed: with
  compression reportlab also ASCII85-encodes it in pure Python, which cost about
  a fifth of the render time for a saving of about 3 KB per PDF (`page`).

``benchmarks/certificate_render.py`` measures the rate (target: 200 PDFs/s on one
core, with a QR code and an A4 JPEG background).

Layout of the page, top to bottom: logos, issuer, title, number, the lead-in of
the body, the holder's name (large, shrunk to fit), the rest of the body, and at
the bottom the signatories and the QR code to the public verification page. The
first ``{nama}`` in the body is where the large name goes: the text before it is
the lead-in line ("Diberikan kepada"), the text after it (without the comma that
follows the name) is the paragraph below it. A body without ``{nama}`` is drawn
in full below the name.

Modules: `layout` (the input: layout and data), `page` (the page and its blocks,
`render_certificate`), `text`, `fonts`, `images`, `qr`, `objects` (PDF objects
prepared once).
"""

from .layout import DEFAULT_BODY, CertificateData, CertificateLayout, Signatory
from .page import render_certificate
from .qr import qr_runs
from .text import (
    PLACEHOLDERS,
    fill_placeholders,
    format_date_id,
    unknown_placeholders,
)

__all__ = [
    "DEFAULT_BODY",
    "PLACEHOLDERS",
    "CertificateData",
    "CertificateLayout",
    "Signatory",
    "fill_placeholders",
    "format_date_id",
    "qr_runs",
    "render_certificate",
    "unknown_placeholders",
]
