"""The completion rules, each decided by one function of `courses.progress`.

Settled here (issue 17): a lesson *with* counting activities completes as soon as
they are all done, its end reached or not, so a post-test passed can complete the
course at once; a lesson *without* them completes only when its end is reached
("Tandai selesai"), even when it holds an activity that does not count.
"""

import pytest

from assessments.factories import quiz_place_in_lesson, quiz_with_questions
from assessments.services import answer_save, attempt_start, attempt_submit
from courses.factories import EnrollmentFactory, course_tree
from courses.models import LessonActivity, LessonPage, LessonProgress
from courses.progress import (
    CourseStanding,
    course_is_complete,
    course_standing,
    lesson_is_complete,
    lesson_reached_end,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("activities_done", "end_reached", "complete"),
    [
        ([], False, False),  # a reading lesson, not read to its end
        ([], True, True),  # … read to its end
        ([True], False, True),  # its activity done: the end need not be reached
        ([True, True], True, True),
        ([True, False], True, False),  # reaching the end does not excuse an activity
        ([False], False, False),
    ],
)
def test_the_lesson_rule(activities_done, end_reached, complete):
    assert (
        lesson_is_complete(activities_done=activities_done, end_reached=end_reached)
        is complete
    )


@pytest.mark.parametrize(
    ("lessons", "completed", "complete", "percent"),
    [(0, 0, False, 0), (4, 0, False, 0), (4, 3, False, 75), (4, 4, True, 100)],
)
def test_the_course_rule(lessons, completed, complete, percent):
    standing = CourseStanding(lessons=lessons, lessons_completed=completed)
    assert course_is_complete(standing=standing) is complete
    assert standing.percent == percent


def _pass(quiz, enrollment):
    attempt = attempt_start(quiz=quiz, enrollment=enrollment)
    answer_save(attempt=attempt, question=attempt.answers.get().question, response=0)
    attempt, _graded = attempt_submit(attempt=attempt)
    assert attempt.status == attempt.Status.GRADED
    return attempt


@pytest.fixture
def course():
    return course_tree(modules=1, lessons=2)


@pytest.fixture
def lessons(course):
    return list(LessonPage.objects.descendant_of(course).order_by("path"))


@pytest.fixture
def enrollment(course):
    return EnrollmentFactory(course=course)


def test_a_passed_post_test_completes_its_lesson_and_the_course_at_once(
    course, lessons, enrollment
):
    reading, last = lessons
    posttest = quiz_with_questions(course=course, purpose="posttest")
    quiz_place_in_lesson(quiz=posttest, lesson=last)
    lesson_reached_end(enrollment=enrollment, lesson=reading)

    _pass(posttest, enrollment)  # the post-test lesson's end is never reached

    progress = LessonProgress.objects.get(enrollment=enrollment, lesson=last)
    assert progress.status == LessonProgress.Status.COMPLETED
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    assert enrollment.progress_percent == 100


def test_a_lesson_whose_only_activity_does_not_count_completes_at_its_end(
    course, lessons, enrollment
):
    """The copies disagreed: the activity path completed such a lesson on any
    result, the docstring said only its end does. The end decides."""
    lesson = lessons[0]
    practice = quiz_with_questions(course=course, purpose="practice")
    quiz_place_in_lesson(quiz=practice, lesson=lesson)
    LessonActivity.objects.filter(lesson=lesson).update(counts_for_completion=False)

    _pass(practice, enrollment)

    progress = LessonProgress.objects.get(enrollment=enrollment, lesson=lesson)
    assert progress.status == LessonProgress.Status.IN_PROGRESS
    assert course_standing(enrollment=enrollment).lessons_completed == 0

    progress = lesson_reached_end(enrollment=enrollment, lesson=lesson)
    assert progress.status == LessonProgress.Status.COMPLETED
    assert course_standing(enrollment=enrollment) == CourseStanding(
        lessons=2, lessons_completed=1
    )


def test_reaching_the_end_of_a_lesson_with_a_quiz_not_passed_keeps_it_open(
    course, lessons, enrollment
):
    lesson = lessons[1]
    posttest = quiz_with_questions(course=course, purpose="posttest")
    quiz_place_in_lesson(quiz=posttest, lesson=lesson)

    progress = lesson_reached_end(enrollment=enrollment, lesson=lesson)

    assert progress.status == LessonProgress.Status.IN_PROGRESS
    enrollment.refresh_from_db()
    assert enrollment.progress_percent == 0
