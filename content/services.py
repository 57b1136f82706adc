"""Writes of the content app: H5P packages and their libraries, xAPI statements,
results, resume state, and forwarding statements to an external LRS.

Files and rows move together: files are written before the rows that name them
(and removed again if the transaction fails), and deleted only after the
transaction that stops naming them has committed.
"""

import base64
import contextlib
import json
import logging
import math
import re
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import Storage, storages
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import Enrollment, LessonPage
from courses.progress import activity_result_recorded
from lms.models import User
from lms.outbox import work_owe

from .h5p import (
    LibraryRef,
    PackageInvalid,
    delete_activity_content,
    delete_library,
    extract_package,
    library_from_json,
    unused_libraries,
)
from .h5p.archive import PackageFile
from .h5p.validation import LibraryFate, LibraryUse, PackageInfo
from .models import (
    H5PActivity,
    H5PActivityLibrary,
    H5PLibrary,
    H5PResult,
    H5PStoreLock,
    H5PUserData,
    XAPIStatement,
)
from .selectors import enrollment_for_play, statement_enrollment, stored_libraries

logger = logging.getLogger(__name__)

UPLOADS_ROOT = "h5p/uploads"
INSTALL_TASK = "content.tasks.activity_package_install_task"
VERB_ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
VERB_COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
WHOLE_ACTIVITY_VERBS = frozenset({VERB_ANSWERED, VERB_COMPLETED})
_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S{1,250}$")
_USER_DATA_KEY = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def h5p_storage() -> Storage:
    """Where extracted packages live (public, static-like files)."""
    return storages["default"]


def upload_storage() -> Storage:
    """Where large uploads wait for the Celery task (never public)."""
    return storages["private"]


# Packages and libraries ----------------------------------------------------------


def _store_lock() -> None:
    """Serialise every change to the library store (see H5PStoreLock)."""
    H5PStoreLock.objects.get_or_create(pk=1)
    H5PStoreLock.objects.select_for_update().get(pk=1)


def _library_q(refs: Iterable[LibraryRef]) -> Q:
    query = Q(pk__in=[])
    for ref in refs:
        query |= Q(
            machine_name=ref.machine_name,
            major_version=ref.major,
            minor_version=ref.minor,
        )
    return query


def _libraries_record(package: PackageInfo, new: Iterable[LibraryRef]) -> None:
    H5PLibrary.objects.bulk_create(
        [
            H5PLibrary(
                machine_name=ref.machine_name,
                major_version=ref.major,
                minor_version=ref.minor,
                patch_version=package.libraries[ref].patch_version,
                title=package.libraries[ref].title,
                runnable=package.libraries[ref].runnable,
                library_json=dict(package.libraries[ref].data),
            )
            for ref in new
        ]
    )


def _libraries_upgrade(package: PackageInfo, upgraded: Iterable[LibraryRef]) -> None:
    """Record the newer patch versions whose files replaced the stored ones."""
    for ref in upgraded:
        library = package.libraries[ref]
        H5PLibrary.objects.filter(_library_q([ref])).update(
            patch_version=library.patch_version,
            title=library.title,
            runnable=library.runnable,
            library_json=dict(library.data),
        )


def _library_list(uses: Iterable[LibraryUse], *, with_patch: bool = False) -> str:
    def name(use: LibraryUse) -> str:
        if not with_patch:
            return str(use.ref)
        return f"{use.ref}.{use.patch}"

    return ", ".join(name(use) for use in uses)


def _ignored(use: LibraryUse) -> str:
    bundled = f"{use.ref}.{use.patch}"
    if use.stored_patch is None:
        return bundled
    return _("%(library)s (versi tersimpan %(stored)s)") % {
        "library": bundled,
        "stored": f"{use.ref.major}.{use.ref.minor}.{use.stored_patch}",
    }


