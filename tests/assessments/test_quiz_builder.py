"""The quiz builder: slots are fixed or random, never both; questions are found by
bank, category, kind and words; an instructor is offered only their own banks."""

import pytest

from assessments.factories import (
    QuestionBankFactory,
    QuestionCategoryFactory,
    QuestionFactory,
)
from assessments.models import Quiz
from courses.factories import course_tree
from lms.factories import BalaiFactory

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/assessments/quiz/add/"


@pytest.fixture
def other_bank():
    other = course_tree(modules=1, lessons=1, balai=BalaiFactory(name="Balai Lain"))
    return QuestionBankFactory(course=other, title="Bank Balai Lain")


def quiz_post(course, *slots):
    post = {
        "course": course.pk,
        "title": "Post-test Kelembagaan",
        "purpose": "posttest",
        "intro": "",
        "pass_mark": "70",
        "time_limit_minutes": "",
        "max_attempts": "0",
        "shuffle_options": "on",
        "show_feedback": "submit",
        "show_correct": "submit",
        "slots-TOTAL_FORMS": str(len(slots)),
        "slots-INITIAL_FORMS": "0",
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": "1000",
    }
    for i, slot in enumerate(slots):
        post[f"slots-{i}-ORDER"] = str(i + 1)
        for key, value in slot.items():
            post[f"slots-{i}-{key}"] = "" if value is None else str(value)
    return post


def test_a_fixed_slot_keeps_only_its_question_and_a_random_one_only_its_category(
    client, course, bank, instructor
):
    question = QuestionFactory(bank=bank)
    category = QuestionCategoryFactory(bank=bank, name="Perkoperasian")
    client.force_login(instructor)
    post = quiz_post(
        course,
        # Both filled in: the chosen kind of slot wins, the other is cleared.
        {
            "mode": "fixed",
            "bank": bank.pk,
            "question": question.pk,
            "category": category.pk,
            "count": 3,
        },
        {
            "mode": "random",
            "bank": bank.pk,
            "question": question.pk,
            "category": category.pk,
            "count": 2,
        },
    )
    response = client.post(ADD, post)
    assert response.status_code == 302, response.content.decode()[-3000:]
    slots = list(Quiz.objects.get().slots.order_by("sort_order"))
    assert (slots[0].question, slots[0].category) == (question, None)
    assert (slots[1].question, slots[1].category, slots[1].count) == (
        None,
        category,
        2,
    )


def test_an_empty_slot_is_refused_in_indonesian(client, course, bank, instructor):
    client.force_login(instructor)
    response = client.post(
        ADD,
        quiz_post(
            course,
            {"mode": "random", "bank": bank.pk, "count": ""},
            {"mode": "fixed", "bank": bank.pk},
        ),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Pilih kategori untuk soal acak." in page
    assert "Isi jumlah soal acak, sekurang-kurangnya 1." in page
    assert "Pilih soal untuk slot ini." in page
    assert not Quiz.objects.exists()


def test_the_builder_offers_only_the_instructors_banks_questions_and_categories(
    client, course, bank, other_bank, instructor
):
    QuestionFactory(bank=bank, text="Soal milik sendiri")
    QuestionFactory(bank=other_bank, text="Soal balai lain")
    QuestionCategoryFactory(bank=other_bank, name="Kategori balai lain")
    client.force_login(instructor)
    page = client.get(ADD).content.decode()
    assert "Soal milik sendiri" in page
    assert "Soal balai lain" not in page
    assert "Kategori balai lain" not in page and "Bank Balai Lain" not in page
    theirs = QuestionCategoryFactory(bank=other_bank, name="Lain")
    response = client.post(
        ADD,
        quiz_post(course, {"mode": "random", "category": theirs.pk, "count": 1}),
    )
    assert response.status_code == 200
    assert not Quiz.objects.exists()


def test_the_question_list_is_searched_and_filtered_by_bank_category_and_kind(
    client, course, bank, other_bank, instructor
):
    second = QuestionBankFactory(course=course, title="Bank Akuntansi")
    category = QuestionCategoryFactory(bank=second, name="Jurnal")
    QuestionFactory(bank=bank, text="Siapa memegang kekuasaan tertinggi?")
    QuestionFactory(bank=second, category=category, kind="numeric", text="Hitung SHU")
    QuestionFactory(bank=second, kind="truefalse", text="Neraca selalu seimbang")
    client.force_login(instructor)
    url = "/admin/snippets/assessments/question/"

    def listed(**params):
        page = client.get(url, params).content.decode()
        return {
            t
            for t in ("kekuasaan tertinggi", "Hitung SHU", "Neraca selalu")
            if t in page
        }

    assert listed() == {"kekuasaan tertinggi", "Hitung SHU", "Neraca selalu"}
    assert listed(bank=second.pk) == {"Hitung SHU", "Neraca selalu"}
    assert listed(category=category.pk) == {"Hitung SHU"}
    assert listed(kind="truefalse") == {"Neraca selalu"}
    assert listed(q="tertinggi") == {"kekuasaan tertinggi"}
    page = client.get(url).content.decode()
    assert "Bank Balai Lain" not in page
