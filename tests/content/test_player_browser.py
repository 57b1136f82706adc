"""The H5P player in a phone-sized browser: isolation, and a real answer recorded."""

import re
from pathlib import Path

import pytest

from django.urls import reverse

from content.factories import H5PActivityFactory, activity_with_package
from content.models import H5PResult, H5PUserData, XAPIStatement
from content.services import activity_package_install
from courses.factories import EnrollmentFactory
from lms.factories import ParticipantFactory
from tests.browser_wait import wait_for_js
from tests.conftest import REPO
from tests.fixtures.h5p import builder

SHARED_H5P = Path(__file__).resolve().parents[2].parent / "shared" / "h5p"
PASSWORD = "sandi-rahasia-123"


@pytest.fixture
def participant(transactional_db):
    return ParticipantFactory(email="peserta.h5p@contoh.id")


def _enrol(participant, lesson):
    course = lesson.get_parent().get_parent().specific
    return EnrollmentFactory(user=participant, course=course)


@pytest.mark.parametrize("embed", ["div", "iframe"])
def test_the_activity_cannot_reach_cookies_the_page_or_the_platform(
    phone_page,
    live_server,
    h5p_origin,
    login_in_browser,
    screenshot,
    h5p_media,
    tmp_path,
    participant,
    lesson_with,
    embed,
):
    activity = H5PActivityFactory(title="Uji isolasi")
    probe = builder.build_isolation_probe(
        tmp_path,
        xapi_url=live_server.url + reverse("content:statement", args=[activity.pk]),
        page_url=live_server.url + "/belajar/",
        embed_types=(embed,),
    )
    with open(probe, "rb") as package:
        activity = activity_package_install(activity=activity, package=package)
    lesson = lesson_with(activity)
    _enrol(participant, lesson)

    login_in_browser(phone_page, participant.email, PASSWORD)
    assert any(c["name"] == "sessionid" for c in phone_page.context.cookies())
    phone_page.evaluate("localStorage.setItem('balai.queue.v1', '[\"rahasia\"]')")
    phone_page.goto(lesson.url)
    player = phone_page.locator("iframe.h5p-player")
    assert player.get_attribute("src").startswith(f"{h5p_origin}/h5p/")
    assert player.get_attribute("sandbox") == "allow-scripts allow-same-origin"
    frame = phone_page.frame_locator("iframe.h5p-player")
    if embed == "iframe":  # the content runs in the iframe H5P core opens
        frame = frame.frame_locator("iframe.h5p-iframe")
    frame.locator("dl[data-probe-done=true]").wait_for()
    outcomes = {
        name: frame.locator(f'dd[data-probe="{name}"]').get_attribute("data-outcome")
        for name in ("cookie", "parent", "top", "storage", "fetch", "read")
    }
    screenshot(phone_page, f"h5p-isolation-probe-{embed}")

    assert outcomes == {
        "cookie": "empty",  # readable on its own origin, where there is none
        # In an iframe of its own, its parent is the player document (the H5P
        # origin's); the lesson page is its top.
        "parent": "blocked" if embed == "div" else "allowed",
        "top": "blocked",
        "storage": "empty",  # its own storage, not the platform's
        "fetch": "blocked",
        "read": "blocked",
    }
    # Nothing the probe tried reached the participant's records.
    assert not XAPIStatement.objects.exists()
    assert not H5PResult.objects.exists()
    assert not H5PUserData.objects.exists()