def install_notes(package: PackageInfo) -> list[str]:
    """What the install did with the libraries (and SVG files), for the uploader,
    in the active language."""
    notes = []
    if new := package.uses(LibraryFate.NEW):
        notes.append(
            _("Pustaka baru dipasang: %(libraries)s.")
            % {"libraries": _library_list(new, with_patch=True)}
        )
    if upgraded := package.uses(LibraryFate.UPGRADED):
        notes.append(
            _("Pustaka diperbarui ke versi patch yang lebih baru: %(libraries)s.")
            % {
                "libraries": ", ".join(
                    f"{use.ref} ({use.ref.major}.{use.ref.minor}.{use.stored_patch}"
                    f" → {use.ref.major}.{use.ref.minor}.{use.patch})"
                    for use in upgraded
                )
            }
        )
    if ignored := package.uses(LibraryFate.IGNORED):
        notes.append(
            _(
                "Salinan pustaka di paket diabaikan karena versi yang sama atau lebih "
                "baru sudah tersimpan: %(libraries)s."
            )
            % {"libraries": ", ".join(_ignored(use) for use in ignored)}
        )
    if reused := package.uses(LibraryFate.REUSED):
        notes.append(
            _("Memakai pustaka yang sudah tersimpan: %(libraries)s.")
            % {"libraries": _library_list(reused)}
        )
    if package.sanitised_files:
        count = len(package.sanitised_files)
        notes.append(
            ngettext(
                "%(count)s berkas SVG di konten dibersihkan dari skrip dan tautan luar.",
                "%(count)s berkas SVG di konten dibersihkan dari skrip dan tautan luar.",
                count,
            )
            % {"count": count}
        )
    return notes


def _libraries_prune() -> list[str]:
    """Delete the rows of libraries nothing uses; return their keys (files stay
    until the caller deletes them after commit)."""
    libraries = {lib.key: lib for lib in H5PLibrary.objects.all()}
    used: dict[int, list[str]] = {}
    for activity_id, name, major, minor in H5PActivityLibrary.objects.values_list(
        "activity_id",
        "library__machine_name",
        "library__major_version",
        "library__minor_version",
    ):
        used.setdefault(activity_id, []).append(LibraryRef(name, major, minor).key)
    dependencies = {
        key: library_from_json(lib.library_json).runtime_dependencies
        for key, lib in libraries.items()
    }
    unused = unused_libraries(libraries, used.values(), dependencies=dependencies)
    if unused:
        H5PLibrary.objects.filter(pk__in=[libraries[k].pk for k in unused]).delete()
    return sorted(unused)


def _delete_files_after_commit(
    *,
    content_keys: Iterable[str] = (),
    library_keys: Iterable[str] = (),
    files: Iterable[str] = (),
) -> None:
    content_keys = [k for k in content_keys if k]
    library_keys = list(library_keys)
    files = list(files)

    def delete() -> None:
        storage = h5p_storage()
        for key in content_keys:
            delete_activity_content(storage=storage, activity_key=key)
        for key in library_keys:
            delete_library(storage=storage, key=key)
        for name in files:
            storage.delete(name)

    transaction.on_commit(delete)


class _Superseded(Exception):
    """The pending upload a task was asked to install is no longer pending."""


def activity_package_install(
    *, activity: H5PActivity, package: PackageFile, pending_upload: str = ""
) -> H5PActivity:
    """Validate a package, extract it as the activity's content and record its
    libraries (new ones, and newer patch versions of stored ones); the previous
    content and libraries nothing uses any more go. `activity.notes` says, in the
    active language, what was installed, upgraded, ignored or reused.

    Raises PackageInvalid (nothing written, the activity unchanged).
    """
    storage = h5p_storage()
    written: list[str] = []
    try:
        with transaction.atomic():
            _store_lock()
            activity = H5PActivity.objects.select_for_update().get(pk=activity.pk)
            if pending_upload and activity.pending_upload != pending_upload:
                raise _Superseded
            result = extract_package(
                package,
                storage=storage,
                activity_key=uuid.uuid4().hex,
                stored_libraries=stored_libraries(),
            )
            written = list(result.files_written)
            info = result.package
            _libraries_record(info, result.new_libraries)
            _libraries_upgrade(info, result.upgraded_libraries)
            required = list(H5PLibrary.objects.filter(_library_q(info.required)))
            old_key = activity.content_key
            activity.content_key = result.content_path.rsplit("/", 1)[-1]
            activity.main_library = next(
                lib for lib in required if lib.ref == info.main_library
            )
            activity.h5p_json = dict(info.h5p_json)
            activity.status = H5PActivity.Status.READY
            activity.problems = []
            activity.notes = install_notes(info)
            if pending_upload:
                activity.pending_upload = ""
            activity.save()
            H5PActivityLibrary.objects.filter(activity=activity).delete()
            H5PActivityLibrary.objects.bulk_create(
                [H5PActivityLibrary(activity=activity, library=lib) for lib in required]
            )
            removed = _libraries_prune()
            _delete_files_after_commit(
                content_keys=[old_key],
                library_keys=removed,
                files=result.obsolete_files,
            )
    except BaseException:
        for name in reversed(written):
            try:
                storage.delete(name)
            except Exception:
                logger.warning("Could not remove %s after a failed H5P install", name)
        raise
    return activity


