"""Every participant page at 360×740: nothing wider than the screen, no serious or
critical axe-core finding, a screenshot of each in .screenshots/ to be looked at."""

import pytest

from courses.factories import EnrollmentFactory, course_tree
from courses.models import LessonPage
from lms.factories import ParticipantFactory

pytestmark = pytest.mark.browser


def _fits(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{page.url} is {width}px wide"
    too_wide = page.evaluate(
        """() => [...document.querySelectorAll('main *')]
            .filter(e => e.getBoundingClientRect().right > 361
                && getComputedStyle(e).position !== 'absolute'
                && !e.closest('.table-wrap'))
            .map(e => e.tagName + '.' + e.className).slice(0, 5)"""
    )
    assert too_wide == [], f"{page.url}: {too_wide}"


def test_the_participant_pages_fit_a_phone_screen(
    phone_page, login_in_browser, screenshot, axe_check
):
    course = course_tree(
        modules=2,
        lessons=2,
        title="Akuntansi Koperasi berbasis SAK EP untuk Pengurus dan Pengawas",
        summary="Menyusun laporan keuangan koperasi sesuai SAK EP: neraca, laporan "
        "SHU, arus kas dan catatan atas laporan keuangan.",
    )
    lesson = LessonPage.objects.descendant_of(course).order_by("path").first()
    user = ParticipantFactory(full_name="Fitriani Rahmawati Nur'aini Kartikasari")
    EnrollmentFactory(user=user, course=course)

    anonymous = {"home-anon": "/", "login": "/akun/masuk/", "register": "/akun/daftar/"}
    for name, url in anonymous.items():
        phone_page.goto(url)
        _fits(phone_page)
        axe_check(phone_page, f"field-{name}")
        screenshot(phone_page, f"field-{name}-360")

    login_in_browser(phone_page, user.email, "sandi-rahasia-123")
    pages = {
        "home": "/",
        "catalogue": "/katalog/",
        "course": course.url,
        "lesson": lesson.url,
        "my-learning": "/belajar/",
        "profile": "/akun/profil/",
    }
    for name, url in pages.items():
        response = phone_page.goto(url)
        assert response.status == 200, url
        _fits(phone_page)
        axe_check(phone_page, f"field-{name}")
        screenshot(phone_page, f"field-{name}-360")