def test_without_its_csp_the_h5p_origin_still_cannot_act_as_the_participant(
    browser,
    live_server,
    h5p_origin,
    login_in_browser,
    h5p_media,
    tmp_path,
    participant,
    lesson_with,
):
    """The player's CSP forbids requests to the platform; this shows the origin
    alone is enough: with the CSP bypassed, a credentialed POST from the H5P
    origin carries no session (another site) and its answer cannot be read."""
    activity = activity_with_package(builder.build_score_demo(tmp_path))
    lesson = lesson_with(activity)
    _enrol(participant, lesson)
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    page = context.new_page()
    login_in_browser(page, participant.email, PASSWORD)
    page.goto(lesson.url)
    page.frame_locator("iframe.h5p-player").get_by_role(
        "button", name="Kirim jawaban"
    ).wait_for()
    player = next(f for f in page.frames if f.url.startswith(h5p_origin))
    statement = {
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"id": "http://example.org/x"},
        "result": {"score": {"min": 0, "max": 1, "raw": 1}},
    }
    url = live_server.url + reverse("content:statement", args=[activity.pk])

    outcome = player.evaluate(
        """([url, body]) => fetch(url, {method: 'POST', credentials: 'include',
             body: JSON.stringify(body)})
           .then(r => 'read HTTP ' + r.status, e => 'blocked: ' + e)""",
        [url, {"lesson": lesson.pk, "statement": statement}],
    )
    context.close()

    assert outcome.startswith("blocked")
    assert not XAPIStatement.objects.exists()
    assert not H5PResult.objects.exists()


@pytest.mark.skipif(not SHARED_H5P.is_dir(), reason="../shared/h5p is absent")
def test_a_participant_answers_a_real_multichoice_and_sees_the_score(
    phone_page,
    live_server,
    h5p_origin,
    login_in_browser,
    screenshot,
    h5p_media,
    participant,
    lesson_with,
):
    activity = activity_with_package(
        SHARED_H5P / "H5P.MultiChoice.h5p", title="Warna buah blackcurrant"
    )
    lesson = lesson_with(activity)
    enrollment = _enrol(participant, lesson)

    login_in_browser(phone_page, participant.email, PASSWORD)
    phone_page.goto(lesson.url)
    # H5P.MultiChoice 1.14 offers only the iframe embed: H5P core's own iframe.
    frame = phone_page.frame_locator("iframe.h5p-player").frame_locator(
        "iframe.h5p-iframe"
    )
    frame.get_by_text("Very dark purple").click()
    frame.get_by_role("button", name="Check").click()
    score = phone_page.locator("[data-h5p-score]")
    score.filter(has_text="Skor Anda: 100%").wait_for()
    screenshot(phone_page, "h5p-multichoice-answered")

    result = H5PResult.objects.get(enrollment=enrollment, activity=activity)
    assert (result.best_raw, result.best_max, result.best_scaled) == (1, 1, 1.0)
    assert XAPIStatement.objects.filter(
        enrollment=enrollment, about_whole_activity=True
    ).exists()

    phone_page.goto(enrollment.course.url)
    scores = phone_page.locator(f'[data-h5p-result="{activity.pk}"]')
    assert "100%" in scores.inner_text()
    screenshot(phone_page, "h5p-course-page-score")


def test_an_answer_given_with_no_signal_is_kept_and_recorded_once_when_it_returns(
    phone_page,
    live_server,
    h5p_origin,
    login_in_browser,
    screenshot,
    h5p_media,
    participant,
    lesson_with,
):
    """The player's statements go through the offline queue: an answer checked
    with no signal waits on the phone and is recorded, once, when the signal
    returns; then the score shows."""
    activity = activity_with_package(
        SHARED_H5P / "H5P.MultiChoice.h5p", title="Warna buah blackcurrant"
    )
    lesson = lesson_with(activity)
    enrollment = _enrol(participant, lesson)
    login_in_browser(phone_page, participant.email, PASSWORD)
    phone_page.goto(lesson.url)
    frame = phone_page.frame_locator("iframe.h5p-player").frame_locator(
        "iframe.h5p-iframe"
    )
    frame.get_by_text("Very dark purple").wait_for()

    phone_page.context.set_offline(True)
    frame.get_by_text("Very dark purple").click()
    frame.get_by_role("button", name="Check").click()
    wait_for_js(phone_page, "balaiQueue.pending() > 0")
    assert not H5PResult.objects.filter(
        enrollment=enrollment, best_raw__isnull=False
    ).exists()

    phone_page.context.set_offline(False)
    score = phone_page.locator("[data-h5p-score]")
    score.filter(has_text="Skor Anda: 100%").wait_for()
    wait_for_js(phone_page, "balaiQueue.pending() === 0")
    screenshot(phone_page, "h5p-answer-sent-when-the-signal-returned")
    result = H5PResult.objects.get(enrollment=enrollment, activity=activity)
    assert (result.best_raw, result.best_max, result.attempts) == (1, 1, 1)
    statements = XAPIStatement.objects.filter(enrollment=enrollment)
    assert statements.filter(verb__endswith="/answered").count() == 1
    assert statements.count() == len(set(statements.values_list("uuid", flat=True)))