@transaction.atomic
def activity_package_submit(
    *, activity: H5PActivity, upload: UploadedFile
) -> H5PActivity:
    """An instructor uploaded a package: small ones are installed now, large ones
    wait in the private storage for a Celery task (the activity is "diproses"),
    owed through the outbox in this transaction: a lost message or a worker that
    died is sent again by the sweeper."""
    if upload.size is not None and upload.size <= settings.H5P_SYNC_MAX_BYTES:
        return activity_package_install(activity=activity, package=upload)
    storage = upload_storage()
    name = storage.save(f"{UPLOADS_ROOT}/{uuid.uuid4().hex}.h5p", upload)
    previous = (
        H5PActivity.objects.select_for_update()
        .values_list("pending_upload", flat=True)
        .get(pk=activity.pk)
    )
    H5PActivity.objects.filter(pk=activity.pk).update(
        status=H5PActivity.Status.PROCESSING,
        pending_upload=name,
        problems=[],
        notes=[],
    )
    activity.refresh_from_db()
    if previous:
        transaction.on_commit(lambda: upload_storage().delete(previous))
    work_owe(
        task=INSTALL_TASK,
        kwargs={"activity_id": activity.pk},
        key=f"h5p-install:{activity.pk}:{name}",
    )
    return activity


def activity_pending_install(*, activity_id: int) -> H5PActivity | None:
    """Install the large upload waiting for this activity (the Celery task's work).

    Safe to run twice: once the upload is installed or refused it is no longer
    pending, and a second run finds nothing to do.
    """
    activity = H5PActivity.objects.filter(pk=activity_id).first()
    if activity is None or not activity.pending_upload:
        return activity
    name = activity.pending_upload
    storage = upload_storage()
    try:
        with storage.open(name, "rb") as file:
            activity = activity_package_install(
                activity=activity, package=file, pending_upload=name
            )
    except _Superseded:
        return H5PActivity.objects.filter(pk=activity_id).first()
    except FileNotFoundError:
        logger.warning("H5P upload %s is gone", name)
        return activity
    except PackageInvalid as exc:
        updated = H5PActivity.objects.filter(
            pk=activity_id, pending_upload=name
        ).update(
            status=H5PActivity.Status.FAILED,
            pending_upload="",
            problems=exc.messages,
        )
        if updated:
            storage.delete(name)
        return H5PActivity.objects.filter(pk=activity_id).first()
    storage.delete(name)
    return activity


@transaction.atomic
def activity_delete(*, activity: H5PActivity) -> None:
    """Delete an activity, its files, and the libraries nothing else uses."""
    _store_lock()
    activity = H5PActivity.objects.select_for_update().get(pk=activity.pk)
    content_key, pending = activity.content_key, activity.pending_upload
    activity.delete()
    removed = _libraries_prune()
    _delete_files_after_commit(content_keys=[content_key], library_keys=removed)
    if pending:
        transaction.on_commit(lambda: upload_storage().delete(pending))


# xAPI statements and results ----------------------------------------------------


@dataclass(frozen=True)
class Score:
    raw: float | None
    max: float | None
    scaled: float | None
    completed: bool


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _refuse(message: str) -> ValidationError:
    return ValidationError(message, code="invalid-statement")


def statement_check(statement: Any) -> None:
    """The statement's shape: an object with a verb IRI and an object."""
    if not isinstance(statement, dict):
        raise _refuse(_("Pernyataan xAPI harus berupa objek JSON."))
    verb = statement.get("verb")
    verb_id = verb.get("id") if isinstance(verb, dict) else None
    if not isinstance(verb_id, str) or not _IRI.match(verb_id):
        raise _refuse(_("Pernyataan xAPI tidak memiliki kata kerja (verb) yang sah."))
    if not isinstance(statement.get("object"), dict):
        raise _refuse(_("Pernyataan xAPI tidak memiliki objek yang sah."))
    context = statement.get("context", {})
    if not isinstance(context, dict) or not isinstance(
        context.get("contextActivities", {}), dict
    ):
        raise _refuse(_("Konteks pernyataan xAPI tidak sah."))
    if "result" in statement and not isinstance(statement["result"], dict):
        raise _refuse(_("Hasil pernyataan xAPI tidak sah."))
    if "id" in statement and _uuid(statement["id"]) is None:
        raise _refuse(_("Id pernyataan xAPI harus berupa UUID."))


