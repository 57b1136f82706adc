"""An instructor writes questions in the admin with rows and ticks (1366×768)."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth.models import Group

from assessments.factories import (
    QuestionBankFactory,
    QuestionCategoryFactory,
    QuestionFactory,
)
from assessments.models import Question, Quiz
from courses.authoring import INSTRUCTORS_GROUP, authoring_setup
from courses.factories import catalogue_get_or_create, course_tree
from lms.factories import InstructorFactory
from tests.conftest import admin_browser_login

pytestmark = pytest.mark.browser

PASSWORD = "sandi-rahasia-123"  # noqa: S105


def test_an_instructor_writes_a_single_choice_and_a_numeric_question(
    office_page, screenshot
):
    page = office_page
    course = course_tree(modules=1, lessons=1)
    authoring_setup(catalogue=catalogue_get_or_create())
    bank = QuestionBankFactory(course=course, title="Bank Kelembagaan")
    instructor = InstructorFactory(balai=course.balai, password=PASSWORD)
    instructor.groups.add(Group.objects.get(name=INSTRUCTORS_GROUP))

    admin_browser_login(page, instructor.email, PASSWORD)
    page.goto("/admin/snippets/assessments/question/add/")
    page.select_option("#id_bank", str(bank.pk))
    page.select_option("#id_kind", "single")
    expect(page.locator("[data-question-kinds='numeric']")).to_be_hidden()
    page.fill("#id_text", "Kekuasaan tertinggi koperasi ada pada …")
    options = page.locator("[data-rows='options']")
    options.locator("input[name='options-0-text']").fill("Rapat Anggota")
    options.locator("input[name='options-0-correct']").check()
    options.locator("input[name='options-0-feedback']").fill("Tepat: UU 25/1992.")
    options.locator("input[name='options-1-text']").fill("Pengurus")
    options.get_by_role("button", name="Tambah pilihan").click()
    options.locator("input[name='options-2-text']").fill("Pengawas")
    screenshot(page, "question-form-single")
    page.locator("footer button[type=submit]").first.click()
    page.wait_for_load_state()
    question = Question.objects.get(bank=bank)
    assert question.data == {
        "options": ["Rapat Anggota", "Pengurus", "Pengawas"],
        "correct": 0,
        "feedback": ["Tepat: UU 25/1992.", "", ""],
    }

    page.goto("/admin/snippets/assessments/question/add/")
    page.select_option("#id_bank", str(bank.pk))
    page.select_option("#id_kind", "numeric")
    expect(page.locator("[data-question-kinds='single multiple']")).to_be_hidden()
    page.fill("#id_text", "SHU bagian anggota A?")
    page.fill("#id_numeric_answer", "dua juta")
    page.locator("footer button[type=submit]").first.click()
    expect(page.get_by_text("Isi jawaban berupa angka")).to_be_visible()
    screenshot(page, "question-form-numeric-error")
    page.fill("#id_numeric_answer", "2.500.000")
    page.fill("#id_numeric_unit", "Rp")
    page.locator("footer button[type=submit]").first.click()
    page.wait_for_load_state()
    assert Question.objects.get(text__startswith="SHU").data == {
        "answer": 2500000,
        "tolerance": 0,
        "unit": "Rp",
    }


def test_an_instructor_builds_a_quiz_with_a_fixed_and_a_random_slot(
    office_page, screenshot
):
    page = office_page
    course = course_tree(modules=1, lessons=1, title="Kelembagaan Koperasi")
    authoring_setup(catalogue=catalogue_get_or_create())
    bank = QuestionBankFactory(course=course, title="Bank Kelembagaan")
    category = QuestionCategoryFactory(bank=bank, name="Rapat Anggota")
    for n in range(12):
        QuestionFactory(bank=bank, category=category, text=f"Soal latihan {n}")
    wanted = QuestionFactory(bank=bank, kind="numeric", text="Hitung SHU anggota A")
    instructor = InstructorFactory(balai=course.balai, password=PASSWORD)
    instructor.groups.add(Group.objects.get(name=INSTRUCTORS_GROUP))

    admin_browser_login(page, instructor.email, PASSWORD)
    page.goto("/admin/snippets/assessments/quiz/add/")
    page.select_option("#id_course", str(course.pk))
    page.fill("#id_title", "Post-test")
    page.select_option("#id_purpose", "posttest")
    add_slot = page.locator("#id_slots-ADD")
    add_slot.click()
    page.locator("[data-search-box]").first.fill("SHU")
    expect(page.locator("#id_slots-0-category")).to_be_hidden()
    page.select_option("#id_slots-0-question", str(wanted.pk))
    add_slot.click()
    page.check("input[name='slots-1-mode'][value='random']")
    expect(page.locator("#id_slots-1-question")).to_be_hidden()
    page.select_option("#id_slots-1-category", str(category.pk))
    page.fill("#id_slots-1-count", "3")
    screenshot(page, "quiz-builder")
    page.locator("footer button[type=submit]").first.click()
    page.wait_for_load_state()
    quiz = Quiz.objects.get(title="Post-test")
    assert [(s.question_id, s.category_id, s.count) for s in quiz.slots.all()] == [
        (wanted.pk, None, 1),
        (None, category.pk, 3),
    ]
