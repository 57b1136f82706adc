"""The H5P player and its files, served on the H5P origin (content/origin.py),
and the endpoints the lesson page posts to, on the platform.

The player document comes from an origin of its own, which holds no session: it
may keep a real origin inside its iframe (nested iframes, canvases and storage
work), and still reaches none of the platform's cookies, pages or endpoints. It
is opened with a ticket the lesson page wrote (content/player_access.py). Only
the lesson page (the platform's origin, its session, its CSRF token) posts
statements and resume state, after checking the messages the player sends it.
"""

import json
import posixpath
import re

from django.conf import settings
from django.contrib.auth import get_user_model
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
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET, require_POST

from courses.models import LessonPage

from .h5p import embed_type
from .h5p.archive import is_safe_name
from .models import H5PActivity
from .origin import request_origin
from .player_access import (
    PlayerTicket,
    TicketExpired,
    TicketInvalid,
    player_ticket_read,
)
from .selectors import (
    can_play,
    enrollment_for_play,
    enrollment_result,
    result_score,
    statement_target,
    user_state,
)
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
# Never run as a document, even when opened on its own.
FILE_CSP = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'"
# An activity's content folder is new at every upload: its files never change.
# A library folder changes when a newer patch version is installed.
CONTENT_CACHE = "public, max-age=31536000, immutable"
LIBRARY_CACHE = "public, max-age=3600"
_FILE_NAME = re.compile(r"^(libraries|content)/[^?#]{1,900}$")
NONE = "'none'"
# The one inline script H5P core writes into the iframe it opens for content with
# embedType "iframe" ("H5PIntegration = window.parent.H5PIntegration; …"), allowed
# by its hash alone. tests/content/test_player_headers.py recomputes it from
# node_modules/h5p-standalone/dist/frame.bundle.js.
H5P_IFRAME_SCRIPT = "'sha256-8CniZYrnO46q7MvZ3m08Wom1HH/ZhyXmm29kBKTV1rk='"


def _absolute(own: str, url: str) -> str:
    return url if "://" in url else own + url


def player_csp(*, own: str, parent_origin: str | None) -> str:
    """The player document's policy. `own` is the H5P origin (the document's),
    `parent_origin` the lesson page's, the only one allowed to frame it."""
    static_root = _absolute(own, settings.STATIC_URL)
    files = f"{own}/h5p/berkas/"
    scripts = f"{static_root}h5p-standalone/ {static_root}content/ {files}libraries/"
    video = " ".join(settings.H5P_VIDEO_HOSTS)
    return "; ".join(
        [
            "default-src 'none'",
            # H5P libraries (EmbeddedJS in H5P.MultiChoice…) evaluate strings; the
            # document's origin holds nothing of the platform's.
            " ".join(
                filter(
                    None,
                    ["script-src", scripts, video, H5P_IFRAME_SCRIPT, "'unsafe-eval'"],
                )
            ),
            f"style-src {scripts} 'unsafe-inline'",
            f"img-src {static_root} {files} data: blob:",
            f"font-src {static_root} {files} data:",
            f"media-src {files} blob:",
            f"connect-src {files}",
            # Video players of the allowed hosts (H5P.Video's YouTube and Vimeo).
            f"frame-src {video or NONE}",
            "object-src 'none'",
            "worker-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            f"frame-ancestors {parent_origin or NONE}",
            # The origin is kept (nested iframes, canvases, storage need it); no
            # popups, forms, top navigation or modals.
            "sandbox allow-scripts allow-same-origin",
        ]
    )


def _player_headers(response: HttpResponse, *, own: str, parent: str | None):
    response["Content-Security-Policy"] = player_csp(own=own, parent_origin=parent)
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _lesson_id(value) -> int | None:
    try:
        lesson_id = int(value)
    except (TypeError, ValueError):
        return None
    return lesson_id if 0 < lesson_id < 2**31 else None


def _lesson(value) -> LessonPage | None:
    try:
        lesson_id = int(value)
    except (TypeError, ValueError):
        return None
    return LessonPage.objects.live().filter(pk=lesson_id).first()


def _player_problem(
    request: HttpRequest, ticket: PlayerTicket, message: str, *, status: int
) -> HttpResponse:
    """The player box shows why the activity cannot start (and tells the page)."""
    own = request_origin(request)
    response = render(
        request,
        "content/player.html",
        {
            "title": _("Aktivitas H5P"),
            "config": {"parentOrigin": ticket.parent_origin, "problem": message},
        },
        status=status,
    )
    return _player_headers(response, own=own, parent=ticket.parent_origin)


