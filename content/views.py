"""The H5P player and its files, and the endpoints the lesson page posts to.

The activity's JavaScript runs in the player document, which is always an opaque
origin (the iframe's sandbox="allow-scripts" and the CSP `sandbox` directive):
it cannot read the platform's cookies or the page around it, and its requests
carry no session. Only the lesson page (same origin, CSRF token, session) posts
statements and resume state, after checking the messages the player sends it.
"""

import json
import posixpath
import re

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from courses.models import LessonPage

from .h5p.archive import is_safe_name
from .models import H5PActivity
from .selectors import activity_score, can_play, enrollment_for_play, user_state
from .services import h5p_storage, statement_record, user_data_save

MAX_MESSAGE_BYTES = 256 * 1024
FILE_TYPES = {
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "json": "application/json",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "bmp": "image/bmp",
    "svg": "image/svg+xml",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "ttf": "font/ttf",
    "otf": "font/otf",
    "eot": "application/vnd.ms-fontobject",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "wav": "audio/wav",
    "ogg": "audio/ogg",
    "mp4": "video/mp4",
    "webm": "video/webm",
    "vtt": "text/vtt; charset=utf-8",
    "webvtt": "text/vtt; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/plain; charset=utf-8",
    "md": "text/plain; charset=utf-8",
    "pdf": "application/pdf",
}
# Served to any origin (the player is an opaque one), never run as a document.
FILE_CSP = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'"
_FILE_NAME = re.compile(r"^(libraries|content)/[^?#]{1,900}$")


