"""Completion counts attendance and offline results, decided by the one rule
(`courses.progress.course_is_complete`, its facts read by `course_standing`)."""

import datetime
from decimal import Decimal

import pytest

from courses.blended.services import (
    attendance_mark,
    cohort_rule_update,
    offline_results_record,
)
from courses.factories import (
    CohortFactory,
    EnrollmentFactory,
    OfflineComponentFactory,
    SessionFactory,
    course_tree,
)
from courses.models import LessonPage
from courses.progress import (
    CourseStanding,
    course_is_complete,
    course_standing,
    lesson_reached_end,
    sessions_needed,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("sessions", "share", "required", "needed"),
    [
        (3, 0, 0, 0),
        (3, 100, 0, 3),
        (3, 80, 0, 3),
        (3, 60, 0, 2),
        (10, 75, 0, 8),
        (3, 0, 1, 1),
        (3, 50, 3, 3),
        (0, 60, 0, 1),  # attendance asked, nothing scheduled yet
    ],
)
def test_sessions_needed_rounds_the_share_up_and_counts_named_sessions(
    sessions, share, required, needed
):
    assert (
        sessions_needed(sessions=sessions, min_percent=share, required=required)
        == needed
    )


@pytest.mark.parametrize(
    ("standing", "complete", "percent"),
    [
        (CourseStanding(lessons=2, lessons_completed=2), True, 100),
        (
            CourseStanding(
                lessons=2, lessons_completed=2, sessions_needed=3, sessions_attended=2
            ),
            False,
            80,
        ),
        (
            CourseStanding(
                lessons=2, lessons_completed=2, sessions_needed=3, sessions_attended=3
            ),
            True,
            100,
        ),
        # every lesson and enough sessions, but a named one missed: not complete,
        # and the bar stops short of 100
        (
            CourseStanding(
                lessons=2,
                lessons_completed=2,
                sessions_needed=2,
                sessions_attended=2,
                required_sessions_missed=1,
            ),
            False,
            99,
        ),
        (CourseStanding(lessons=2, lessons_completed=2, offline_required=1), False, 67),
        (
            CourseStanding(
                lessons=2, lessons_completed=2, offline_required=1, offline_passed=1
            ),
            True,
            100,
        ),
        # a programme of sessions only
        (
            CourseStanding(
                lessons=0, lessons_completed=0, sessions_needed=2, sessions_attended=2
            ),
            True,
            100,
        ),
    ],
)
def test_the_course_rule_with_attendance_and_offline_results(
    standing, complete, percent
):
    assert course_is_complete(standing=standing) is complete
    assert standing.percent == percent


@pytest.fixture
def blended(db):
    course = course_tree(modules=1, lessons=1)
    cohort = CohortFactory(course=course, attendance_min_percent=100)
    sessions = [
        SessionFactory(
            cohort=cohort,
            starts_at=datetime.datetime(2026, 1, 5 + n, 1, tzinfo=datetime.UTC),
            ends_at=datetime.datetime(2026, 1, 5 + n, 3, tzinfo=datetime.UTC),
        )
        for n in range(3)
    ]
    enrollment = EnrollmentFactory(course=course, cohort=cohort)
    lesson = LessonPage.objects.descendant_of(course).get()
    return cohort, sessions, enrollment, lesson


def test_a_participant_who_read_everything_completes_only_with_the_attendance(
    blended,
):
    cohort, sessions, enrollment, lesson = blended
    lesson_reached_end(enrollment=enrollment, lesson=lesson)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None
    assert enrollment.progress_percent == 25  # one lesson of four units

    for n, session in enumerate(sessions):
        attendance_mark(
            session=session,
            enrollment_id=enrollment.pk,
            status="terlambat" if n == 1 else "hadir",
            actor=None,
            key=f"k{n}",
        )
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None  # terlambat counts as present
    assert enrollment.progress_percent == 100


def test_izin_and_sakit_do_not_count_as_present(blended):
    cohort, sessions, enrollment, lesson = blended
    lesson_reached_end(enrollment=enrollment, lesson=lesson)
    for n, (session, status) in enumerate(
        zip(sessions, ["hadir", "izin", "sakit"], strict=True)
    ):
        attendance_mark(
            session=session,
            enrollment_id=enrollment.pk,
            status=status,
            actor=None,
            key=f"k{n}",
        )
    standing = course_standing(enrollment=enrollment)
    assert (standing.sessions_needed, standing.sessions_attended) == (3, 1)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None


def test_a_named_session_must_be_attended_whatever_the_share(blended):
    cohort, sessions, enrollment, lesson = blended
    cohort.attendance_min_percent = 50
    cohort.save()
    sessions[2].required = True
    sessions[2].save()
    lesson_reached_end(enrollment=enrollment, lesson=lesson)
    for n in range(2):
        attendance_mark(
            session=sessions[n],
            enrollment_id=enrollment.pk,
            status="hadir",
            actor=None,
            key=f"k{n}",
        )
    standing = course_standing(enrollment=enrollment)
    assert standing.sessions_attended == 2 and standing.required_sessions_missed == 1
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None
    attendance_mark(
        session=sessions[2],
        enrollment_id=enrollment.pk,
        status="hadir",
        actor=None,
        key="k2",
    )
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None


def test_an_offline_component_with_a_pass_mark_must_be_passed(blended):
    cohort, sessions, enrollment, lesson = blended
    cohort_rule_update(
        cohort=cohort,
        funding_source="",
        budget_year=None,
        budget_line="",
        attendance_min_percent=0,
        evaluation_required=False,
        certificates_at_close=False,
        signatory_name="",
        signatory_title="",
        signatory_nip="",
        report_place="",
    )
    component = OfflineComponentFactory(cohort=cohort, pass_mark=70)
    lesson_reached_end(enrollment=enrollment, lesson=lesson)
    offline_results_record(
        component=component, scores={enrollment.pk: Decimal("65")}, actor=None
    )
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None
    offline_results_record(
        component=component, scores={enrollment.pk: Decimal("82.5")}, actor=None
    )
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None


def test_an_enrolment_outside_any_cohort_reads_one_query(django_assert_num_queries):
    course = course_tree(modules=1, lessons=2)
    enrollment = EnrollmentFactory(course=course)
    enrollment = type(enrollment).objects.select_related("course").get(pk=enrollment.pk)
    with django_assert_num_queries(1):
        course_standing(enrollment=enrollment)


def test_an_enrolment_in_a_cohort_reads_one_query_more(
    blended, django_assert_num_queries
):
    _cohort, _sessions, enrollment, _lesson = blended
    enrollment = type(enrollment).objects.select_related("course").get(pk=enrollment.pk)
    with django_assert_num_queries(2):
        standing = course_standing(enrollment=enrollment)
    assert standing.sessions_needed == 3
