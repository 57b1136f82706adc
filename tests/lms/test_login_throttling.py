"""Guessing is held: a login is locked per account and per client after a few
wrong passwords (the site's and the admin's), reset emails are throttled, and
registration does not tell whose phone is registered."""

import pytest

from django.core import mail
from django.core.cache import cache

from lms.clients import client_ip
from lms.factories import AdminFactory, ParticipantFactory
from lms.models import OwedWork, User

pytestmark = pytest.mark.django_db

RIGHT = "sandi-rahasia-123"  # the factories' password


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


def _login(client, login, password, url="/akun/masuk/", **extra):
    return client.post(url, {"username": login, "password": password}, **extra)


def test_forty_wrong_passwords_then_the_right_one_does_not_log_in(client):
    ParticipantFactory(phone="+6281234567890")
    for _ in range(40):
        _login(client, "0812-3456-7890", "salah")
    response = _login(client, "0812 3456 7890", RIGHT)
    assert response.status_code == 429
    body = response.content.decode()
    assert "Terlalu banyak percobaan masuk" in body
    assert "_auth_user_id" not in client.session


def test_the_account_is_locked_from_every_client(client):
    ParticipantFactory(phone="+6281234567890")
    for n in range(5):
        _login(client, "081234567890", "salah", REMOTE_ADDR=f"10.0.0.{n}")
    response = _login(client, "+6281234567890", RIGHT, REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 429


def test_one_client_guessing_many_accounts_is_locked(client):
    target = ParticipantFactory(phone="+6281299990000")
    for n in range(5):
        _login(client, f"08129999000{n + 1}", "salah", REMOTE_ADDR="10.1.1.1")
    response = _login(client, target.phone, RIGHT, REMOTE_ADDR="10.1.1.1")
    assert response.status_code == 429
    other_client = _login(client, target.phone, RIGHT, REMOTE_ADDR="10.2.2.2")
    assert other_client.status_code == 302


def test_the_admin_login_is_locked_the_same_way(client):
    admin = AdminFactory(email="admin@contoh.id")
    for _ in range(6):
        _login(client, admin.email, "salah", url="/admin/login/")
    response = _login(client, admin.email, RIGHT, url="/admin/login/")
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk" in response.content.decode()


def test_a_right_password_before_the_limit_logs_in_and_resets_the_count(client):
    ParticipantFactory(phone="+6281234567890")
    for _ in range(3):
        _login(client, "081234567890", "salah")
    assert _login(client, "081234567890", RIGHT).status_code == 302


def test_fifteen_reset_requests_send_at_most_three_emails(client):
    ParticipantFactory(email="lupa@contoh.id")
    for _ in range(15):
        response = client.post("/akun/sandi/lupa/", {"email": "lupa@contoh.id"})
        assert response.status_code == 302  # the same answer every time
    assert len(mail.outbox) == 3


def test_registration_does_not_tell_whose_phone_it_is(client):
    holder = ParticipantFactory(phone="+6281277771234")
    response = client.post(
        "/akun/daftar/",
        {
            "full_name": "Penebak",
            "phone": "0812-7777-1234",
            "position": "bendahara",
            "cooperative_name": "Koperasi",
            "village_code": "63.03.01.2001",
            "password1": "ruang-belajar-77",
            "password2": "ruang-belajar-77",
        },
    )
    body = response.content.decode()
    assert "sudah terdaftar" not in body
    assert holder.full_name not in body
    assert User.objects.count() == 1
    owed = OwedWork.objects.get(task="lms.tasks.registration_attempt_notify_task")
    assert owed.kwargs == {"user_id": holder.pk}


def test_the_client_is_the_address_before_the_trusted_proxy(rf, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    behind = rf.get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 10.0.0.9"
    )
    assert client_ip(behind) == "1.2.3.4"
    forged = rf.get("/", REMOTE_ADDR="5.6.7.8", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(forged) == "5.6.7.8"
    settings.TRUSTED_PROXIES = []
    assert client_ip(behind) == "10.0.0.2"