def _origin(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def files_base_url(request: HttpRequest) -> str:
    """Where the player reads H5P files: the platform, or a CDN in production."""
    if settings.H5P_FILES_URL:
        return settings.H5P_FILES_URL.rstrip("/") + "/"
    return _origin(request) + reverse("content:file", args=["x"])[:-1]


def _absolute(request: HttpRequest, url: str) -> str:
    return url if "://" in url else _origin(request) + url


def player_csp(request: HttpRequest) -> str:
    origin = _origin(request)
    files = files_base_url(request)
    static_root = _absolute(request, settings.STATIC_URL)
    player = _absolute(request, static("h5p-standalone/"))
    ours = _absolute(request, static("content/"))
    return "; ".join(
        [
            "default-src 'none'",
            # H5P libraries (EmbeddedJS in H5P.MultiChoice…) evaluate strings; the
            # document is an opaque origin, so eval reaches nothing more.
            f"script-src {player} {ours} {files}libraries/ 'unsafe-eval'",
            f"style-src {player} {ours} {files}libraries/ 'unsafe-inline'",
            f"img-src {static_root} {files} data: blob:",
            f"font-src {static_root} {files} data:",
            f"media-src {files} blob:",
            f"connect-src {files}",
            "frame-src 'none'",
            "object-src 'none'",
            "worker-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            f"frame-ancestors {origin}",
            "sandbox allow-scripts",
        ]
    )


def _lesson(value) -> LessonPage | None:
    try:
        lesson_id = int(value)
    except (TypeError, ValueError):
        return None
    return LessonPage.objects.live().filter(pk=lesson_id).first()


@login_required
@require_GET
def player(request: HttpRequest, activity_id: int) -> HttpResponse:
    """The document inside the lesson's sandboxed iframe."""
    activity = get_object_or_404(H5PActivity, pk=activity_id)
    lesson = _lesson(request.GET.get("pelajaran"))
    if not can_play(user=request.user, activity=activity, lesson=lesson):
        raise Http404
    enrolled = enrollment_for_play(user=request.user, activity=activity, lesson=lesson)
    files = files_base_url(request)
    embed_types = activity.h5p_json.get("embedTypes") or ["div"]
    options = {
        "id": f"balai-{activity.pk}",
        "title": activity.title,
        "h5pJsonPath": f"{files}content/{activity.content_key}",
        "librariesPath": f"{files}libraries",
        "frameJs": _absolute(request, static("h5p-standalone/frame.bundle.js")),
        "frameCss": _absolute(request, static("h5p-standalone/styles/h5p.css")),
        "embedType": "div" if "div" in embed_types else "iframe",
        "frame": False,
        "copyright": False,
        "export": False,
        "icon": False,
        "fullScreen": False,
        "xAPIObjectIRI": f"{settings.SITE_URL.rstrip('/')}/h5p/{activity.pk}/",
    }
    if enrolled is not None:
        options["saveFreq"] = 15
        state = user_state(user=request.user, activity=activity)
        if state:
            options["contentUserData"] = state
    response = render(
        request,
        "content/player.html",
        {
            "activity": activity,
            "config": {"parentOrigin": _origin(request), "options": options},
        },
    )
    response["Content-Security-Policy"] = player_csp(request)
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def file(request: HttpRequest, name: str) -> HttpResponse:
    """An extracted H5P file: public, static-like, with explicit headers."""
    if not _FILE_NAME.match(name) or not is_safe_name(name):
        raise Http404
    extension = posixpath.splitext(name)[1].lstrip(".").lower()
    storage = h5p_storage()
    try:
        handle = storage.open(f"h5p/{name}", "rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404 from exc
    content_type = FILE_TYPES.get(extension, "application/octet-stream")
    response = FileResponse(handle, content_type=content_type)
    if extension not in FILE_TYPES:
        response["Content-Disposition"] = "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["Cache-Control"] = "public, max-age=86400"
    return response


def _json_body(request: HttpRequest) -> dict:
    if request.content_type != "application/json":
        raise ValidationError(_("Kirim data sebagai application/json."))
    if len(request.body) > MAX_MESSAGE_BYTES:
        raise ValidationError(_("Data terlalu besar."))
    try:
        body = json.loads(request.body)
    except ValueError as exc:
        raise ValidationError(_("Data bukan JSON yang sah.")) from exc
    if not isinstance(body, dict):
        raise ValidationError(_("Data harus berupa objek JSON."))
    return body


def _refused(exc: ValidationError) -> JsonResponse:
    return JsonResponse({"ok": False, "error": " ".join(exc.messages)}, status=400)


def _forbidden() -> JsonResponse:
    return JsonResponse(
        {"ok": False, "error": _("Anda tidak terdaftar di pelajaran ini.")},
        status=403,
    )


@require_POST
def statement(request: HttpRequest, activity_id: int) -> JsonResponse:
    """An xAPI statement the lesson page relays from the player.

    Posting it again (same statement id, or same Idempotency-Key) answers as the
    first time and stores nothing new."""
    if not request.user.is_authenticated:
        return _forbidden()
    activity = get_object_or_404(H5PActivity, pk=activity_id)
    try:
        body = _json_body(request)
        row = statement_record(
            user=request.user,
            activity=activity,
            lesson=_lesson(body.get("lesson")),
            statement=body.get("statement"),
            idempotency_key=request.headers.get("Idempotency-Key", ""),
        )
    except ValidationError as exc:
        return _refused(exc)
    except PermissionDenied:
        return _forbidden()
    score = activity_score(enrollment=row.enrollment, activity=activity)
    return JsonResponse(
        {
            "ok": True,
            "id": str(row.uuid),
            "score": score.percent if score else None,
            "done": bool(score and score.done),
        },
        status=201,
    )


@require_POST
def state(request: HttpRequest, activity_id: int) -> JsonResponse:
    """Resume state ("contentUserData") the lesson page relays from the player."""
    if not request.user.is_authenticated:
        return _forbidden()
    activity = get_object_or_404(H5PActivity, pk=activity_id)
    try:
        body = _json_body(request)
        user_data_save(
            user=request.user,
            activity=activity,
            lesson=_lesson(body.get("lesson")),
            data_type=body.get("dataType"),
            sub_content_id=body.get("subContentId", "0"),
            data=body.get("data"),
        )
    except ValidationError as exc:
        return _refused(exc)
    except PermissionDenied:
        return _forbidden()
    return JsonResponse({"ok": True})
