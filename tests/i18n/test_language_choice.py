"""Bahasa Indonesia unless the person chooses English, whatever the phone's language."""

import pytest

from django.conf import settings
from django.urls import reverse

from tests.i18n.conftest import get_page, set_language, visible_text

pytestmark = pytest.mark.django_db

PHONE_IN_ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def test_a_phone_set_to_english_still_gets_bahasa_indonesia(client):
    response = client.get(reverse("lms:login"), **PHONE_IN_ENGLISH)
    html = response.content.decode()
    assert '<html lang="id">' in html
    assert response["Content-Language"] == "id"
    assert "Masuk" in visible_text(html)


def test_choosing_english_in_the_footer_switches_and_stays(client):
    set_language(client, "en")
    html = get_page(client, reverse("lms:login"))
    assert '<html lang="en">' in html and "Log in" in visible_text(html)
    # Another page, later: still English.
    assert '<html lang="en">' in get_page(client, reverse("lms:register"))


def test_choosing_indonesian_again_switches_back(client):
    set_language(client, "en")
    set_language(client, "id")
    response = client.get(reverse("lms:login"), **PHONE_IN_ENGLISH)
    assert '<html lang="id">' in response.content.decode()


def test_a_regional_variant_is_served_as_its_language(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en-GB"
    assert '<html lang="en">' in get_page(client, reverse("lms:login"))


def test_an_unknown_language_falls_back_to_indonesian(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert '<html lang="id">' in get_page(client, reverse("lms:login"))


def test_pages_vary_by_the_language_cookie_not_by_the_browser(client):
    response = client.get(reverse("lms:login"), **PHONE_IN_ENGLISH)
    vary = {value.strip() for value in response.get("Vary", "").split(",")}
    assert "Cookie" in vary
    assert "Accept-Language" not in vary
