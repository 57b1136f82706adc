import pytest

from assessments.factories import quiz_place_in_lesson, quiz_with_questions
from assessments.services import answer_save, attempt_start, attempt_submit
from courses.models import CoursePage, LessonPage, LessonProgress
from courses.progress import lesson_reached_end
from lms.models import OwedWork

pytestmark = pytest.mark.django_db


def _take(quiz, enrollment, *, right: bool):
    attempt = attempt_start(quiz=quiz, enrollment=enrollment)
    question = attempt.answers.get().question
    answer_save(attempt=attempt, question=question, response=0 if right else 1)
    attempt, _ = attempt_submit(attempt=attempt)
    return attempt


@pytest.fixture
def posttest(course):
    quiz = quiz_with_questions(course=course, kinds=["single"], purpose="posttest")
    last = LessonPage.objects.descendant_of(course).order_by("path").last()
    quiz_place_in_lesson(quiz=quiz, lesson=last)
    return quiz


def _read_all_lessons(course, enrollment):
    for lesson in LessonPage.objects.descendant_of(course).order_by("path"):
        lesson_reached_end(enrollment=enrollment, lesson=lesson)


def test_a_failed_post_test_keeps_its_lesson_and_the_course_open(
    course, enrollment, posttest
):
    _read_all_lessons(course, enrollment)
    attempt = _take(posttest, enrollment, right=False)
    assert attempt.passed is False
    enrollment.refresh_from_db()
    assert enrollment.completed_at is None
    assert enrollment.progress_percent == 50


def test_passing_the_post_test_completes_its_lesson_and_the_course_once(
    course, enrollment, posttest, django_capture_on_commit_callbacks
):
    _read_all_lessons(course, enrollment)
    _take(posttest, enrollment, right=False)
    with django_capture_on_commit_callbacks() as callbacks:
        _take(posttest, enrollment, right=True)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    assert enrollment.progress_percent == 100
    assert (
        LessonProgress.objects.filter(enrollment=enrollment, status="completed").count()
        == 2
    )
    # The certificate is owed once, in the completion's own transaction.
    owed = OwedWork.objects.filter(
        task="certificates.tasks.certificate_issue_task",
        kwargs__enrollment_id=enrollment.pk,
    )
    assert owed.count() == 1
    assert len([c for c in callbacks if "work_owe" in repr(c)]) == 1


def test_a_pretest_is_done_once_submitted_whatever_the_score(course, enrollment):
    quiz = quiz_with_questions(course=course, kinds=["single"], purpose="pretest")
    assert quiz.is_done(enrollment=enrollment) is False
    _take(quiz, enrollment, right=False)
    assert quiz.is_done(enrollment=enrollment) is True


def test_the_course_score_policy_chooses_best_or_last_attempt(course, enrollment):
    quiz = quiz_with_questions(course=course, kinds=["single"], purpose="posttest")
    _take(quiz, enrollment, right=True)
    _take(quiz, enrollment, right=False)
    assert quiz.is_done(enrollment=enrollment) is True
    CoursePage.objects.filter(pk=course.pk).update(score_policy="last")
    enrollment.course.refresh_from_db()
    assert quiz.is_done(enrollment=enrollment) is False


def test_a_submit_that_completes_the_lesson_and_course_stays_a_few_queries(
    course, posttest, django_assert_max_num_queries
):
    """The submit is one transaction of a few round trips whatever the course's
    size (the benchmark's 50 ms target rests on it): grading, the progress row,
    the lesson, the course percentage and completion."""
    from courses.factories import EnrollmentFactory

    enrollment = EnrollmentFactory(
        course=course, user__village=None, user__cooperative=None
    )
    lessons = LessonPage.objects.descendant_of(course).order_by("path")
    for lesson in lessons[: len(lessons) - 1]:
        lesson_reached_end(enrollment=enrollment, lesson=lesson)
    attempt = attempt_start(quiz=posttest, enrollment=enrollment)
    answer_save(attempt=attempt, question=attempt.answers.get().question, response=0)
    with django_assert_max_num_queries(18):
        attempt, graded = attempt_submit(attempt=attempt)
    assert graded and attempt.passed
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    assert enrollment.progress_percent == 100
    assert enrollment.last_lesson_id == lessons.last().pk
