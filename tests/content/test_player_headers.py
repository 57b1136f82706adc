"""The H5P origin: what it serves (the player and the H5P files, nothing else),
to whom (a ticket from the lesson page), with which headers; and what the
platform serves of H5P (only the endpoints the lesson page posts to)."""

import base64
import hashlib
import re
from urllib.parse import urlsplit

import pytest

from django.core import signing
from django.test import Client, RequestFactory
from django.urls import reverse

from content.factories import activity_with_package
from content.origin import h5p_base_url, is_h5p_request, shares_no_cookies
from content.player_access import player_ticket_issue
from content.views import H5P_IFRAME_SCRIPT
from courses.factories import EnrollmentFactory
from lms.factories import ParticipantFactory
from tests.conftest import REPO
from tests.content.conftest import H5P_HOST, h5p_get, player_src
from tests.fixtures.h5p import builder

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, str]:
    return dict(
        part.strip().split(" ", 1)
        for part in response["Content-Security-Policy"].split(";")
    )


@pytest.fixture
def setup(h5p_media, tmp_path, lesson_with):
    activity = activity_with_package(builder.build_score_demo(tmp_path))
    lesson = lesson_with(activity)
    course = lesson.get_parent().get_parent().specific
    enrollment = EnrollmentFactory(user=ParticipantFactory(), course=course)
    client = Client()
    client.force_login(enrollment.user)
    return activity, lesson, client


def test_the_lesson_frames_the_player_from_the_h5p_origin(setup):
    activity, lesson, client = setup

    page = client.get(lesson.url).content.decode()
    src = player_src(client, lesson)

    assert src.startswith(f"http://{H5P_HOST}/h5p/{activity.pk}/pemutar/?t=")
    assert 'sandbox="allow-scripts allow-same-origin"' in page
    assert f'data-h5p-origin="http://{H5P_HOST}"' in page


def test_the_player_keeps_its_origin_and_talks_only_to_the_lesson_page(setup):
    activity, lesson, client = setup

    response = h5p_get(player_src(client, lesson))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "X-Frame-Options" not in response  # frame-ancestors says who frames it
    assert not response.cookies
    csp = policy(response)
    assert csp["sandbox"] == "allow-scripts allow-same-origin"
    assert csp["default-src"] == "'none'"
    assert csp["frame-ancestors"] == "http://testserver"  # the lesson page only
    assert csp["connect-src"] == f"http://{H5P_HOST}/h5p/berkas/"  # files only
    assert "'unsafe-inline'" not in csp["script-src"]
    assert response.context["config"]["parentOrigin"] == "http://testserver"


def test_the_one_inline_script_h5p_core_writes_is_allowed_by_its_hash():
    bundle = (
        REPO / "node_modules" / "h5p-standalone" / "dist" / "frame.bundle.js"
    ).read_text()
    script = re.search(
        r"<script>(H5PIntegration = window\.parent[^<]*)<\\/script>", bundle
    )

    digest = hashlib.sha256(script[1].encode()).digest()

    assert f"'sha256-{base64.b64encode(digest).decode()}'" == H5P_IFRAME_SCRIPT


def test_video_hosts_of_the_allow_list_and_no_others_may_play(setup, settings):
    settings.H5P_VIDEO_HOSTS = [
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ]
    activity, lesson, client = setup

    csp = policy(h5p_get(player_src(client, lesson)))

    frames = csp["frame-src"].split()
    scripts = csp["script-src"].split()
    assert frames == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    assert "https://player.vimeo.com" in scripts
    for other in ("https://www.youtube.com", "https://evil.example", "*", "https:"):
        assert other not in frames
        assert other not in scripts


def test_the_default_video_hosts_are_youtube_and_vimeo(setup):
    activity, lesson, client = setup

    csp = policy(h5p_get(player_src(client, lesson)))

    assert csp["frame-src"].split() == [
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",  # H5P.Video's YouTube handler (IFrame API)
        "https://player.vimeo.com",
    ]


