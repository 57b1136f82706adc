"""Reads of the courses app: what the catalogue, course and lesson pages show."""

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from wagtail.models import Page

from lms import scoping
from lms.models import Role, User
from lms.phones import looks_like_phone, normalize_phone
from lms.rows import RowModel, fetch_one

from .models import (
    Cohort,
    CourseIndexPage,
    CoursePage,
    Enrollment,
    LessonActivity,
    LessonPage,
    LessonProgress,
    ModulePage,
    Track,
)
from .progress import course_lessons


def enrollment_for(*, user: User, course: CoursePage) -> Enrollment | None:
    if not user.is_authenticated:
        return None
    return Enrollment.objects.filter(user=user, course=course).first()


def can_read_lessons(
    *, user: User, course: CoursePage, enrollment: Enrollment | None
) -> bool:
    """Enrolled participants read a course's lessons; staff and its Balai's instructors too."""
    if enrollment is not None:
        return True
    if not user.is_authenticated:
        return False
    return scoping.teaches(user, balai_id=course.balai_id)


def catalogue_context(*, index: CourseIndexPage, request: HttpRequest) -> dict:
    courses = (
        CoursePage.objects.live()
        .child_of(index)
        .select_related("track", "cover_image")
        .order_by("track__sort_order", "title")
    )
    track_slug = request.GET.get("jalur", "")
    if track_slug:
        courses = courses.filter(track__slug=track_slug)
    enrolled_ids: set[int] = set()
    if request.user.is_authenticated:
        enrolled_ids = set(
            Enrollment.objects.filter(user=request.user).values_list(
                "course_id", flat=True
            )
        )
    return {
        "courses": courses,
        "tracks": Track.objects.all(),
        "current_track": track_slug,
        "enrolled_ids": enrolled_ids,
    }


def course_outline(*, course: CoursePage, enrollment: Enrollment | None) -> list[dict]:
    """Modules with their lessons, each lesson with the participant's status."""
    modules = list(ModulePage.objects.live().child_of(course).order_by("path"))
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
    status: dict[int, str] = {}
    if enrollment is not None:
        status = dict(
            LessonProgress.objects.filter(enrollment=enrollment).values_list(
                "lesson_id", "status"
            )
        )
    outline = []
    for module in modules:
        items = [
            {"lesson": lesson, "status": status.get(lesson.pk, "")}
            for lesson in lessons
            if lesson.path.startswith(module.path)
        ]
        done = sum(
            1 for item in items if item["status"] == LessonProgress.Status.COMPLETED
        )
        outline.append(
            {
                "module": module,
                "lessons": items,
                "done": done,
                "percent": round(100 * done / len(items)) if items else 0,
            }
        )
    return outline


def continue_lesson(
    *, course: CoursePage, enrollment: Enrollment | None
) -> LessonPage | None:
    """Where the participant left off: the first lesson not completed after the last one."""
    lessons = list(course_lessons(course))
    if not lessons:
        return None
    if enrollment is None:
        return lessons[0]
    completed = set(
        LessonProgress.objects.filter(
            enrollment=enrollment, status=LessonProgress.Status.COMPLETED
        ).values_list("lesson_id", flat=True)
    )
    if enrollment.last_lesson_id and enrollment.last_lesson_id not in completed:
        return next(
            (x for x in lessons if x.pk == enrollment.last_lesson_id), lessons[0]
        )
    return next((x for x in lessons if x.pk not in completed), None)


def course_context(*, course: CoursePage, user: User) -> dict:
    enrollment = enrollment_for(user=user, course=course)
    return {
        "enrollment": enrollment,
        "outline": course_outline(course=course, enrollment=enrollment),
        "continue_lesson": continue_lesson(course=course, enrollment=enrollment),
        "can_read": can_read_lessons(user=user, course=course, enrollment=enrollment),
        "can_enroll": (
            enrollment is None
            and course.self_enrollment
            and (not user.is_authenticated or user.role == Role.PARTICIPANT)
        ),
    }


def lesson_place(*, lesson: LessonPage, course: CoursePage) -> tuple:
    """(module, previous lesson, next lesson) of a lesson: its module and the live
    lessons of its course (pages two levels below the course, which only lessons
    can be), in tree order, as plain pages with what the page shows (title, URL).

    Read with the page when `courses.routing` served it (`route_place`), else in
    one query."""
    module_path = _ancestor_path(lesson, 1)
    known = getattr(lesson, "route_place", None)
    if known is not None:
        return _place_from_rows(known, lesson=lesson, module_path=module_path)
    else:
        rows = list(
            Page.objects.filter(
                Q(path=module_path)
                | Q(path__startswith=course.path, depth=lesson.depth, live=True)
            )
            .order_by("path")
            .only("pk", "title", "url_path", "path", "depth", "live")
        )
    module = next((row for row in rows if row.path == module_path), None)
    lessons = [row for row in rows if row.depth == lesson.depth]
    index = next((i for i, x in enumerate(lessons) if x.pk == lesson.pk), None)
    if index is None:
        return module, None, None
    previous = lessons[index - 1] if index > 0 else None
    following = lessons[index + 1] if index + 1 < len(lessons) else None
    return module, previous, following


