"""Offline once visited, in Chromium at 360×740: the service worker keeps a saved
course's lessons readable without signal; posts made offline are sent once when
the signal returns."""

import json

import pytest

from courses.factories import EnrollmentFactory, course_tree
from courses.models import LessonPage
from lms.factories import ParticipantFactory
from tests.browser_wait import BROWSER_TIMEOUT_MS, wait_for_js

pytestmark = pytest.mark.browser
PASSWORD = "sandi-rahasia-123"


def _participant_in(course):
    user = ParticipantFactory(full_name="Fitriani Rahmawati")
    EnrollmentFactory(user=user, course=course)
    return user


def test_a_saved_course_can_be_read_without_signal(
    phone_page, login_in_browser, screenshot
):
    course = course_tree(modules=2, lessons=2, title="Akuntansi Koperasi Dasar")
    user = _participant_in(course)
    lessons = list(LessonPage.objects.descendant_of(course).order_by("path"))
    login_in_browser(phone_page, user.email, PASSWORD)

    phone_page.goto(course.url)
    assert phone_page.evaluate(
        "navigator.serviceWorker.ready.then(r => r.active.scriptURL)"
    ).endswith("/sw.js")
    phone_page.get_by_role("button", name="Simpan untuk dibaca luring").click()
    status = phone_page.locator("[data-offline-status]")
    status.filter(has_text="Tersimpan").wait_for()
    assert status.inner_text() == "Tersimpan: 5 halaman bisa dibaca tanpa sinyal."
    screenshot(phone_page, "field-course-saved-offline-360")

    phone_page.context.set_offline(True)
    # Never opened before, read from what the button kept.
    phone_page.goto(lessons[-1].url)
    assert phone_page.locator("h1").inner_text() == lessons[-1].title
    assert phone_page.get_by_text("Isi pelajaran.").is_visible()
    phone_page.goto(course.url)
    assert phone_page.locator("h1").inner_text() == "Akuntansi Koperasi Dasar"
    # A page that was never kept: the offline page, not the browser's error.
    phone_page.goto("/belajar/")
    assert phone_page.locator("h1").inner_text() == "Anda sedang luring"
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    screenshot(phone_page, "field-offline-page-360")


def test_a_page_visited_once_opens_again_without_signal(phone_page, login_in_browser):
    course = course_tree(modules=1, lessons=2)
    user = _participant_in(course)
    lesson = LessonPage.objects.descendant_of(course).order_by("path").first()
    login_in_browser(phone_page, user.email, PASSWORD)
    phone_page.goto("/")
    phone_page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    phone_page.goto(lesson.url)  # controlled by the worker now: kept on the way
    phone_page.wait_for_timeout(300)
    phone_page.context.set_offline(True)
    phone_page.goto(lesson.url)
    assert phone_page.locator("h1").inner_text() == lesson.title


def test_logging_out_forgets_the_pages_kept_for_offline(phone_page, login_in_browser):
    course = course_tree(modules=1, lessons=1)
    user = _participant_in(course)
    login_in_browser(phone_page, user.email, PASSWORD)
    phone_page.goto(course.url)
    phone_page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    phone_page.get_by_role("button", name="Simpan untuk dibaca luring").click()
    phone_page.locator("[data-offline-status]").filter(has_text="Tersimpan").wait_for()
    kept = "url => caches.open('balai-pages').then(c => c.match(url)).then(r => !!r)"
    assert phone_page.evaluate(kept, course.url)
    with phone_page.expect_navigation():
        phone_page.get_by_role("button", name="Keluar").click()
    assert phone_page.get_by_role("link", name="Masuk").first.is_visible()
    assert not phone_page.evaluate(kept, course.url)


