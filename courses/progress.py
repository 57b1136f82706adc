"""Progress and completion: the one place that decides them.

The rules (the rule table of docs/architecture.md names these functions):

- **A lesson is complete** (`lesson_is_complete`) when every activity in it that
  counts is done (each activity model answers `is_done(enrollment=...)`), whether
  or not the participant has reached its end: a post-test passed completes its
  lesson, and so perhaps the course, at once. A lesson without counting activities
  is complete when the participant reaches its end ("Tandai selesai",
  `lesson_reached_end`).
- **A course is complete** (`course_is_complete`) when every live lesson of it that
  counts is complete and, for an enrolment in a cohort with in-person sessions,
  the cohort's attendance is met (a share of its sessions, and its named
  sessions; hadir and terlambat count as present) and every offline component
  with a pass mark is passed. What the rule looks at is read in one place
  (`course_standing`).

Completion is recorded once and published (`lms.events.EnrollmentCompleted`): the
certificate owed and the Dinas counters are written by their subscribers in the
same transaction.

Speed (a quiz submit lands here): `activity_result_recorded` reads the links of
every lesson holding the activity in one query, their progress rows in one, creates
the missing ones in one, asks each activity once whether it is done, and the course
standing comes from one query (lessons that count, each flagged completed or not).
Nested writes call private helpers, so no savepoint per step.
"""

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from lms import events

from .models import (
    PRESENT_STATUSES,
    Attendance,
    Cohort,
    CoursePage,
    Enrollment,
    LessonActivity,
    LessonPage,
    LessonProgress,
    OfflineComponent,
    OfflineResult,
    Session,
)


def course_lessons(course: CoursePage) -> QuerySet[LessonPage]:
    """The live lessons of a course that count for completion, in tree order."""
    return (
        LessonPage.objects.live()
        .descendant_of(course)
        .filter(counts_for_completion=True)
        .order_by("path")
    )


# ---------------------------------------------------------------- the rules


def lesson_is_complete(*, activities_done: Iterable[bool], end_reached: bool) -> bool:
    """The lesson rule, given whether each of its counting activities is done.

    With counting activities, the lesson is complete when every one is done (the end
    need not be reached); without them, when its end is reached. `activities_done`
    is read only as far as needed (the first activity not done decides).
    """
    counted = False
    for done in activities_done:
        if not done:
            return False
        counted = True
    return counted or end_reached


@dataclass(frozen=True)
class CourseStanding:
    """Where an enrolment stands against its course's completion rule.

    Every criterion of the rule has its facts here, read by `course_standing`:
    the course's lessons, and for an enrolment in a cohort with in-person sessions
    (`courses.blended`) the attendance its cohort asks and its offline results.
    """

    lessons: int  # live lessons of the course that count for completion
    lessons_completed: int  # of those, the ones this enrolment has completed
    sessions_needed: int = 0  # sessions to attend by the cohort's share
    sessions_attended: int = 0  # sessions attended (hadir or terlambat)
    required_sessions_missed: int = 0  # named sessions not attended
    offline_required: int = 0  # offline components with a pass mark
    offline_passed: int = 0  # of those, the ones passed

    @property
    def attendance_met(self) -> bool:
        return (
            self.sessions_attended >= self.sessions_needed
            and self.required_sessions_missed == 0
        )

    @property
    def percent(self) -> int:
        """The progress shown to the participant and the Dinas (0–100): lessons,
        sessions to attend and offline components, each one unit; below 100 while
        a criterion is unmet."""
        units = self.lessons + self.sessions_needed + self.offline_required
        if not units:
            return 0
        done = (
            self.lessons_completed
            + min(self.sessions_attended, self.sessions_needed)
            + self.offline_passed
        )
        percent = round(100 * done / units)
        if percent == 100 and not course_is_complete(standing=self):
            return 99
        return percent


def course_is_complete(*, standing: CourseStanding) -> bool:
    """The course rule: something counts (a lesson, or a session to attend), every
    lesson that counts is complete, the cohort's attendance is met (its share of
    the sessions, and every named session) and every offline component with a
    pass mark is passed."""
    return (
        (standing.lessons > 0 or standing.sessions_needed > 0)
        and standing.lessons_completed == standing.lessons
        and standing.attendance_met
        and standing.offline_passed == standing.offline_required
    )


def sessions_needed(*, sessions: int, min_percent: int, required: int) -> int:
    """How many of a cohort's sessions a participant must attend: its share
    (rounded up), never fewer than its named sessions, and at least one when the
    cohort asks for attendance at all (before its sessions are scheduled nobody
    completes by attendance)."""
    if not (min_percent or required):
        return 0
    by_share = math.ceil(sessions * min_percent / 100) if min_percent else 0
    return max(by_share, required, 1)