def _uuid(value: Any) -> uuid.UUID | None:
    if not isinstance(value, str):
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


# Statement ids derived from an Idempotency-Key live in a namespace of their own.
_IDEMPOTENCY_NAMESPACE = uuid.UUID("0b7d1f0e-54a2-4b8e-9d0c-6c1f3a5e2b71")


def statement_id(
    *, statement: dict, user_id: int, activity_id: int, idempotency_key: str = ""
) -> uuid.UUID:
    """The id a statement is stored (and forwarded to an LRS) under.

    Its own `id` when it carries one (xAPI's statement id); otherwise one derived
    from the request's Idempotency-Key, for this participant and activity (the
    offline queue sends the same key with every retry); otherwise a new one.
    """
    own = _uuid(statement.get("id"))
    if own is not None:
        return own
    if idempotency_key:
        name = f"{user_id}:{activity_id}:{idempotency_key}"
        return uuid.uuid5(_IDEMPOTENCY_NAMESPACE, name)
    return uuid.uuid4()


def statement_is_about_whole_activity(statement: dict) -> bool:
    """No parent activity: not a sub-question of a container (QuestionSet…)."""
    activities = statement.get("context", {}).get("contextActivities", {})
    return not activities.get("parent")


def statement_score(statement: dict) -> Score | None:
    """The whole activity's score from an answered/completed statement, checked:
    0 ≤ raw ≤ max and scaled in [0, 1]. None when the statement carries none.

    The score is the learner's own claim (computed in the browser); it is
    validated, never trusted beyond these bounds. Raises ValidationError.
    """
    if statement["verb"]["id"] not in WHOLE_ACTIVITY_VERBS:
        return None
    if not statement_is_about_whole_activity(statement):
        return None
    result = statement.get("result") or {}
    # "completed" says so by its verb (H5P.Agamotto sends it with no result at all).
    completed = (
        statement["verb"]["id"] == VERB_COMPLETED
        or result.get("completion") is True
        or result.get("success") is True
    )
    score = result.get("score")
    if score is None:
        return Score(None, None, None, completed) if completed else None
    if not isinstance(score, dict):
        raise _refuse(_("Skor pada pernyataan xAPI tidak sah."))
    raw, maximum = _number(score.get("raw")), _number(score.get("max"))
    minimum, claimed = score.get("min", 0), score.get("scaled")
    if raw is None or maximum is None or _number(minimum) != 0:
        raise _refuse(_("Skor pada pernyataan xAPI tidak sah."))
    if not 0 <= raw <= maximum:
        raise _refuse(_("Skor harus di antara 0 dan skor maksimum."))
    scaled = _number(claimed)
    if claimed is not None and (scaled is None or not 0 <= scaled <= 1):
        raise _refuse(_("Skor berskala harus di antara 0 dan 1."))
    if maximum > 0:
        scaled = raw / maximum
    return Score(raw, maximum, scaled, completed)


_RESULT_UPSERT = """
INSERT INTO content_h5presult (enrollment_id, activity_id, attempts,
    best_scaled, best_raw, best_max, last_scaled, last_raw, last_max,
    completed, first_at, last_at)
VALUES (%(enrollment)s, %(activity)s, %(attempts)s, %(scaled)s, %(raw)s, %(max)s,
    %(scaled)s, %(raw)s, %(max)s, %(completed)s, %(now)s, %(now)s)
ON CONFLICT (enrollment_id, activity_id) DO UPDATE SET
    attempts = content_h5presult.attempts + excluded.attempts,
    best_scaled = CASE WHEN {better} THEN excluded.best_scaled
        ELSE content_h5presult.best_scaled END,
    best_raw = CASE WHEN {better} THEN excluded.best_raw
        ELSE content_h5presult.best_raw END,
    best_max = CASE WHEN {better} THEN excluded.best_max
        ELSE content_h5presult.best_max END,
    last_scaled = COALESCE(excluded.last_scaled, content_h5presult.last_scaled),
    last_raw = CASE WHEN excluded.last_scaled IS NULL
        THEN content_h5presult.last_raw ELSE excluded.last_raw END,
    last_max = CASE WHEN excluded.last_scaled IS NULL
        THEN content_h5presult.last_max ELSE excluded.last_max END,
    completed = content_h5presult.completed OR excluded.completed,
    last_at = excluded.last_at
RETURNING id, attempts, best_scaled, best_raw, best_max, last_scaled, last_raw,
    last_max, completed, first_at, last_at
""".format(
    better="excluded.best_scaled IS NOT NULL AND (content_h5presult.best_scaled "
    "IS NULL OR excluded.best_scaled > content_h5presult.best_scaled)"
)


