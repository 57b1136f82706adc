"""An instructor authors a course in the admin; a reviewer approves it; it is live."""

import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth.models import Group

from wagtail.models import Page

from courses.authoring import INSTRUCTORS_GROUP, authoring_setup
from courses.factories import TrackFactory, catalogue_get_or_create
from courses.models import CoursePage, LessonPage, ModulePage
from lms.factories import AdminFactory, BalaiFactory, InstructorFactory
from tests.browser_wait import BROWSER_TIMEOUT_MS, wait_for_js
from tests.conftest import admin_browser_login

pytestmark = pytest.mark.browser

PASSWORD = "sandi-rahasia-123"  # noqa: S105


@pytest.fixture
def desk(browser, live_server):
    """Desktop-sized browser sessions (the admin is used at a desk), one per person."""
    contexts = []

    def new_page():
        context = browser.new_context(
            viewport={"width": 1280, "height": 900},
            locale="id-ID",
            base_url=live_server.url,
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(BROWSER_TIMEOUT_MS)
        return page

    yield new_page
    for context in contexts:
        context.close()


def admin_login(page, email: str) -> None:
    admin_browser_login(page, email, PASSWORD)


def fill_title(page, title: str) -> None:
    page.fill("#id_title", title)
    page.locator("#id_title").press("Tab")  # the slug follows the title on blur
    expect(page.locator("#id_slug")).not_to_have_value("")


def type_rich_text(page, field: str, text: str) -> None:
    editor = page.locator(f"[data-contentpath='{field}'] [contenteditable='true']")
    editor.first.click()
    page.keyboard.type(text)
    # Draftail writes its hidden input a moment after typing.
    wait_for_js(
        page,
        """([field, word]) => [...document.querySelectorAll(
              `[data-contentpath='${field}'] input[type=hidden]`)]
            .some(input => input.value.includes(word))""",
        arg=[field, text.split()[0]],
    )


def submit_for_review(page) -> int:
    """Submit the page being edited for review; returns its id (from the URL)."""
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    with page.expect_navigation():
        page.locator("button[name='action-submit']").click()
    # Wagtail goes back to the parent's listing, with a message linking the page.
    edit_links = page.locator(".messages a[href*='/edit/']")
    assert edit_links.count(), (
        page.url,
        page.evaluate(
            """[...document.querySelectorAll('.error-message, [data-field-errors]')]
            .filter(e => e.innerText.trim())
            .map(e => (e.closest('[data-contentpath]') || {}).dataset?.contentpath
                 + ': ' + e.innerText.trim())"""
        ),
    )
    match = re.search(
        r"/admin/pages/(\d+)/edit/", edit_links.first.get_attribute("href")
    )
    return int(match.group(1))


def approve(page, title: str) -> None:
    page.get_by_role("link", name=title, exact=True).first.click()
    page.wait_for_load_state()
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    with page.expect_navigation():
        page.locator(
            "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
        ).click()


def test_instructor_creates_a_course_with_a_module_and_lesson_and_it_is_approved(
    desk, screenshot
):
    catalogue = catalogue_get_or_create()
    authoring_setup(catalogue=catalogue)
    track = TrackFactory(name="Akuntansi Koperasi", slug="akuntansi-koperasi")
    balai = BalaiFactory(name="Balai Pelatihan Koperasi Kalsel", code="bplk-kalsel")
    instructor = InstructorFactory(email="instruktur@contoh.id", balai=balai)
    instructor.groups.add(Group.objects.get(name=INSTRUCTORS_GROUP))
    AdminFactory(email="admin@contoh.id")

    page = desk()
    admin_login(page, "instruktur@contoh.id")

    # The course. (The test reads the database only while no admin page is open:
    # the live server shares its SQLite connection with this thread.)
    page.goto(f"/admin/pages/add/courses/coursepage/{catalogue.pk}/")
    fill_title(page, "Kas Harian Koperasi")
    page.select_option("#id_track", str(track.pk))
    page.fill("#id_code", "KH")
    page.fill("#id_jp", "4")
    page.fill("#id_summary", "Mencatat kas masuk dan keluar setiap hari.")
    type_rich_text(page, "objectives", "Mencatat buku kas harian.")
    screenshot(page, "courses-admin-new-course")
    course_id = submit_for_review(page)
    screenshot(page, "courses-admin-course-submitted")

    # A module in it.
    page.goto(f"/admin/pages/add/courses/modulepage/{course_id}/")
    fill_title(page, "Buku kas")
    module_id = submit_for_review(page)

    # A lesson in the module, with a text block.
    page.goto(f"/admin/pages/add/courses/lessonpage/{module_id}/")
    fill_title(page, "Mencatat kas masuk")
    page.locator("[data-contentpath='body'] button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Teks").click()
    type_rich_text(page, "body", "Setiap uang masuk dicatat dengan tanggal dan bukti.")
    screenshot(page, "courses-admin-new-lesson")
    lesson_id = submit_for_review(page)
    screenshot(page, "courses-admin-submitted")
    page.goto("about:blank")

    course = CoursePage.objects.get(pk=course_id)
    assert course.title == "Kas Harian Koperasi"
    assert course.balai == balai
    assert [
        p.live for p in Page.objects.filter(pk__in=[course_id, module_id, lesson_id])
    ] == [False] * 3

    # The reviewer (the demo admin) approves the course once from the dashboard:
    # its module and lesson go live with it (one review for a course). The
    # dashboard names the course of each page.
    reviewer = desk()
    admin_login(reviewer, "admin@contoh.id")
    expect(
        reviewer.get_by_role("link", name="Buku kas · Kas Harian Koperasi")
    ).to_be_visible()
    screenshot(reviewer, "courses-admin-awaiting-review")
    approve(reviewer, "Kas Harian Koperasi")
    reviewer.goto("about:blank")

    pages = Page.objects.filter(pk__in=[course_id, module_id, lesson_id])
    assert [p.live for p in pages] == [True] * 3
    lesson = LessonPage.objects.get(pk=lesson_id)
    assert "Setiap uang masuk dicatat" in str(lesson.body)
    assert ModulePage.objects.get(pk=module_id).get_parent().pk == course_id
    reviewer.goto(course.url)
    assert reviewer.locator("h1").inner_text() == "Kas Harian Koperasi"
    assert reviewer.get_by_role("link", name="Mencatat kas masuk").is_visible()
    screenshot(reviewer, "courses-admin-live-course")
