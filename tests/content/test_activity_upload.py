"""Uploading H5P packages through the Wagtail admin: install, refuse, replace, delete."""

from pathlib import Path

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from content.factories import H5PActivityFactory, activity_with_package
from content.h5p.errors import MESSAGES
from content.models import H5PActivity, H5PActivityLibrary, H5PLibrary
from content.services import activity_delete, activity_package_install
from lms.factories import AdminFactory, BalaiFactory
from tests.fixtures.h5p import builder

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_content_h5pactivity:add"
EDIT = "wagtailsnippets_content_h5pactivity:edit"
DELETE = "wagtailsnippets_content_h5pactivity:delete"
SHARED_H5P = Path(__file__).resolve().parents[2].parent / "shared" / "h5p"


@pytest.fixture
def admin_client(client):
    client.force_login(AdminFactory())
    return client


def upload(path: Path) -> SimpleUploadedFile:
    return SimpleUploadedFile(path.name, path.read_bytes(), "application/zip")


def add(admin_client, path: Path, **fields):
    data = {
        "title": "Kuis NPL",
        "balai": BalaiFactory().pk,
        "pass_score": 60,
        "package": upload(path),
        **fields,
    }
    return admin_client.post(reverse(ADD), data)


def test_the_admin_installs_an_uploaded_package(admin_client, h5p_media, tmp_path):
    response = add(admin_client, builder.build_score_demo(tmp_path))

    assert response.status_code == 302
    activity = H5PActivity.objects.get()
    assert activity.status == H5PActivity.Status.READY
    assert str(activity.main_library) == "Balai.ScoreDemo 1.0"
    assert [str(lib) for lib in activity.libraries.all()] == ["Balai.ScoreDemo 1.0"]
    key = activity.content_key
    assert f"public/h5p/content/{key}/h5p.json" in h5p_media()
    assert "public/h5p/libraries/Balai.ScoreDemo-1.0/library.json" in h5p_media()


@pytest.mark.parametrize("name", sorted(builder.MALICIOUS_PACKAGES))
def test_the_admin_refuses_a_bad_package_with_its_reason_and_keeps_no_file(
    admin_client, h5p_media, tmp_path, name
):
    build, code = builder.MALICIOUS_PACKAGES[name]
    path = build(tmp_path)

    response = add(admin_client, path)

    assert response.status_code == 200  # the form again, with the reason
    errors = response.context["form"].errors["package"]
    assert errors[0] == "Paket H5P ditolak:"
    assert len(errors) > 1
    with translation.override("id"):
        template = str(MESSAGES[code]).split("%(")[0]
    assert any(template in error for error in list(errors)[1:]), errors
    assert not H5PActivity.objects.exists()
    assert not H5PLibrary.objects.exists()
    assert h5p_media() == []


@pytest.mark.parametrize("name", sorted(builder.MALICIOUS_PACKAGES))
def test_the_service_refuses_a_bad_package_and_keeps_no_file(h5p_media, tmp_path, name):
    from content.h5p import PackageInvalid

    build, code = builder.MALICIOUS_PACKAGES[name]
    activity = H5PActivityFactory()

    with pytest.raises(PackageInvalid) as caught, open(build(tmp_path), "rb") as file:
        activity_package_install(activity=activity, package=file)

    assert code in caught.value.codes
    activity.refresh_from_db()
    assert activity.status == H5PActivity.Status.EMPTY
    assert not H5PLibrary.objects.exists()
    assert h5p_media() == []


def test_a_library_version_is_stored_once_and_shared(h5p_media, tmp_path):
    first = activity_with_package(builder.build_score_demo(tmp_path, name="a.h5p"))
    second = activity_with_package(builder.build_score_demo(tmp_path, name="b.h5p"))

    assert H5PLibrary.objects.count() == 1
    assert H5PActivityLibrary.objects.count() == 2
    libraries = [f for f in h5p_media() if "/libraries/" in f]
    assert len(libraries) == 3  # library.json, the script, the style: once
    assert first.content_key != second.content_key