def _result_record(
    *, enrollment: Enrollment, activity: H5PActivity, score: Score
) -> H5PResult:
    """The score lands in the enrolment's result in one statement (an upsert on
    its unique (enrolment, activity) row, locked until the commit): a scored
    attempt counts, is the last, and the best when better; a completion stays."""
    scored = score.scaled is not None
    with connection.cursor() as cursor:
        cursor.execute(
            _RESULT_UPSERT,
            {
                "enrollment": enrollment.pk,
                "activity": activity.pk,
                "attempts": 1 if scored else 0,
                "scaled": score.scaled if scored else None,
                "raw": score.raw if scored else None,
                "max": score.max if scored else None,
                "completed": score.completed,
                "now": timezone.now(),
            },
        )
        row = cursor.fetchone()
    names = [
        "id",
        "attempts",
        "best_scaled",
        "best_raw",
        "best_max",
        "last_scaled",
        "last_raw",
        "last_max",
        "completed",
        "first_at",
        "last_at",
    ]
    result = H5PResult(
        enrollment=enrollment, activity=activity, **dict(zip(names, row, strict=True))
    )
    activity_result_recorded(enrollment=enrollment, activity=activity)
    return result


def statement_record(
    *,
    user: User,
    activity: H5PActivity,
    lesson: LessonPage | int | None,
    statement: Any,
    idempotency_key: str = "",
    enrollment: Enrollment | None = None,
) -> XAPIStatement:
    """Store a statement the player sent for this participant; a score about the
    whole activity lands in their progress. Raises PermissionDenied when they are
    not enrolled in a course whose lesson holds the activity, ValidationError
    when the statement is not acceptable (nothing is stored then).

    `enrollment`: the enrolment a caller already read for this participant,
    activity and lesson with `content.selectors.statement_target` (the view reads
    it with the activity, in one query); otherwise it is read here.

    Idempotent by statement id (`statement_id`): a statement posted again (a retry
    from the offline queue, a double send) returns the row stored the first time
    and writes nothing (no second row, no second attempt). The unique
    `XAPIStatement.uuid` is the last word when repeats race; the first post pays no
    extra query for it.
    """
    try:
        return _statement_store(
            user=user,
            activity=activity,
            lesson=lesson,
            statement=statement,
            idempotency_key=idempotency_key,
            enrollment=enrollment,
        )
    except IntegrityError:
        # Only a repeat of a stored statement id lands here (its INSERT is the
        # first write, so nothing else was written and rolled back).
        stored = (
            XAPIStatement.objects.filter(
                uuid=statement_id(
                    statement=statement,
                    user_id=user.pk,
                    activity_id=activity.pk,
                    idempotency_key=idempotency_key,
                )
            )
            .select_related("enrollment")
            .first()
        )
        if stored is None:
            raise
        if stored.user_id != user.pk or stored.activity_id != activity.pk:
            raise _refuse(
                _("Id pernyataan xAPI ini sudah dipakai untuk pernyataan lain.")
            ) from None
        return stored


def _statement_store(
    *,
    user: User,
    activity: H5PActivity,
    lesson: LessonPage | int | None,
    statement: Any,
    idempotency_key: str,
    enrollment: Enrollment | None,
) -> XAPIStatement:
    """Check, then write in the fewest statements: the enrolment (with the result
    so far) in one query, unless the caller read it; a statement without a score, with no LRS to owe it to,
    is one INSERT that commits by itself; otherwise the INSERT, the result's
    upsert, the progress and the work owed commit together."""
    lesson_id = lesson if isinstance(lesson, int) or lesson is None else lesson.pk
    if enrollment is None:
        enrollment = statement_enrollment(
            user=user, activity=activity, lesson_id=lesson_id
        )
    if enrollment is None:
        raise PermissionDenied
    statement_check(statement)
    score = statement_score(statement)
    together = score is not None or bool(settings.XAPI_LRS_ENDPOINT)
    # Inside a caller's transaction, a savepoint: a repeated id then fails alone.
    with (
        transaction.atomic()
        if together or connection.in_atomic_block
        else contextlib.nullcontext()
    ):
        row = XAPIStatement.objects.create(
            uuid=statement_id(
                statement=statement,
                user_id=user.pk,
                activity_id=activity.pk,
                idempotency_key=idempotency_key,
            ),
            user=user,
            enrollment=enrollment,
            activity=activity,
            lesson_id=lesson_id,
            data=statement,
            verb=statement["verb"]["id"],
            about_whole_activity=statement_is_about_whole_activity(statement),
        )
        # What the answer shows (a transient attribute): the result as it is now.
        result = getattr(enrollment, "result_row", None)
        if score is not None:
            result = _result_record(
                enrollment=enrollment, activity=activity, score=score
            )
        setattr(row, "result_written", result)  # noqa: B010
        if settings.XAPI_LRS_ENDPOINT:
            # Owed with the statement (lms.outbox): a broker down now only delays it.
            work_owe(
                task="content.tasks.statement_forward_task",
                kwargs={"statement_id": row.pk},
            )
    return row


