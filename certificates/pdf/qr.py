"""The QR code to the public verification page: segno's symbol, drawn as one path.

segno encodes the URL and chooses the data mask as the standard asks (ISO/IEC
18004, 7.8.3: the lowest penalty of the eight candidates). Its matrix is drawn as
one filled path of rectangles, one per horizontal run of dark modules, many times
faster than reportlab's QR widget.
"""

from __future__ import annotations

import re

import segno
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

QR_ERROR = "m"  # error correction level (segno raises it when the version has room)
QUIET_ZONE = 4  # modules of white around the symbol, as the standard asks
_DARK_RUN = re.compile(b"\x01+")


def qr_runs(url: str) -> tuple[int, list[tuple[int, int, int]]]:
    """The QR code of ``url`` as horizontal runs of dark modules.

    Returns the symbol's size in modules (without the quiet zone) and a list of
    ``(row, column, length)``, row 0 at the top.
    """
    qr = segno.make(url, error=QR_ERROR, micro=False)
    runs = [
        (row, match.start(), match.end() - match.start())
        for row, modules in enumerate(qr.matrix)
        for match in _DARK_RUN.finditer(modules)
    ]
    return len(qr.matrix), runs


def draw_qr(canv: Canvas, url: str, x: float, y: float, size: float) -> None:
    """The QR code of ``url`` in the square (x, y, size), with a white quiet zone."""
    modules, runs = qr_runs(url)
    unit = size / (modules + 2 * QUIET_ZONE)
    top = y + size - QUIET_ZONE * unit
    ops = [
        f"q 1 g {fp_str(x, y, size, size)} re f",
        # module coordinates: x to the right, y down from the symbol's top-left
        f"0 g {fp_str(unit, 0, 0, -unit, x + QUIET_ZONE * unit, top)} cm",
    ]
    ops.extend(f"{col} {row} {length} 1 re" for row, col, length in runs)
    ops.append("f Q")
    canv._code.append("\n".join(ops))
