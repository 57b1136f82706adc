"""Grading has no dead ends: the gradebook leads to creating a cohort, item analysis
says when too few have answered, a cohort's regency follows its province."""

import pytest

from django.urls import reverse

from assessments.factories import quiz_with_questions
from assessments.selectors import ITEM_ANALYSIS_MIN_RESPONDENTS
from assessments.services import attempt_start, attempt_submit
from courses.factories import EnrollmentFactory
from courses.models import Cohort
from lms.models import Province, Regency

pytestmark = pytest.mark.django_db


def test_without_cohorts_the_gradebook_leads_to_creating_one(client, instructor):
    client.force_login(instructor)
    page = client.get(reverse("assessments:cohorts")).content.decode()
    assert "Belum ada angkatan." in page
    add = reverse("wagtailsnippets_courses_cohort:add")
    assert f'href="{add}"' in page and "Buat angkatan" in page
    assert client.get(add).status_code == 200


def test_item_analysis_warns_while_too_few_have_answered(client, course, instructor):
    quiz = quiz_with_questions(course=course, kinds=["single"])
    attempt_submit(
        attempt=attempt_start(quiz=quiz, enrollment=EnrollmentFactory(course=course))
    )
    client.force_login(instructor)
    page = client.get(reverse("assessments:analysis", args=[quiz.pk])).content.decode()
    assert "Baru 1 percobaan yang dinilai" in page
    assert f"sekurang-kurangnya {ITEM_ANALYSIS_MIN_RESPONDENTS} peserta" in page


def test_the_regency_picker_follows_the_province(client, course, instructor):
    province = Province.objects.get(pk="63")
    east = Province.objects.create(code="64", name="Kalimantan Timur")
    elsewhere = Regency.objects.create(
        code="64.01", name="Paser", province=east, kind=Regency.Kind.KABUPATEN
    )
    client.force_login(instructor)
    add = reverse("wagtailsnippets_courses_cohort:add")
    page = client.get(add).content.decode()
    assert 'data-follows="province"' in page
    assert f'data-parent="{province.pk}"' in page
    response = client.post(
        add,
        {
            "course": course.pk,
            "name": "Angkatan 1",
            "starts_on": "2026-12-01",
            "ends_on": "2026-12-05",
            "province": province.pk,
            "regency": elsewhere.pk,
        },
    )
    assert "tidak berada di provinsi yang dipilih" in response.content.decode()
    assert not Cohort.objects.exists()