def test_replacing_a_package_removes_what_nothing_else_uses(
    admin_client, h5p_media, tmp_path, django_capture_on_commit_callbacks
):
    activity = activity_with_package(builder.build_score_demo(tmp_path))
    old_key = activity.content_key

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse(EDIT, args=[activity.pk]),
            {
                "title": activity.title,
                "balai": activity.balai_id,
                "pass_score": 80,
                "package": upload(builder.build_isolation_probe(tmp_path)),
            },
        )

    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.pass_score == 80
    assert str(activity.main_library) == "Balai.IsolationProbe 1.0"
    assert [str(x) for x in H5PLibrary.objects.all()] == ["Balai.IsolationProbe 1.0"]
    files = h5p_media()
    assert not any(old_key in f for f in files)
    assert not any("Balai.ScoreDemo" in f for f in files)
    assert any(activity.content_key in f for f in files)


def test_editing_without_a_new_package_keeps_the_content(
    admin_client, h5p_media, tmp_path
):
    activity = activity_with_package(builder.build_score_demo(tmp_path))
    before = h5p_media()

    response = admin_client.post(
        reverse(EDIT, args=[activity.pk]),
        {"title": "Judul baru", "balai": activity.balai_id, "pass_score": 70},
    )

    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.status) == ("Judul baru", "ready")
    assert h5p_media() == before


def test_a_new_activity_needs_a_package(admin_client, h5p_media):
    response = admin_client.post(
        reverse(ADD),
        {"title": "Tanpa paket", "balai": BalaiFactory().pk, "pass_score": 60},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["package"] == [
        "Pilih berkas paket H5P (.h5p)."
    ]


def test_deleting_keeps_libraries_another_activity_uses(
    admin_client, h5p_media, tmp_path, django_capture_on_commit_callbacks
):
    kept = activity_with_package(builder.build_score_demo(tmp_path, name="a.h5p"))
    gone = activity_with_package(builder.build_score_demo(tmp_path, name="b.h5p"))

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse(DELETE, args=[gone.pk]))

    assert response.status_code == 302
    assert list(H5PActivity.objects.all()) == [kept]
    assert H5PLibrary.objects.count() == 1
    files = h5p_media()
    assert not any(gone.content_key in f for f in files)
    assert any(kept.content_key in f for f in files)

    with django_capture_on_commit_callbacks(execute=True):
        activity_delete(activity=kept)

    assert not H5PLibrary.objects.exists()
    assert h5p_media() == []


@pytest.mark.skipif(not SHARED_H5P.is_dir(), reason="../shared/h5p is absent")
@pytest.mark.parametrize(
    ("name", "main_library"),
    [
        ("H5P.MultiChoice.h5p", "H5P.MultiChoice"),
        ("H5P.Blanks.h5p", "H5P.Blanks"),
        ("H5P.QuestionSet.h5p", "H5P.QuestionSet"),
        ("truefalse-hello-world.h5p", "H5P.TrueFalse"),
    ],
)
def test_real_packages_install(h5p_media, name, main_library):
    activity = activity_with_package(SHARED_H5P / name)

    assert activity.status == H5PActivity.Status.READY
    assert activity.main_library.machine_name == main_library
    assert activity.libraries.count() >= 1
    assert f"public/h5p/content/{activity.content_key}/h5p.json" in h5p_media()


@pytest.mark.skipif(not SHARED_H5P.is_dir(), reason="../shared/h5p is absent")
def test_real_packages_share_their_common_libraries(h5p_media):
    multi = activity_with_package(SHARED_H5P / "H5P.MultiChoice.h5p")
    questions = activity_with_package(SHARED_H5P / "H5P.QuestionSet.h5p")

    shared = set(multi.libraries.all()) & set(questions.libraries.all())
    assert {lib.machine_name for lib in shared} >= {"H5P.MultiChoice", "H5P.Question"}
    for lib in shared:  # one folder per version, whoever brought it
        assert H5PLibrary.objects.filter(pk=lib.pk).count() == 1
