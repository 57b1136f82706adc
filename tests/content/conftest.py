"""Fixtures for the H5P tests, which need neither a database nor the project's settings.

Without pytest-django (``-p no:django``) Django's settings are configured minimally
here, so that lazy messages can be rendered; with the project's settings this does
nothing.
"""

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from django.conf import settings
from django.core.files.storage import FileSystemStorage

if not settings.configured and not os.environ.get("DJANGO_SETTINGS_MODULE"):
    settings.configure(USE_I18N=False)


@pytest.fixture
def storage(tmp_path: Path) -> FileSystemStorage:
    return FileSystemStorage(location=tmp_path / "media")


@pytest.fixture
def packages(tmp_path: Path) -> Path:
    folder = tmp_path / "packages"
    folder.mkdir()
    return folder


@pytest.fixture
def stored_files(storage: FileSystemStorage) -> Callable[[], list[str]]:
    """Lists every file in the storage's folder, as storage names (from the disk)."""
    root = Path(storage.location)

    def listing() -> list[str]:
        if not root.exists():
            return []
        files = (p for p in root.rglob("*") if p.is_file())
        return sorted(p.relative_to(root).as_posix() for p in files)

    return listing


@pytest.fixture
def h5p_media(tmp_path: Path, settings):
    """Fresh local folders for the default (public) and private storages.

    Returns a function listing every file in both, as paths relative to tmp_path.
    """
    from django.core.files import storage as storage_module

    public, private = tmp_path / "public", tmp_path / "private"
    settings.MEDIA_ROOT = public
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": private, "base_url": None},
        },
    }
    storage_module.storages._storages = {}
    storage_module.storages._backends = None

    def listing() -> list[str]:
        files = (p for p in tmp_path.rglob("*") if p.is_file())
        return sorted(
            p.relative_to(tmp_path).as_posix()
            for p in files
            if p.parts[len(tmp_path.parts)] in ("public", "private")
        )

    yield listing
    storage_module.storages._storages = {}
    storage_module.storages._backends = None


@pytest.fixture
def lesson_with(request, db):
    """A live course lesson holding the given activities (LessonActivity synced)."""
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        request.getfixturevalue("page_root")

    def build(*activities, **course_fields):
        from content.factories import h5p_block_body
        from courses.factories import course_tree
        from courses.models import LessonPage

        course = course_tree(modules=1, lessons=1, **course_fields)
        lesson = LessonPage.objects.descendant_of(course).get()
        lesson.body = h5p_block_body(*activities)
        lesson.save_revision().publish()
        return lesson

    return build


@pytest.fixture(autouse=True)
def _h5p_origin_for_browser_tests(request):
    """Every test here that runs a live server plays H5P from its own origin."""
    if "live_server" in request.fixturenames:
        request.getfixturevalue("h5p_origin")


@pytest.fixture
def h5p_origin(live_server, settings) -> str:
    """The live server as the H5P content origin, under its other loopback name.

    Browser tests reach the platform as http://localhost:<port> (phone_page's
    base URL) and the H5P origin as http://127.0.0.1:<port>: another site, to
    which the browser sends no cookie of the platform's, as in production."""
    url = live_server.url.replace("://localhost:", "://127.0.0.1:")
    assert url != live_server.url
    settings.H5P_FILES_URL = f"{url}/"
    return url


H5P_HOST = "h5p.testserver"  # settings.H5P_FILES_URL in lms/settings/test.py


def player_src(client, lesson) -> str:
    """The player URL (on the H5P origin) that the lesson page gives this client."""
    import html
    import re

    page = client.get(lesson.url).content.decode()
    match = re.search(r'<iframe class="h5p-player" src="([^"]+)"', page)
    assert match, "the lesson shows no H5P player"
    return html.unescape(match[1])


def h5p_get(url: str, **extra):
    """GET on the H5P origin, as a browser would (a fresh client, no cookie)."""
    from urllib.parse import urlsplit

    from django.test import Client

    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return Client().get(path, HTTP_HOST=parts.netloc or H5P_HOST, **extra)