def course_standing(*, enrollment: Enrollment) -> CourseStanding:
    """The facts the course rule looks at, for one enrolment: one query, and one
    more for an enrolment in a cohort."""
    completed = LessonProgress.objects.filter(
        enrollment_id=enrollment.pk,
        lesson_id=OuterRef("pk"),
        status=LessonProgress.Status.COMPLETED,
    )
    flags = list(
        course_lessons(enrollment.course)
        .annotate(done=Exists(completed))
        .values_list("done", flat=True)
    )
    lessons = len(flags)
    lessons_completed = sum(1 for flag in flags if flag)
    if enrollment.cohort_id is None:
        return CourseStanding(lessons=lessons, lessons_completed=lessons_completed)
    blended = _cohort_standing(enrollment=enrollment)
    return CourseStanding(
        lessons=lessons, lessons_completed=lessons_completed, **blended
    )


class _Count(Subquery):
    """How many rows a correlated queryset has, as a subquery."""

    template = "(SELECT count(*) FROM (%(subquery)s) _rows)"
    output_field = IntegerField()


def _count(queryset: QuerySet) -> _Count:
    return _Count(queryset.order_by().values("pk"))


def _cohort_standing(*, enrollment: Enrollment) -> dict[str, int]:
    """The attendance and offline facts of an enrolment in its cohort (one query)."""
    cohort_id = enrollment.cohort_id
    if cohort_id is None:
        return {}
    sessions = Session.objects.filter(cohort_id=OuterRef("pk"))
    attended = Attendance.objects.filter(
        enrollment_id=enrollment.pk,
        session__cohort_id=OuterRef("pk"),
        status__in=PRESENT_STATUSES,
    )
    present = Attendance.objects.filter(
        enrollment_id=enrollment.pk,
        session_id=OuterRef("pk"),
        status__in=PRESENT_STATUSES,
    )
    missed = sessions.filter(required=True).exclude(Exists(present))
    offline = OfflineComponent.objects.filter(
        cohort_id=OuterRef("pk"), pass_mark__isnull=False
    )
    passed = offline.filter(
        Exists(
            OfflineResult.objects.filter(
                component_id=OuterRef("pk"),
                enrollment_id=enrollment.pk,
                score__gte=OuterRef("pass_mark"),
            )
        )
    )
    row = (
        Cohort.objects.filter(pk=cohort_id)
        .annotate(
            n_sessions=_count(sessions),
            n_required=_count(sessions.filter(required=True)),
            n_attended=_count(attended),
            n_missed=_count(missed),
            n_offline=_count(offline),
            n_passed=_count(passed),
        )
        .values(
            "attendance_min_percent",
            "n_sessions",
            "n_required",
            "n_attended",
            "n_missed",
            "n_offline",
            "n_passed",
        )
        .first()
    )
    if row is None:
        return {}
    return {
        "sessions_needed": sessions_needed(
            sessions=row["n_sessions"],
            min_percent=row["attendance_min_percent"],
            required=row["n_required"],
        ),
        "sessions_attended": row["n_attended"],
        "required_sessions_missed": row["n_missed"],
        "offline_required": row["n_offline"],
        "offline_passed": row["n_passed"],
    }


# ---------------------------------------------------------------- the writes


def _counting_activities_done(
    *, enrollment: Enrollment, lesson: LessonPage
) -> Iterator[bool]:
    """Whether each counting activity of the lesson is done, asked one by one.

    An activity that no longer exists does not hold the lesson back."""
    for link in LessonActivity.objects.filter(
        lesson=lesson, counts_for_completion=True
    ).prefetch_related("activity"):
        activity = link.activity
        yield activity is None or activity.is_done(enrollment=enrollment)


def _locked(enrollment: Enrollment) -> Enrollment:
    locked = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    # The course and user rows already read are not read again.
    if Enrollment.course.is_cached(enrollment):
        locked.course = enrollment.course
    if Enrollment.user.is_cached(enrollment):
        locked.user = enrollment.user
    return locked


def lesson_visit(
    *,
    enrollment: Enrollment,
    lesson: LessonPage,
    progress: LessonProgress | None = None,
) -> LessonProgress:
    """The participant opened a lesson: it is started, and where they continue.

    `progress`, the row the caller already read (`courses.selectors.
    lesson_enrollment`), lets a re-read that changes nothing (the row exists, the
    lesson is already where they continue, last studied within the hour) return
    at once: no transaction, no query."""
    if progress is not None and not _visit_writes(enrollment=enrollment, lesson=lesson):
        return progress
    return _lesson_visit_write(enrollment=enrollment, lesson=lesson)