def test_an_activity_that_cannot_start_says_so_in_its_box(
    phone_page,
    live_server,
    h5p_origin,
    login_in_browser,
    screenshot,
    h5p_media,
    tmp_path,
    participant,
    lesson_with,
    settings,
):
    settings.H5P_START_SECONDS = 3
    activity = activity_with_package(builder.build_broken_player(tmp_path))
    lesson = lesson_with(activity)
    _enrol(participant, lesson)

    login_in_browser(phone_page, participant.email, PASSWORD)
    phone_page.goto(lesson.url)
    failed = phone_page.locator("[data-h5p-failed]")
    failed.wait_for(timeout=20000)
    screenshot(phone_page, "h5p-cannot-start")

    text = failed.inner_text()
    assert "Aktivitas ini tidak dapat dimulai." in text
    assert "beri tahu instruktur Anda" in text
    assert phone_page.get_by_role("button", name="Muat ulang aktivitas").is_visible()
    assert not phone_page.locator("iframe.h5p-player").is_visible()

    phone_page.get_by_role("button", name="Muat ulang aktivitas").click()
    assert phone_page.locator("iframe.h5p-player").is_visible()  # tried again
    failed.wait_for(timeout=20000)


def test_player_text_uses_the_platforms_font(
    phone_page,
    live_server,
    h5p_origin,
    login_in_browser,
    h5p_media,
    tmp_path,
    participant,
    lesson_with,
):
    activity = activity_with_package(builder.build_score_demo(tmp_path))
    lesson = lesson_with(activity)
    _enrol(participant, lesson)

    login_in_browser(phone_page, participant.email, PASSWORD)
    phone_page.goto(lesson.url)
    phone_page.locator("[data-h5p-state=ready]").wait_for()
    player = phone_page.locator("iframe.h5p-player").element_handle().content_frame()
    platform_font = phone_page.evaluate("getComputedStyle(document.body).fontFamily")

    fonts = player.evaluate(
        """() => ['.h5p-content', '.h5p-balai-score-demo', 'button']
             .map(s => getComputedStyle(document.querySelector(s)).fontFamily)"""
    )

    assert "Times" not in platform_font
    assert fonts == [platform_font] * 3


def test_the_font_stylesheet_follows_the_platforms():
    site = (REPO / "static" / "css" / "site.css").read_text()
    player = (REPO / "static" / "content" / "h5p-font.css").read_text()

    body = re.search(r"body\{[^}]*font:[^;]*?/[0-9.]+ ([^;}]+)", site)[1]

    assert f"font-family: {body.replace(',', ', ')} !important" in player


YOUTUBE_API_STUB = """
window.YT = {
  PlayerState: {UNSTARTED: -1, ENDED: 0, PLAYING: 1, PAUSED: 2, BUFFERING: 3, CUED: 5},
  Player: function (id, options) {
    var target = document.getElementById(id);
    var frame = document.createElement('iframe');
    frame.id = id;
    frame.width = options.width;
    frame.height = options.height;
    frame.src = 'https://www.youtube.com/embed/' + options.videoId + '?enablejsapi=1';
    target.parentNode.replaceChild(frame, target);
    var player = this;
    ['playVideo', 'pauseVideo', 'seekTo', 'setSize', 'loadModule', 'mute', 'unMute',
     'setVolume', 'setPlaybackRate', 'setPlaybackQuality', 'setOption']
      .forEach(function (name) { player[name] = function () {}; });
    player.getIframe = function () { return frame; };
    player.getDuration = function () { return 30; };
    player.getCurrentTime = function () { return 0; };
    player.getPlayerState = function () { return 5; };
    player.getOption = function () { return []; };
    player.getAvailablePlaybackRates = function () { return [1]; };
    player.getAvailableQualityLevels = function () { return []; };
    setTimeout(function () { options.events.onReady({target: player}); }, 0);
  }
};
if (window.onYouTubeIframeAPIReady) { window.onYouTubeIframeAPIReady(); }
"""


