"""The H5P player in a phone-sized browser: isolation, and a real answer recorded."""

from pathlib import Path

import pytest

from django.urls import reverse

from content.factories import H5PActivityFactory, activity_with_package
from content.models import H5PResult, H5PUserData, XAPIStatement
from content.services import activity_package_install
from courses.factories import EnrollmentFactory
from lms.factories import ParticipantFactory
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
    frame = phone_page.frame_locator("iframe.h5p-player")
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
