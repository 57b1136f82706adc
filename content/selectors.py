"""Reads of the content app: who may play an activity where, results and scores."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists

from wagtail.models import Page

from courses.models import CoursePage, Enrollment, LessonActivity, LessonPage
from courses.scoring import score_that_counts
from lms.models import Role, User
from lms.rows import RowModel, fetch_one

from .h5p import Library, LibraryRef, library_from_json
from .models import H5PActivity, H5PLibrary, H5PResult, H5PUserData


def enrollment_for_play(
    *, user: User, activity: H5PActivity, lesson: LessonPage | None
) -> Enrollment | None:
    """The enrolment a result of this activity counts for: the participant is
    enrolled in the course of a live lesson that holds the activity.

    One query (the enrolment, with its course, among the lesson's ancestors,
    where the lesson holds the activity); asked by every statement and player."""
    if lesson is None or not user.is_authenticated or not activity.is_ready:
        return None
    if not lesson.live:
        return None
    holds = LessonActivity.objects.filter(
        lesson_id=lesson.pk,
        content_type=ContentType.objects.get_for_model(activity),
        object_id=activity.pk,
    )
    ancestors = [
        lesson.path[: level * lesson.steplen] for level in range(1, lesson.depth)
    ]
    found = (
        Enrollment.objects.filter(user_id=user.pk, course__path__in=ancestors)
        .filter(Exists(holds))
        .select_related("course")
        .order_by()[:1]
    )
    return next(iter(found), None)


# The activity; the lesson's link to it (its unique index), the lesson if live;
# the participant's enrolment (by their user id) in a course that is an ancestor
# of that lesson (at most one: a lesson has one course), its course; their result
# in the activity (its unique index).
_STATEMENT_FROM = (
    " FROM content_h5pactivity a"
    " LEFT JOIN courses_lessonactivity la"
    "  ON la.lesson_id = %(lesson)s AND la.object_id = a.id"
    "  AND la.content_type_id = (SELECT t.id FROM django_content_type t"
    "   WHERE t.app_label = %(app_label)s AND t.model = %(model)s)"
    " LEFT JOIN wagtailcore_page l ON l.id = la.lesson_id AND l.live"
    " LEFT JOIN courses_enrollment e ON e.user_id = %(user)s AND EXISTS ("
    "  SELECT 1 FROM wagtailcore_page c2"
    "  WHERE c2.id = e.course_id AND l.path LIKE c2.path || '%%')"
    " LEFT JOIN wagtailcore_page cpage ON cpage.id = e.course_id"
    " LEFT JOIN courses_coursepage c ON c.page_ptr_id = e.course_id"
    " LEFT JOIN content_h5presult r"
    "  ON r.enrollment_id = e.id AND r.activity_id = a.id"
    " WHERE a.id = %(activity)s"
    " LIMIT 1"
)


def _statement_rows() -> tuple[RowModel, RowModel, RowModel, RowModel, str]:
    """The statement read's column sets and SQL (built once, on first use)."""
    global _STATEMENT_ROWS
    if _STATEMENT_ROWS is None:
        activity = RowModel(
            H5PActivity,
            {H5PActivity: "a"},
            # Large and unread by a statement: deferred.
            skip=("h5p_json", "problems", "notes"),
        )
        enrollment = RowModel(Enrollment, {Enrollment: "e"})
        course = RowModel(CoursePage, {Page: "cpage", CoursePage: "c"})
        result = RowModel(
            H5PResult,
            {H5PResult: "r"},
            skip=("enrollment_id", "activity_id"),
        )
        columns = [activity, enrollment, course, result]
        # Column names from the models' metadata; the values are parameters.
        sql = f"SELECT {', '.join(c.select for c in columns)}{_STATEMENT_FROM}"  # noqa: S608
        _STATEMENT_ROWS = (activity, enrollment, course, result, sql)
    return _STATEMENT_ROWS


_STATEMENT_ROWS: tuple[RowModel, RowModel, RowModel, RowModel, str] | None = None


def statement_target(
    *, user: User, activity_id: int, lesson_id: int | None
) -> tuple[H5PActivity | None, Enrollment | None]:
    """What an xAPI statement about this activity, from this lesson (known by its
    id, as a statement names it), needs, in one query of constant SQL: the
    activity (None when there is none; its package metadata deferred) and the
    participant's enrolment (with its course) in a course where that live lesson
    holds the activity, with their result in the activity as `result_row` (None
    before their first score). The enrolment is None when there is no such
    enrolment, no lesson, or the activity has nothing to play (`enrollment_for_play`'s
    rule for a lesson known by its id)."""
    activity_rows, enrollment_rows, course_rows, result_rows, sql = _statement_rows()
    row = fetch_one(
        sql,
        {
            "user": user.pk if user.is_authenticated else None,
            "lesson": lesson_id,
            "app_label": H5PActivity._meta.app_label,
            "model": H5PActivity._meta.model_name,
            "activity": activity_id,
        },
    )
    if row is None:
        return None, None
    at = len(activity_rows)
    activity = activity_rows.instance(row[:at])
    values = row[at : at + len(enrollment_rows)]
    at += len(enrollment_rows)
    if values[0] is None or lesson_id is None or not activity.is_ready:
        return activity, None
    enrollment = enrollment_rows.instance(values)
    enrollment.course = course_rows.instance(row[at : at + len(course_rows)])
    at += len(course_rows)
    values = row[at:]
    result = None
    if values[0] is not None:
        result = result_rows.instance(values)
        result.enrollment = enrollment
        result.activity = activity
    # A transient attribute, read by the statement service.
    setattr(enrollment, "result_row", result)  # noqa: B010
    return activity, enrollment


