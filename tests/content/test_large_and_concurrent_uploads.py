"""Large packages go through a Celery task; concurrent installs share one library."""

import threading
import time

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from content.factories import H5PActivityFactory
from content.models import H5PActivity, H5PLibrary
from content.services import activity_package_install
from lms.factories import AdminFactory, BalaiFactory
from tests.fixtures.h5p import builder


def _wait_until_settled(activity_id: int) -> H5PActivity:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        activity = H5PActivity.objects.get(pk=activity_id)
        if activity.status != H5PActivity.Status.PROCESSING:
            return activity
        time.sleep(0.2)
    raise AssertionError("the H5P task did not finish")


@pytest.mark.parametrize("kind", ["valid", "zip-slip"])
def test_a_large_package_is_diproses_then_installed_or_refused_by_the_task(
    celery_worker, settings, h5p_media, tmp_path, kind
):
    settings.H5P_SYNC_MAX_BYTES = 100  # every package counts as large here
    client = Client()
    client.force_login(AdminFactory())
    if kind == "valid":
        path = builder.build_score_demo(tmp_path)
    else:
        path = builder.MALICIOUS_PACKAGES["zip-slip"][0](tmp_path)

    response = client.post(
        reverse("wagtailsnippets_content_h5pactivity:add"),
        {
            "title": "Paket besar",
            "balai": BalaiFactory().pk,
            "pass_score": 60,
            "package": SimpleUploadedFile(path.name, path.read_bytes()),
        },
    )

    assert response.status_code == 302
    activity = H5PActivity.objects.get()
    activity = _wait_until_settled(activity.pk)
    files = h5p_media()
    assert not any(f.startswith("private/") for f in files)  # the upload is gone
    assert activity.pending_upload == ""
    if kind == "valid":
        assert activity.status == H5PActivity.Status.READY
        assert f"public/h5p/content/{activity.content_key}/h5p.json" in files
    else:
        assert activity.status == H5PActivity.Status.FAILED
        assert any("jalur berbahaya" in p for p in activity.problems)
        assert files == []


def test_two_uploads_bringing_the_same_new_library_at_once_store_it_once(
    transactional_db, h5p_media, tmp_path
):
    paths = [builder.build_score_demo(tmp_path, name=f"{n}.h5p") for n in "ab"]
    activities = [H5PActivityFactory() for _ in paths]
    barrier = threading.Barrier(len(paths))
    errors: list[BaseException] = []

    def install(activity, path):
        try:
            barrier.wait()
            for _attempt in range(100):
                try:
                    with open(path, "rb") as package:
                        activity_package_install(activity=activity, package=package)
                    break
                except OperationalError as exc:
                    # SQLite's in-memory test database has no busy timeout: a
                    # locked table fails at once where PostgreSQL (and a SQLite
                    # file) waits for the lock. Wait here instead.
                    if connection.vendor != "sqlite" or "locked" not in str(exc):
                        raise
                    time.sleep(0.05)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=install, args=pair)
        for pair in zip(activities, paths, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert H5PLibrary.objects.count() == 1
    for activity in activities:
        activity.refresh_from_db()
        assert activity.status == H5PActivity.Status.READY
        assert [str(x) for x in activity.libraries.all()] == ["Balai.ScoreDemo 1.0"]
    library_files = [f for f in h5p_media() if "/libraries/" in f]
    assert len(library_files) == 3
