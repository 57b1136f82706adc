"""Writes of blended programmes: sessions, attendance, offline results, the
evaluation, the cohort's record of its closing, and the day-before reminders.

Every write checks the cohort is still open (a closed cohort's record is what its
report and certificates were made from); who may call each one is the caller's
check, through `selectors.cohort_access` (`lms.scoping`).
"""

from __future__ import annotations

import datetime
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import events
from lms.models import User
from lms.notifications import Message, notify
from lms.outbox import work_owe
from lms.regions import zones

from ..models import (
    PRESENT_STATUSES,
    Attendance,
    AttendanceMark,
    AttendanceStatus,
    Cohort,
    Enrollment,
    EvaluationAnswer,
    EvaluationResponse,
    EvaluationSubmission,
    OfflineComponent,
    OfflineResult,
    Session,
    SessionReminder,
    Speaker,
)
from ..progress import enrollment_progress_update
from . import evaluation
from .checkin import TokenExpired, TokenInvalid, checkin_session_id
from .display import session_when

logger = logging.getLogger(__name__)

PROGRESS_TASK = "courses.tasks.cohort_progress_update_task"
REMINDER_TASK = "courses.tasks.session_reminders_deliver_task"


def _open(cohort: Cohort) -> None:
    if cohort.closed_at is not None:
        raise ValidationError(
            _("Angkatan ini sudah ditutup; catatannya tidak dapat diubah lagi.")
        )


def _cohort_progress_owe(cohort: Cohort) -> None:
    """The attendance rule of the cohort changed (a session, the share): every
    enrolment's progress is recomputed by a worker (a cohort may be thousands)."""
    work_owe(
        task=PROGRESS_TASK,
        kwargs={"cohort_id": cohort.pk},
        key=f"cohort-progress:{cohort.pk}",
    )


# ---------------------------------------------------------------- the rule


@transaction.atomic
def cohort_rule_update(
    *,
    cohort: Cohort,
    funding_source: str,
    budget_year: int | None,
    budget_line: str,
    attendance_min_percent: int,
    evaluation_required: bool,
    certificates_at_close: bool,
    signatory_name: str,
    signatory_title: str,
    signatory_nip: str,
    report_place: str,
) -> Cohort:
    """A blended cohort's settings: its budget, what completion asks of attendance,
    whether the evaluation comes before the certificate and whether certificates
    wait for the close, and who signs the report."""
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    _open(cohort)
    if not 0 <= attendance_min_percent <= 100:
        raise ValidationError(_("Kehadiran minimal antara 0 dan 100%."))
    rule_changed = cohort.attendance_min_percent != attendance_min_percent
    cohort.funding_source = funding_source
    cohort.budget_year = budget_year
    cohort.budget_line = budget_line.strip()
    cohort.attendance_min_percent = attendance_min_percent
    cohort.evaluation_required = evaluation_required
    cohort.certificates_at_close = certificates_at_close
    cohort.signatory_name = signatory_name.strip()
    cohort.signatory_title = signatory_title.strip()
    cohort.signatory_nip = signatory_nip.strip()
    cohort.report_place = report_place.strip()
    cohort.save()
    if rule_changed:
        _cohort_progress_owe(cohort)
    return cohort