def statement_enrollment(
    *, user: User, activity: H5PActivity, lesson_id: int | None
) -> Enrollment | None:
    """`statement_target`'s enrolment for an activity already read."""
    if lesson_id is None or not user.is_authenticated or not activity.is_ready:
        return None
    return statement_target(user=user, activity_id=activity.pk, lesson_id=lesson_id)[1]


def can_play(*, user: User, activity: H5PActivity, lesson: LessonPage | None) -> bool:
    """Participants play in their courses' lessons; staff preview anywhere."""
    if not user.is_authenticated or not activity.is_ready:
        return False
    if user.is_admin or user.role == Role.INSTRUCTOR:
        return True
    return enrollment_for_play(user=user, activity=activity, lesson=lesson) is not None


def user_state(*, user: User, activity: H5PActivity) -> dict[str, dict[str, str]]:
    """Saved resume state as H5P core reads it: {subContentId: {dataType: json}}."""
    if not user.is_authenticated:
        return {}
    state: dict[str, dict[str, str]] = {}
    for row in H5PUserData.objects.filter(user=user, activity=activity):
        state.setdefault(row.sub_content_id, {})[row.data_type] = row.data
    return state


@dataclass(frozen=True)
class ActivityScore:
    """An enrolment's score in an activity, by its course's policy (best or last)."""

    percent: float | None
    best_percent: float | None
    last_percent: float | None
    raw: float | None
    max: float | None
    attempts: int
    completed: bool
    done: bool


def _percent(scaled: float | None) -> float | None:
    return None if scaled is None else round(100 * scaled, 1)


def _score(result: H5PResult, *, policy: str, pass_score: int) -> ActivityScore:
    scaled, raw, maximum = score_that_counts(
        policy=policy,
        best=(result.best_scaled, result.best_raw, result.best_max),
        last=(result.last_scaled, result.last_raw, result.last_max),
    )
    percent = _percent(scaled)
    done = (percent is not None and percent >= pass_score) or (
        pass_score == 0 and result.completed
    )
    return ActivityScore(
        percent=percent,
        best_percent=_percent(result.best_scaled),
        last_percent=_percent(result.last_scaled),
        raw=raw,
        max=maximum,
        attempts=result.attempts,
        completed=result.completed,
        done=done,
    )


def activity_scores(
    enrollments: Iterable[Enrollment | int], activities: Iterable[H5PActivity | int]
) -> dict[tuple[int, int], ActivityScore]:
    """Scores keyed by (enrollment id, activity id), for the gradebook: only pairs
    with a result are present. Two queries, whatever the number of pairs."""
    enrollment_ids = [getattr(e, "pk", e) for e in enrollments]
    activity_ids = [getattr(a, "pk", a) for a in activities]
    results = H5PResult.objects.filter(
        enrollment_id__in=enrollment_ids, activity_id__in=activity_ids
    ).select_related("enrollment__course", "activity")
    return {
        (r.enrollment_id, r.activity_id): _score(
            r,
            policy=r.enrollment.course.score_policy,
            pass_score=r.activity.pass_score,
        )
        for r in results
    }


def activity_score(
    *, enrollment: Enrollment, activity: H5PActivity
) -> ActivityScore | None:
    return activity_scores([enrollment], [activity]).get((enrollment.pk, activity.pk))


def result_score(
    *, enrollment: Enrollment, activity: H5PActivity, result: H5PResult | None
) -> ActivityScore | None:
    """The score of an enrolment (its course loaded) from its result row, which
    the caller holds: no query."""
    if result is None:
        return None
    return _score(
        result,
        policy=enrollment.course.score_policy,
        pass_score=activity.pass_score,
    )


def enrollment_result(
    *, enrollment: Enrollment, activity: H5PActivity
) -> H5PResult | None:
    """The enrolment's result row in an activity (its unique index, no join)."""
    return H5PResult.objects.filter(
        enrollment_id=enrollment.pk, activity_id=activity.pk
    ).first()


def activity_is_done(*, activity: H5PActivity, enrollment: Enrollment) -> bool:
    if not activity.is_ready:
        # Nothing to play (no package installed yet, or only a refused one): it
        # cannot hold the lesson back; its block says so.
        return True
    score = activity_score(enrollment=enrollment, activity=activity)
    return score is not None and score.done


def enrollment_activity_scores(*, enrollment: Enrollment) -> list[dict]:
    """The participant's H5P results in a course, for their progress page."""
    results = (
        H5PResult.objects.filter(enrollment=enrollment)
        .select_related("activity")
        .order_by("activity__title")
    )
    policy = enrollment.course.score_policy
    return [
        {
            "activity": r.activity,
            "score": _score(r, policy=policy, pass_score=r.activity.pass_score),
        }
        for r in results
    ]


def stored_libraries() -> dict[LibraryRef, Library]:
    """Every stored library version, with its patch version and dependencies (as
    package validation and install check a package against them)."""
    return {
        row.ref: library_from_json(row.library_json) for row in H5PLibrary.objects.all()
    }
