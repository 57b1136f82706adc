"""The demo's H5P activities: our own Balai.PilihanGanda content type, packed,
installed through the upload service and placed in module 2 of each demo course."""

import io
import json

import pytest

from django.contrib.contenttypes.models import ContentType

from content.demo import (
    LIBRARY,
    PASS_SCORE,
    content_json,
    demo_activities,
    demo_activity_load,
    demo_h5p_load,
    demo_lesson,
    package_bytes,
)
from content.h5p import validate_package
from content.models import (
    H5PActivity,
    H5PLibrary,
    H5PResult,
    H5PUserData,
    XAPIStatement,
)
from courses.demo import (
    catalogue_get_or_create,
    course_load,
    demo_data_read,
    tracks_load,
)
from courses.factories import EnrollmentFactory
from courses.models import CoursePage, LessonActivity, LessonPage, LessonProgress
from lms.factories import BalaiFactory, ParticipantFactory
from tests.conftest import SCREENSHOTS

PASSWORD = "sandi-rahasia-123"
DEMO = demo_data_read()
COURSES = DEMO.courses
DEMO_ACTIVITIES = demo_activities(DEMO)
SPECS = {spec.course_slug: spec for spec in DEMO_ACTIVITIES}


def _load_courses(*specs):
    catalogue = catalogue_get_or_create()
    balai = BalaiFactory(code="bplk-kalsel")
    tracks = tracks_load()
    return [
        course_load(spec=spec, catalogue=catalogue, balai=balai, tracks=tracks)
        for spec in specs
    ]


def _h5p_links(lesson):
    return LessonActivity.objects.filter(
        lesson=lesson, content_type=ContentType.objects.get_for_model(H5PActivity)
    )


def test_each_demo_course_has_an_activity_about_a_lesson_of_its_module_2():
    assert sorted(SPECS) == sorted(spec["slug"] for spec in COURSES)
    for spec in COURSES:
        activity = SPECS[spec["slug"]]
        module = spec["modules"][activity.module - 1]
        assert activity.module == 2
        assert activity.lesson_title in [
            lesson["title"] for lesson in module["lessons"]
        ]
        assert 3 <= len(activity.questions) <= 4
        for question in activity.questions:
            assert 2 <= len(question.options) <= 8
            assert 0 <= question.correct < len(question.options)
            assert len(set(question.options)) == len(question.options)
            assert question.feedback


def test_every_demo_package_passes_the_upload_validation():
    for spec in DEMO_ACTIVITIES:
        package = validate_package(io.BytesIO(package_bytes(spec)))

        assert package.main_library == LIBRARY
        assert package.title == spec.title
        assert package.language == "id"
        library = package.libraries[LIBRARY]
        assert library.runnable
        assert library.preloaded_js == ("scripts/pilihan-ganda.js",)
        assert library.preloaded_css == ("styles/pilihan-ganda.css",)
        assert package.content == content_json(spec)
        assert [q["correct"] for q in package.content["questions"]] == [
            q.correct for q in spec.questions
        ]
        # Built the same way every time: nothing in it depends on the moment.
        assert package_bytes(spec) == package_bytes(spec)


@pytest.mark.django_db
def test_the_demo_loader_places_a_playable_activity_at_the_end_of_each_lesson(
    h5p_media,
):
    _load_courses(*COURSES)

    activities = demo_h5p_load()

    assert len(activities) == 4
    assert H5PLibrary.objects.filter(machine_name=LIBRARY.machine_name).count() == 1
    for spec, activity in zip(DEMO_ACTIVITIES, activities, strict=True):
        activity.refresh_from_db()
        assert activity.title == spec.title
        assert activity.status == H5PActivity.Status.READY
        assert activity.pass_score == PASS_SCORE == 60
        assert activity.main_library.ref == LIBRARY
        assert activity.h5p_json["mainLibrary"] == "Balai.PilihanGanda"
        content = f"public/h5p/content/{activity.content_key}/content/content.json"
        assert content in h5p_media()
        lesson = demo_lesson(spec)
        assert lesson.live and not lesson.has_unpublished_changes
        course = CoursePage.objects.ancestor_of(lesson).get()
        assert activity.balai_id == course.balai_id  # its instructors see it
        last = lesson.body.raw_data[-1]
        assert last["type"] == "h5p"
        assert last["value"] == {"activity": activity.pk}
        assert [link.object_id for link in _h5p_links(lesson)] == [activity.pk]
        # The lesson keeps what it had before the activity.
        assert [block.block_type for block in lesson.body][:-1] != []
    library = "public/h5p/libraries/Balai.PilihanGanda-1.1/scripts/pilihan-ganda.js"
    assert library in h5p_media()


