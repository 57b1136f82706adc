"""A result page always offers the next step: after the tes awal the first lesson;
after the tes akhir "Kursus selesai" with the certificate, or what is still
missing; a quiz not passed, another try."""

import pytest

from django.urls import reverse

from assessments.factories import quiz_place_in_lesson, quiz_with_questions
from assessments.selectors import result_next_step
from assessments.services import answer_save, attempt_start, attempt_submit
from courses.factories import EnrollmentFactory, LessonPageFactory, course_tree
from courses.models import LessonPage
from courses.progress import lesson_reached_end

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(db):
    """Tes awal, two lessons, tes akhir."""
    course = course_tree(modules=1, lessons=0)
    module = course.get_children().first()
    for slug, title in [
        ("tes-awal", "Tes awal"),
        ("pelajaran-1", "Persamaan akuntansi"),
        ("pelajaran-2", "Jurnal umum"),
        ("tes-akhir", "Tes akhir"),
    ]:
        LessonPageFactory(parent=module, title=title, slug=slug)
    return course


def _lesson(course, slug):
    return LessonPage.objects.descendant_of(course).get(slug=slug)


def _quiz(course, slug, purpose, **fields):
    quiz = quiz_with_questions(
        course=course, kinds=["single"], purpose=purpose, **fields
    )
    quiz_place_in_lesson(quiz=quiz, lesson=_lesson(course, slug))
    return quiz


def _take(quiz, enrollment, *, right=True):
    attempt = attempt_start(quiz=quiz, enrollment=enrollment)
    question = attempt.answers.get().question
    answer_save(attempt=attempt, question=question, response=0 if right else 1)
    attempt, _ = attempt_submit(attempt=attempt)
    return attempt


def test_after_the_tes_awal_the_next_step_is_the_first_lesson(course, client):
    enrollment = EnrollmentFactory(course=course)
    pretest = _quiz(course, "tes-awal", "pretest")
    _quiz(course, "tes-akhir", "posttest")

    attempt = _take(pretest, enrollment, right=False)

    step = result_next_step(attempt=attempt)
    assert step.lesson.slug == "pelajaran-1"
    assert not step.course_done and not step.retry
    client.force_login(enrollment.user)
    html = client.get(reverse("assessments:result", args=[attempt.pk])).content.decode()
    assert "Lanjut: Persamaan akuntansi" in html


def test_a_tes_akhir_passed_too_early_names_the_lessons_still_missing(course, client):
    enrollment = EnrollmentFactory(course=course)
    posttest = _quiz(course, "tes-akhir", "posttest", pass_mark=60)
    lesson_reached_end(enrollment=enrollment, lesson=_lesson(course, "pelajaran-1"))

    attempt = _take(posttest, enrollment)

    step = result_next_step(attempt=attempt)
    assert not step.course_done
    assert [lesson.slug for lesson in step.lessons_missing] == [
        "tes-awal",
        "pelajaran-2",
    ]
    client.force_login(enrollment.user)
    html = client.get(reverse("assessments:result", args=[attempt.pk])).content.decode()
    assert "Kursus belum selesai" in html and "Jurnal umum" in html


def test_a_tes_akhir_that_completes_the_course_says_so_with_the_certificate(
    course, client
):
    enrollment = EnrollmentFactory(course=course)
    posttest = _quiz(course, "tes-akhir", "posttest", pass_mark=60)
    for slug in ("tes-awal", "pelajaran-1", "pelajaran-2"):
        lesson_reached_end(enrollment=enrollment, lesson=_lesson(course, slug))

    attempt = _take(posttest, enrollment)

    assert result_next_step(attempt=attempt).course_done
    client.force_login(enrollment.user)
    html = client.get(reverse("assessments:result", args=[attempt.pk])).content.decode()
    assert "Kursus selesai" in html
    assert f'href="{reverse("certificates:mine")}"' in html


def test_a_tes_akhir_not_passed_offers_another_try(course):
    enrollment = EnrollmentFactory(course=course)
    posttest = _quiz(course, "tes-akhir", "posttest", pass_mark=60, max_attempts=3)

    attempt = _take(posttest, enrollment, right=False)

    assert result_next_step(attempt=attempt).retry