def test_the_player_is_not_for_someone_outside_the_course(setup):
    activity, lesson, _client = setup
    stranger = ParticipantFactory()
    ticket = player_ticket_issue(
        user_id=stranger.pk,
        activity_id=activity.pk,
        lesson_id=lesson.pk,
        parent_origin="http://testserver",
        language="id",
    )

    response = h5p_get(f"/h5p/{activity.pk}/pemutar/?t={ticket}")

    assert response.status_code == 404
    assert "tidak dapat dimainkan" in response.context["config"]["problem"]
    assert "options" not in response.context["config"]  # no content, no state


def test_a_forged_or_foreign_ticket_opens_nothing(setup):
    activity, lesson, client = setup
    src = player_src(client, lesson)
    forged = signing.dumps({"a": activity.pk, "l": lesson.pk, "u": 1}, salt="other")

    assert h5p_get(src.replace("?t=", "?t=x")).status_code == 404
    assert h5p_get(f"/h5p/{activity.pk}/pemutar/?t={forged}").status_code == 404
    other_activity = src.replace(f"/h5p/{activity.pk}/", f"/h5p/{activity.pk + 1}/")
    assert h5p_get(other_activity).status_code == 404


def test_an_expired_ticket_says_to_reload_the_lesson(setup, settings):
    activity, lesson, client = setup
    src = player_src(client, lesson)
    settings.H5P_PLAYER_TICKET_SECONDS = -1

    response = h5p_get(src)

    assert response.status_code == 403
    assert response.context["config"]["problem"] == (
        "Sesi pemutar sudah habis. Muat ulang halaman pelajaran."
    )
    assert policy(response)["frame-ancestors"] == "http://testserver"


def test_the_h5p_origin_serves_nothing_else_and_takes_no_session(setup):
    activity, lesson, client = setup
    session = client.cookies["sessionid"].value

    for path in (
        "/",
        "/admin/",
        "/belajar/",
        f"/h5p/{activity.pk}/xapi/",
        "/akun/masuk/",
    ):
        response = Client().get(
            path, HTTP_HOST=H5P_HOST, HTTP_COOKIE=f"sessionid={session}"
        )
        assert response.status_code == 404, path
        assert not response.cookies


def test_the_platform_serves_no_player_and_no_file(setup):
    activity, lesson, client = setup
    src = urlsplit(player_src(client, lesson))

    assert client.get(f"{src.path}?{src.query}").status_code == 404
    assert (
        client.get("/h5p/berkas/libraries/Balai.ScoreDemo-1.0/library.json").status_code
        == 404
    )


@pytest.mark.parametrize(
    ("path", "content_type", "cache"),
    [
        (
            "libraries/Balai.ScoreDemo-1.0/library.json",
            "application/json",
            "public, max-age=3600",
        ),
        (
            "libraries/Balai.ScoreDemo-1.0/scripts/balai-score-demo.js",
            "text/javascript; charset=utf-8",
            "public, max-age=3600",
        ),
        (
            "libraries/Balai.ScoreDemo-1.0/styles/balai-score-demo.css",
            "text/css; charset=utf-8",
            "public, max-age=3600",
        ),
        (
            "content/{key}/content/images/pixel.png",
            "image/png",
            "public, max-age=31536000, immutable",
        ),
    ],
)
def test_h5p_files_have_explicit_types_nosniff_and_a_sandbox(
    setup, path, content_type, cache
):
    activity = setup[0]

    response = h5p_get(f"/h5p/berkas/{path.format(key=activity.content_key)}")

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox;")
    assert response["Cache-Control"] == cache
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
def test_nothing_outside_the_h5p_folders_is_served(setup, path):
    assert h5p_get(f"/h5p/berkas/{path}").status_code == 404


def test_the_embedded_default_uses_the_other_loopback_name(settings):
    settings.H5P_FILES_URL = ""
    settings.H5P_LOCAL_PORT = 8001
    factory = RequestFactory()

    assert h5p_base_url(factory.get("/", HTTP_HOST="127.0.0.1:8000")) == (
        "http://localhost:8001/"
    )
    assert h5p_base_url(factory.get("/", HTTP_HOST="localhost:8000")) == (
        "http://127.0.0.1:8001/"
    )
    # A host with no other name to serve H5P under: the block says so.
    assert h5p_base_url(factory.get("/", HTTP_HOST="192.0.2.7:8000")) is None
    h5p = factory.get("/", HTTP_HOST="localhost:8001")
    h5p.META["SERVER_PORT"] = "8001"
    platform = factory.get("/", HTTP_HOST="127.0.0.1:8000")
    platform.META["SERVER_PORT"] = "8000"
    assert is_h5p_request(h5p)
    assert not is_h5p_request(platform)


