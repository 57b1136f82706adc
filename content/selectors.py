"""Reads of the content app: who may play an activity where, results and scores."""

from collections.abc import Iterable
from dataclasses import dataclass

from courses.models import CoursePage, Enrollment, LessonActivity, LessonPage
from courses.scoring import score_that_counts
from courses.selectors import enrollment_for
from lms.models import Role, User

from .h5p import Library, LibraryRef, library_from_json
from .models import H5PActivity, H5PLibrary, H5PResult, H5PUserData


def lesson_course(lesson: LessonPage) -> CoursePage | None:
    course = CoursePage.objects.ancestor_of(lesson).first()
    return course.specific if course is not None else None


def lesson_holds_activity(*, lesson: LessonPage, activity: H5PActivity) -> bool:
    return LessonActivity.objects.filter(
        lesson=lesson,
        content_type__app_label=activity._meta.app_label,
        content_type__model=activity._meta.model_name,
        object_id=activity.pk,
    ).exists()


def enrollment_for_play(
    *, user: User, activity: H5PActivity, lesson: LessonPage | None
) -> Enrollment | None:
    """The enrolment a result of this activity counts for: the participant is
    enrolled in the course of a live lesson that holds the activity."""
    if lesson is None or not user.is_authenticated or not activity.is_ready:
        return None
    if not lesson.live or not lesson_holds_activity(lesson=lesson, activity=activity):
        return None
    course = lesson_course(lesson)
    if course is None:
        return None
    return enrollment_for(user=user, course=course)


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