def _place_from_rows(
    rows: list[dict], *, lesson: LessonPage, module_path: str
) -> tuple[Page | None, Page | None, Page | None]:
    """`lesson_place` from the route's rows: pages built only for the three shown."""

    def page(row: dict | None) -> Page | None:
        if row is None:
            return None
        fields = ("pk", "title", "url_path", "path", "depth")
        return Page(**{name: row[name] for name in fields})

    module = next((row for row in rows if row["path"] == module_path), None)
    lessons = [row for row in rows if row["depth"] == lesson.depth]
    index = next((i for i, x in enumerate(lessons) if x["pk"] == lesson.pk), None)
    if index is None:
        return page(module), None, None
    previous = lessons[index - 1] if index > 0 else None
    following = lessons[index + 1] if index + 1 < len(lessons) else None
    return page(module), page(previous), page(following)


# The user's enrolment in the course at a path, its course, their progress in a
# lesson (the unique (enrolment, lesson) index) and whether that lesson has
# counting activities. The route query of a lesson reads the same columns
# (`courses.routing`, with `lesson_enrollment_select`).
_LESSON_ENROLLMENT_FROM = (
    " FROM courses_enrollment e"
    " JOIN wagtailcore_page cpage ON cpage.id = e.course_id"
    " JOIN courses_coursepage c ON c.page_ptr_id = e.course_id"
    " LEFT JOIN courses_lessonprogress lp"
    "  ON lp.enrollment_id = e.id AND lp.lesson_id = %(lesson)s"
    " WHERE e.user_id = %(user)s AND cpage.path = %(course_path)s"
    " LIMIT 1"  # one at most (unique user, course): no sort
)
_LESSON_ENROLLMENT_ROWS: tuple[RowModel, RowModel, RowModel, str] | None = None


def _lesson_enrollment_rows() -> tuple[RowModel, RowModel, RowModel, str]:
    """The enrolment's, course's and progress's column sets (aliases e, cpage, c,
    lp) and the select list (built once, on first use)."""
    global _LESSON_ENROLLMENT_ROWS
    if _LESSON_ENROLLMENT_ROWS is None:
        enrollment = RowModel(Enrollment, {Enrollment: "e"})
        course = RowModel(CoursePage, {Page: "cpage", CoursePage: "c"})
        progress = RowModel(LessonProgress, {LessonProgress: "lp"})
        columns = ", ".join(r.select for r in (enrollment, course, progress))
        _LESSON_ENROLLMENT_ROWS = (enrollment, course, progress, columns)
    return _LESSON_ENROLLMENT_ROWS


def lesson_enrollment_select(lesson_id_sql: str) -> str:
    """The select list of a lesson's enrolment read: the columns of the enrolment
    (alias e), its course (cpage, c) and the progress (lp), then whether the lesson
    (its id: `lesson_id_sql`, a column or a placeholder) has counting activities.
    Its row is read by `lesson_enrollment_from_row`."""
    columns = _lesson_enrollment_rows()[-1]
    has_activities = (
        "EXISTS (SELECT 1 FROM courses_lessonactivity la"
        " WHERE la.lesson_id = {} AND la.counts_for_completion)"
    )
    return f"{columns}, {has_activities.format(lesson_id_sql)}"


def lesson_enrollment_from_row(values: Sequence[Any], user: User) -> Enrollment | None:
    """The enrolment of a row selected by `lesson_enrollment_select` (None when
    the row has none), as `lesson_enrollment` answers it."""
    enrollment_rows, course_rows, progress_rows, _columns = _lesson_enrollment_rows()
    if values[0] is None:
        return None
    at = len(enrollment_rows)
    enrollment = enrollment_rows.instance(values[:at])
    enrollment.user = user
    enrollment.course = course_rows.instance(values[at : at + len(course_rows)])
    at += len(course_rows)
    progress_values = values[at : at + len(progress_rows)]
    progress = None
    if progress_values[0] is not None:
        progress = progress_rows.instance(progress_values)
        progress.enrollment = enrollment
    enrollment.lesson_has_activities = bool(values[at + len(progress_rows)])
    # A transient attribute, read by the visit hook.
    setattr(enrollment, "lesson_progress_row", progress)  # noqa: B010
    return enrollment


def lesson_enrollment(*, lesson: LessonPage, user: User) -> Enrollment | None:
    """The user's enrolment in the course holding this lesson, if any, with its
    course and, as `lesson_progress_row`, their progress in this lesson (None
    before their first visit), and whether the lesson has counting activities
    (`lesson_has_activities`). The request's user is not read again.

    Read with the page when `courses.routing` served it for this user
    (`route_enrollment`); else in one query of constant SQL (`lms.rows`: no ORM
    compile per view), the progress by a join on its unique (enrolment, lesson)
    index."""
    if not user.is_authenticated:
        return None
    known = getattr(lesson, "route_enrollment", None)
    if known is not None and known[0] == user.pk:
        return known[1]
    # Column names from the models' metadata; the values are parameters.
    sql = f"SELECT {lesson_enrollment_select('%(lesson)s')}{_LESSON_ENROLLMENT_FROM}"  # noqa: S608
    row = fetch_one(
        sql,
        {
            "lesson": lesson.pk,
            "user": user.pk,
            "course_path": _ancestor_path(lesson, 2),
        },
    )
    if row is None:
        return None
    return lesson_enrollment_from_row(row, user)