def _youtube_stands_in(context) -> list[str]:
    """No network here: YouTube's IFrame API and embed page are answered by the
    browser itself (as YouTube would, minimally); the player's CSP still decides
    whether they may load. Returns the YouTube URLs the content asked for."""
    asked: list[str] = []

    def answer(route):
        asked.append(route.request.url)
        if "/iframe_api" in route.request.url:
            route.fulfill(content_type="text/javascript", body=YOUTUBE_API_STUB)
        else:
            route.fulfill(content_type="text/html", body="<p>YouTube</p>")

    context.route("https://www.youtube.com/**", answer)
    return asked


@pytest.mark.parametrize("allowed", [True, False], ids=["allowed", "not-allowed"])
def test_a_youtube_video_in_a_column_plays_only_from_an_allowed_host(
    phone_page,
    live_server,
    h5p_origin,
    login_in_browser,
    screenshot,
    h5p_media,
    participant,
    lesson_with,
    settings,
    allowed,
):
    if not allowed:
        settings.H5P_VIDEO_HOSTS = ["https://player.vimeo.com"]
    activity = activity_with_package(builder.COLUMN_WITH_VIDEO)
    lesson = lesson_with(activity)
    _enrol(participant, lesson)
    asked = _youtube_stands_in(phone_page.context)
    violations: list[str] = []
    phone_page.on(
        "console",
        lambda m: (
            violations.append(m.text) if "Content Security Policy" in m.text else None
        ),
    )

    login_in_browser(phone_page, participant.email, PASSWORD)
    phone_page.goto(lesson.url)
    phone_page.locator("[data-h5p-state=ready]").wait_for(timeout=30000)
    content = phone_page.frame_locator("iframe.h5p-player").frame_locator(
        "iframe.h5p-iframe"
    )
    content.locator(".h5p-column").wait_for()

    if allowed:
        youtube = content.frame_locator('iframe[src^="https://www.youtube.com/embed/"]')
        youtube.get_by_text("YouTube").wait_for()
        screenshot(phone_page, "h5p-column-youtube")
        assert violations == []
        assert any(url.endswith("/embed/6mGfomhKRQw?enablejsapi=1") for url in asked)
    else:
        phone_page.wait_for_timeout(1500)
        assert any("https://www.youtube.com/iframe_api" in v for v in violations)
        assert asked == []  # the browser never asked for it


def test_a_local_video_in_a_column_plays_without_policy_errors(
    phone_page,
    live_server,
    h5p_origin,
    login_in_browser,
    screenshot,
    h5p_media,
    tmp_path,
    participant,
    lesson_with,
):
    activity = activity_with_package(builder.build_column_with_local_video(tmp_path))
    lesson = lesson_with(activity)
    _enrol(participant, lesson)
    violations: list[str] = []
    phone_page.on(
        "console",
        lambda m: (
            violations.append(m.text) if "Content Security Policy" in m.text else None
        ),
    )

    login_in_browser(phone_page, participant.email, PASSWORD)
    phone_page.goto(lesson.url)
    phone_page.locator("[data-h5p-state=ready]").wait_for(timeout=30000)
    player = phone_page.locator("iframe.h5p-player").element_handle().content_frame()
    content = player.query_selector("iframe.h5p-iframe").content_frame()
    video = content.locator("video")
    video.wait_for()
    wait_for_js(content, "document.querySelector('video').readyState >= 1")
    screenshot(phone_page, "h5p-column-local-video")

    assert video.get_attribute("src").startswith(f"{h5p_origin}/h5p/berkas/content/")
    assert video.get_attribute("src").endswith("/videos/balai-clip.webm")
    assert violations == []
