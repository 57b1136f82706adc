"""What a cohort's programme report (laporan pelaksanaan) says, read in a few
queries whatever the cohort's size: the programme and its budget, the schedule
with its narasumber and JP, the participants with their village, cooperative and
position, the attendance matrix, pre-test and post-test with normalised gain,
offline results, completion and certificate numbers, the evaluation (aggregated
only) and who signs.

Reporting is the top layer: it reads the learning domain (`courses.blended`
selectors), the assessments (`quiz_scores`, `normalised_gain`, `cohort_gain`:
the one home of the gain) and the certificates.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from assessments.models import Quiz
from assessments.selectors import cohort_gain, normalised_gain, quiz_scores
from certificates.models import Certificate
from courses.blended.display import session_day, session_hours
from courses.blended.selectors import (
    STATUS_LETTERS,
    EvaluationResults,
    attendance_matrix,
    cohort_sessions,
    evaluation_results,
    is_present,
    offline_results,
)
from courses.models import Cohort, Enrollment, OfflineComponent
from lms.models import Position
from lms.regions import zones


@dataclass
class ReportSession:
    number: int
    title: str
    kind: str
    day: str
    hours: str
    place: str
    speakers: list[str]
    jp: int
    required: bool
    present: int = 0  # hadir + terlambat
    excused: int = 0  # izin + sakit
    absent: int = 0  # alpa, or no mark


@dataclass
class ReportParticipant:
    number: int
    name: str
    position: str
    cooperative: str
    village: str
    district: str
    regency: str
    marks: list[str]  # per session: H, T, I, S, A or "" (not marked)
    present: int
    attendance_percent: int
    pre: Decimal | None
    post: Decimal | None
    gain: float | None
    offline: list[Decimal | None]
    completed: bool
    certificate_number: str


@dataclass
class ProgrammeReport:
    cohort: Cohort
    programme: str
    cohort_name: str
    organiser: str
    region: str
    funding: str
    budget_year: str
    budget_line: str
    period: str
    course_jp: int
    session_jp: int
    sessions: list[ReportSession]
    speakers: list[tuple[str, str]]
    participants: list[ReportParticipant]
    components: list[tuple[str, Decimal | None]]  # name, pass mark
    enrolled: int
    completed: int
    certified: int
    attendance_rate: float | None  # % of participant × session marks present
    gain: dict
    evaluation: EvaluationResults
    signatory_place_date: str
    signatory_title: str
    signatory_name: str
    signatory_nip: str
    generated_at: datetime.datetime
    closed: bool
    zones: list[str] = field(default_factory=list)

    @property
    def total_jp(self) -> int:
        return self.course_jp + self.session_jp


def _date(day: datetime.date) -> str:
    return dateformat.format(day, "j F Y")


def programme_report(*, cohort: Cohort) -> ProgrammeReport:
    """Everything the report shows, for one cohort."""
    cohort = Cohort.objects.select_related("course__balai", "province", "regency").get(
        pk=cohort.pk
    )
    course = cohort.course
    sessions = list(cohort_sessions(cohort=cohort))
    # Plain rows, not model instances: thousands of participants (and one label
    # lookup per position, not a translation per row).
    enrollments = list(
        Enrollment.objects.filter(cohort=cohort)
        .order_by("user__full_name", "pk")
        .values_list(
            "pk",
            "completed_at",
            "user__full_name",
            "user__position",
            "user__cooperative__name",
            "user__village__name",
            "user__village__district__name",
            "user__village__regency__name",
        )
    )
    positions = {value: str(label) for value, label in Position.choices}
    matrix = attendance_matrix(cohort=cohort)
    quizzes = list(
        Quiz.objects.filter(
            course=course, purpose__in=[Quiz.Purpose.PRETEST, Quiz.Purpose.POSTTEST]
        ).order_by("pk")
    )
    pre = next((q for q in quizzes if q.purpose == Quiz.Purpose.PRETEST), None)
    post = next((q for q in quizzes if q.purpose == Quiz.Purpose.POSTTEST), None)
    scores = (
        quiz_scores(
            quizzes=[q for q in (pre, post) if q],
            enrollments=Enrollment.objects.filter(cohort=cohort).values("pk"),
            policy=course.score_policy,
        )
        if quizzes
        else {}
    )
    numbers = dict(
        Certificate.objects.filter(
            enrollment__cohort=cohort, status=Certificate.Status.VALID
        ).values_list("enrollment_id", "number")
    )
    components = list(OfflineComponent.objects.filter(cohort=cohort))
    offline = offline_results(cohort=cohort)
    report_sessions = [
        ReportSession(
            number=n,
            title=s.title,
            kind=s.get_kind_display(),
            day=session_day(s),
            hours=session_hours(s),
            place=s.place or s.meeting_url,
            speakers=[str(sp) for sp in s.speakers.all()],
            jp=s.jp,
            required=s.required,
        )
        for n, s in enumerate(sessions, start=1)
    ]
    participants: list[ReportParticipant] = []
    marks_present = 0
    for n, row in enumerate(enrollments, start=1):
        pk, completed_at, name, position, cooperative, village, district, regency = row
        statuses = [matrix.get((pk, s.pk), "") for s in sessions]
        present = sum(1 for status in statuses if is_present(status))
        marks_present += present
        for report_session, status in zip(report_sessions, statuses, strict=True):
            if is_present(status):
                report_session.present += 1
            elif status in ("izin", "sakit"):
                report_session.excused += 1
            else:
                report_session.absent += 1
        pre_score = scores.get((pk, pre.pk)) if pre else None
        post_score = scores.get((pk, post.pk)) if post else None
        participants.append(
            ReportParticipant(
                number=n,
                name=name,
                position=positions.get(position, ""),
                cooperative=cooperative or "",
                village=village or "",
                district=district or "",
                regency=regency or "",
                marks=[STATUS_LETTERS.get(status, "") for status in statuses],
                present=present,
                attendance_percent=round(100 * present / len(sessions))
                if sessions
                else 0,
                pre=pre_score,
                post=post_score,
                gain=normalised_gain(pre=pre_score, post=post_score),
                offline=[offline.get((pk, c.pk)) for c in components],
                completed=completed_at is not None,
                certificate_number=numbers.get(pk, ""),
            )
        )
    speakers: dict[tuple[str, str], None] = {}
    for s in sessions:
        for sp in s.speakers.all():
            speakers.setdefault((sp.name, sp.institution), None)
    region = cohort.regency or cohort.province
    today = timezone.localdate()
    return ProgrammeReport(
        cohort=cohort,
        programme=course.title,
        cohort_name=cohort.name,
        organiser=course.balai.name if course.balai_id else "",
        region=str(region) if region else "",
        funding=cohort.get_funding_source_display() or "—",
        budget_year=str(cohort.budget_year or "—"),
        budget_line=cohort.budget_line or "—",
        period=f"{_date(cohort.starts_on)} – {_date(cohort.ends_on)}",
        course_jp=course.jp or 0,
        session_jp=sum(s.jp for s in sessions),
        sessions=report_sessions,
        speakers=list(speakers),
        participants=participants,
        components=[(c.name, c.pass_mark) for c in components],
        enrolled=len(enrollments),
        completed=sum(1 for p in participants if p.completed),
        certified=len(numbers),
        attendance_rate=round(
            100 * marks_present / (len(sessions) * len(enrollments)), 1
        )
        if sessions and enrollments
        else None,
        gain=cohort_gain(pairs=[(p.pre, p.post) for p in participants])
        if pre and post
        else cohort_gain(pairs=[]),
        evaluation=evaluation_results(cohort=cohort),
        signatory_place_date=_("%(place)s, %(date)s")
        % {"place": cohort.report_place or "……………", "date": _date(today)},
        signatory_title=cohort.signatory_title,
        signatory_name=cohort.signatory_name,
        signatory_nip=cohort.signatory_nip,
        generated_at=timezone.now(),
        closed=cohort.is_closed,
        zones=sorted({zones.abbreviation(s.timezone) for s in sessions}),
    )
