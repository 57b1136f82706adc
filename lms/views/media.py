"""Uploaded files (MEDIA_ROOT) on the platform's own origin, sandboxed.

Whatever an instructor or a package uploaded (images, documents, an SVG with a
script in it) is served here as a file that can never act as a page of the
platform: `Content-Security-Policy: sandbox` (an opaque origin: no cookies, no
storage, no script) with `default-src 'none'`, `nosniff`, and anything that is
not an image, audio, video or PDF as a download. H5P package files are not
served here at all: they belong to the H5P content origin (content/origin.py).
With S3 the files are on the bucket's origin and this view is not mounted.
"""

import mimetypes

from django.conf import settings
from django.http import Http404
from django.views.static import serve

MEDIA_CSP = (
    "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; "
    "style-src 'unsafe-inline'"
)
_SHOWN_INLINE = ("image/", "audio/", "video/", "application/pdf")


def media_headers(response, path: str):
    """The sandbox headers every uploaded file gets (also used by tests)."""
    response["Content-Security-Policy"] = MEDIA_CSP
    response["X-Content-Type-Options"] = "nosniff"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
    if not kind.startswith(_SHOWN_INLINE) or kind == "image/svg+xml":
        response["Content-Disposition"] = "attachment"
    return response


def media_serve(request, path: str):
    if path.split("/", 1)[0] == "h5p":
        raise Http404  # the H5P origin serves these (content.views)
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    return media_headers(response, path)
