"""The embedded default (DEBUG on): the project's own 404 and 500 pages, a site
address that follows the address the server listens on, a favicon."""

import pytest

from django.conf import settings
from django.test import override_settings
from django.urls import path

from lms.management.commands import runserver

pytestmark = pytest.mark.django_db


def _broken(request):
    raise RuntimeError("rusak")


urlpatterns = [path("rusak/", _broken)]


@pytest.fixture
def debug_with_own_pages(settings):
    settings.DEBUG = True
    settings.MIDDLEWARE = [
        "lms.middleware.OwnErrorPagesMiddleware",
        *settings.MIDDLEWARE,
    ]


def test_a_missing_page_is_the_projects_own_404_in_indonesian(
    client, debug_with_own_pages
):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Halaman tidak ditemukan" in html
    assert "DEBUG = True" not in html


def test_a_server_error_is_the_projects_own_500(client, debug_with_own_pages):
    client.raise_request_exception = False
    with override_settings(ROOT_URLCONF=__name__):
        response = client.get("/rusak/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Terjadi gangguan" in html
    assert "Traceback" not in html


def test_the_site_address_follows_the_address_served_on(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.setattr(settings, "SITE_URL", "http://127.0.0.1:8000")
    command = runserver.Command()
    command.addr, command.port, command.use_ipv6 = "127.0.0.1", "8123", False
    monkeypatch.setattr(
        runserver.StaticRunserver, "inner_run", lambda self, *a, **k: None
    )

    command.inner_run()

    assert settings.SITE_URL == "http://127.0.0.1:8123"


def test_listening_on_every_address_gives_this_machines_own_address(monkeypatch):
    monkeypatch.setattr(runserver, "lan_address", lambda: "192.168.1.20")
    every = "0.0.0.0"  # noqa: S104 - the address is only named, not bound
    assert runserver.site_url_for(every, 8000) == "http://192.168.1.20:8000"
    assert runserver.site_url_for("::1", 8000, ipv6=True) == "http://[::1]:8000"


def test_a_set_site_url_is_kept(monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://balaidaring.id")
    monkeypatch.setattr(settings, "SITE_URL", "https://balaidaring.id")
    command = runserver.Command()
    command.addr, command.port, command.use_ipv6 = "127.0.0.1", "8123", False
    monkeypatch.setattr(
        runserver.StaticRunserver, "inner_run", lambda self, *a, **k: None
    )
    command.inner_run()
    assert settings.SITE_URL == "https://balaidaring.id"


def test_the_favicon_is_served(client):
    assert 'rel="icon"' in client.get("/akun/masuk/").content.decode()
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith(".svg")