@transaction.atomic
def _lesson_visit_write(
    *, enrollment: Enrollment, lesson: LessonPage
) -> LessonProgress:
    progress, _ = LessonProgress.objects.get_or_create(
        enrollment=enrollment, lesson=lesson
    )
    _enrollment_visited(enrollment=enrollment, lesson=lesson)
    return progress


# How fresh "last studied" must be before a visit writes it again (reminders work
# in days; a lesson page must not write a row on every view).
LAST_STUDIED_RESOLUTION = timedelta(hours=1)


def _visit_writes(*, enrollment: Enrollment, lesson: LessonPage) -> bool:
    """Whether a visit would write anything besides the progress row (what
    `_enrollment_visited` writes), judged from the rows already read."""
    if (
        enrollment.last_lesson_id != lesson.pk
        or enrollment.started_at is None
        or enrollment.status == Enrollment.Status.ENROLLED
        or not Enrollment.user.is_cached(enrollment)
    ):
        return True
    last = enrollment.user.last_studied_at
    return last is None or last < timezone.now() - LAST_STUDIED_RESOLUTION


def _enrollment_visited(*, enrollment: Enrollment, lesson: LessonPage | int) -> None:
    """Where the participant continues, when they started, and their last study.

    Writes only what changed, so re-reading a lesson is read-only.
    """
    now = timezone.now()
    lesson_id = lesson if isinstance(lesson, int) else lesson.pk
    changed = {}
    if enrollment.last_lesson_id != lesson_id:
        changed["last_lesson_id"] = enrollment.last_lesson_id = lesson_id
    if enrollment.started_at is None:
        changed["started_at"] = enrollment.started_at = now
    if changed:
        Enrollment.objects.filter(pk=enrollment.pk).update(**changed)
    if enrollment.status == Enrollment.Status.ENROLLED:
        # Started once, however many first visits race: only the UPDATE that moves
        # the row out of ENROLLED tells the layers above.
        started = Enrollment.objects.filter(
            pk=enrollment.pk, status=Enrollment.Status.ENROLLED
        ).update(status=Enrollment.Status.IN_PROGRESS)
        enrollment.status = Enrollment.Status.IN_PROGRESS
        if started:
            events.publish(
                events.EnrollmentStarted(
                    enrollment_id=enrollment.pk,
                    user_id=enrollment.user_id,
                    course_id=enrollment.course_id,
                    started_at=enrollment.started_at or now,
                )
            )
    stale = now - LAST_STUDIED_RESOLUTION
    if Enrollment.user.is_cached(enrollment):
        user = enrollment.user
        if user.last_studied_at is None or user.last_studied_at < stale:
            get_user_model().objects.filter(pk=user.pk).update(last_studied_at=now)
            user.last_studied_at = now
    else:
        get_user_model().objects.filter(pk=enrollment.user_id).filter(
            Q(last_studied_at__isnull=True) | Q(last_studied_at__lt=stale)
        ).update(last_studied_at=now)


@transaction.atomic
def lesson_reached_end(*, enrollment: Enrollment, lesson: LessonPage) -> LessonProgress:
    """The participant reached the end of a lesson ("Tandai selesai").

    It completes by the lesson rule: at once without counting activities, and when
    those are all done otherwise."""
    lesson_visit(enrollment=enrollment, lesson=lesson)
    progress = LessonProgress.objects.select_for_update().get(
        enrollment=enrollment, lesson=lesson
    )
    if progress.status != LessonProgress.Status.COMPLETED and lesson_is_complete(
        activities_done=_counting_activities_done(enrollment=enrollment, lesson=lesson),
        end_reached=True,
    ):
        progress.status = LessonProgress.Status.COMPLETED
        progress.completed_at = timezone.now()
        progress.save(update_fields=["status", "completed_at"])
        enrollment_progress_update(enrollment=enrollment)
    return progress


