"""Reads of blended programmes: who may do what on a cohort's page, its schedule,
the attendance list and matrix, a participant's sessions and attendance, and the
evaluation's aggregated results."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Avg, Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from lms import scoping
from lms.models import Role, TimeZone, User

from ..models import (
    PRESENT_STATUSES,
    Attendance,
    AttendanceStatus,
    Cohort,
    Enrollment,
    EvaluationAnswer,
    EvaluationResponse,
    EvaluationSubmission,
    LessonPage,
    ModulePage,
    OfflineComponent,
    OfflineResult,
    Session,
    Speaker,
)
from ..progress import course_is_complete, course_standing
from . import evaluation
from .display import session_when

# ---------------------------------------------------------------- who may do what


@dataclass(frozen=True)
class CohortAccess:
    """What a person may do on a cohort's page (`lms.scoping` decides each)."""

    manage: bool = False  # schedule, offline results, settings, close (its Balai)
    take_attendance: bool = False  # the tap list and the QR code
    see_report: bool = False  # the programme report and evaluation results

    @property
    def any(self) -> bool:
        return self.manage or self.take_attendance or self.see_report


def _assistant_cohorts_q(user: User) -> Q:
    """Cohorts with participants in an assistant's villages."""
    if not user.is_authenticated or user.role != Role.ASSISTANT:
        return scoping.NOTHING
    served = Enrollment.objects.filter(
        scoping.region_q(user, "user__village_id"), cohort_id=OuterRef("pk")
    )
    return Q(Exists(served))


def cohorts_followed(*, user: User) -> QuerySet[Cohort]:
    """The cohorts whose page a person opens: their Balai's (instructors), those
    held in their region (Dinas), those with participants in their villages
    (assistants), all (administrators)."""
    return (
        Cohort.objects.filter(
            scoping.cohort_reports_q(user) | _assistant_cohorts_q(user)
        )
        .select_related("course", "province", "regency")
        .annotate(n_sessions=Count("sessions", distinct=True))
        .order_by("-starts_on", "name")
    )


def cohort_access(*, user: User, cohort: Cohort) -> CohortAccess:
    manage = scoping.teaches(user, balai_id=cohort.course.balai_id)
    see_report = Cohort.objects.filter(
        scoping.cohort_reports_q(user), pk=cohort.pk
    ).exists()
    take = (
        manage
        or Enrollment.objects.filter(
            scoping.attendance_q(
                user, balai_id=cohort.course.balai_id, field="user__village_id"
            ),
            cohort=cohort,
        ).exists()
    )
    return CohortAccess(manage=manage, take_attendance=take, see_report=see_report)


def cohort_zone(cohort: Cohort) -> str:
    """The zone a new session of the cohort is in by default: its regency's or
    province's, else its Balai's province's, else WIB."""
    for province in (
        cohort.regency.province if cohort.regency is not None else None,
        cohort.province,
        cohort.course.balai.province if cohort.course.balai_id else None,
    ):
        if province is not None:
            return province.timezone
    return TimeZone.WIB


# ---------------------------------------------------------------- schedule


def cohort_sessions(*, cohort: Cohort) -> QuerySet[Session]:
    return (
        Session.objects.filter(cohort=cohort)
        .prefetch_related("speakers")
        .order_by("starts_at", "pk")
    )


@dataclass
class ScheduleEntry:
    """One line of a cohort's schedule: an online module or a session."""

    kind: str  # "module" or "session"
    title: str
    session: Session | None = None
    module: ModulePage | None = None
    lessons: int = 0
    sort_at: datetime.datetime | None = None


def cohort_schedule(*, cohort: Cohort) -> dict:
    """The online modules and the sessions of a cohort together: the sessions by
    time, the modules (self-paced, within the cohort's dates) first."""
    course = cohort.course
    modules = list(ModulePage.objects.live().child_of(course).order_by("path"))
    lesson_counts: dict[str, int] = {}
    for path in (
        LessonPage.objects.live().descendant_of(course).values_list("path", flat=True)
    ):
        parent = path[: -LessonPage.steplen]
        lesson_counts[parent] = lesson_counts.get(parent, 0) + 1
    sessions = list(cohort_sessions(cohort=cohort))
    return {
        "modules": [
            ScheduleEntry(
                kind="module",
                title=m.title,
                module=m,
                lessons=lesson_counts.get(m.path, 0),
            )
            for m in modules
        ],
        "sessions": sessions,
        "session_jp": sum(s.jp for s in sessions),
        "course_jp": course.jp,
    }


# ---------------------------------------------------------------- attendance


@dataclass
class RosterRow:
    enrollment_id: int
    name: str
    village: str
    cooperative: str
    position: str
    status: str  # "" before any mark


