"""Cohorts (angkatan) in the admin and bulk enrolment into them."""

import pytest

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.exceptions import ValidationError

from courses.authoring import INSTRUCTORS_GROUP, authoring_setup
from courses.factories import CohortFactory, catalogue_get_or_create, course_tree
from courses.models import Enrollment
from courses.selectors import participants_by_identifiers
from courses.services import cohort_enroll
from lms.factories import (
    AdminFactory,
    BalaiFactory,
    DinasOfficerFactory,
    InstructorFactory,
    ParticipantFactory,
)
from lms.models import PersonalDataAccess

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    authoring_setup(catalogue=catalogue_get_or_create())


@pytest.fixture
def balai():
    return BalaiFactory(code="bplk-kalsel", name="Balai Kalsel")


@pytest.fixture
def cohort(setup, balai):
    return CohortFactory(course=course_tree(balai=balai), name="Angkatan I Banjar")


def _instructor(balai):
    user = InstructorFactory(balai=balai)
    user.groups.add(Group.objects.get(name=INSTRUCTORS_GROUP))
    return user


def _enroll_url(cohort):
    return f"/admin/snippets/courses/cohort/enroll/{cohort.pk}/"


def test_cohort_enroll_enrols_each_participant_once(cohort):
    people = ParticipantFactory.create_batch(3)

    assert cohort_enroll(cohort=cohort, users=people) == 3
    assert cohort_enroll(cohort=cohort, users=people) == 0
    assert Enrollment.objects.filter(cohort=cohort).count() == 3


def test_cohort_enroll_with_a_non_participant_writes_nothing(cohort):
    people = [ParticipantFactory(), DinasOfficerFactory()]

    with pytest.raises(ValidationError):
        cohort_enroll(cohort=cohort, users=people)

    assert not Enrollment.objects.filter(cohort=cohort).exists()


def test_identifiers_are_found_by_phone_in_any_shape_and_by_email():
    ani = ParticipantFactory(phone="+6281234567890", email="ani@contoh.id")
    budi = ParticipantFactory(phone="+6281298765432")

    found, missing = participants_by_identifiers(
        identifiers=["0812-3456-7890", "ANI@contoh.id", "62812 9876 5432", "x@y.id"]
    )

    assert {u.pk for u in found} == {ani.pk, budi.pk}
    assert missing == ["x@y.id"]


def test_instructor_bulk_enrols_by_pasting_phones_and_emails(client, cohort, balai):
    ani = ParticipantFactory(phone="+6281234567890")
    budi = ParticipantFactory(email="budi@contoh.id")
    client.force_login(_instructor(balai))

    response = client.post(
        _enroll_url(cohort), {"identifiers": "0812 3456 7890\nbudi@contoh.id, "}
    )

    assert response.status_code == 302
    enrolled = set(cohort.enrollments.values_list("user_id", flat=True))
    assert enrolled == {ani.pk, budi.pk}
    page = client.get(_enroll_url(cohort)).content.decode()
    assert "2 peserta baru didaftarkan" in page


def test_an_unknown_identifier_enrols_nobody_and_says_which(client, cohort, balai):
    ParticipantFactory(phone="+6281234567890")
    client.force_login(_instructor(balai))

    response = client.post(
        _enroll_url(cohort), {"identifiers": "081234567890\n0899-0000-1111"}
    )

    assert response.status_code == 200
    assert (
        "Tidak ditemukan sebagai peserta: 0899-0000-1111" in response.content.decode()
    )
    assert not cohort.enrollments.exists()


def test_an_empty_form_asks_for_participants(client, cohort, balai):
    client.force_login(_instructor(balai))
    response = client.post(_enroll_url(cohort), {"identifiers": "  "})
    assert response.status_code == 200
    assert "Pilih peserta atau tempel" in response.content.decode()


def test_admin_ticks_participants_found_by_search(client, cohort):
    ani = ParticipantFactory(full_name="Ani Rahmawati")
    ParticipantFactory(full_name="Budi Santoso")
    client.force_login(AdminFactory())

    listing = client.get(_enroll_url(cohort), {"q": "rahma"}).content.decode()
    assert "Ani Rahmawati" in listing
    assert "Budi Santoso" not in listing

    response = client.post(_enroll_url(cohort), {"participants": [ani.pk]})
    assert response.status_code == 302
    assert list(cohort.enrollments.values_list("user_id", flat=True)) == [ani.pk]


def test_instructor_cannot_tick_participants_outside_their_balai(client, cohort, balai):
    stranger = ParticipantFactory()  # not enrolled in any of the Balai's courses
    client.force_login(_instructor(balai))

    response = client.post(_enroll_url(cohort), {"participants": [stranger.pk]})

    assert response.status_code == 200
    assert not cohort.enrollments.exists()


def test_another_balais_instructor_neither_sees_nor_opens_the_cohort(client, cohort):
    other = _instructor(BalaiFactory(code="bplk-kaltim"))
    client.force_login(other)

    listing = client.get("/admin/snippets/courses/cohort/").content.decode()
    assert "Angkatan I Banjar" not in listing
    for url in (
        _enroll_url(cohort),
        f"/admin/snippets/courses/cohort/edit/{cohort.pk}/",
        f"/admin/snippets/courses/cohort/delete/{cohort.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    response = client.post(_enroll_url(cohort), {"identifiers": "x@y.id"})
    assert response.status_code == 404


def test_own_instructor_sees_the_cohort_with_an_enrol_button(client, cohort, balai):
    client.force_login(_instructor(balai))
    listing = client.get("/admin/snippets/courses/cohort/").content.decode()
    assert "Angkatan I Banjar" in listing
    assert _enroll_url(cohort) in listing
    assert (
        client.get(f"/admin/snippets/courses/cohort/edit/{cohort.pk}/").status_code
        == 200
    )


def test_pasting_phones_is_limited_per_person_and_recorded(
    client, cohort, balai, settings
):
    cache.clear()
    settings.COHORT_ENROL_IDENTIFIER_RATE = "3/h"
    ani = ParticipantFactory(phone="+6281234567890")
    instructor = _instructor(balai)
    client.force_login(instructor)
    for n in range(3):
        client.post(_enroll_url(cohort), {"identifiers": f"0899-0000-111{n}"})
    note = PersonalDataAccess.objects.filter(actor=instructor).first()
    assert note is not None and "lewat nomor HP/email" in note.what
    probe = client.post(_enroll_url(cohort), {"identifiers": "0812-3456-7890"})
    body = probe.content.decode()
    assert "Terlalu banyak pencarian nomor HP/email" in body
    assert ani.full_name not in body
    assert not cohort.enrollments.exists()
    cache.clear()
