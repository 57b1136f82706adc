import json

import pytest

from assessments.models import Quiz
from content.models import H5PActivity
from courses.factories import LessonPageFactory, course_tree
from courses.models import LessonActivity, LessonPage
from courses.services import lesson_activities_sync

pytestmark = pytest.mark.django_db


def _body(*blocks) -> str:
    raw = []
    for kind, pk in blocks:
        if kind == "quiz":
            raw.append({"type": "quiz", "value": {"quiz": pk}})
        elif kind == "h5p":
            raw.append({"type": "h5p", "value": {"activity": pk}})
        else:
            raw.append({"type": "text", "value": f"<p>{pk}</p>"})
    return json.dumps(raw)


def _activities(lesson):
    return [
        (row.activity.__class__.__name__, row.object_id, row.sort_order)
        for row in LessonActivity.objects.filter(lesson=lesson).order_by("sort_order")
    ]


@pytest.fixture
def course():
    return course_tree(modules=1, lessons=1)


@pytest.fixture
def lesson(course):
    return LessonPage.objects.descendant_of(course).get()


def test_sync_mirrors_quiz_and_h5p_blocks_in_body_order(course, lesson):
    h5p = H5PActivity.objects.create(title="Seret dan lepas")
    quiz = Quiz.objects.create(course=course, title="Kuis modul 1")
    lesson.body = _body(("text", "Pembuka"), ("h5p", h5p.pk), ("quiz", quiz.pk))
    lesson.save()

    lesson_activities_sync(lesson=lesson)

    assert _activities(lesson) == [("H5PActivity", h5p.pk, 0), ("Quiz", quiz.pk, 1)]


def test_sync_removes_rows_for_removed_blocks_and_reorders(course, lesson):
    h5p = H5PActivity.objects.create(title="Seret dan lepas")
    quiz = Quiz.objects.create(course=course, title="Kuis")
    lesson.body = _body(("h5p", h5p.pk), ("quiz", quiz.pk))
    lesson.save()
    lesson_activities_sync(lesson=lesson)
    LessonActivity.objects.filter(object_id=quiz.pk).update(counts_for_completion=False)

    lesson.body = _body(("quiz", quiz.pk))
    lesson.save()
    lesson_activities_sync(lesson=lesson)

    assert _activities(lesson) == [("Quiz", quiz.pk, 0)]
    # The instructor's choice on a kept row survives the re-sync.
    assert LessonActivity.objects.get(lesson=lesson).counts_for_completion is False


def test_sync_is_idempotent_and_ignores_duplicates_and_missing_activities(lesson):
    h5p = H5PActivity.objects.create(title="Aktivitas")
    lesson.body = _body(("h5p", h5p.pk), ("h5p", h5p.pk), ("h5p", 999_999))
    lesson.save()

    lesson_activities_sync(lesson=lesson)
    lesson_activities_sync(lesson=lesson)

    assert _activities(lesson) == [("H5PActivity", h5p.pk, 0)]


def test_publishing_a_revision_syncs_the_lesson(lesson):
    h5p = H5PActivity.objects.create(title="Aktivitas")
    lesson.body = _body(("text", "Teks"), ("h5p", h5p.pk))
    lesson.save_revision().publish()

    assert _activities(lesson) == [("H5PActivity", h5p.pk, 0)]

    lesson.body = _body(("text", "Teks saja"))
    lesson.save_revision().publish()

    assert _activities(lesson) == []


def test_a_draft_revision_does_not_change_the_relation(lesson):
    h5p = H5PActivity.objects.create(title="Aktivitas")
    lesson.body = _body(("h5p", h5p.pk))
    lesson.save_revision().publish()

    lesson.body = _body(("text", "Draf tanpa aktivitas"))
    lesson.save_revision()

    assert _activities(lesson) == [("H5PActivity", h5p.pk, 0)]


def test_activity_relation_is_found_by_model_not_by_json(course):
    h5p = H5PActivity.objects.create(title="Aktivitas bersama")
    module = course.get_children().first()
    first = LessonPageFactory(parent=module, body=_body(("h5p", h5p.pk)))
    second = LessonPageFactory(parent=module, body=_body(("h5p", h5p.pk)))
    lesson_activities_sync(lesson=first)
    lesson_activities_sync(lesson=second)

    lessons = LessonActivity.objects.filter(
        content_type__model="h5pactivity", object_id=h5p.pk
    ).values_list("lesson_id", flat=True)
    assert sorted(lessons) == sorted([first.pk, second.pk])
