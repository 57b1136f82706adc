import re

import pytest

from django.core import mail

from lms.factories import ParticipantFactory
from lms.models import Role, User


@pytest.mark.django_db
def test_a_participant_registers_with_phone_village_and_cooperative(client):
    response = client.post(
        "/akun/daftar/",
        {
            "full_name": "Siti Rahmah",
            "phone": "0812-7777-1234",
            "email": "",
            "position": "bendahara",
            "cooperative_name": "Koperasi Desa Merah Putih Bakambat",
            "village_code": "63.03.01.2001",
            "password1": "ruang-belajar-77",
            "password2": "ruang-belajar-77",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(phone="+6281277771234")
    assert user.role == Role.PARTICIPANT
    assert user.email is None
    assert user.cooperative.name == "Koperasi Desa Merah Putih Bakambat"
    assert user.village_id == "63.03.01.2001"
    assert user.timezone == "Asia/Makassar"  # Kalimantan Selatan is on WITA


@pytest.mark.django_db
def test_registration_refuses_bad_input_in_bahasa_indonesia_and_creates_nothing(client):
    ParticipantFactory(phone="+6281277771234")
    response = client.post(
        "/akun/daftar/",
        {
            "full_name": "Siti",
            "phone": "0812-7777-1234",
            "position": "bendahara",
            "cooperative_name": "Koperasi",
            "village_code": "99.99.99.9999",
            "password1": "ruang-belajar-77",
            "password2": "lain-sandi-88",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert (
        "sudah terdaftar" not in body
    )  # said to nobody (tests/lms/test_login_throttling.py)
    assert "tidak ditemukan" in body
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_password_reset_sends_a_link_that_sets_a_new_password(client):
    user = ParticipantFactory(email="lupa@contoh.id")
    client.post("/akun/sandi/lupa/", {"email": "lupa@contoh.id"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://[^/]+(/akun/sandi/atur/\S+)", mail.outbox[0].body).group(
        1
    )
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    client.post(
        form_url,
        {"new_password1": "sandi-baru-2026", "new_password2": "sandi-baru-2026"},
    )
    user.refresh_from_db()
    assert user.check_password("sandi-baru-2026")


@pytest.mark.django_db
def test_profile_changes_are_saved_and_phone_is_normalised(client):
    user = ParticipantFactory()
    client.force_login(user)
    response = client.post(
        "/akun/profil/",
        {
            "full_name": "Nama Baru",
            "email": user.email,
            "phone": "0813 1111 2222",
            "timezone": "Asia/Makassar",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.full_name, user.phone, user.timezone) == (
        "Nama Baru",
        "+6281311112222",
        "Asia/Makassar",
    )


@pytest.mark.django_db
def test_home_page_is_in_bahasa_indonesia_by_default(client):
    body = client.get("/").content.decode()
    assert 'lang="id"' in body
    assert "Masuk" in body and "Daftar" in body


@pytest.mark.django_db
def test_english_is_available(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = client.get("/").content.decode()
    assert 'lang="en"' in body
