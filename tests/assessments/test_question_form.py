"""Instructors write every kind of question in a form: rows and ticks, never JSON."""

import pytest

from assessments.factories import SAMPLE_DATA, QuestionFactory
from assessments.models import Question

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/assessments/question/add/"


def rows(name, *rows):
    """The posted fields of a table of rows, as the admin form sends them."""
    post = {f"{name}-count": str(len(rows))}
    for i, row in enumerate(rows):
        for key, value in row.items():
            if value is True:
                post[f"{name}-{i}-{key}"] = "1"
            elif value is not False:
                post[f"{name}-{i}-{key}"] = value
    return post


def post_question(client, bank, kind, **fields):
    data = {
        "bank": bank.pk,
        "kind": kind,
        "text": f"Soal {kind}",
        "feedback": "",
        "points": "1",
        **fields,
    }
    return client.post(ADD, data)


def test_the_form_shows_no_json(client, bank, instructor):
    client.force_login(instructor)
    page = client.get(ADD).content.decode()
    assert "Tambah pilihan" in page and "Benar" in page
    assert 'name="data"' not in page
    assert "data jawaban" not in page.lower() and '{"options"' not in page


@pytest.mark.parametrize(
    ("kind", "fields", "data"),
    [
        (
            "single",
            rows(
                "options",
                {"text": "Rapat Anggota", "correct": True, "feedback": "Tepat."},
                {"text": "Pengurus", "feedback": "Pengurus menjalankan."},
                {"text": ""},
            ),
            {
                "options": ["Rapat Anggota", "Pengurus"],
                "correct": 0,
                "feedback": ["Tepat.", "Pengurus menjalankan."],
            },
        ),
        (
            "multiple",
            rows(
                "options",
                {"text": "Kas", "correct": True},
                {"text": "Utang"},
                {"text": "Piutang", "correct": True},
            ),
            {"options": ["Kas", "Utang", "Piutang"], "correct": [0, 2]},
        ),
        ("truefalse", {"truefalse": "false"}, {"correct": False}),
        (
            "numeric",
            {
                "numeric_answer": "12.500.000",
                "numeric_tolerance": "0,5",
                "numeric_unit": "Rp",
            },
            {"answer": 12500000, "tolerance": 0.5, "unit": "Rp"},
        ),
        (
            "short",
            rows("answers", {"text": "sisa hasil usaha"}, {"text": "SHU"}),
            {"answers": ["sisa hasil usaha", "SHU"]},
        ),
        (
            "ordering",
            rows("items", {"text": "Jurnal"}, {"text": "Buku besar"}),
            {"items": ["Jurnal", "Buku besar"]},
        ),
        (
            "matching",
            rows(
                "pairs",
                {"prompt": "RAT", "answer": "rapat anggota"},
                {"prompt": "SHU", "answer": "sisa hasil usaha"},
            ),
            {"pairs": [["RAT", "rapat anggota"], ["SHU", "sisa hasil usaha"]]},
        ),
        (
            "essay",
            {
                "guide": "Sebut dua manfaat.",
                **rows("rubric", {"criterion": "Dua manfaat", "points": "2,5"}),
            },
            {
                "guide": "Sebut dua manfaat.",
                "rubric": [{"criterion": "Dua manfaat", "points": 2.5}],
            },
        ),
    ],
)
def test_each_kind_is_saved_from_its_form(client, bank, instructor, kind, fields, data):
    client.force_login(instructor)
    response = post_question(client, bank, kind, **fields)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Question.objects.get(bank=bank).data == data


@pytest.mark.parametrize(
    ("kind", "fields", "message"),
    [
        (
            "single",
            rows(
                "options",
                {"text": "A", "correct": True},
                {"text": "B", "correct": True},
            ),
            "Centang tepat satu pilihan yang benar (sekarang 2).",
        ),
        (
            "single",
            rows("options", {"text": "A"}, {"text": "B"}),
            "Pilih satu jawaban yang benar.",
        ),
        (
            "single",
            rows("options", {"text": "A", "correct": True}),
            "sekurang-kurangnya 2",
        ),
        ("truefalse", {}, "Tentukan: benar atau salah."),
        ("numeric", {"numeric_answer": "dua belas"}, "Isi jawaban berupa angka"),
        (
            "numeric",
            {"numeric_answer": "12", "numeric_tolerance": "-1"},
            "Toleransi harus angka 0 atau lebih.",
        ),
        ("short", rows("answers"), "sekurang-kurangnya satu jawaban yang diterima"),
        (
            "matching",
            rows("pairs", {"prompt": "RAT"}, {"prompt": "SHU", "answer": "x"}),
            "Setiap pasangan perlu pernyataan dan pasangannya.",
        ),
        (
            "essay",
            rows("rubric", {"criterion": "Isi", "points": "banyak"}),
            "Setiap kriteria rubrik perlu uraian dan skor 0 atau lebih.",
        ),
    ],
)
def test_bad_answers_are_refused_in_indonesian_and_nothing_is_saved(
    client, bank, instructor, kind, fields, message
):
    client.force_login(instructor)
    response = post_question(client, bank, kind, **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.parametrize("kind", sorted(SAMPLE_DATA))
def test_an_existing_question_opens_in_its_form_and_saves_unchanged(
    client, bank, instructor, kind
):
    question = QuestionFactory(bank=bank, kind=kind, data=SAMPLE_DATA[kind])
    client.force_login(instructor)
    url = f"/admin/snippets/assessments/question/edit/{question.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["form"]
    post = {
        name: value
        for name, value in form.initial.items()
        if name in ("bank", "kind", "text", "feedback", "points", "guide")
        or name.startswith("numeric_")
        or name == "truefalse"
    }
    post = {k: ("" if v is None else v) for k, v in post.items()}
    for name in ("options", "answers", "items", "pairs", "rubric"):
        post.update(rows(name, *form.initial[name]))
    response = client.post(url, post)
    assert response.status_code == 302, response.content.decode()[:3000]
    question.refresh_from_db()
    assert question.data == Question(kind=kind, data=SAMPLE_DATA[kind]).data


def test_the_preview_shows_the_question_as_a_participant_sees_it(
    client, bank, instructor
):
    client.force_login(instructor)
    fields = rows(
        "options",
        {"text": "Rapat Anggota", "correct": True, "feedback": "Tepat."},
        {"text": "Pengurus"},
    )
    data = {
        "bank": bank.pk,
        "kind": "single",
        "text": "Kekuasaan tertinggi?",
        "points": "1",
        **fields,
    }
    preview_url = "/admin/snippets/assessments/question/preview/"
    assert client.post(preview_url, data).json()["is_valid"] is True
    page = client.get(preview_url).content.decode()
    assert "Kekuasaan tertinggi?" in page
    assert 'type="radio"' in page and "Rapat Anggota" in page
    assert "Jawaban benar" in page and "Tepat." in page
