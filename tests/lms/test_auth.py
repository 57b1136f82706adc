import pytest

from django.contrib.auth import authenticate as django_authenticate
from django.test import RequestFactory

from lms.factories import ParticipantFactory


def authenticate(**credentials):
    # The login lockout (django-axes) needs the request of every login.
    request = RequestFactory().post("/akun/masuk/")
    return django_authenticate(request, **credentials)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "login",
    ["0812-3456-7890", "+62 812 3456 7890", "6281234567890", "BENDAHARA@contoh.id"],
)
def test_a_participant_logs_in_by_email_or_by_phone_in_any_shape(login):
    user = ParticipantFactory(phone="+6281234567890", email="bendahara@contoh.id")
    assert authenticate(username=login, password="sandi-rahasia-123") == user


@pytest.mark.django_db
def test_a_wrong_password_or_unknown_login_does_not_log_in():
    ParticipantFactory(phone="+6281234567890")
    assert authenticate(username="081234567890", password="salah") is None
    assert authenticate(username="081299999999", password="sandi-rahasia-123") is None


@pytest.mark.django_db
def test_login_page_shows_a_clear_message_in_bahasa_indonesia(client):
    response = client.post("/akun/masuk/", {"username": "0812", "password": "x"})
    assert response.status_code == 200
    assert "Email/nomor HP atau kata sandi salah" in response.content.decode()


@pytest.mark.django_db
def test_phone_only_participant_logs_in_through_the_login_page(client):
    ParticipantFactory(phone="+6281234567890", email=None)
    response = client.post(
        "/akun/masuk/", {"username": "0812 3456 7890", "password": "sandi-rahasia-123"}
    )
    assert response.status_code == 302
    assert client.get("/").context["user"].phone == "+6281234567890"
