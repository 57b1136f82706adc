"""No uploaded file is served from the platform's origin without the sandbox
headers, in any settings (the embedded default's DEBUG included)."""

import importlib

import pytest

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import clear_url_caches

import lms.urls

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/admin/")</script></svg>'


@pytest.fixture(params=[True, False], ids=["debug", "production-like"])
def urls(request, settings):
    settings.DEBUG = request.param
    importlib.reload(lms.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(lms.urls)
    clear_url_caches()


@pytest.fixture
def uploaded():
    names = [
        default_storage.save("images/gambar-jahat.svg", ContentFile(SVG)),
        default_storage.save("h5p/content/abc/content/jahat.svg", ContentFile(SVG)),
        default_storage.save(
            "documents/catatan.html", ContentFile(b"<script>1</script>")
        ),
    ]
    yield names
    for name in names:
        default_storage.delete(name)


def test_an_uploaded_svg_is_served_sandboxed_as_a_download(client, urls, uploaded):
    response = client.get(f"/media/{uploaded[0]}")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert csp.startswith("sandbox") and "default-src 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == "attachment"
    html = client.get(f"/media/{uploaded[2]}")
    assert html["Content-Security-Policy"].startswith("sandbox")
    assert html["Content-Disposition"] == "attachment"


def test_h5p_package_files_are_not_served_on_the_platform_origin(
    client, urls, uploaded
):
    assert client.get(f"/media/{uploaded[1]}").status_code == 404