@transaction.atomic
def user_data_save(
    *,
    user: User,
    activity: H5PActivity,
    lesson: LessonPage | None,
    data_type: Any,
    sub_content_id: Any,
    data: Any,
) -> H5PUserData | None:
    """Save (or, with data None, delete) a participant's resume state."""
    if enrollment_for_play(user=user, activity=activity, lesson=lesson) is None:
        raise PermissionDenied
    sub_content_id = str(sub_content_id)
    if not isinstance(data_type, str) or not _USER_DATA_KEY.match(data_type):
        raise _refuse(_("Jenis data status tidak sah."))
    if not _USER_DATA_KEY.match(sub_content_id):
        raise _refuse(_("Penanda sub-konten tidak sah."))
    key = {
        "user": user,
        "activity": activity,
        "data_type": data_type,
        "sub_content_id": sub_content_id,
    }
    if data is None:
        H5PUserData.objects.filter(**key).delete()
        return None
    if not isinstance(data, str):
        raise _refuse(_("Data status harus berupa teks JSON."))
    if len(data.encode()) > settings.H5P_USER_DATA_MAX_BYTES:
        raise _refuse(
            _("Data status terlalu besar (batas %(limit)s KB).")
            % {"limit": settings.H5P_USER_DATA_MAX_BYTES // 1024}
        )
    try:
        json.loads(data)
    except ValueError as exc:
        raise _refuse(_("Data status harus berupa teks JSON.")) from exc
    row, _created = H5PUserData.objects.update_or_create(**key, defaults={"data": data})
    return row


# Forwarding to an external LRS ---------------------------------------------------


class LRSUnavailable(Exception):
    """The LRS did not accept the statement now; try again later."""


def statement_for_lrs(row: XAPIStatement) -> dict:
    """The statement as the LRS gets it: our id, the participant as the actor
    (the player's actor is anonymous and not to be trusted), a timestamp."""
    statement = {
        key: value
        for key, value in row.data.items()
        if key not in ("id", "actor", "authority", "stored", "version")
    }
    statement["id"] = str(row.uuid)
    statement["actor"] = {
        "objectType": "Agent",
        "account": {"homePage": settings.SITE_URL, "name": str(row.user_id)},
    }
    statement.setdefault("timestamp", row.received_at.isoformat())
    return statement


def statement_forward(*, statement_id: int) -> bool:
    """PUT one statement to the LRS (idempotent by its id); True when sent now."""
    row = XAPIStatement.objects.filter(pk=statement_id).first()
    endpoint = settings.XAPI_LRS_ENDPOINT
    if row is None or row.forwarded_at is not None or not endpoint:
        return False
    url = f"{endpoint.rstrip('/')}/statements?statementId={row.uuid}"
    credentials = f"{settings.XAPI_LRS_USERNAME}:{settings.XAPI_LRS_PASSWORD}"
    request = urllib.request.Request(  # noqa: S310 (the endpoint comes from settings)
        url,
        data=json.dumps(statement_for_lrs(row)).encode(),
        method="PUT",
        headers={
            "Content-Type": "application/json",
            "X-Experience-API-Version": "1.0.3",
            "Authorization": "Basic " + base64.b64encode(credentials.encode()).decode(),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise LRSUnavailable(str(exc)) from exc
    # 204: stored; 409: a statement with this id is already there.
    if status not in (200, 204, 409):
        raise LRSUnavailable(f"LRS answered HTTP {status}")
    XAPIStatement.objects.filter(pk=row.pk, forwarded_at=None).update(
        forwarded_at=timezone.now()
    )
    return True
