"""Loads each demo course's pre-test and post-test into a question bank and quizzes.

For a course of the demo's data (`courses.demo.demo_data_read`: its "pretest" and
"posttest" lists, from the course's `assessments.yaml`):
one bank with two categories, a pre-test and a post-test drawing every question of
their category at random (shuffled), a "Tes awal" (pre-test) lesson at the start of module 1
and a "Tes akhir" (post-test) lesson at the end of the last module, with their LessonActivity
rows. Idempotent: a course that already has its demo bank is left alone.
"""

import json

from django.db import transaction

from courses.models import CoursePage, LessonPage, ModulePage
from courses.services import lesson_activities_sync

from .models import Question, QuestionBank, QuestionCategory, Quiz, QuizSlot
from .questions import kind_for

PURPOSES = {
    "pretest": ("Tes awal", Quiz.Purpose.PRETEST),
    "posttest": ("Tes akhir", Quiz.Purpose.POSTTEST),
}


def question_data(item: dict) -> tuple[str, dict]:
    """A demo question (single, multiple, truefalse, numeric, short) as kind + data."""
    kind = item["type"]
    if kind in ("single", "multiple"):
        data = {"options": item["options"], "correct": item["correct"]}
    elif kind == "truefalse":
        data = {"correct": item["correct"]}
    elif kind == "numeric":
        data = {
            "answer": item["answer"],
            "tolerance": item.get("tolerance", 0),
            "unit": item.get("unit", ""),
        }
    elif kind == "short":
        data = {"answers": item["answers"]}
    else:
        data = {
            key: value for key, value in item.items() if key not in ("type", "text")
        }
    return kind, kind_for(kind).validate(data)


def _lesson(*, module: ModulePage, title: str, slug: str, quiz: Quiz, first: bool):
    existing = LessonPage.objects.child_of(module).filter(slug=slug).first()
    if existing:
        return existing
    lesson = LessonPage(
        title=title,
        slug=slug,
        minutes=15,
        body=json.dumps([{"type": "quiz", "value": {"quiz": quiz.pk}}]),
    )
    sibling = LessonPage.objects.child_of(module).order_by("path").first()
    if first and sibling is not None:
        sibling.add_sibling(pos="left", instance=lesson)
    else:
        module.add_child(instance=lesson)
    lesson_activities_sync(lesson=lesson)
    return lesson


@transaction.atomic
def demo_assessments_load(*, course: CoursePage, spec: dict) -> list[Quiz]:
    title = f"Bank soal {course.title}"
    if QuestionBank.objects.filter(course=course, title=title).exists():
        return list(Quiz.objects.filter(course=course))
    bank = QuestionBank.objects.create(course=course, title=title)
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    quizzes = []
    for key, (label, purpose) in PURPOSES.items():
        items = spec.get(key) or []
        if not items:
            continue
        category = QuestionCategory.objects.create(bank=bank, name=label)
        for item in items:
            kind, data = question_data(item)
            Question.objects.create(
                bank=bank,
                category=category,
                kind=kind,
                text=item["text"],
                data=data,
                feedback=item.get("feedback", ""),
            )
        quiz = Quiz.objects.create(
            course=course,
            title=f"{label} {course.title}",
            purpose=purpose,
            pass_mark=70,
            shuffle_questions=True,
            time_limit_minutes=30,
            intro=(
                "Kerjakan sebelum mulai belajar. Nilai tes awal tidak menentukan "
                "kelulusan."
                if purpose == Quiz.Purpose.PRETEST
                else "Nilai minimal 70 untuk lulus kursus ini."
            ),
        )
        QuizSlot.objects.create(quiz=quiz, category=category, count=len(items))
        quizzes.append(quiz)
        if modules:
            is_pre = purpose == Quiz.Purpose.PRETEST
            _lesson(
                module=modules[0] if is_pre else modules[-1],
                title=label,
                slug=key,
                quiz=quiz,
                first=is_pre,
            )
    return quizzes