@pytest.mark.parametrize(
    ("h5p_url", "platform", "cookie_domain", "separate"),
    [
        ("https://h5p.balaidaring.id/", "balaidaring.id", None, True),
        ("https://balaidaring.id/", "balaidaring.id", None, False),
        ("http://127.0.0.1:8001/", "127.0.0.1:8000", None, False),  # ports don't count
        ("https://h5p.balaidaring.id/", "balaidaring.id", ".balaidaring.id", False),
        ("https://h5p-balaidaring.id/", "balaidaring.id", ".balaidaring.id", True),
    ],
)
def test_an_origin_that_would_share_cookies_is_not_used(
    settings, h5p_url, platform, cookie_domain, separate
):
    settings.SESSION_COOKIE_DOMAIN = cookie_domain

    assert shares_no_cookies(h5p_url, platform) is separate


def test_without_an_origin_of_its_own_the_block_says_why(setup, settings):
    activity, lesson, client = setup
    settings.SESSION_COOKIE_DOMAIN = "testserver"  # covers h5p.testserver too

    page = client.get(lesson.url).content.decode()

    assert "h5p-player" not in page
    assert "alamat khusus untuk konten H5P belum diatur" in page


def test_the_deploy_check_wants_an_origin_of_its_own(settings):
    from content.checks import h5p_origin_check

    settings.H5P_LOCAL_PORT = 0
    settings.SITE_URL = "https://balaidaring.id"
    settings.H5P_FILES_URL = ""
    assert [e.id for e in h5p_origin_check(None)] == ["content.E001"]
    settings.H5P_FILES_URL = "https://balaidaring.id/media/h5p/"
    assert [e.id for e in h5p_origin_check(None)] == ["content.E002", "content.E003"]
    settings.H5P_FILES_URL = "https://h5p.balaidaring.id/"
    assert h5p_origin_check(None) == []


@pytest.mark.parametrize("status", ["empty", "processing", "failed"])
def test_an_activity_with_nothing_to_play_does_not_hold_the_lesson_back(
    h5p_media, lesson_with, status
):
    from content.factories import H5PActivityFactory
    from courses.models import LessonProgress

    activity = H5PActivityFactory(status=status)
    lesson = lesson_with(activity)
    course = lesson.get_parent().get_parent().specific
    enrollment = EnrollmentFactory(user=ParticipantFactory(), course=course)
    client = Client()
    client.force_login(enrollment.user)

    page = client.get(lesson.url).content.decode()
    client.post(reverse("courses:lesson_finish", args=[lesson.pk]))

    assert "h5p-player" not in page
    assert "Anda tetap dapat menandai pelajaran ini selesai." in page
    progress = LessonProgress.objects.get(enrollment=enrollment, lesson=lesson)
    assert progress.status == LessonProgress.Status.COMPLETED


def test_a_replacement_being_processed_leaves_the_previous_package_playing(setup):
    from content.models import H5PActivity

    activity, lesson, client = setup
    H5PActivity.objects.filter(pk=activity.pk).update(
        status=H5PActivity.Status.PROCESSING, pending_upload="h5p/uploads/x.h5p"
    )

    response = h5p_get(player_src(client, lesson))

    assert response.status_code == 200
    assert activity.content_key in response.context["config"]["options"]["h5pJsonPath"]


@pytest.mark.parametrize(
    ("host", "h5p"),
    [
        ("h5p.balaidaring.id", True),  # whatever scheme the proxy reports
        ("H5P.balaidaring.id:443", True),
        ("h5p.balaidaring.id:8443", False),
        ("balaidaring.id", False),
        ("h5p.balaidaring.id.evil.example", False),
    ],
)
def test_the_h5p_origin_is_known_by_its_host_name(settings, host, h5p):
    settings.H5P_FILES_URL = "https://h5p.balaidaring.id/"

    request = RequestFactory().get("/", HTTP_HOST=host)

    assert is_h5p_request(request) is h5p
