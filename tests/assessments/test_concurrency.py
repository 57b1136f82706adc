"""Concurrency: on PostgreSQL, threads with their own connections race for real.

(On SQLite, which serialises writers, the same calls run one after another and the
same assertions hold.)
"""

import threading

import pytest

from django.db import connection, connections

from assessments.factories import quiz_place_in_lesson, quiz_with_questions
from assessments.models import Attempt
from assessments.services import answer_save, attempt_start, attempt_submit
from courses.factories import EnrollmentFactory, course_tree
from courses.models import Enrollment, LessonPage
from lms.dinas.models import VillageCourseCounter


def _race(*calls):
    """Run the calls at the same moment in threads (sequentially on SQLite)."""
    results, errors = [None] * len(calls), []
    if connection.vendor == "sqlite":
        return [call() for call in calls]
    barrier = threading.Barrier(len(calls))

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    return results


def _answered(quiz, enrollment):
    attempt = attempt_start(quiz=quiz, enrollment=enrollment)
    answer_save(attempt=attempt, question=attempt.answers.get().question, response=0)
    return attempt


@pytest.mark.django_db(transaction=True)
def test_two_tabs_submitting_at_once_grade_the_attempt_once(page_root):
    course = course_tree(modules=1, lessons=1)
    enrollment = EnrollmentFactory(course=course)
    quiz = quiz_with_questions(course=course, kinds=["single"])
    attempt = _answered(quiz, enrollment)

    results = _race(
        *[lambda: attempt_submit(attempt=Attempt.objects.get(pk=attempt.pk))] * 4
    )

    graded_now = [graded for _attempt, graded in results]
    assert graded_now.count(True) == 1
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.GRADED
    assert attempt.score == 100


@pytest.mark.django_db(transaction=True)
def test_two_quizzes_passed_at_once_complete_the_enrolment_once(page_root):
    course = course_tree(modules=1, lessons=2)
    enrollment = EnrollmentFactory(course=course)
    first, second = LessonPage.objects.descendant_of(course).order_by("path")
    quiz_a = quiz_with_questions(course=course, kinds=["single"])
    quiz_b = quiz_with_questions(course=course, kinds=["single"])
    quiz_place_in_lesson(quiz=quiz_a, lesson=first)
    quiz_place_in_lesson(quiz=quiz_b, lesson=second)
    attempt_a = _answered(quiz_a, enrollment)
    attempt_b = _answered(quiz_b, enrollment)

    _race(
        lambda: attempt_submit(attempt=attempt_a),
        lambda: attempt_submit(attempt=attempt_b),
    )

    enrollment = Enrollment.objects.get(pk=enrollment.pk)
    assert enrollment.completed_at is not None
    assert enrollment.progress_percent == 100
    counter = VillageCourseCounter.objects.get(course=course)
    assert counter.completed == 1
