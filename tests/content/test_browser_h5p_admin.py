"""An instructor at an office laptop (1366×768) opens "Aktivitas H5P" in the admin
and sees their own Balai's activities only; the lesson's H5P block offers the same."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth.models import Group

from content.factories import H5PActivityFactory
from courses.authoring import INSTRUCTORS_GROUP, authoring_setup
from courses.factories import catalogue_get_or_create, course_tree
from courses.models import LessonPage
from lms.factories import BalaiFactory, InstructorFactory
from tests.conftest import admin_browser_login

pytestmark = pytest.mark.browser

PASSWORD = "sandi-rahasia-123"  # noqa: S105


def test_an_instructor_sees_only_their_balais_h5p_activities(office_page, tmp_path):
    page = office_page
    authoring_setup(catalogue=catalogue_get_or_create())
    kalsel = BalaiFactory(name="Balai Kalsel", code="kalsel")
    kaltim = BalaiFactory(name="Balai Kaltim", code="kaltim")
    course = course_tree(modules=1, lessons=1, balai=kalsel)
    for title in ("Simulasi pembagian SHU", "Kuis RAT"):
        H5PActivityFactory(balai=kalsel, title=title)
    for title in ("Kuis Kaltim rahasia", "Simulasi Kaltim rahasia"):
        H5PActivityFactory(balai=kaltim, title=title)
    H5PActivityFactory(balai=None, title="Aktivitas tanpa balai")
    instructor = InstructorFactory(balai=kalsel, password=PASSWORD)
    instructor.groups.add(Group.objects.get(name=INSTRUCTORS_GROUP))

    admin_browser_login(page, instructor.email, PASSWORD)
    page.goto("/admin/snippets/")
    page.get_by_role("link", name="Aktivitas H5P").first.click()

    listing = page.locator("table.listing tbody")
    expect(listing.get_by_text("Simulasi pembagian SHU")).to_be_visible()
    expect(listing.get_by_text("Kuis RAT")).to_be_visible()
    expect(listing.locator("tr")).to_have_count(2)
    body = page.content()
    for hidden in ("Kaltim rahasia", "Aktivitas tanpa balai", "Balai Kaltim"):
        assert hidden not in body
    shot = tmp_path / "h5p-activities-instructor.png"
    page.screenshot(path=str(shot), full_page=True)
    print(f"screenshot: {shot}")  # noqa: T201

    # The lesson's H5P block: its chooser offers the same two activities.
    lesson = LessonPage.objects.descendant_of(course).get()
    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    page.locator("[data-streamfield-stream-container] button[title]").last.click()
    page.get_by_role("option", name="Aktivitas H5P").click()
    page.get_by_role("button", name="Pilih aktivitas H5P").last.click()
    chooser = page.locator(".modal-content")
    expect(chooser.get_by_text("Simulasi pembagian SHU")).to_be_visible()
    expect(chooser.get_by_text("Kuis RAT")).to_be_visible()
    expect(chooser.get_by_text("Kaltim rahasia")).to_have_count(0)
    expect(chooser.get_by_text("Aktivitas tanpa balai")).to_have_count(0)
    expect(page.locator(".modal")).to_have_css("opacity", "1")  # faded in
    shot = tmp_path / "h5p-chooser-instructor.png"
    page.screenshot(path=str(shot), full_page=False)
    print(f"screenshot: {shot}")  # noqa: T201
