"""A library whose name is longer than a file system holds is refused with a clear
Indonesian message; nothing is written and nothing answers 500."""

import copy

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from content.models import H5PActivity, H5PLibrary
from lms.factories import AdminFactory, BalaiFactory
from tests.fixtures.h5p import builder

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_content_h5pactivity:add"


def _long_named_package(directory, length, *, bare_folder=False):
    name = "Balai." + "A" * (length - len("Balai."))
    entries = builder.score_demo_entries()
    library = dict(entries.pop("Balai.ScoreDemo-1.0/library.json"))
    library["machineName"] = name
    # H5P accepts the folder under the bare machine name too: then only the
    # stored folder (`name-1.0`) is longer than a file name may be.
    folder = name if bare_folder else f"{name}-1.0"
    entries[f"{folder}/library.json"] = library
    for old in [e for e in entries if e.startswith("Balai.ScoreDemo-1.0/")]:
        entries[f"{folder}/{old.split('/', 1)[1]}"] = entries.pop(old)
    h5p = copy.deepcopy(entries["h5p.json"])
    h5p["mainLibrary"] = name
    h5p["preloadedDependencies"][0]["machineName"] = name
    entries["h5p.json"] = h5p
    return builder.write_package(directory / "panjang.h5p", entries)


@pytest.mark.parametrize(
    ("length", "bare_folder"), [(252, True), (255, True), (255, False)]
)
def test_a_library_name_too_long_for_the_file_system_is_refused_clearly(
    client, tmp_path, h5p_media, length, bare_folder
):
    client.force_login(AdminFactory())
    path = _long_named_package(tmp_path, length, bare_folder=bare_folder)
    response = client.post(
        reverse(ADD),
        {
            "title": "Kuis panjang",
            "balai": BalaiFactory().pk,
            "pass_score": 60,
            "package": SimpleUploadedFile(path.name, path.read_bytes()),
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "terlalu panjang" in body
    assert not H5PActivity.objects.exists()
    assert not H5PLibrary.objects.exists()
    assert [f for f in h5p_media() if f.startswith("public/")] == []