def _ancestor_path(page: Page, levels: int) -> str:
    """The tree path of the page `levels` above (lesson → module 1, → course 2)."""
    return page.path[: len(page.path) - levels * page.steplen]


def lesson_context(
    *,
    lesson: LessonPage,
    user: User,
    enrollment: Enrollment | None = None,
    progress: LessonProgress | None = None,
) -> dict:
    """What a lesson page shows. `enrollment` and `progress`, when the caller has
    already read them for this request, are not read again.

    A participant's page reads nothing more: the visit hook read the enrolment,
    the progress and whether the lesson has counting activities, the route the
    module and the neighbours (`lesson_place`); the body comes from its cache
    (`courses.lesson_body`)."""
    if enrollment is not None:
        course = enrollment.course
    else:
        course = CoursePage.objects.select_related("balai").get(
            path=_ancestor_path(lesson, 2)
        )
        enrollment = enrollment_for(user=user, course=course)
    if enrollment is not None and progress is None:
        progress = LessonProgress.objects.filter(
            enrollment=enrollment, lesson=lesson
        ).first()
    module, previous, following = lesson_place(lesson=lesson, course=course)

    def has_activities() -> bool:  # asked by the template only before completion
        known = getattr(enrollment, "lesson_has_activities", None)
        if known is not None:
            return known
        return LessonActivity.objects.filter(
            lesson=lesson, counts_for_completion=True
        ).exists()

    return {
        "course": course,
        "module": module,
        "enrollment": enrollment,
        # The participant's own value on a shared page (`courses.lesson_page`).
        "progress_percent": enrollment.progress_percent if enrollment else None,
        "progress": progress,
        "is_completed": bool(
            progress and progress.status == LessonProgress.Status.COMPLETED
        ),
        "can_read": can_read_lessons(user=user, course=course, enrollment=enrollment),
        "has_activities": has_activities,
        "previous_lesson": previous,
        "next_lesson": following,
    }


def home_courses(*, user: User) -> QuerySet[Enrollment]:
    """The participant's own courses, most recently active first ("Pembelajaran saya")."""
    return (
        Enrollment.objects.filter(user=user)
        .select_related("course", "last_lesson", "course__track")
        .order_by("completed_at", "-started_at", "-enrolled_at")
    )


def visible_cohorts(*, user: User) -> QuerySet[Cohort]:
    """Cohorts a user manages: all for administrators, their Balai's for instructors."""
    return Cohort.objects.select_related("course").filter(
        scoping.balai_q(user, "course__balai_id")
    )


def cohort_courses(*, user: User) -> QuerySet[CoursePage]:
    """Courses a user may open a cohort for."""
    return CoursePage.objects.order_by("title").filter(scoping.balai_q(user))


def cohort_candidates(*, user: User, query: str = "") -> QuerySet[User]:
    """Participants a user may pick from a list to enrol into a cohort.

    Administrators pick from everyone; instructors from the participants already
    enrolled in their Balai's courses (lms.scoping: an instructor sees no region).
    Others are enrolled by pasting their phone number or email.
    """
    participants = (
        User.objects.filter(role=Role.PARTICIPANT, is_active=True)
        .filter(scoping.balai_q(user, "enrollments__course__balai_id"))
        .distinct()
    )
    query = query.strip()
    if query:
        match = Q(full_name__icontains=query) | Q(email__icontains=query)
        digits = query.lstrip("0+")
        if digits.isdigit():
            match |= Q(phone__contains=digits)
        participants = participants.filter(match)
    return participants.order_by("full_name")


def participants_by_identifiers(
    *, identifiers: list[str]
) -> tuple[list[User], list[str]]:
    """Participants named by phone numbers or emails; returns (found, not found).

    Each identifier is a phone number (any usual shape: 0812…, +62812…) or an email.
    An identifier that names no active participant is returned in "not found".
    """
    found: dict[int, User] = {}
    missing: list[str] = []
    participants = User.objects.filter(role=Role.PARTICIPANT, is_active=True)
    for raw in identifiers:
        text = raw.strip()
        if not text:
            continue
        user = None
        if looks_like_phone(text):
            try:
                user = participants.filter(phone=normalize_phone(text)).first()
            except ValidationError:
                user = None
        elif "@" in text:
            user = participants.filter(email__iexact=text).first()
        if user is None:
            missing.append(text)
        else:
            found.setdefault(user.pk, user)
    return list(found.values()), missing


def course_changes(*, course: CoursePage) -> list[Page]:
    """The course's modules and lessons with changes not yet live (new ones too),
    in tree order: what one review of the course covers."""
    return list(
        course.get_descendants()
        .filter(has_unpublished_changes=True)
        .order_by("path")
        .specific()
    )
