"""Images on the certificate (background, logos, signatures), each decoded and
encoded as a PDF image XObject once per distinct image and reused by every PDF."""

from __future__ import annotations

import functools
import hashlib
import io
import zlib
from dataclasses import dataclass

from PIL import Image, ImageOps
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfutils import readJPEGInfo
from reportlab.pdfgen.canvas import Canvas

from .objects import RawObject, stream


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
    head, tail = stream(
        f"/Type /XObject /Subtype /Image /Width {width} /Height {height} "
        f"/BitsPerComponent 8 /ColorSpace /{color_space} /Filter /{filter_}{extra}",
        content,
    )
    return _Image(name, width, height, head, tail, smask)


@functools.lru_cache(maxsize=64)
def image_xobject(data: bytes) -> _Image:
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
            doc.Reference(RawObject(image.head, image.tail), reg_name)
        else:
            mask = doc.Reference(RawObject(image.smask.head, image.smask.tail))
            doc.Reference(
                RawObject(image.head, b" /SMask ", mask, image.tail), reg_name
            )
    canv._formsinuse.append(image.name)
    canv._currentPageHasImages = 1
    return reg_name


def draw_image(
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
    image = image_xobject(data)
    if keep_aspect:
        scale = min(width / image.width, height / image.height)
        w, h = image.width * scale, image.height * scale
        x, y, width, height = x + (width - w) / 2, y + (height - h) / 2, w, h
    reg_name = _register_image(canv, image)
    canv._code.append(f"q {fp_str(width, 0, 0, height, x, y)} cm /{reg_name} Do Q")
