"""UU 27/2022: a participant downloads everything held about them (JSON, XLSX) and
asks for its deletion from their profile; deletion anonymises them and keeps
their certificates verifiable. Who viewed or exported their data is recorded."""

import io
import json

import pytest
from openpyxl import load_workbook

from django.core.cache import cache
from django.urls import reverse

from certificates.factories import CompletedEnrollmentFactory
from certificates.services.issuing import certificate_issue
from content.factories import H5PActivityFactory
from content.models import H5PUserData
from lms.factories import DinasOfficerFactory, ParticipantFactory
from lms.models import PersonalDataAccess, User

pytestmark = pytest.mark.django_db
PASSWORD = "sandi-rahasia-123"


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def certificate():
    return certificate_issue(enrollment_id=CompletedEnrollmentFactory().pk)


def test_the_profile_offers_the_download_and_the_deletion(client):
    client.force_login(ParticipantFactory())
    html = client.get(reverse("lms:profile")).content.decode()
    assert reverse("lms:my_data_download", args=["xlsx"]) in html
    assert reverse("lms:my_data_download", args=["json"]) in html
    assert reverse("lms:my_data_erase") in html


def test_a_participant_downloads_their_data_as_json_and_xlsx(client, certificate):
    user = certificate.enrollment.user
    client.force_login(user)
    response = client.get(reverse("lms:my_data_download", args=["json"]))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["Profil"][0]["Nama lengkap"] == user.full_name
    assert data["Profil"][0]["Nomor HP"] == user.phone
    assert data["Kursus"][0]["Kursus"] == certificate.enrollment.course.title
    assert data["Sertifikat"][0]["Nomor"] == certificate.number
    book = load_workbook(
        io.BytesIO(client.get(reverse("lms:my_data_download", args=["xlsx"])).content)
    )
    assert {"Profil", "Kursus", "Kuis", "Sertifikat"} <= set(book.sheetnames)
    assert book["Profil"]["A2"].value == user.full_name
    notes = PersonalDataAccess.objects.filter(action="own_download")
    assert notes.count() == 2 and notes[0].subject_ids == [user.pk]


def test_they_see_who_viewed_their_data(client):
    user = ParticipantFactory()
    officer = DinasOfficerFactory(
        full_name="Petugas Banjar", scope_regency_id="63.03", scope_province_id="63"
    )
    client.force_login(officer)
    assert (
        client.get(reverse("lms:participant_detail", args=[user.pk])).status_code == 200
    )
    client.get(reverse("lms:participant_export"))
    notes = PersonalDataAccess.objects.filter(actor=officer)
    assert {n.action for n in notes} == {"view", "export"}
    assert all(user.pk in n.subject_ids for n in notes)
    client.force_login(user)
    data = json.loads(
        client.get(reverse("lms:my_data_download", args=["json"])).content
    )
    seen_by = {row["Oleh"] for row in data["Akses data Anda"]}
    assert any("Petugas Banjar" in who for who in seen_by)


def test_deletion_needs_the_password_then_anonymises_and_keeps_certificates(
    client, certificate
):
    user = certificate.enrollment.user
    user.set_password(PASSWORD)
    user.save()
    name, phone = user.full_name, user.phone
    H5PUserData.objects.create(
        user=user, activity=H5PActivityFactory(), data_type="state", data="{}"
    )
    client.force_login(user)
    url = reverse("lms:my_data_erase")
    wrong = client.post(url, {"password": "salah", "understood": "on"})
    assert "Kata sandi salah" in wrong.content.decode()
    assert User.objects.get(pk=user.pk).full_name == name

    done = client.post(url, {"password": PASSWORD, "understood": "on"}, follow=True)
    assert "Akun Anda sudah ditutup" in done.content.decode()
    user.refresh_from_db()
    assert name not in user.full_name
    assert user.phone is None and user.email.endswith(".invalid")
    assert not user.is_active
    assert not H5PUserData.objects.filter(user=user).exists()
    assert client.get(reverse("lms:profile")).status_code == 302  # signed out
    again = client.post(reverse("lms:login"), {"username": phone, "password": PASSWORD})
    assert again.status_code == 200  # no account answers to that phone any more

    verify = client.get(reverse("certificates:verify", args=[certificate.code]))
    assert name in verify.content.decode()  # the certificate as issued
    by_number = client.get(
        reverse("certificates:verify_form"),
        {"nomor": certificate.number, "nama": name},
    )
    assert by_number.status_code == 302
    assert PersonalDataAccess.objects.filter(action="erasure").exists()
