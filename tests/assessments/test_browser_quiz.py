import pytest

from assessments.factories import quiz_place_in_lesson, quiz_with_questions
from assessments.models import Answer
from courses.factories import EnrollmentFactory, course_tree
from courses.models import LessonPage
from lms.factories import ParticipantFactory
from tests.browser_wait import BROWSER_TIMEOUT_MS, wait_for_js
from tests.conftest import PHONE_VIEWPORT

pytestmark = pytest.mark.browser


def _wait_saved(page, count: int) -> None:
    wait_for_js(
        page,
        "n => document.querySelectorAll('.saved-mark').length && "
        "[...document.querySelectorAll('.saved-mark')]"
        ".filter(e => e.textContent.includes('tersimpan')).length >= n",
        arg=count,
    )


def test_a_participant_takes_a_quiz_on_a_phone_loses_the_connection_and_loses_nothing(
    page_root, phone_page, login_in_browser, screenshot
):
    course = course_tree(modules=1, lessons=1)
    quiz = quiz_with_questions(
        course=course,
        kinds=["single", "truefalse", "numeric"],
        title="Post-test Akuntansi",
        time_limit_minutes=30,
    )
    quiz_place_in_lesson(
        quiz=quiz, lesson=LessonPage.objects.descendant_of(course).get()
    )
    user = ParticipantFactory(phone="+6281200000001")
    EnrollmentFactory(user=user, course=course)
    page = phone_page
    login_in_browser(page, "0812-0000-0001", "sandi-rahasia-123")

    page.goto(f"/kuis/{quiz.pk}/")
    page.get_by_role("button", name="Mulai kuis").click()
    page.get_by_label("Rapat Anggota").check()
    _wait_saved(page, 1)

    # The connection drops: answers are kept on the phone, not on the server.
    page.context.set_offline(True)
    page.get_by_label("Benar", exact=True).check()
    page.get_by_label("Jawaban (Rp)").fill("26.666,67")
    page.get_by_label("Jawaban (Rp)").blur()
    wait_for_js(page, "navigator.onLine === false")
    page.wait_for_timeout(300)
    assert (
        Answer.objects.filter(attempt__quiz=quiz, response__isnull=False).count() == 1
    )
    screenshot(page, "assessments-quiz-offline-360")

    # Back online, the page is reloaded: the unsent answers are restored and sent.
    page.context.set_offline(False)
    page.reload()
    assert page.get_by_label("Benar", exact=True).is_checked()
    assert page.get_by_label("Jawaban (Rp)").input_value() == "26.666,67"
    _wait_saved(page, 3)
    assert (
        Answer.objects.filter(attempt__quiz=quiz, response__isnull=False).count() == 3
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("button", name="Kirim jawaban").click()
    dialog = page.get_by_role("dialog", name="Kirim jawaban sekarang?")
    dialog.get_by_text("Semua 3 soal sudah dijawab.").wait_for()
    screenshot(page, "assessments-quiz-confirm-360")
    dialog.get_by_role("button", name="Ya, kirim sekarang").click()
    page.wait_for_url("**/hasil/")
    assert page.locator("#nilai").inner_text() == "100"
    assert page.get_by_text("Lulus", exact=True).is_visible()
    screenshot(page, "assessments-quiz-result-360")


@pytest.fixture
def phone_page_without_worker(browser, live_server):
    """A phone-sized tab whose pages no service worker answers, so that the test's
    own route can hand it an old copy of a page (Playwright's routes do not see
    the requests a service worker answers)."""
    context = browser.new_context(
        viewport=PHONE_VIEWPORT,
        locale="id-ID",
        base_url=live_server.url,
        is_mobile=True,
        has_touch=True,
        service_workers="block",
    )
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    yield page
    context.close()


def test_answers_already_sent_survive_a_page_shown_from_the_offline_cache(
    page_root, phone_page_without_worker, login_in_browser
):
    """The offline cache may show the attempt page as it was before answers were
    given (and sent); the phone's own record of the answers fills it back in. A
    reload racing the confirmation of a save draws the same: a page from the
    server that lacks an answer the phone already saw confirmed (the flaky
    failure of the test above, under load)."""
    course = course_tree(modules=1, lessons=1)
    quiz = quiz_with_questions(course=course, kinds=["truefalse", "numeric"])
    quiz_place_in_lesson(
        quiz=quiz, lesson=LessonPage.objects.descendant_of(course).get()
    )
    user = ParticipantFactory(phone="+6281200000002")
    EnrollmentFactory(user=user, course=course)
    page = phone_page_without_worker
    login_in_browser(page, "0812-0000-0002", "sandi-rahasia-123")
    page.goto(f"/kuis/{quiz.pk}/")
    page.get_by_role("button", name="Mulai kuis").click()
    stale_html = page.content()  # the page before any answer
    attempt_url = page.url

    page.get_by_label("Benar", exact=True).check()
    page.get_by_label("Jawaban (Rp)").fill("26.666,67")
    page.get_by_label("Jawaban (Rp)").blur()
    _wait_saved(page, 2)  # both sent: nothing left in the queue

    page.route(
        attempt_url,
        lambda route: route.fulfill(body=stale_html, content_type="text/html"),
    )
    page.reload()
    assert page.get_by_label("Benar", exact=True).is_checked()
    assert page.get_by_label("Jawaban (Rp)").input_value() == "26.666,67"
    # The page drawn without them shows them saved once it has sent them again
    # (what a reload racing a save's confirmation also draws).
    _wait_saved(page, 2)


def test_a_quiz_can_be_taken_with_the_keyboard_alone(
    page_root, phone_page, login_in_browser, screenshot, axe_check
):
    """Tab, arrows, Space and typing: every question answered, "Kirim jawaban"
    asks which questions are unanswered, the answer to that is given, and the
    result page is reached without a pointer."""
    course = course_tree(modules=1, lessons=1)
    quiz = quiz_with_questions(
        course=course, kinds=["single", "truefalse", "numeric"], title="Tes akhir"
    )
    quiz_place_in_lesson(
        quiz=quiz, lesson=LessonPage.objects.descendant_of(course).get()
    )
    user = ParticipantFactory()
    EnrollmentFactory(user=user, course=course)
    page = phone_page
    login_in_browser(page, user.email, "sandi-rahasia-123")
    page.goto(f"/kuis/{quiz.pk}/")
    start = page.get_by_role("button", name="Mulai kuis")
    start.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/percobaan/**")
    axe_check(page, "attempt-keyboard")

    def tab_to(locator, limit=60):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if locator.evaluate("e => e === document.activeElement"):
                return
        raise AssertionError(f"Tab never reached {locator}")

    # Question 1: Tab into the radio group, arrows to the right option.
    first_option = page.locator("fieldset[data-question]").nth(0).locator("input").first
    tab_to(first_option)
    page.keyboard.press("Space")
    for _ in range(3):  # the options are shuffled: arrows move and choose
        if page.get_by_label("Rapat Anggota").is_checked():
            break
        page.keyboard.press("ArrowDown")
    assert page.get_by_label("Rapat Anggota").is_checked()
    # Question 3 (numeric) before question 2: "Kirim jawaban" names question 2.
    answer = page.get_by_label("Jawaban (Rp)")
    tab_to(answer)
    page.keyboard.type("26.666,67")
    kirim = page.get_by_role("button", name="Kirim jawaban")
    tab_to(kirim)
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Kirim jawaban sekarang?")
    dialog.get_by_text("Soal 2 belum dijawab.").wait_for()
    axe_check(page, "quiz-confirm-keyboard")
    screenshot(page, "assessments-quiz-confirm-unanswered-360")
    # The focus is on "Kembali ke soal": Enter goes back to question 2.
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.closest('fieldset').id") == "soal-2"
    page.keyboard.press("Space")  # the focused radio: "Benar"
    assert page.get_by_label("Benar", exact=True).is_checked()
    tab_to(kirim)
    page.keyboard.press("Enter")
    dialog.get_by_text("Semua 3 soal sudah dijawab.").wait_for()
    page.keyboard.press("Enter")  # the focus is on "Ya, kirim sekarang"
    page.wait_for_url("**/hasil/")
    assert page.locator("#nilai").inner_text() == "100"
    axe_check(page, "result-keyboard")
