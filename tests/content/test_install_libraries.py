"""What an install does with libraries already stored, and tells the uploader;
large installs owed through the outbox; names too long refused in the form."""

import datetime
import json
from pathlib import Path

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from content.factories import H5PActivityFactory, activity_with_package
from content.models import H5PActivity, H5PLibrary
from content.services import INSTALL_TASK, activity_package_submit, h5p_storage
from lms.factories import AdminFactory, BalaiFactory
from lms.models import OwedWork
from lms.outbox import outbox_sweep
from tests.fixtures.h5p import builder

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_content_h5pactivity:add"
FOLDER = "Balai.ScoreDemo-1.0"
REAL = Path(__file__).resolve().parents[1] / "fixtures" / "h5p" / "real"


def demo(tmp_path: Path, name: str, *, patch: int = 0, extra: dict | None = None):
    entries = builder.score_demo_entries()
    library = json.loads(builder._as_bytes(entries[f"{FOLDER}/library.json"]))
    library["patchVersion"] = patch
    entries[f"{FOLDER}/library.json"] = library
    entries.update(extra or {})
    return builder.write_package(tmp_path / f"{name}.h5p", entries)


@pytest.fixture
def admin_client(client):
    client.force_login(AdminFactory())
    return client


def add(admin_client, path: Path):
    upload = SimpleUploadedFile(path.name, path.read_bytes(), "application/zip")
    return admin_client.post(
        reverse(ADD),
        {
            "title": "Kuis",
            "balai": BalaiFactory(code="bplk-kalsel").pk,
            "pass_score": 60,
            "package": upload,
        },
        follow=True,
    )


def test_the_uploader_is_told_what_was_installed_then_ignored(
    admin_client, h5p_media, tmp_path
):
    first = add(admin_client, demo(tmp_path, "a"))
    second = add(admin_client, demo(tmp_path, "b"))

    first_messages = [str(m) for m in first.context["messages"]]
    second_messages = [str(m) for m in second.context["messages"]]
    assert "Pustaka baru dipasang: Balai.ScoreDemo 1.0.0." in first_messages
    assert (
        "Salinan pustaka di paket diabaikan karena versi yang sama atau lebih baru "
        "sudah tersimpan: Balai.ScoreDemo 1.0.0 (versi tersimpan 1.0.0)."
    ) in second_messages
    activity = H5PActivity.objects.order_by("pk").last()
    page = admin_client.get(
        reverse("wagtailsnippets_content_h5pactivity:edit", args=[activity.pk])
    ).content.decode()
    assert "Pemasangan terakhir:" in page
    assert "versi tersimpan 1.0.0" in page


def test_a_newer_patch_is_installed_and_used_by_every_activity(
    django_capture_on_commit_callbacks, h5p_media, tmp_path
):
    old = activity_with_package(
        demo(tmp_path, "old", extra={f"{FOLDER}/styles/old.css": ".old{}"})
    )

    with django_capture_on_commit_callbacks(execute=True):  # old files go then
        new = activity_with_package(
            demo(
                tmp_path,
                "new",
                patch=3,
                extra={f"{FOLDER}/scripts/balai-score-demo.js": "/* 1.0.3 */"},
            )
        )

    library = H5PLibrary.objects.get()
    assert library.patch_version == 3
    assert library.library_json["patchVersion"] == 3
    assert new.notes == [
        "Pustaka diperbarui ke versi patch yang lebih baru: "
        "Balai.ScoreDemo 1.0 (1.0.0 → 1.0.3)."
    ]
    assert f"public/h5p/libraries/{FOLDER}/styles/old.css" not in h5p_media()
    script = h5p_storage().open(f"h5p/libraries/{FOLDER}/scripts/balai-score-demo.js")
    assert script.read() == b"/* 1.0.3 */"
    assert old.main_library_id == new.main_library_id  # both play the one copy


def test_a_package_relying_on_a_stored_library_installs_and_says_so(h5p_media):
    from content.h5p import PackageInvalid

    crossword = REAL / "ateeducacion-h5p2elpx" / "crossword.h5p"  # content only
    with pytest.raises(PackageInvalid) as refused:
        activity_with_package(crossword)
    assert "missing-library" in refused.value.codes

    activity_with_package(REAL / "jamestagal-h5p-cli-creator" / "H5P.Crossword-0.5.h5p")
    activity = activity_with_package(crossword)

    assert activity.is_ready
    assert activity.notes[0].startswith("Memakai pustaka yang sudah tersimpan: ")
    assert "H5P.Crossword 0.5" in activity.notes[0]


def test_a_library_name_too_long_is_refused_in_the_form_not_with_an_error(
    admin_client, h5p_media, tmp_path
):
    entries = builder.score_demo_entries()
    path = builder.write_package(
        tmp_path / "long.h5p",
        {**entries, f"content/{'x' * 300}.png": builder.png_pixel()},
    )

    response = add(admin_client, path)

    assert response.status_code == 200
    errors = response.context["form"].errors["package"]
    assert errors[0] == "Paket H5P ditolak:"
    assert "terlalu panjang" in errors[1]
    assert not H5PActivity.objects.exists()
    assert h5p_media() == []


def test_a_large_install_is_owed_and_a_dead_workers_work_is_resent(
    django_capture_on_commit_callbacks, settings, h5p_media, tmp_path
):
    settings.H5P_SYNC_MAX_BYTES = 100  # every package counts as large here
    activity = H5PActivityFactory()
    path = builder.build_score_demo(tmp_path)
    upload = SimpleUploadedFile(path.name, path.read_bytes(), "application/zip")

    # The transaction commits, but the message is lost: as if the worker that
    # took it died before installing anything.
    with django_capture_on_commit_callbacks(execute=False):
        activity_package_submit(activity=activity, upload=upload)

    activity.refresh_from_db()
    owed = OwedWork.objects.get()
    assert activity.status == H5PActivity.Status.PROCESSING
    assert (owed.task, owed.kwargs) == (INSTALL_TASK, {"activity_id": activity.pk})
    assert owed.done_at is None

    later = timezone.now() + datetime.timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)
    assert outbox_sweep(now=later + datetime.timedelta(seconds=1)) == 1

    activity.refresh_from_db()
    owed.refresh_from_db()
    assert activity.status == H5PActivity.Status.READY
    assert activity.pending_upload == ""
    assert owed.done_at is not None
    assert not any(f.startswith("private/") for f in h5p_media())