@transaction.atomic(savepoint=False)
def activity_result_recorded(
    *, enrollment: Enrollment, activity: Any, enrollment_locked: bool = False
) -> None:
    """A quiz or H5P result landed: lessons holding that activity may now complete.

    By the lesson rule, a lesson of the enrolment's course holding the activity
    completes here once all its counting activities are done, whether or not its
    end was reached; a lesson where this activity does not count (and no other
    does) waits for its end to be reached. Always part of the caller's write
    (no savepoint of its own: an error rolls the whole transaction back). A caller
    that already holds the enrolment row locked, freshly read in this transaction
    (`assessments.services.attempt_submit`), says so with `enrollment_locked`.
    """
    content_type = ContentType.objects.get_for_model(activity)
    # Only the lessons of this enrolment's course (an activity may sit in several).
    holders = LessonActivity.objects.filter(
        content_type=content_type,
        object_id=activity.pk,
        lesson__path__startswith=enrollment.course.path,
    ).values("lesson_id")
    # Every link of every lesson holding the activity, in one query.
    links = list(LessonActivity.objects.filter(lesson_id__in=holders))
    lesson_ids = list(
        dict.fromkeys(
            link.lesson_id
            for link in links
            if link.content_type_id == content_type.pk and link.object_id == activity.pk
        )
    )
    if lesson_ids:
        status = _progress_rows(enrollment=enrollment, lesson_ids=lesson_ids)
        open_lessons = [
            lesson_id
            for lesson_id in lesson_ids
            if status[lesson_id] != LessonProgress.Status.COMPLETED
        ]
        done = _activities_done(
            enrollment=enrollment,
            links=[link for link in links if link.lesson_id in open_lessons],
            known=activity,
        )
        completing = [
            lesson_id
            for lesson_id in open_lessons
            if lesson_is_complete(
                activities_done=(
                    done[(link.content_type_id, link.object_id)]
                    for link in links
                    if link.lesson_id == lesson_id and link.counts_for_completion
                ),
                end_reached=False,
            )
        ]
        if completing:
            LessonProgress.objects.filter(
                enrollment=enrollment, lesson_id__in=completing
            ).exclude(status=LessonProgress.Status.COMPLETED).update(
                status=LessonProgress.Status.COMPLETED, completed_at=timezone.now()
            )
    _progress_update(enrollment=enrollment, locked=enrollment_locked)


def _progress_rows(*, enrollment: Enrollment, lesson_ids: list[int]) -> dict[int, str]:
    """The status of the enrolment's progress in these lessons; the missing rows are
    created as a visit creates them (the last one becomes where they continue)."""
    status = dict(
        LessonProgress.objects.filter(
            enrollment=enrollment, lesson_id__in=lesson_ids
        ).values_list("lesson_id", "status")
    )
    missing = [lesson_id for lesson_id in lesson_ids if lesson_id not in status]
    if missing:
        LessonProgress.objects.bulk_create(
            [LessonProgress(enrollment=enrollment, lesson_id=i) for i in missing],
            ignore_conflicts=True,
        )
        status.update(dict.fromkeys(missing, LessonProgress.Status.IN_PROGRESS))
        _enrollment_visited(enrollment=enrollment, lesson=missing[-1])
    return status


def _activities_done(
    *, enrollment: Enrollment, links: list[LessonActivity], known: Any
) -> dict[tuple[int, int], bool]:
    """(content type id, object id) → done, each counting activity asked once.

    An activity that no longer exists does not hold a lesson back."""
    wanted: dict[int, set[int]] = {}
    for link in links:
        if link.counts_for_completion:
            wanted.setdefault(link.content_type_id, set()).add(link.object_id)
    known_type = ContentType.objects.get_for_model(known).pk
    done: dict[tuple[int, int], bool] = {}
    for type_id, object_ids in wanted.items():
        objects = {known.pk: known} if type_id == known_type else {}
        rest = object_ids - set(objects)
        if rest:
            model = ContentType.objects.get_for_id(type_id).model_class()
            if model is not None:  # a model gone from the code holds nothing back
                objects.update(model._base_manager.in_bulk(rest))
        for object_id in object_ids:
            activity = objects.get(object_id)
            done[(type_id, object_id)] = activity is None or activity.is_done(
                enrollment=enrollment
            )
    return done


@transaction.atomic
def enrollment_progress_update(*, enrollment: Enrollment) -> Enrollment:
    """Recompute the course percentage and record completion when it is reached."""
    return _progress_update(enrollment=enrollment)


def _progress_update(*, enrollment: Enrollment, locked: bool = False) -> Enrollment:
    if not locked:
        enrollment = _locked(enrollment)
    standing = course_standing(enrollment=enrollment)
    if enrollment.completed_at is None and course_is_complete(standing=standing):
        _enrollment_complete(enrollment=enrollment)  # writes 100% with the completion
    elif standing.percent != enrollment.progress_percent:
        enrollment.progress_percent = standing.percent
        enrollment.save(update_fields=["progress_percent"])
    return enrollment


def _enrollment_complete(*, enrollment: Enrollment) -> bool:
    now = timezone.now()
    updated = Enrollment.objects.filter(
        pk=enrollment.pk, completed_at__isnull=True
    ).update(
        completed_at=now,
        status=Enrollment.Status.COMPLETED,
        progress_percent=100,
    )
    if not updated:
        return False
    # What the UPDATE wrote, without reading the row again.
    enrollment.completed_at = now
    enrollment.status = Enrollment.Status.COMPLETED
    enrollment.progress_percent = 100
    # The layers above (the Dinas ledger, the certificate owed) move with it.
    events.publish(
        events.EnrollmentCompleted(
            enrollment_id=enrollment.pk,
            user_id=enrollment.user_id,
            course_id=enrollment.course_id,
            completed_at=now,
        )
    )
    return True