@pytest.mark.django_db
def test_loading_the_demo_twice_changes_nothing(h5p_media):
    _load_courses(*COURSES)
    demo_h5p_load()

    def snapshot():
        return {
            "activities": list(
                H5PActivity.objects.order_by("pk").values_list(
                    "pk", "content_key", "status", "updated_at"
                )
            ),
            "libraries": list(H5PLibrary.objects.values_list("pk", flat=True)),
            "links": list(LessonActivity.objects.order_by("pk").values_list("pk")),
            "revisions": [
                (lesson.pk, lesson.latest_revision_id)
                for lesson in LessonPage.objects.order_by("pk")
            ],
            "files": h5p_media(),
        }

    before = snapshot()
    again = demo_h5p_load()

    assert snapshot() == before
    assert [a.pk for a in again] == [pk for pk, *_ in before["activities"]]


@pytest.mark.django_db
def test_an_installed_activity_missing_from_its_lesson_is_placed_not_reinstalled(
    h5p_media,
):
    (course,) = _load_courses(COURSES[0])
    spec = SPECS[COURSES[0]["slug"]]
    activity = demo_activity_load(spec=spec)
    lesson = demo_lesson(spec)
    # An instructor takes the block out of the lesson and publishes.
    lesson.body = json.dumps(
        [b for b in lesson.body.raw_data if b["type"] != "h5p"], default=str
    )
    lesson.save_revision().publish()
    assert not _h5p_links(lesson).exists()

    placed = demo_activity_load(spec=spec)

    assert placed.pk == activity.pk
    assert placed.content_key == activity.content_key
    assert H5PActivity.objects.count() == 1
    assert [link.object_id for link in _h5p_links(lesson)] == [activity.pk]


@pytest.mark.django_db
def test_an_activity_loaded_before_activities_had_a_balai_gets_its_courses(
    h5p_media,
):
    (course,) = _load_courses(COURSES[0])
    spec = SPECS[COURSES[0]["slug"]]
    earlier = H5PActivity.objects.create(title=spec.title, balai=None)

    placed = demo_activity_load(spec=spec)

    assert placed.pk == earlier.pk
    placed.refresh_from_db()
    assert placed.balai_id == course.balai_id


@pytest.mark.django_db
def test_without_the_demo_courses_nothing_is_loaded(h5p_media):
    assert demo_h5p_load() == []
    assert not H5PActivity.objects.exists()
    assert h5p_media() == []


# In the browser ---------------------------------------------------------------


@pytest.fixture
def demo_lesson_enrolled(h5p_media, page_root):
    """The Simpan Pinjam demo course with its activity, a participant enrolled."""
    spec = SPECS["pengelolaan-simpan-pinjam-koperasi"]
    course_spec = next(c for c in COURSES if c["slug"] == spec.course_slug)
    (course,) = _load_courses(course_spec)
    activity = demo_activity_load(spec=spec)
    participant = ParticipantFactory(email="peserta.demo@contoh.id")
    enrollment = EnrollmentFactory(user=participant, course=course)
    return spec, activity, demo_lesson(spec), enrollment