def cohort_progress_update(*, cohort_id: int) -> int:
    """Recompute the progress (and completion) of every enrolment of a cohort,
    one transaction each; how many."""
    ids = list(
        Enrollment.objects.filter(cohort_id=cohort_id)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for enrollment in Enrollment.objects.filter(pk__in=ids).select_related("course"):
        enrollment_progress_update(enrollment=enrollment)
    return len(ids)


# ---------------------------------------------------------------- sessions


@dataclass(frozen=True)
class SessionInput:
    """What a person enters for a session: its local date and times in `zone`."""

    kind: str
    title: str
    day: datetime.date
    start: datetime.time
    end: datetime.time
    zone: str
    place: str = ""
    meeting_url: str = ""
    jp: int = 2
    speakers: tuple[tuple[str, str], ...] = ()  # (name, institution)
    required: bool = False


_SPEAKER_SPLIT = re.compile(r"\s*[;|]\s*|\s+[-–—]\s+")


def speakers_parse(text: str) -> tuple[tuple[str, str], ...]:
    """Narasumber written one per line, "Name; Institution" (or "Name - Inst.")."""
    speakers: dict[tuple[str, str], None] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        parts = _SPEAKER_SPLIT.split(line, maxsplit=1)
        name = parts[0].strip()
        institution = parts[1].strip() if len(parts) > 1 else ""
        if len(name) > 150 or len(institution) > 200:
            raise ValidationError(_("Nama atau instansi narasumber terlalu panjang."))
        if name:
            speakers.setdefault((name, institution), None)
    return tuple(speakers)


def _session_fields(*, cohort: Cohort, data: SessionInput) -> dict:
    if data.kind not in Session.Kind.values:
        raise ValidationError(_("Pilih jenis sesi."))
    if data.zone not in zones.ABBREVIATIONS:
        raise ValidationError(_("Pilih zona waktu WIB, WITA atau WIT."))
    if not data.title.strip():
        raise ValidationError(_("Judul sesi wajib diisi."))
    if data.end <= data.start:
        raise ValidationError(_("Jam selesai harus setelah jam mulai."))
    if not cohort.starts_on <= data.day <= cohort.ends_on:
        raise ValidationError(
            _("Tanggal sesi harus dalam masa angkatan (%(start)s – %(end)s).")
            % {"start": cohort.starts_on, "end": cohort.ends_on}
        )
    place, url = data.place.strip(), data.meeting_url.strip()
    if data.kind == Session.Kind.WEBINAR and not url:
        raise ValidationError(_("Webinar memerlukan tautan pertemuan."))
    if data.kind != Session.Kind.WEBINAR and not place:
        raise ValidationError(_("Isi tempat sesi tatap muka atau kunjungan belajar."))
    if not 0 < data.jp <= 24:
        raise ValidationError(_("JP sesi antara 1 dan 24."))
    tz = ZoneInfo(data.zone)
    return {
        "kind": data.kind,
        "title": data.title.strip(),
        "starts_at": datetime.datetime.combine(data.day, data.start, tzinfo=tz),
        "ends_at": datetime.datetime.combine(data.day, data.end, tzinfo=tz),
        "timezone": data.zone,
        "place": place,
        "meeting_url": url,
        "jp": data.jp,
        "required": data.required,
    }


def _speakers_set(*, session: Session, speakers: Iterable[tuple[str, str]]) -> None:
    rows = []
    for name, institution in speakers:
        speaker, _created = Speaker.objects.get_or_create(
            cohort_id=session.cohort_id, name=name, institution=institution
        )
        rows.append(speaker)
    session.speakers.set(rows)


@transaction.atomic
def session_schedule(*, cohort: Cohort, data: SessionInput) -> Session:
    """Add a session to a cohort's schedule."""
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    _open(cohort)
    session = Session.objects.create(
        cohort=cohort, **_session_fields(cohort=cohort, data=data)
    )
    _speakers_set(session=session, speakers=data.speakers)
    if cohort.attendance_min_percent or session.required:
        _cohort_progress_owe(cohort)
    return session


@transaction.atomic
def session_update(*, session: Session, data: SessionInput) -> Session:
    """Change a session; a new time owes its reminder again."""
    session = (
        Session.objects.select_for_update().select_related("cohort").get(pk=session.pk)
    )
    cohort = session.cohort
    _open(cohort)
    fields = _session_fields(cohort=cohort, data=data)
    rule_changed = fields["required"] != session.required
    if fields["starts_at"] != session.starts_at:
        session.reminder_owed_at = None
        SessionReminder.objects.filter(session=session).delete()
    for name, value in fields.items():
        setattr(session, name, value)
    session.save()
    _speakers_set(session=session, speakers=data.speakers)
    Speaker.objects.filter(cohort=cohort, sessions__isnull=True).delete()
    if rule_changed:
        _cohort_progress_owe(cohort)
    return session


@transaction.atomic
def session_delete(*, session: Session) -> None:
    """Remove a session that has no attendance yet."""
    session = (
        Session.objects.select_for_update().select_related("cohort").get(pk=session.pk)
    )
    cohort = session.cohort
    _open(cohort)
    if session.attendance.exists():
        raise ValidationError(
            _("Sesi ini sudah punya catatan kehadiran dan tidak dapat dihapus.")
        )
    session.delete()
    Speaker.objects.filter(cohort=cohort, sessions__isnull=True).delete()
    if cohort.attendance_min_percent or session.required:
        _cohort_progress_owe(cohort)


# ---------------------------------------------------------------- attendance


@transaction.atomic
def attendance_mark(
    *,
    session: Session,
    enrollment_id: int,
    status: str,
    actor: User | None,
    key: str,
    marked_at: datetime.datetime | None = None,
    method: str = Attendance.Method.LIST,
) -> tuple[Attendance, bool]:
    """Record a participant's attendance of a session; (attendance, written).

    Idempotent by `key` (the request's Idempotency-Key): a mark whose key was
    received before writes nothing and returns the attendance as it is. One row
    per session × participant (a unique constraint); of two marks the later one
    (by when it was made: a phone sends its queued marks later) is kept. Moving
    between present (hadir, terlambat) and absent recomputes completion.
    """
    if status not in AttendanceStatus.values:
        raise ValidationError(_("Status kehadiran tidak dikenal."))
    key = key.strip()[:100]
    if not key:
        raise ValidationError(_("Permintaan tanpa kunci (Idempotency-Key)."))
    # One participant's marks are written one at a time (their enrolment's lock),
    # so a repeat arriving together with the first still finds it.
    enrollment = (
        Enrollment.objects.select_for_update()
        .select_related("course")
        .filter(pk=enrollment_id, cohort_id=session.cohort_id)
        .first()
    )
    if enrollment is None:
        raise ValidationError(_("Peserta ini tidak terdaftar di angkatan sesi ini."))
    seen = AttendanceMark.objects.filter(key=key).select_related("attendance").first()
    if seen is not None:
        return seen.attendance, False
    _open(session.cohort)
    now = timezone.now()
    marked_at = min(marked_at or now, now)
    attendance = Attendance.objects.filter(
        session=session, enrollment=enrollment
    ).first()
    before = attendance.status if attendance else None
    if attendance is None:
        attendance = Attendance.objects.create(
            session=session,
            enrollment=enrollment,
            status=status,
            method=method,
            marked_at=marked_at,
            recorded_by=actor,
        )
    elif marked_at >= attendance.marked_at:
        attendance.status = status
        attendance.method = method
        attendance.marked_at = marked_at
        attendance.recorded_by = actor
        attendance.save(update_fields=["status", "method", "marked_at", "recorded_by"])
    AttendanceMark.objects.create(
        key=key,
        attendance=attendance,
        status=status,
        method=method,
        marked_at=marked_at,
        recorded_by=actor,
    )
    if (attendance.status in PRESENT_STATUSES) != (before in PRESENT_STATUSES):
        enrollment_progress_update(enrollment=enrollment)
    return attendance, True


def checkin_window(session: Session) -> tuple[datetime.datetime, datetime.datetime]:
    """When participants may check in to a session by QR."""
    opens = session.starts_at - datetime.timedelta(
        minutes=settings.CHECKIN_OPENS_MINUTES
    )
    return opens, session.ends_at


def checkin_session(*, token: str) -> Session:
    """The session a QR token names, if the token is genuine and fresh."""
    try:
        session_id = checkin_session_id(token=token)
    except TokenExpired as exc:
        raise ValidationError(
            _("Kode QR ini sudah kedaluwarsa. Pindai lagi kode yang sedang tampil.")
        ) from exc
    except TokenInvalid as exc:
        raise ValidationError(_("Kode QR ini tidak sah.")) from exc
    session = Session.objects.select_related("cohort").filter(pk=session_id).first()
    if session is None:
        raise ValidationError(_("Sesi ini sudah tidak ada."))
    return session


@transaction.atomic
def attendance_checkin(*, token: str, user: User) -> Attendance:
    """A participant checks in by the QR code shown at the session.

    Valid only with a fresh token, for a participant enrolled in the session's
    cohort, from `CHECKIN_OPENS_MINUTES` before the session until its end; after
    `CHECKIN_LATE_MINUTES` past its start they are marked terlambat. Checking in
    twice records once, and never lowers a present mark taken by the staff."""
    session = checkin_session(token=token)
    enrollment = Enrollment.objects.filter(
        user_id=user.pk, cohort_id=session.cohort_id
    ).first()
    if enrollment is None:
        raise ValidationError(_("Anda tidak terdaftar di angkatan sesi ini."))
    now = timezone.now()
    opens, closes = checkin_window(session)
    if not opens <= now <= closes:
        raise ValidationError(
            _("Presensi sesi ini hanya dapat dicatat pada waktu sesi berlangsung.")
        )
    current = Attendance.objects.filter(session=session, enrollment=enrollment).first()
    if current is not None and current.status in PRESENT_STATUSES:
        return current
    late = now > session.starts_at + datetime.timedelta(
        minutes=settings.CHECKIN_LATE_MINUTES
    )
    attendance, _written = attendance_mark(
        session=session,
        enrollment_id=enrollment.pk,
        status=AttendanceStatus.LATE if late else AttendanceStatus.PRESENT,
        actor=user,
        key=f"qr:{session.pk}:{enrollment.pk}",
        marked_at=now,
        method=Attendance.Method.QR,
    )
    return attendance


# ---------------------------------------------------------------- offline results


@transaction.atomic
def offline_component_create(
    *, cohort: Cohort, name: str, pass_mark: Decimal | None
) -> OfflineComponent:
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    _open(cohort)
    name = name.strip()
    if not name:
        raise ValidationError(_("Nama komponen wajib diisi."))
    if pass_mark is not None and not 0 <= pass_mark <= 100:
        raise ValidationError(_("Nilai lulus antara 0 dan 100."))
    if OfflineComponent.objects.filter(cohort=cohort, name__iexact=name).exists():
        raise ValidationError(_("Komponen dengan nama ini sudah ada."))
    component = OfflineComponent.objects.create(
        cohort=cohort,
        name=name,
        pass_mark=pass_mark,
        sort_order=cohort.offline_components.count(),
    )
    if pass_mark is not None:
        _cohort_progress_owe(cohort)
    return component


def score_parse(raw: str) -> Decimal:
    """A score as people type it (`80`, `80,5`, `80.5`), 0–100."""
    try:
        score = Decimal(raw.strip().replace(",", "."))
    except InvalidOperation as exc:
        raise ValidationError(_("“%(value)s” bukan nilai.") % {"value": raw}) from exc
    if not score.is_finite() or not 0 <= score <= 100:
        raise ValidationError(_("Nilai %(value)s di luar 0–100.") % {"value": raw})
    return score.quantize(Decimal("0.01"))


@transaction.atomic
def offline_results_record(
    *,
    component: OfflineComponent,
    scores: dict[int, Decimal | None],
    actor: User | None,
) -> int:
    """Record many participants' scores of an offline component at once (all or
    nothing): enrolment id → score, None to clear one. Completion follows.
    Returns how many scores changed."""
    component = OfflineComponent.objects.select_related("cohort").get(pk=component.pk)
    _open(component.cohort)
    enrollments = {
        e.pk: e
        for e in Enrollment.objects.select_for_update()
        .select_related("course")
        .filter(pk__in=list(scores), cohort_id=component.cohort_id)
        .order_by("pk")
    }
    strangers = [pk for pk in scores if pk not in enrollments]
    if strangers:
        raise ValidationError(_("Sebagian peserta tidak terdaftar di angkatan ini."))
    existing = {
        r.enrollment_id: r
        for r in OfflineResult.objects.filter(
            component=component, enrollment_id__in=list(scores)
        )
    }
    changed: list[int] = []
    for enrollment_id, score in scores.items():
        row = existing.get(enrollment_id)
        if score is None:
            if row is not None:
                row.delete()
                changed.append(enrollment_id)
            continue
        if row is None:
            OfflineResult.objects.create(
                component=component,
                enrollment_id=enrollment_id,
                score=score,
                recorded_by=actor,
            )
        elif row.score != score:
            row.score = score
            row.recorded_by = actor
            row.save(update_fields=["score", "recorded_by", "recorded_at"])
        else:
            continue
        changed.append(enrollment_id)
    if component.pass_mark is not None:
        for enrollment_id in changed:
            enrollment_progress_update(enrollment=enrollments[enrollment_id])
    return len(changed)


# ---------------------------------------------------------------- evaluation


def evaluation_expected(*, cohort: Cohort) -> list[tuple[str, int | None]]:
    """Every (item, speaker id) a complete answer to the cohort's evaluation has."""
    speakers = list(
        Speaker.objects.filter(cohort=cohort)
        .order_by("name")
        .values_list("pk", flat=True)
    )
    expected: list[tuple[str, int | None]] = [
        (item.key, None) for item in evaluation.MATERIAL
    ]
    expected += [(item.key, pk) for pk in speakers for item in evaluation.SPEAKER]
    expected += [(item.key, None) for item in evaluation.ORGANISATION]
    return expected


@transaction.atomic
def evaluation_submit(
    *,
    enrollment: Enrollment,
    scores: dict[tuple[str, int | None], int],
    comment_material: str = "",
    comment_organisation: str = "",
) -> EvaluationResponse:
    """A participant answers their cohort's evaluation, once, every item 1–5.

    Who answered (`EvaluationSubmission`) and what they answered
    (`EvaluationResponse`) are stored apart, with nothing linking them.
    `EvaluationSubmitted` tells the layers above (a certificate waiting for it)."""
    if enrollment.cohort_id is None:
        raise ValidationError(_("Evaluasi hanya untuk peserta sebuah angkatan."))
    cohort = Cohort.objects.get(pk=enrollment.cohort_id)
    if timezone.localdate() < cohort.starts_on:
        raise ValidationError(_("Evaluasi dibuka setelah pelatihan dimulai."))
    expected = evaluation_expected(cohort=cohort)
    missing = [key for key in expected if key not in scores]
    if missing:
        raise ValidationError(_("Beri nilai untuk setiap pernyataan."))
    if any(key not in expected for key in scores):
        raise ValidationError(_("Ada pernyataan yang tidak dikenal."))
    if any(not isinstance(v, int) or not 1 <= v <= 5 for v in scores.values()):
        raise ValidationError(_("Nilai antara 1 dan 5."))
    try:
        with transaction.atomic():
            EvaluationSubmission.objects.create(cohort=cohort, enrollment=enrollment)
    except IntegrityError as exc:
        raise ValidationError(_("Anda sudah mengisi evaluasi ini.")) from exc
    response = EvaluationResponse.objects.create(
        cohort=cohort,
        comment_material=comment_material.strip()[:2000],
        comment_organisation=comment_organisation.strip()[:2000],
    )
    EvaluationAnswer.objects.bulk_create(
        EvaluationAnswer(response=response, item=item, speaker_id=speaker, score=score)
        for (item, speaker), score in scores.items()
    )
    events.publish(
        events.EvaluationSubmitted(enrollment_id=enrollment.pk, cohort_id=cohort.pk)
    )
    return response


# ---------------------------------------------------------------- closing


@transaction.atomic
def cohort_close_record(*, cohort: Cohort, actor: User | None) -> tuple[Cohort, bool]:
    """Record that a cohort is closed (its attendance, results and schedule are
    final); (cohort, closed now). Closing twice closes once. Issuing its
    certificates is the caller's (`certificates.services.cohorts.cohort_close`)."""
    locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
    if locked.closed_at is not None:
        return locked, False
    locked.closed_at = timezone.now()
    locked.closed_by = actor
    locked.save(update_fields=["closed_at", "closed_by"])
    return locked, True


# ---------------------------------------------------------------- reminders


def _tomorrow_local(session: Session, now: datetime.datetime) -> bool:
    """Whether the session is tomorrow in its own zone, and it is late enough in
    the day to tell people (not at midnight)."""
    tz = ZoneInfo(session.timezone)
    local_now = now.astimezone(tz)
    day = session.starts_at.astimezone(tz).date()
    return (
        day == local_now.date() + datetime.timedelta(days=1)
        and local_now.hour >= settings.SESSION_REMINDER_LOCAL_HOUR
    )


def session_reminders_owe(*, now: datetime.datetime | None = None) -> int:
    """Beat, hourly: owe the day-before reminder of every session that is tomorrow
    in its own zone (once per session and start time); how many sessions."""
    now = now or timezone.now()
    soon = Session.objects.filter(
        reminder_owed_at__isnull=True,
        cohort__closed_at__isnull=True,
        starts_at__gt=now,
        starts_at__lte=now + datetime.timedelta(hours=48),
    ).order_by("starts_at")
    owed = 0
    for session in soon:
        if not _tomorrow_local(session, now):
            continue
        with transaction.atomic():
            claimed = Session.objects.filter(
                pk=session.pk, reminder_owed_at__isnull=True
            ).update(reminder_owed_at=now)
            if claimed:
                work_owe(
                    task=REMINDER_TASK,
                    kwargs={"session_id": session.pk},
                    key=f"session-reminder:{session.pk}:{session.starts_at:%Y%m%d%H%M}",
                )
                owed += 1
    return owed


def reminder_message(*, session: Session) -> Message:
    body = render_to_string(
        "courses/blended/email/session_reminder.txt",
        {
            "session": session,
            "when": session_when(session),
            "site_url": settings.SITE_URL,
        },
    )
    return Message(
        subject=_("Pengingat: %(title)s besok") % {"title": session.title},
        text=body,
        url=f"{settings.SITE_URL}/belajar/angkatan/{session.cohort_id}/",
    )


def session_reminders_deliver(*, session_id: int) -> int:
    """Tell every participant of the session's cohort about it, once each (a row
    per person, written with the send); how many were told now. A send that fails
    is left for the next delivery (the task fails, the outbox sends it again)."""
    session = (
        Session.objects.select_related("cohort")
        .prefetch_related("speakers")
        .filter(pk=session_id)
        .first()
    )
    if session is None or session.starts_at <= timezone.now():
        return 0
    message = reminder_message(session=session)
    people = (
        User.objects.filter(enrollments__cohort_id=session.cohort_id, is_active=True)
        .exclude(
            Q(pk__in=SessionReminder.objects.filter(session=session).values("user_id"))
        )
        .order_by("pk")
    )
    told = 0
    failed = 0
    for user in people:
        try:
            with transaction.atomic():
                row, created = SessionReminder.objects.get_or_create(
                    session=session, user=user
                )
                if not created:
                    continue
                channels = notify(user=user, message=message)
                row.channel = channels[0] if channels else ""
                row.save(update_fields=["channel"])
        except Exception:
            logger.exception(
                "session %s reminder to user %s failed", session.pk, user.pk
            )
            failed += 1
            continue
        told += 1
    if failed:
        raise RuntimeError(f"{failed} reminders of session {session.pk} not sent")
    return told
