"""An instructor edits a worked-example table with buttons in Bahasa Indonesia, and
an empty text block is refused with a message (1366×768)."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth.models import Group

from courses.authoring import INSTRUCTORS_GROUP, authoring_setup
from courses.factories import catalogue_get_or_create, course_tree
from courses.models import LessonPage, ModulePage
from lms.factories import InstructorFactory
from tests.conftest import admin_browser_login

pytestmark = pytest.mark.browser

PASSWORD = "sandi-rahasia-123"  # noqa: S105


def test_a_journal_table_is_built_with_buttons_and_an_empty_text_is_refused(
    office_page, screenshot
):
    page = office_page
    course = course_tree(modules=1, lessons=1)
    authoring_setup(catalogue=catalogue_get_or_create())
    module = ModulePage.objects.child_of(course).get()
    instructor = InstructorFactory(balai=course.balai, password=PASSWORD)
    instructor.groups.add(Group.objects.get(name=INSTRUCTORS_GROUP))

    admin_browser_login(page, instructor.email, PASSWORD)
    page.goto(f"/admin/pages/add/courses/lessonpage/{module.pk}/")
    page.fill("#id_title", "Jurnal setoran modal")
    page.locator("#id_title").press("Tab")

    # An empty text block first: refused, even as a draft.
    add = page.locator("[data-contentpath='body'] button.c-sf-add-button:visible")
    add.first.click()
    page.get_by_role("option", name="Teks").click()
    page.locator("footer button[type=submit]").first.click()
    expect(page.get_by_text("Teks masih kosong").first).to_be_visible()
    screenshot(page, "table-editor-empty-text-refused")
    page.locator("[data-contentpath='body'] [contenteditable='true']").first.click()
    page.keyboard.type("Setoran modal dicatat di jurnal umum.")

    add.last.click()
    page.get_by_role("option", name="Contoh perhitungan").click()
    editor = page.locator(".balai-table")
    expect(editor.get_by_role("button", name="+ Tambah baris")).to_be_visible()
    page.locator("[data-contentpath='body'] input[name$='-title']").first.fill(
        "Setoran modal"
    )

    def cell(r, c):
        return editor.locator(f"input[data-r='{r}'][data-c='{c}']")

    for (r, c), text in {
        (0, 0): "Akun",
        (0, 1): "Debit",
        (0, 2): "Kredit",
        (1, 0): "Kas",
        (1, 1): "5.000.000",
        (2, 0): "Modal",
        (2, 2): "5.000.000",
    }.items():
        cell(r, c).fill(text)
    cell(2, 0).click()
    editor.get_by_role("button", name="Inden →").click()
    editor.get_by_role("checkbox", name="Kolom angka").nth(1).check()
    editor.get_by_role("checkbox", name="Kolom angka").nth(2).check()
    cell(2, 2).click()
    editor.get_by_role("button", name="+ Tambah baris").click()
    cell(3, 0).fill("Keterangan")
    editor.get_by_role("button", name="− Hapus baris").click()
    editor.get_by_role("button", name="+ Tambah kolom").click()
    editor.get_by_role("button", name="− Hapus kolom").click()
    screenshot(page, "table-editor")
    page.locator("footer button[type=submit]").first.click()
    page.wait_for_url("**/edit/**")
    page.goto("about:blank")

    lesson = LessonPage.objects.get(title="Jurnal setoran modal")
    text, block = lesson.get_latest_revision_as_object().body
    assert "Setoran modal dicatat" in str(text.value)
    assert block.block_type == "worked_example"
    table = block.value["table"]
    assert table["data"] == [
        ["Akun", "Debit", "Kredit"],
        ["Kas", "5.000.000", ""],
        ["    Modal", "", "5.000.000"],
    ]
    assert table["numeric_columns"] == [1, 2]
    assert table["first_row_is_table_header"] is True