def _card_screenshot(card, name: str) -> None:
    """The activity's card alone, at the phone's width, to be looked at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    card.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def test_a_participant_plays_the_demo_activity_and_completes_the_lesson(
    phone_page, live_server, login_in_browser, screenshot, demo_lesson_enrolled
):
    spec, activity, lesson, enrollment = demo_lesson_enrolled
    login_in_browser(phone_page, enrollment.user.email, PASSWORD)
    phone_page.goto(lesson.url)
    card = phone_page.locator(f'[data-h5p-activity="{activity.pk}"]')
    card.scroll_into_view_if_needed()
    frame = phone_page.frame_locator("iframe.h5p-player")
    frame.get_by_text("Soal 1 dari 4").wait_for()
    screenshot(phone_page, "h5p-demo-question")
    _card_screenshot(card, "h5p-demo-card-question")

    # Three right answers and one wrong: 3 of 4 = 75 %, over the pass score 60.
    chosen = [q.correct for q in spec.questions]
    chosen[2] = (spec.questions[2].correct + 1) % len(spec.questions[2].options)
    for number, choice in enumerate(chosen, start=1):
        frame.get_by_text(f"Soal {number} dari 4").wait_for()
        frame.locator(f'.balai-pg-option[data-choice="{choice}"]').click()
        feedback = frame.get_by_role("status").first
        expected = "Benar." if number != 3 else "Belum tepat."
        feedback.filter(has_text=expected).wait_for()
        if number == 3:
            screenshot(phone_page, "h5p-demo-feedback-wrong")
            _card_screenshot(card, "h5p-demo-card-feedback-wrong")
        last = number == len(chosen)
        frame.get_by_role(
            "button", name="Lihat hasil" if last else "Soal berikutnya"
        ).click()

    frame.get_by_text("Skor Anda: 3 dari 4 (75%)").wait_for()
    phone_page.locator("[data-h5p-score]").filter(has_text="Skor Anda: 75%").wait_for()
    screenshot(phone_page, "h5p-demo-result")
    _card_screenshot(card, "h5p-demo-card-result")

    result = H5PResult.objects.get(enrollment=enrollment, activity=activity)
    assert (result.best_raw, result.best_max, result.attempts) == (3, 4, 1)
    # One statement about the whole activity: "answered", with its score.
    (statement,) = XAPIStatement.objects.filter(
        enrollment=enrollment, about_whole_activity=True
    )
    assert statement.verb == "http://adlnet.gov/expapi/verbs/answered"
    assert statement.data["result"]["score"] == {
        "min": 0,
        "max": 4,
        "raw": 3,
        "scaled": 0.75,
    }
    assert statement.data["result"]["completion"] is True
    assert activity.is_done(enrollment=enrollment)

    # The frame is as wide as the card: nothing sticks out sideways.
    widths = phone_page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert widths[0] <= widths[1]

    phone_page.get_by_role("button", name="Tandai selesai").click()
    phone_page.get_by_text("Pelajaran selesai.").wait_for()
    progress = LessonProgress.objects.get(enrollment=enrollment, lesson=lesson)
    assert progress.status == LessonProgress.Status.COMPLETED


def test_the_demo_activity_keeps_and_resumes_the_answers_given(
    phone_page, live_server, login_in_browser, screenshot, demo_lesson_enrolled
):
    spec, activity, lesson, enrollment = demo_lesson_enrolled
    first = spec.questions[0]
    login_in_browser(phone_page, enrollment.user.email, PASSWORD)
    phone_page.goto(lesson.url)
    frame = phone_page.frame_locator("iframe.h5p-player")
    frame.locator(f'.balai-pg-option[data-choice="{first.correct}"]').click()
    frame.get_by_role("button", name="Soal berikutnya").wait_for()
    player = next(f for f in phone_page.frames if "/pemutar/" in f.url)
    # The answered options leave the tab order: Tab goes on to the next question.
    phone_page.keyboard.press("Tab")
    focused = player.evaluate("() => document.activeElement.textContent")
    assert focused == "Soal berikutnya"
    state = player.evaluate("() => H5P.instances[0].getCurrentState()")
    assert state == {"answers": [first.correct, None, None, None], "finished": False}

    # As H5P core saves it (contentUserData "state" of the whole content).
    H5PUserData.objects.create(
        user=enrollment.user,
        activity=activity,
        data_type="state",
        sub_content_id="0",
        data=json.dumps(state),
    )
    phone_page.goto(lesson.url)
    frame = phone_page.frame_locator("iframe.h5p-player")
    frame.get_by_text("Soal 2 dari 4").wait_for()
    card = phone_page.locator(f'[data-h5p-activity="{activity.pk}"]')
    card.scroll_into_view_if_needed()
    # Back on question 2: question 1's answer is kept, none given here yet.
    assert frame.locator(".balai-pg-option[aria-disabled]").count() == 0
    screenshot(phone_page, "h5p-demo-resumed")
    _card_screenshot(card, "h5p-demo-card-resumed")
    assert not H5PResult.objects.filter(enrollment=enrollment).exists()
