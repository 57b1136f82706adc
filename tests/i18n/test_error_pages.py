"""Error pages speak the chosen language too (Django's defaults are English only)."""

import pytest

from django.test import Client
from django.urls import path, reverse

from lms.factories import ParticipantFactory
from tests.i18n.conftest import set_language, visible_text, words_found

pytestmark = pytest.mark.django_db

ENGLISH = ["Not Found", "Forbidden", "Server Error", "The requested", "Page not found"]


def _broken(request):
    raise RuntimeError("broken on purpose")


urlpatterns = [path("rusak/", _broken)]


def test_an_unknown_address_gets_an_indonesian_page_not_found(client):
    response = client.get("/alamat-yang-tidak-ada/")
    assert response.status_code == 404
    runs = visible_text(response.content.decode())
    assert "Halaman tidak ditemukan" in runs
    assert not words_found(runs, ENGLISH)


def test_the_page_not_found_follows_the_english_choice(client):
    set_language(client, "en")
    response = client.get("/alamat-yang-tidak-ada/")
    assert response.status_code == 404
    assert "Page not found" in visible_text(response.content.decode())


def test_a_forbidden_page_says_so_in_indonesian(client):
    client.force_login(ParticipantFactory())
    response = client.get(reverse("lms:participant_list"))
    assert response.status_code == 403
    runs = visible_text(response.content.decode())
    assert "Akses ditolak" in runs
    assert not words_found(runs, ENGLISH)


@pytest.mark.urls("tests.i18n.test_error_pages")
def test_a_server_error_says_so_in_indonesian():
    client = Client(raise_request_exception=False)
    response = client.get("/rusak/")
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="id">' in html
    runs = visible_text(html)
    assert "Terjadi gangguan" in runs
    assert not words_found(runs, ENGLISH)
