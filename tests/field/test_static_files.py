"""Static files ship compressed (gzip and brotli) with hashed names and a one-year
cache lifetime; HTML is compressed too."""

import gzip
import json
import os
import subprocess
import sys

import pytest

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client
from django.utils.functional import empty

SOURCE = settings.BASE_DIR / "static"
PRODUCTION_STATIC = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}


def production_settings() -> dict:
    """What lms.settings.production configures, read in a process of its own."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DATABASE_URL": "postgres://u@127.0.0.1:5432/none",
        "DJANGO_ALLOWED_HOSTS": "balaidaring.id",
    }
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'storage': s.STORAGES['staticfiles'], "
        "'max_age': s.WHITENOISE_MAX_AGE, 'middleware': s.MIDDLEWARE}))"
    )
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture
def production_static(settings, tmp_path):
    """collectstatic of the project's own static files into a tmp dir, with the
    production storage (base.py's CompressedManifestStaticFilesStorage)."""
    from django.core.files import storage as storage_module

    settings.STATIC_ROOT = tmp_path
    settings.STATICFILES_DIRS = [SOURCE]
    settings.STATICFILES_FINDERS = [
        "django.contrib.staticfiles.finders.FileSystemFinder"
    ]
    settings.STORAGES = {**settings.STORAGES, "staticfiles": PRODUCTION_STATIC}
    storage_module.storages._storages = {}
    storage_module.storages._backends = None
    staticfiles_storage._wrapped = empty
    call_command("collectstatic", "--noinput", verbosity=0)
    yield tmp_path
    storage_module.storages._storages = {}
    storage_module.storages._backends = None
    staticfiles_storage._wrapped = empty


def test_production_serves_compressed_hashed_static_files_for_a_year():
    production = production_settings()
    assert production["storage"] == PRODUCTION_STATIC
    assert production["max_age"] == 365 * 24 * 3600
    middleware = production["middleware"]
    assert "django.middleware.gzip.GZipMiddleware" in middleware
    # WhiteNoise right after SecurityMiddleware, before anything else.
    assert middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") == 1


def test_collectstatic_writes_hashed_names_with_gzip_and_brotli_copies(
    production_static,
):
    for name in ("css/site.css", "js/offline.js"):
        stem, ext = name.rsplit(".", 1)
        hashed = [
            p
            for p in production_static.glob(f"{stem}.*.{ext}")
            if p.name.count(".") == 2
        ]
        assert len(hashed) == 1, f"no single hashed copy of {name}: {hashed}"
        path = hashed[0]
        assert path.with_name(path.name + ".gz").exists()
        assert path.with_name(path.name + ".br").exists()
        original = (SOURCE / name).read_bytes()
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes())
        assert len(path.with_name(path.name + ".br").read_bytes()) < len(original)
    assert (production_static / "staticfiles.json").exists()


@pytest.mark.django_db
def test_a_hashed_static_file_is_served_compressed_with_a_long_cache_lifetime(
    production_static,
):
    from django.templatetags.static import static

    url = static("css/site.css")
    assert url.startswith("/static/css/site.") and url != "/static/css/site.css"
    client = Client()  # a fresh handler: WhiteNoise reads the new STATIC_ROOT
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"
    cache_control = response["Cache-Control"]
    assert "max-age=315360000" in cache_control or "max-age=31536000" in cache_control
    assert "immutable" in cache_control
    gz = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert gz["Content-Encoding"] == "gzip"
    assert b".top" in gzip.decompress(b"".join(gz.streaming_content))


@pytest.mark.django_db
def test_html_pages_are_sent_gzip_compressed(client):
    response = client.get("/akun/masuk/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content).decode()
    assert "<form" in html
    assert len(response.content) < len(html.encode()) / 2