@xframe_options_exempt
@require_GET
def player(request: HttpRequest, activity_id: int) -> HttpResponse:
    """The document inside the lesson's iframe, on the H5P origin."""
    try:
        ticket = player_ticket_read(request.GET.get("t", ""))
    except TicketExpired as expired:
        with translation.override(expired.ticket.language):
            return _player_problem(
                request,
                expired.ticket,
                _("Sesi pemutar sudah habis. Muat ulang halaman pelajaran."),
                status=403,
            )
    except TicketInvalid as exc:
        raise Http404 from exc
    if ticket.activity_id != activity_id:
        raise Http404
    with translation.override(ticket.language):
        return _player(request, ticket)


def _player(request: HttpRequest, ticket: PlayerTicket) -> HttpResponse:
    user = get_user_model().objects.filter(pk=ticket.user_id, is_active=True).first()
    activity = (
        H5PActivity.objects.select_related("main_library")
        .filter(pk=ticket.activity_id)
        .first()
    )
    lesson = _lesson(ticket.lesson_id)
    if (
        user is None
        or activity is None
        or not can_play(user=user, activity=activity, lesson=lesson)
    ):
        return _player_problem(
            request,
            ticket,
            _("Aktivitas ini tidak dapat dimainkan di sini."),
            status=404,
        )
    own = request_origin(request)
    files = f"{own}/h5p/berkas/"
    main_library = activity.main_library.library_json
    options = {
        "id": f"balai-{activity.pk}",
        "title": activity.title,
        "h5pJsonPath": f"{files}content/{activity.content_key}",
        "librariesPath": f"{files}libraries",
        "frameJs": _absolute(own, static("h5p-standalone/frame.bundle.js")),
        "frameCss": _absolute(own, static("h5p-standalone/styles/h5p.css")),
        # The platform's font, also inside the iframe H5P core may open; and
        # the storage stand-in there too (where the browser denies storage).
        "customCss": [_absolute(own, static("content/h5p-font.css"))],
        "customJs": [_absolute(own, static("content/h5p-storage-shim.js"))],
        "embedType": embed_type(
            activity.h5p_json.get("embedTypes") or ["div"],
            main_library.get("embedTypes") or (),
        ),
        "frame": False,
        "copyright": False,
        "export": False,
        "icon": False,
        "fullScreen": False,
        "xAPIObjectIRI": f"{settings.SITE_URL.rstrip('/')}/h5p/{activity.pk}/",
    }
    if enrollment_for_play(user=user, activity=activity, lesson=lesson) is not None:
        options["saveFreq"] = 15
        state = user_state(user=user, activity=activity)
        if state:
            options["contentUserData"] = state
    response = render(
        request,
        "content/player.html",
        {
            "title": activity.title,
            "config": {
                "parentOrigin": ticket.parent_origin,
                "startWithin": settings.H5P_START_SECONDS * 1000,
                "options": options,
            },
        },
    )
    return _player_headers(response, own=own, parent=ticket.parent_origin)


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
    response["Cache-Control"] = (
        CONTENT_CACHE if name.startswith("content/") else LIBRARY_CACHE
    )
    return response


def h5p_origin_error(request: HttpRequest, exception=None) -> HttpResponse:
    """Any refusal on the H5P origin: plain text, nothing of the platform."""
    status = 404 if exception is None or isinstance(exception, Http404) else 400
    if isinstance(exception, PermissionDenied):
        status = 403
    return HttpResponse(
        _("Tidak ditemukan."), status=status, content_type="text/plain; charset=utf-8"
    )


def h5p_origin_server_error(request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        _("Terjadi kesalahan."), status=500, content_type="text/plain; charset=utf-8"
    )


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
    first time and stores nothing new.

    The activity and the participant's enrolment (for the lesson the statement
    names) are read together, in one query (`statement_target`)."""
    if not request.user.is_authenticated:
        return _forbidden()
    try:
        body = _json_body(request)
    except ValidationError as exc:
        body, refused = {}, exc
    else:
        refused = None
    lesson_id = _lesson_id(body.get("lesson"))
    activity, enrollment = statement_target(
        user=request.user, activity_id=activity_id, lesson_id=lesson_id
    )
    if activity is None:
        raise Http404
    if refused is not None:
        return _refused(refused)
    if enrollment is None:
        # Not enrolled where the lesson holds the activity (or nothing to play).
        return _forbidden()
    try:
        row = statement_record(
            user=request.user,
            activity=activity,
            # Checked with the enrolment (live, holds the activity).
            lesson=lesson_id,
            statement=body.get("statement"),
            idempotency_key=request.headers.get("Idempotency-Key", ""),
            enrollment=enrollment,
        )
    except ValidationError as exc:
        return _refused(exc)
    except PermissionDenied:
        return _forbidden()
    enrollment = row.enrollment
    if hasattr(row, "result_written"):
        result = row.result_written
    else:  # a repeat: the row stored the first time
        result = enrollment_result(enrollment=enrollment, activity=activity)
    score = result_score(enrollment=enrollment, activity=activity, result=result)
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
