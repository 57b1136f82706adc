"""Instructors in the "Instruktur" group use the Asesmen admin and import banks."""

import pytest

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments.factories import QuestionBankFactory, quiz_with_questions
from assessments.models import Question
from courses.authoring import INSTRUCTORS_GROUP, authoring_setup
from courses.factories import catalogue_get_or_create, course_tree
from lms.factories import InstructorFactory

pytestmark = pytest.mark.django_db

GIFT = """$CATEGORY: $course$/top/Kelembagaan

::RAT::Kekuasaan tertinggi koperasi ada pada {=Rapat Anggota ~Pengurus ~Pengawas}

::Pengawas::Pengawas dipilih oleh Rapat Anggota.{T}

::Cloze::Isi {=satu} dan {=dua}
"""


def _upload(client, bank, content, name="bank.gift"):
    return client.post(
        reverse("assessments_question_import"),
        {
            "bank": bank.pk,
            "fmt": "auto",
            "file": SimpleUploadedFile(name, content.encode(), "text/plain"),
        },
    )


def test_an_instructor_in_the_group_opens_the_asesmen_admin_listings(
    client, course, instructor
):
    quiz_with_questions(course=course, kinds=["single"], title="Post-test Kelembagaan")
    client.force_login(instructor)
    dashboard = client.get("/admin/").content.decode()
    assert "Asesmen" in dashboard
    assert "Impor soal" in dashboard
    listing = client.get("/admin/snippets/assessments/quiz/")
    assert listing.status_code == 200
    assert "Post-test Kelembagaan" in listing.content.decode()
    for url in (
        "/admin/snippets/assessments/questionbank/",
        "/admin/snippets/assessments/question/",
        "/admin/snippets/assessments/quiz/add/",
    ):
        assert client.get(url).status_code == 200, url


def test_the_instructor_imports_a_gift_file_and_sees_the_report(
    client, course, instructor
):
    bank = QuestionBankFactory(course=course, title="Bank Kelembagaan")
    client.force_login(instructor)
    assert client.get(reverse("assessments_question_import")).status_code == 200
    page = _upload(client, bank, GIFT).content.decode()
    assert "Laporan impor" in page
    assert "2 soal diimpor, 1 soal ditolak" in page
    assert "Diimpor" in page and "Ditolak" in page
    assert "cloze" in page
    assert set(bank.questions.values_list("kind", flat=True)) == {
        "single",
        "truefalse",
    }
    assert bank.categories.get().name == "Kelembagaan"


def test_a_broken_file_is_refused_with_a_message_and_nothing_created(
    client, course, instructor
):
    bank = QuestionBankFactory(course=course)
    client.force_login(instructor)
    response = _upload(client, bank, "<?xml version='1.0'?><quiz><question", "b.xml")
    assert response.status_code == 200
    assert "Berkas XML tidak dapat dibaca" in response.content.decode()
    assert not Question.objects.filter(bank=bank).exists()


def test_another_balais_bank_cannot_be_chosen(client, course, instructor):
    other = QuestionBankFactory(course=course_tree(modules=1, lessons=1))
    assert other.course.balai_id != course.balai_id
    client.force_login(instructor)
    response = _upload(client, other, GIFT)
    assert "Laporan impor" not in response.content.decode()
    assert response.context["form"].errors["bank"]
    assert not Question.objects.filter(bank=other).exists()


def test_a_user_without_the_permission_cannot_import(client, course):
    authoring_setup(catalogue=catalogue_get_or_create())
    user = InstructorFactory(balai=course.balai)  # not in the Instruktur group
    user.user_permissions.add(
        *Group.objects.get(name=INSTRUCTORS_GROUP).permissions.filter(
            codename="access_admin"
        )
    )
    bank = QuestionBankFactory(course=course)
    client.force_login(user)
    assert client.get(reverse("assessments_question_import")).status_code in (
        302,
        403,
    )
    _upload(client, bank, GIFT)
    assert not Question.objects.filter(bank=bank).exists()
