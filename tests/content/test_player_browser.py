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


def test_the_activity_cannot_reach_cookies_the_page_or_the_platform(
    phone_page,
    live_server,
    login_in_browser,
    screenshot,
    h5p_media,
    tmp_path,
    participant,
    lesson_with,
):
    activity = H5PActivityFactory(title="Uji isolasi")
    probe = builder.build_isolation_probe(
        tmp_path, xapi_url=reverse("content:statement", args=[activity.pk])
    )
    with open(probe, "rb") as package:
        activity = activity_package_install(activity=activity, package=package)
    lesson = lesson_with(activity)
    _enrol(participant, lesson)

    login_in_browser(phone_page, participant.email, PASSWORD)
    assert any(c["name"] == "sessionid" for c in phone_page.context.cookies())
    phone_page.goto(lesson.url)
    frame = phone_page.frame_locator("iframe.h5p-player")
    frame.locator("dl[data-probe-done=true]").wait_for()
    outcomes = {
        name: frame.locator(f'dd[data-probe="{name}"]').get_attribute("data-outcome")
        for name in ("cookie", "parent", "top", "fetch")
    }
    screenshot(phone_page, "h5p-isolation-probe")

    assert outcomes == {
        "cookie": "blocked",
        "parent": "blocked",
        "top": "blocked",
        "fetch": "blocked",
    }
    # Nothing the probe tried reached the participant's records.
    assert not XAPIStatement.objects.exists()
    assert not H5PResult.objects.exists()
    assert not H5PUserData.objects.exists()


@pytest.mark.skipif(not SHARED_H5P.is_dir(), reason="../shared/h5p is absent")
def test_a_participant_answers_a_real_multichoice_and_sees_the_score(
    phone_page,
    live_server,
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
