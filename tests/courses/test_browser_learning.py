"""A participant on a 360 px phone enrols, reads a lesson to its end, sees progress."""

import json

import pytest

from courses import lesson_page
from courses.factories import TrackFactory, course_tree
from courses.models import Enrollment, LessonPage, LessonProgress
from lms.factories import ParticipantFactory
from tests.browser_wait import BROWSER_TIMEOUT_MS
from tests.conftest import PHONE_VIEWPORT

pytestmark = pytest.mark.browser

READING = [
    {"type": "text", "value": "<p>Setiap transaksi dicatat di jurnal umum.</p>" * 6},
    {
        "type": "callout",
        "value": {
            "kind": "tip",
            "title": "Ingat",
            "text": "Debit di kiri, kredit di kanan.",
        },
    },
    {
        "type": "worked_example",
        "value": {
            "title": "Jurnal setoran simpanan pokok",
            "intro": "Anggota baru menyetor Rp 100.000.",
            "table": {
                "data": [
                    ["Tanggal", "Akun", "Debit", "Kredit"],
                    ["2 Jan", "Kas", "Rp 100.000", ""],
                    ["", "Simpanan pokok", "", "Rp 100.000"],
                ],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "",
            },
            "explanation": "Kas bertambah di debit; simpanan pokok (ekuitas) di kredit.",
        },
    },
]


def _no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_participant_enrols_reads_a_lesson_to_its_end_and_sees_progress(
    phone_page, login_in_browser, screenshot
):
    track = TrackFactory(name="Akuntansi Koperasi", slug="akuntansi-koperasi")
    course = course_tree(
        modules=1, lessons=2, title="Dasar Akuntansi Koperasi", track=track
    )
    first = LessonPage.objects.descendant_of(course).order_by("path").first()
    first.title = "Jurnal umum"
    first.body = json.dumps(READING)
    first.save()
    participant = ParticipantFactory(
        full_name="Fitriani Rahmawati", phone="+6281200000001"
    )
    page = phone_page
    login_in_browser(page, "0812-0000-0001", "sandi-rahasia-123")

    page.goto("/katalog/?jalur=akuntansi-koperasi")
    screenshot(page, "courses-catalogue-360")
    _no_sideways_scroll(page)
    page.get_by_role("link", name="Dasar Akuntansi Koperasi").click()
    page.get_by_role("button", name="Daftar kursus ini").click()
    assert page.get_by_text("Anda terdaftar di kursus ini").is_visible()
    screenshot(page, "courses-enrolled-360")

    page.get_by_role("link", name="Mulai belajar").click()
    assert page.locator("h1").inner_text() == "Jurnal umum"
    _no_sideways_scroll(page)
    screenshot(page, "courses-lesson-360")

    end = page.locator("#akhir-pelajaran")
    end.scroll_into_view_if_needed()
    end.get_by_role("button", name="Tandai selesai").click()
    # Sent through the offline queue; the next lesson opens with the message.
    page.get_by_text("Pelajaran selesai.").wait_for()
    assert page.locator("h1").inner_text() == "Pelajaran 1.2"

    page.get_by_role("link", name="Dasar Akuntansi Koperasi").first.click()
    progress = page.get_by_role("progressbar", name="Kemajuan kursus")
    assert progress.get_attribute("aria-valuenow") == "50"
    lesson_item = page.locator("ol.lessons li", has_text="Jurnal umum")
    assert "Selesai" in lesson_item.inner_text()
    assert page.get_by_role("link", name="Lanjutkan belajar").is_visible()
    screenshot(page, "courses-progress-360")
    _no_sideways_scroll(page)

    enrollment = Enrollment.objects.get(user=participant, course=course)
    assert enrollment.progress_percent == 50
    assert (
        LessonProgress.objects.get(enrollment=enrollment, lesson=first).status
        == LessonProgress.Status.COMPLETED
    )

    page.goto("/belajar/")
    assert page.get_by_text("Dasar Akuntansi Koperasi").is_visible()
    screenshot(page, "courses-my-learning-360")


def test_two_participants_read_the_same_lesson_each_with_their_own_progress(
    phone_page, browser, live_server, login_in_browser, screenshot
):
    """The lesson page is shared by everybody in the same state (issue 18); on two
    phones each participant still sees their own progress and finishes the
    lesson with the page's own token."""
    course = course_tree(modules=1, lessons=3, title="Tata Kelola Koperasi")
    first, second, _third = LessonPage.objects.descendant_of(course).order_by("path")
    ani = ParticipantFactory(full_name="Ani Lestari", phone="+6281200000011")
    budi = ParticipantFactory(full_name="Budi Santoso", phone="+6281200000012")
    for person in (ani, budi):
        Enrollment.objects.create(user=person, course=course)

    page = phone_page
    login_in_browser(page, "0812-0000-0011", "sandi-rahasia-123")
    page.goto(first.url)
    page.locator("#akhir-pelajaran").get_by_role(
        "button", name="Tandai selesai"
    ).click()
    page.get_by_text("Pelajaran selesai.").wait_for()
    page.reload()
    assert page.locator("h1").inner_text() == "Pelajaran 1.2"
    assert page.get_by_text("Kemajuan kursus: 33%").is_visible()
    assert page.get_by_text("Pelajaran selesai.").count() == 0
    _no_sideways_scroll(page)
    screenshot(page, "courses-shared-lesson-ani-360")

    context = browser.new_context(
        viewport=PHONE_VIEWPORT,
        locale="id-ID",
        base_url=live_server.url,
        is_mobile=True,
        has_touch=True,
    )
    other = context.new_page()
    other.set_default_timeout(BROWSER_TIMEOUT_MS)
    login_in_browser(other, "0812-0000-0012", "sandi-rahasia-123")
    other.goto(second.url)
    assert other.get_by_text("Kemajuan kursus: 0%").is_visible()
    assert other.locator("body").get_attribute("data-user") == "Budi Santoso"
    screenshot(other, "courses-shared-lesson-budi-360")
    end = other.locator("#akhir-pelajaran")
    end.scroll_into_view_if_needed()
    end.get_by_role("button", name="Tandai selesai").click()
    other.get_by_text("Pelajaran selesai.").wait_for()
    assert other.locator("h1").inner_text() == "Pelajaran 1.3"
    assert other.get_by_text("Kemajuan kursus: 33%").is_visible()
    context.close()

    shared = [
        key for key, _skeleton in lesson_page._skeletons.items() if key[0] == second.pk
    ]
    assert len(shared) == 1  # Ani's re-read and Budi's first read: one rendering
    done = LessonProgress.Status.COMPLETED
    assert list(
        LessonProgress.objects.filter(enrollment__user=budi, status=done).values_list(
            "lesson_id", flat=True
        )
    ) == [second.pk]
