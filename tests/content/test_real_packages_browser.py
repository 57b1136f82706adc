"""Real H5P content types, as published by others, play on a phone (360×740) from
the H5P origin; what the participant scores lands in their progress and in the
instructor's gradebook.

The packages are in tests/fixtures/h5p/real/ (sources and licences in its
README) and in ../shared/h5p. Each case installs its package through the
service, places it in a lesson, and a participant plays it as a person would:
clicks, types, drags. Nothing of the content is faked; the score is the one the
content type computes.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from assessments.selectors import gradebook
from content.factories import activity_with_package
from content.models import H5PResult, XAPIStatement
from courses.factories import CohortFactory, EnrollmentFactory
from lms.factories import ParticipantFactory
from tests.conftest import SHARED

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "h5p" / "real"
H2E = REAL / "ateeducacion-h5p2elpx"
LUMI = REAL / "lumieducation-h5p-nodejs-library"
CLI = REAL / "jamestagal-h5p-cli-creator"
ESCOLA = REAL / "escolalms-h5p"
SHARED_H5P = SHARED / "h5p"
PASSWORD = "sandi-rahasia-123"

pytestmark = pytest.mark.browser


def check(frame) -> None:
    """Press the "Check" button of an H5P question (H5P.Question's own class)."""
    frame.locator(".h5p-question-check-answer").first.click()


def play_truefalse(frame) -> None:
    frame.get_by_role("radio", name="False").click()
    check(frame)


def play_multichoice(frame) -> None:
    frame.get_by_text("Very dark purple").click()
    check(frame)


def play_multichoice_iframe(frame) -> None:
    for answer in ("Oral history", "Feeding data", "A letter from"):
        frame.get_by_text(answer).click()
    check(frame)


def play_blanks_with_svg(frame) -> None:
    blanks = frame.locator("input.h5p-text-input")
    blanks.first.wait_for()
    for index in range(blanks.count()):
        blanks.nth(index).fill("x")
    check(frame)


def play_drag_text(frame) -> None:
    for word, zone in (("blue", 0), ("red", 1), ("orange", 2)):
        frame.locator(".ui-draggable", has_text=word).first.drag_to(
            frame.locator(".h5p-drag-dropzone-container").nth(zone)
        )
    check(frame)


def play_find_the_words(frame) -> None:
    """The grid is drawn on a canvas (with its images from the H5P origin, so it
    is not tainted); checking reports how many words were found."""
    frame.locator("canvas").first.wait_for()
    frame.get_by_role("button", name="Check").click()


def play_crossword(frame) -> None:
    frame.locator(".h5p-crossword-cell").first.wait_for()
    check(frame)


def play_column(frame) -> None:
    """Check every task of the column (three drag-and-drop questions, an essay,
    two fill-in-the-blanks); the column then reports its total."""
    frame.locator("textarea").first.fill(
        "Vollmilch braucht 5 Teile Kakao, 5 Teile Fett und 3 Teile Zucker. "
        "Zartbitter braucht 8 Teile Kakao, 3 Teile Fett und 2 Teile Zucker. "
        "Die weiße Schokolade braucht 1 Teil Kakao, 7 Teile Fett und 5 Teile Zucker."
    )
    buttons = frame.locator(".h5p-question-check-answer:visible")
    buttons.first.wait_for()
    for _task in range(buttons.count()):
        buttons.first.click()
        time.sleep(0.3)


def play_single_choice_set(frame) -> None:
    for answer in ("Wolfberries", "Asia", "Dried"):
        frame.get_by_role("radio", name=answer).click()
        time.sleep(1.2)  # the set slides to the next question


def play_summary(frame) -> None:
    for statement in (
        "Blueberries are edible, round berries.",
        "Blueberries turn blue on ripening.",
    ):
        frame.get_by_text(statement).click()
        time.sleep(0.8)


def play_essay(frame) -> None:
    frame.locator("textarea").fill(
        "The book is about Bilbo. Gandalf the wizard and the dwarfs visit him; "
        "Bilbo goes with Gloin and Dori to take back a treasure from Smaug, the "
        "old dragon. Bilbo is the hero."
    )
    check(frame)


def play_image_hotspot_question(frame) -> None:
    frame.locator(".image-hotspot").nth(3).click()  # the cherries


@dataclass(frozen=True)
class Case:
    name: str
    package: Path
    main_library: str
    play: Callable
    embed: str
    # Packages whose libraries this one relies on (installed first, unplaced).
    needs: tuple[Path, ...] = field(default=())
    # The score the play above earns, in percent (None: whatever it computes).
    percent: float | None = None


CASES = [
    Case(
        "truefalse",
        SHARED_H5P / "truefalse-hello-world.h5p",
        "H5P.TrueFalse",
        play_truefalse,
        "iframe",
        percent=100,
    ),
    Case(
        "multichoice",
        SHARED_H5P / "H5P.MultiChoice.h5p",
        "H5P.MultiChoice",
        play_multichoice,
        "iframe",
        percent=100,
    ),
    Case(
        "multichoice-iframe",
        H2E / "LumiH5PIDMultiChoiceTest.h5p",
        "H5P.MultiChoice",
        play_multichoice_iframe,
        "iframe",
        percent=100,
    ),
    Case(
        "blanks-svg-iframe",
        LUMI / "xss-svg.h5p",
        "H5P.Blanks",
        play_blanks_with_svg,
        "iframe",
    ),
    Case(
        "dragtext",
        LUMI / "H5P.DragText.h5p",
        "H5P.DragText",
        play_drag_text,
        "iframe",
        percent=100,
    ),
    Case(
        "findthewords-canvas",
        H2E / "find-the-words.h5p",
        "H5P.FindTheWords",
        play_find_the_words,
        "iframe",
    ),
    Case(
        "crossword-iframe",
        H2E / "crossword.h5p",
        "H5P.Crossword",
        play_crossword,
        "iframe",
        needs=(CLI / "H5P.Crossword-0.5.h5p",),
    ),
    Case(
        "column-video",
        LUMI / "interactive-content-2260.h5p",
        "H5P.Column",
        play_column,
        "iframe",
    ),
    Case(
        "singlechoiceset",
        CLI / "H5P.SingleChoiceSet-1.11.h5p",
        "H5P.SingleChoiceSet",
        play_single_choice_set,
        "iframe",
        percent=100,
    ),
    Case(
        "summary",
        CLI / "H5P.Summary-1.10.h5p",
        "H5P.Summary",
        play_summary,
        "iframe",
        percent=100,
    ),
    Case("essay", CLI / "H5P.Essay-1.5.h5p", "H5P.Essay", play_essay, "iframe"),
    Case(
        "imagehotspotquestion",
        H2E / "image-hotspot-question.h5p",
        "H5P.ImageHotspotQuestion",
        play_image_hotspot_question,
        "div",
        percent=100,
    ),
]


def content_frame(page):
    """The frame the content runs in: the player document, or the iframe H5P
    core opened in it (embedType "iframe")."""
    player = page.locator("iframe.h5p-player").element_handle().content_frame()
    nested = player.query_selector("iframe.h5p-iframe")
    return (nested.content_frame(), "iframe") if nested else (player, "div")


def wait_for_result(enrollment, activity, timeout: float = 15) -> H5PResult:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = H5PResult.objects.filter(
            enrollment=enrollment, activity=activity, attempts__gt=0
        ).first()
        if result is not None:
            return result
        time.sleep(0.2)
    raise AssertionError("no scored result reached the platform")


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_real_content_type_plays_and_its_score_lands_in_progress_and_gradebook(
    phone_page,
    live_server,
    h5p_origin,
    login_in_browser,
    screenshot,
    h5p_media,
    lesson_with,
    case,
):
    for provider in case.needs:
        activity_with_package(provider, title=f"Pustaka {provider.stem}")
    activity = activity_with_package(case.package, title=f"Aktivitas {case.name}")
    assert activity.main_library.machine_name == case.main_library
    lesson = lesson_with(activity)
    course = lesson.get_parent().get_parent().specific
    cohort = CohortFactory(course=course)
    participant = ParticipantFactory(email=f"{case.name}@contoh.id")
    enrollment = EnrollmentFactory(user=participant, course=course, cohort=cohort)
    policy_violations = []
    phone_page.on(
        "console",
        lambda message: (
            policy_violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )

    login_in_browser(phone_page, participant.email, PASSWORD)
    phone_page.goto(lesson.url)
    card = phone_page.locator("[data-h5p-activity]")
    phone_page.locator("[data-h5p-activity][data-h5p-state=ready]").wait_for(
        timeout=30000
    )
    frame, embed = content_frame(phone_page)
    try:
        assert embed == case.embed
        case.play(frame)
        result = wait_for_result(enrollment, activity)
        phone_page.locator("[data-h5p-score]").filter(has_text="Skor Anda").wait_for()
        time.sleep(0.5)  # let the frame settle to its content's height
    finally:
        screenshot(phone_page, f"h5p-real-{case.name}")

    percent = round(100 * result.best_scaled, 1)
    if case.percent is not None:
        assert percent == case.percent
    assert f"Skor Anda: {percent:g}%" in card.inner_text()
    book = gradebook(cohort=cohort)
    row = next(r for r in book["rows"] if r["enrollment"] == enrollment)
    assert row["activity_scores"] == [percent]
    assert policy_violations == []
    # The frame follows its content's height (2 px: its border).
    player = phone_page.locator("iframe.h5p-player")
    content_height = (
        player.element_handle().content_frame().evaluate("document.body.scrollHeight")
    )
    assert abs(player.bounding_box()["height"] - 2 - content_height) <= 2


def test_agamotto_draws_its_images_on_a_canvas_and_its_completion_lands(
    phone_page,
    live_server,
    h5p_origin,
    login_in_browser,
    screenshot,
    h5p_media,
    lesson_with,
):
    """H5P.Agamotto (embedTypes ["iframe"]) blends its images on a canvas and
    reads it back (toDataURL): its images come from the document's own origin,
    so the canvas is not tainted. It reports no score, only a bare "completed"
    statement once every image was seen; that statement reaches the platform."""
    activity = activity_with_package(
        LUMI / "validator" / "valid3-3-images.h5p", title="Agamotto", pass_score=0
    )
    lesson = lesson_with(activity)
    course = lesson.get_parent().get_parent().specific
    participant = ParticipantFactory(email="agamotto@contoh.id")
    enrollment = EnrollmentFactory(user=participant, course=course)
    console = []
    phone_page.on("console", lambda message: console.append(message.text))

    login_in_browser(phone_page, participant.email, PASSWORD)
    phone_page.goto(lesson.url)
    phone_page.locator("[data-h5p-state=ready]").wait_for(timeout=30000)
    frame, embed = content_frame(phone_page)
    slider = frame.locator(".h5p-agamotto-slider-thumb, [role=slider]").first
    slider.wait_for()
    slider.focus()
    for _step in range(4):
        slider.press("ArrowRight")
        time.sleep(0.3)
    completed = XAPIStatement.objects.filter(
        enrollment=enrollment,
        activity=activity,
        verb="http://adlnet.gov/expapi/verbs/completed",
        about_whole_activity=True,
    )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not completed.exists():
        time.sleep(0.2)
    screenshot(phone_page, "h5p-real-agamotto-canvas")

    assert embed == "iframe"
    assert completed.exists()
    assert not [text for text in console if "Tainted" in text or "Security" in text]
