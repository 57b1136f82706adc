"""`load_demo` loads the demo data (read once by `courses.demo.demo_data_read`) by
calling each app's loader from the top: no app imports a layer above it."""

import io

import pytest

from django.core.management import call_command

from assessments.models import Question, Quiz
from content.models import H5PActivity
from courses.demo import demo_data_read
from courses.models import CoursePage, LessonActivity, LessonPage, ModulePage

DEMO = demo_data_read()


@pytest.mark.django_db
def test_load_demo_loads_courses_quizzes_and_h5p_once(h5p_media):
    call_command("load_demo", stdout=io.StringIO())
    counts = {
        "courses": CoursePage.objects.count(),
        "modules": ModulePage.objects.count(),
        "lessons": LessonPage.objects.count(),
        "quizzes": Quiz.objects.count(),
        "questions": Question.objects.count(),
        "h5p": H5PActivity.objects.filter(status=H5PActivity.Status.READY).count(),
        "links": LessonActivity.objects.count(),
    }
    lessons = sum(len(m["lessons"]) for c in DEMO.courses for m in c["modules"])
    assert counts == {
        "courses": 4,
        "modules": sum(len(c["modules"]) for c in DEMO.courses),
        "lessons": lessons + 2 * 4,  # and a pre-test and a post-test lesson each
        "quizzes": 8,
        "questions": sum(len(c["pretest"]) + len(c["posttest"]) for c in DEMO.courses),
        "h5p": 4,
        "links": 12,
    }
    for course in CoursePage.objects.all():
        titles = list(
            LessonPage.objects.descendant_of(course)
            .order_by("path")
            .values_list("title", flat=True)
        )
        assert (titles[0], titles[-1]) == ("Tes awal", "Tes akhir")

    call_command("load_demo", stdout=io.StringIO())

    assert CoursePage.objects.count() == 4
    assert Quiz.objects.count() == 8
    assert H5PActivity.objects.count() == 4
    assert LessonActivity.objects.count() == 12