@pytest.fixture
def queue_page(browser, live_server):
    """A phone tab without the service worker, so that page.route sees the posts."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        base_url=live_server.url,
        service_workers="block",
    )
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    yield page
    context.close()


def test_posts_made_offline_are_sent_once_when_the_signal_returns(queue_page):
    received = []
    signal = {"up": True}

    def server(route):
        # page.route sees requests before Chromium's offline emulation does: drop
        # them here the way a phone without signal would.
        if not signal["up"]:
            route.abort("internetdisconnected")
            return
        received.append(
            {
                "key": route.request.headers.get("idempotency-key"),
                "body": route.request.post_data,
                "type": route.request.headers.get("content-type"),
            }
        )
        route.fulfill(status=200, body="ok")

    queue_page.route("**/uji-antrian/", server)
    queue_page.goto("/akun/masuk/")
    queue_page.context.set_offline(True)
    signal["up"] = False
    first = queue_page.evaluate(
        "balaiQueue.post('/uji-antrian/', {jawaban: 'A'}, 'attempt-7-q-3')"
    )
    again = queue_page.evaluate(
        "balaiQueue.post('/uji-antrian/', {jawaban: 'B'}, 'attempt-7-q-3')"
    )
    other = queue_page.evaluate(
        "balaiQueue.post('/uji-antrian/', 'skor=80', 'h5p-2-result')"
    )
    assert (first, again, other) == ("queued", "queued", "queued")
    assert queue_page.evaluate("balaiQueue.pending()") == 2
    assert received == []
    # A weak signal: the phone is "online" but nothing gets through; the posts stay
    # queued, and are still there after the page is reloaded (localStorage).
    queue_page.context.set_offline(False)
    queue_page.reload()
    assert queue_page.evaluate("balaiQueue.pending()") == 2
    assert received == []

    queue_page.context.set_offline(True)
    signal["up"] = True
    queue_page.context.set_offline(False)  # the signal returns: "online" fires
    wait_for_js(queue_page, "balaiQueue.pending() === 0")
    assert received == [
        {
            "key": "attempt-7-q-3",
            "body": json.dumps({"jawaban": "B"}, separators=(",", ":")),
            "type": "application/json",
        },
        {
            "key": "h5p-2-result",
            "body": "skor=80",
            "type": "application/x-www-form-urlencoded",
        },
    ]
    queue_page.evaluate("balaiQueue.flush()")
    assert len(received) == 2


def test_a_post_the_server_refuses_is_dropped_and_a_failing_server_is_retried(
    queue_page,
):
    answers = {"/ditolak/": 400, "/sibuk/": 503}
    hits = []

    def server(route):
        path = route.request.url.split(queue_page.url.split("/akun")[0], 1)[1]
        hits.append(path)
        route.fulfill(status=answers[path], body="")

    queue_page.route("**/ditolak/", server)
    queue_page.route("**/sibuk/", server)
    queue_page.goto("/akun/masuk/")
    rejected = queue_page.evaluate(
        """() => new Promise(resolve => {
            addEventListener('balai:queue-rejected', e => resolve(e.detail.key));
            balaiQueue.post('/ditolak/', {a: 1}, 'k-400');
        })"""
    )
    assert rejected == "k-400"
    assert queue_page.evaluate("balaiQueue.post('/sibuk/', {a: 1}, 'k-503')") == (
        "queued"
    )
    assert queue_page.evaluate("balaiQueue.pending()") == 1
    answers["/sibuk/"] = 200
    queue_page.evaluate("balaiQueue.flush()")
    assert queue_page.evaluate("balaiQueue.pending()") == 0
    assert hits == ["/ditolak/", "/sibuk/", "/sibuk/"]


def test_with_no_signal_a_lesson_marked_done_is_shown_done_and_sent_later(
    phone_page, login_in_browser, screenshot
):
    """The offline page's promises, with the network cut: a kept lesson reads, its
    "Tandai selesai" is shown done at once and recorded when the signal returns;
    the offline page shows who is logged in, and says what a quiz never opened
    needs."""
    from courses.models import LessonProgress

    course = course_tree(modules=1, lessons=2, title="Akuntansi Koperasi Dasar")
    user = _participant_in(course)
    first, second = LessonPage.objects.descendant_of(course).order_by("path")
    login_in_browser(phone_page, user.email, PASSWORD)
    phone_page.goto(course.url)
    phone_page.evaluate("navigator.serviceWorker.ready")
    phone_page.get_by_role("button", name="Simpan untuk dibaca luring").click()
    phone_page.locator("[data-offline-status]").filter(has_text="Tersimpan").wait_for()

    phone_page.context.set_offline(True)
    phone_page.goto(first.url)
    phone_page.get_by_role("button", name="Tandai selesai & lanjut").click()
    state = phone_page.locator("[data-lesson-state]")
    state.get_by_text("Ditandai selesai di ponsel ini").wait_for()
    assert not phone_page.get_by_role(
        "button", name="Tandai selesai & lanjut"
    ).is_visible()
    screenshot(phone_page, "field-lesson-done-offline-360")
    assert not LessonProgress.objects.filter(
        lesson=first, status=LessonProgress.Status.COMPLETED
    ).exists()
    # Opened again (from the kept copy, which shows the button): still done.
    phone_page.goto(first.url)
    state.get_by_text("Ditandai selesai di ponsel ini").wait_for()
    # The next lesson is one tap away, also with no signal.
    phone_page.get_by_role("link", name="Berikutnya: Pelajaran 1.2").first.click()
    assert phone_page.locator("h1").inner_text() == second.title

    phone_page.goto("/kuis/999/")
    assert phone_page.locator("h1").inner_text() == "Anda sedang luring"
    assert phone_page.get_by_text("Masuk sebagai Fitriani Rahmawati").is_visible()
    assert phone_page.get_by_role("link", name="Masuk").count() == 0
    assert phone_page.get_by_text("Kuis ini belum pernah dibuka").is_visible()
    assert phone_page.get_by_text("1 kiriman menunggu sinyal").is_visible()
    screenshot(phone_page, "field-offline-page-quiz-360")

    phone_page.context.set_offline(False)
    phone_page.goto(first.url)
    phone_page.wait_for_function(
        "() => !window.balaiQueue || window.balaiQueue.pending() === 0"
    )
    assert (
        LessonProgress.objects.filter(
            lesson=first, status=LessonProgress.Status.COMPLETED
        ).count()
        == 1
    )
