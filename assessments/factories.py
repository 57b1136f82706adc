"""Factories for question banks, questions, quizzes, attempts."""

import json

import factory

from courses.factories import CoursePageFactory
from courses.models import LessonPage
from courses.services import lesson_activities_sync

from .models import Question, QuestionBank, QuestionCategory, Quiz, QuizSlot

# One question of every kind, as authors write them (see assessments.questions).
SAMPLE_DATA = {
    "single": {"options": ["Rapat Anggota", "Pengurus", "Pengawas"], "correct": 0},
    "multiple": {
        "options": ["Kas", "Beban gaji", "Piutang", "Utang"],
        "correct": [0, 2],
    },
    "truefalse": {"correct": True},
    "numeric": {"answer": 26666.67, "tolerance": 1, "unit": "Rp"},
    "short": {"answers": ["sisa hasil usaha"]},
    "ordering": {"items": ["Jurnal umum", "Buku besar", "Neraca saldo"]},
    "matching": {
        "pairs": [
            ["RAT", "rapat anggota tahunan"],
            ["SHU", "sisa hasil usaha"],
            ["NPL", "kredit bermasalah"],
        ]
    },
    "essay": {"guide": "Sebut dua manfaat RAT."},
}

# The right response (in the author's indexes) for each sample, for tests.
SAMPLE_RIGHT = {
    "single": 0,
    "multiple": [0, 2],
    "truefalse": True,
    "numeric": "26.666,67",
    "short": "Sisa Hasil Usaha",
    "ordering": [0, 1, 2],
    "matching": [0, 1, 2],
    "essay": "RAT mengesahkan laporan dan menetapkan pembagian SHU.",
}


class QuestionBankFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionBank

    course = factory.SubFactory(CoursePageFactory)
    title = factory.Sequence(lambda n: f"Bank soal {n}")


class QuestionCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionCategory

    bank = factory.SubFactory(QuestionBankFactory)
    name = factory.Sequence(lambda n: f"Kategori {n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    bank = factory.SubFactory(QuestionBankFactory)
    kind = "single"
    text = factory.Sequence(lambda n: f"Pertanyaan nomor {n}?")
    data = factory.LazyAttribute(lambda o: SAMPLE_DATA[o.kind])
    feedback = "Lihat materi modul 1."


class QuizFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quiz

    course = factory.SubFactory(CoursePageFactory)
    title = factory.Sequence(lambda n: f"Kuis {n}")
    purpose = Quiz.Purpose.POSTTEST
    pass_mark = 70


class QuizSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuizSlot

    quiz = factory.SubFactory(QuizFactory)
    question = factory.SubFactory(
        QuestionFactory, bank__course=factory.SelfAttribute("...quiz.course")
    )
    sort_order = factory.Sequence(lambda n: n)


def quiz_with_questions(*, course, kinds=("single",), **quiz_fields) -> Quiz:
    """A quiz on `course` with one fixed question per kind, in a fresh bank."""
    bank = QuestionBankFactory(course=course)
    quiz = QuizFactory(course=course, **quiz_fields)
    for order, kind in enumerate(kinds):
        QuizSlot.objects.create(
            quiz=quiz, sort_order=order, question=QuestionFactory(bank=bank, kind=kind)
        )
    return quiz


def quiz_place_in_lesson(*, quiz: Quiz, lesson: LessonPage) -> None:
    """Put the quiz block in a lesson's body and mirror it as a LessonActivity."""
    body = list(lesson.body.raw_data) if lesson.body else []
    body.append({"type": "quiz", "value": {"quiz": quiz.pk}})
    lesson.body = json.dumps(body)
    lesson.save()
    lesson_activities_sync(lesson=lesson)