def session_roster(*, session: Session, user: User) -> list[RosterRow]:
    """The participants whose attendance this person takes at the session, with
    their current status (an assistant: those of their villages)."""
    cohort = session.cohort
    enrollments = (
        Enrollment.objects.filter(cohort=cohort)
        .filter(
            scoping.attendance_q(
                user, balai_id=cohort.course.balai_id, field="user__village_id"
            )
        )
        .select_related("user__village", "user__cooperative")
        .order_by("user__full_name", "pk")
    )
    status = dict(
        Attendance.objects.filter(session=session).values_list(
            "enrollment_id", "status"
        )
    )
    return [
        RosterRow(
            enrollment_id=e.pk,
            name=e.user.full_name,
            village=e.user.village.name if e.user.village else "",
            cooperative=e.user.cooperative.name if e.user.cooperative else "",
            position=e.user.get_position_display(),
            status=status.get(e.pk, ""),
        )
        for e in enrollments
    ]


def session_counts(*, cohort: Cohort) -> dict[int, dict[str, int]]:
    """session id → {status: how many} for a cohort's sessions."""
    counts: dict[int, dict[str, int]] = {}
    for session_id, status, n in (
        Attendance.objects.filter(session__cohort=cohort)
        .values_list("session_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts.setdefault(session_id, {})[status] = n
    return counts


def attendance_matrix(
    *, cohort: Cohort, enrollment_ids: list[int] | None = None
) -> dict[tuple[int, int], str]:
    """(enrolment id, session id) → status, for a whole cohort (one query)."""
    rows = Attendance.objects.filter(session__cohort=cohort)
    if enrollment_ids is not None:
        rows = rows.filter(enrollment_id__in=enrollment_ids)
    return {
        (e, s): status
        for e, s, status in rows.values_list("enrollment_id", "session_id", "status")
    }


STATUS_LETTERS = {
    AttendanceStatus.PRESENT: "H",
    AttendanceStatus.LATE: "T",
    AttendanceStatus.EXCUSED: "I",
    AttendanceStatus.SICK: "S",
    AttendanceStatus.ABSENT: "A",
}


def is_present(status: str) -> bool:
    return status in PRESENT_STATUSES


# ---------------------------------------------------------------- participants


@dataclass
class MySession:
    session: Session
    status: str
    status_label: str
    when: str


def participant_cohorts(*, user: User) -> QuerySet[Cohort]:
    return Cohort.objects.filter(enrollments__user=user).select_related("course")


def participant_sessions(
    *, user: User, upcoming_only: bool = False
) -> QuerySet[Session]:
    """The sessions of the cohorts a participant is enrolled in, by time."""
    sessions = (
        Session.objects.filter(cohort__enrollments__user=user)
        .select_related("cohort")
        .prefetch_related("speakers")
        .order_by("starts_at", "pk")
    )
    if upcoming_only:
        sessions = sessions.filter(ends_at__gte=timezone.now())
    return sessions


def upcoming_sessions(*, user: User, limit: int = 10) -> list[dict]:
    """A participant's next sessions ("Pembelajaran saya"), each with its time
    written in its own zone."""
    return [
        {"session": s, "when": session_when(s)}
        for s in participant_sessions(user=user, upcoming_only=True)[:limit]
    ]


def my_cohort(*, user: User, cohort: Cohort) -> dict:
    """A participant's cohort page: the schedule with their own attendance, where
    they stand, and whether the evaluation awaits them."""
    enrollment = (
        Enrollment.objects.filter(user=user, cohort=cohort)
        .select_related("course")
        .first()
    )
    if enrollment is None:
        return {}
    statuses = dict(
        Attendance.objects.filter(enrollment=enrollment).values_list(
            "session_id", "status"
        )
    )
    labels = dict(AttendanceStatus.choices)
    sessions = [
        MySession(
            session=s,
            status=statuses.get(s.pk, ""),
            status_label=str(labels.get(statuses.get(s.pk, ""), "")),
            when=session_when(s),
        )
        for s in cohort_sessions(cohort=cohort)
    ]
    standing = course_standing(enrollment=enrollment)
    scores = dict(
        OfflineResult.objects.filter(enrollment=enrollment).values_list(
            "component_id", "score"
        )
    )
    offline = [
        (c, scores.get(c.pk)) for c in OfflineComponent.objects.filter(cohort=cohort)
    ]
    return {
        "enrollment": enrollment,
        "sessions": sessions,
        "standing": standing,
        "complete": enrollment.completed_at is not None
        or course_is_complete(standing=standing),
        "offline": offline,
        "evaluation_done": EvaluationSubmission.objects.filter(
            enrollment=enrollment
        ).exists(),
        "evaluation_open": timezone.localdate() >= cohort.starts_on,
        "schedule": cohort_schedule(cohort=cohort),
    }


# ---------------------------------------------------------------- offline results


def offline_results(*, cohort: Cohort) -> dict[tuple[int, int], Decimal]:
    """(enrolment id, component id) → score, for a cohort."""
    return {
        (e, c): score
        for e, c, score in OfflineResult.objects.filter(
            component__cohort=cohort
        ).values_list("enrollment_id", "component_id", "score")
    }


# ---------------------------------------------------------------- evaluation


@dataclass
class ItemResult:
    label: str
    average: float | None
    answers: int
    distribution: list[int] = field(default_factory=list)  # how many gave 1..5


@dataclass
class SpeakerResult:
    speaker: Speaker
    items: list[ItemResult]
    average: float | None


@dataclass
class EvaluationResults:
    respondents: int
    enrolled: int
    shown: bool  # enough answers to show anything but the count
    material: list[ItemResult]
    speakers: list[SpeakerResult]
    organisation: list[ItemResult]
    comments_material: list[str]
    comments_organisation: list[str]
    overall: float | None


def _comment_order(text: str) -> str:
    # Neither by time nor by name: by a digest of the text itself.
    return hashlib.sha256(text.encode()).hexdigest()


def evaluation_results(*, cohort: Cohort) -> EvaluationResults:
    """A cohort's evaluation, aggregated: the average and spread of each item
    (each narasumber's separately) and the comments in an order that follows
    neither time nor person; nothing but the count while fewer than
    `EVALUATION_MIN_RESPONSES` participants have answered."""
    respondents = EvaluationResponse.objects.filter(cohort=cohort).count()
    enrolled = Enrollment.objects.filter(cohort=cohort).count()
    shown = respondents >= settings.EVALUATION_MIN_RESPONSES
    stats: dict[tuple[str, int | None], dict[int, int]] = {}
    if shown:
        for item, speaker, score, n in (
            EvaluationAnswer.objects.filter(response__cohort=cohort)
            .values_list("item", "speaker_id", "score")
            .annotate(n=Count("pk"))
            .order_by()
        ):
            stats.setdefault((item, speaker), {})[score] = n

    def result(key: str, label: object, speaker: int | None = None) -> ItemResult:
        spread = stats.get((key, speaker), {})
        answers = sum(spread.values())
        total = sum(score * n for score, n in spread.items())
        return ItemResult(
            label=str(label),
            average=round(total / answers, 2) if answers else None,
            answers=answers,
            distribution=[spread.get(score, 0) for score in range(1, 6)],
        )

    material = [result(i.key, i.label) for i in evaluation.MATERIAL]
    organisation = [result(i.key, i.label) for i in evaluation.ORGANISATION]
    speakers = []
    for speaker in Speaker.objects.filter(cohort=cohort).order_by("name"):
        items = [result(i.key, i.label, speaker.pk) for i in evaluation.SPEAKER]
        speakers.append(
            SpeakerResult(speaker=speaker, items=items, average=_mean(items))
        )
    comments_material: list[str] = []
    comments_organisation: list[str] = []
    if shown:
        for material_text, organisation_text in EvaluationResponse.objects.filter(
            cohort=cohort
        ).values_list("comment_material", "comment_organisation"):
            if material_text:
                comments_material.append(material_text)
            if organisation_text:
                comments_organisation.append(organisation_text)
        comments_material.sort(key=_comment_order)
        comments_organisation.sort(key=_comment_order)
    overall_avg = (
        EvaluationAnswer.objects.filter(response__cohort=cohort).aggregate(
            a=Avg("score")
        )["a"]
        if shown
        else None
    )
    return EvaluationResults(
        respondents=respondents,
        enrolled=enrolled,
        shown=shown,
        material=material,
        speakers=speakers,
        organisation=organisation,
        comments_material=comments_material,
        comments_organisation=comments_organisation,
        overall=round(float(overall_avg), 2) if overall_avg is not None else None,
    )


def _mean(items: list[ItemResult]) -> float | None:
    answered = [(i.average, i.answers) for i in items if i.average is not None]
    weight = sum(n for _avg, n in answered)
    if not weight:
        return None
    return round(sum(avg * n for avg, n in answered) / weight, 2)


def evaluation_form_items(*, cohort: Cohort) -> dict:
    """The evaluation's items for a cohort, for its form."""
    return {
        "material": evaluation.MATERIAL,
        "speakers": [
            (speaker, evaluation.SPEAKER)
            for speaker in Speaker.objects.filter(cohort=cohort).order_by("name")
        ],
        "organisation": evaluation.ORGANISATION,
        "scale": evaluation.SCALE,
    }
