"""The player document and the H5P files: who gets them, with which headers."""

import pytest

from django.test import Client
from django.urls import reverse

from content.factories import activity_with_package
from courses.factories import EnrollmentFactory
from lms.factories import ParticipantFactory
from tests.fixtures.h5p import builder

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(h5p_media, tmp_path, lesson_with):
    activity = activity_with_package(builder.build_score_demo(tmp_path))
    lesson = lesson_with(activity)
    course = lesson.get_parent().get_parent().specific
    enrollment = EnrollmentFactory(user=ParticipantFactory(), course=course)
    client = Client()
    client.force_login(enrollment.user)
    return activity, lesson, client


def test_the_player_is_sandboxed_by_its_own_policy(setup):
    activity, lesson, client = setup

    response = client.get(
        reverse("content:player", args=[activity.pk]), {"pelajaran": lesson.pk}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    csp = dict(
        part.strip().split(" ", 1)
        for part in response["Content-Security-Policy"].split(";")
    )
    assert csp["sandbox"] == "allow-scripts"  # no allow-same-origin: opaque origin
    assert csp["default-src"] == "'none'"
    assert csp["frame-ancestors"] == "http://testserver"
    assert csp["connect-src"] == "http://testserver/h5p/berkas/"  # files only
    assert "'unsafe-inline'" not in csp["script-src"]


def test_the_player_is_not_for_someone_outside_the_course(setup):
    activity, lesson, _client = setup
    stranger = Client()
    stranger.force_login(ParticipantFactory())

    response = stranger.get(
        reverse("content:player", args=[activity.pk]), {"pelajaran": lesson.pk}
    )

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("libraries/Balai.ScoreDemo-1.0/library.json", "application/json"),
        (
            "libraries/Balai.ScoreDemo-1.0/scripts/balai-score-demo.js",
            "text/javascript; charset=utf-8",
        ),
        (
            "libraries/Balai.ScoreDemo-1.0/styles/balai-score-demo.css",
            "text/css; charset=utf-8",
        ),
        ("content/{key}/content/images/pixel.png", "image/png"),
    ],
)
def test_h5p_files_have_explicit_types_nosniff_and_a_sandbox(
    setup, client, path, content_type
):
    activity = setup[0]

    response = client.get(
        reverse("content:file", args=[path.format(key=activity.content_key)])
    )

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox;")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.parametrize(
    "path",
    [
        "libraries/../../settings.py",
        "uploads/x.h5p",
        "content/..%2f..%2fsecret",
        "libraries/Nope-1.0/library.json",
    ],
)
def test_nothing_outside_the_h5p_folders_is_served(setup, client, path):
    assert client.get(f"/h5p/berkas/{path}").status_code == 404
