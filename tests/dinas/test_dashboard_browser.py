"""A regency officer follows the programme on a phone: regency → district → village."""

import pytest

from courses.progress import course_lessons, lesson_reached_end, lesson_visit
from courses.services import enrollment_create
from lms.dinas.factories import registered_participant
from lms.factories import DinasOfficerFactory
from lms.models import Regency, Village

pytestmark = pytest.mark.browser

VILLAGE = "63.03.01.2001"  # Bakambat, Kec. Aluh Aluh, Kab. Banjar
OTHER_DISTRICT_VILLAGE = "63.03.02.1001"  # Kertak Hanyar I


def _fits_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_regency_officer_drills_down_to_a_village_on_a_phone(
    transactional_db, course, phone_page, login_in_browser, screenshot
):
    village = Village.objects.get(pk=VILLAGE)
    other = Village.objects.get(pk=OTHER_DISTRICT_VILLAGE)
    lessons = list(course_lessons(course))
    done = registered_participant(village=village, full_name="Siti Aminah")
    idle = registered_participant(village=village, full_name="Budi Santoso")
    started = registered_participant(village=other, full_name="Rina Wati")
    enrollment = enrollment_create(user=done, course=course)
    for lesson in lessons:
        lesson_reached_end(enrollment=enrollment, lesson=lesson)
    enrollment_create(user=idle, course=course)
    lesson_visit(
        enrollment=enrollment_create(user=started, course=course), lesson=lessons[0]
    )
    DinasOfficerFactory(
        email="dinas.banjar@contoh.id", scope_regency=Regency.objects.get(pk="63.03")
    )

    page = phone_page
    login_in_browser(page, "dinas.banjar@contoh.id", "sandi-rahasia-123")
    page.goto("/dinas/")
    assert page.locator("h1").inner_text() == "Kabupaten Banjar"
    facts = page.locator(".figures")
    assert "Peserta terdaftar" in facts.inner_text()
    assert "Desa terjangkau" in facts.inner_text()
    # The completion bars: one bar per district, drawn as SVG.
    bars = page.locator("svg.chart").first
    assert bars.is_visible()
    assert bars.locator("rect").count() >= 2
    assert bars.get_attribute("role") == "img"
    box = bars.bounding_box()
    assert box["width"] <= 360
    # Aluh Aluh (one of two enrolled completed: 50%) has a bar half the span wide,
    # and its percentage is written right of it.
    aluh = bars.locator("g").first
    assert aluh.locator("text").first.text_content() == "Aluh Aluh"
    bar = aluh.locator("rect").nth(1).bounding_box()  # over its 100% track
    assert bar["width"] > 50
    percent = aluh.locator("text").nth(1)
    assert percent.text_content() == "50%"
    assert percent.bounding_box()["x"] >= bar["x"] + bar["width"]
    # The filters keep each label above its own field.
    label = page.locator("label[for=f-jalur]").bounding_box()
    field = page.locator("#f-jalur").bounding_box()
    assert label["y"] < field["y"] and abs(label["x"] - field["x"]) < 4
    _fits_the_phone(page)
    screenshot(page, "dinas-regency-360")

    district_name = village.district.name
    page.locator("table a", has_text=district_name).first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == district_name
    crumbs = page.locator("nav.crumbs")
    assert "Banjar" in crumbs.inner_text()
    assert page.locator("svg.chart rect").count() >= 1
    _fits_the_phone(page)
    screenshot(page, "dinas-district-360")

    page.locator("table a", has_text=village.name).first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == village.name
    row = page.locator("tbody tr").first.inner_text()
    assert f"Koperasi Desa {village.name}" in row
    assert district_name in page.locator("nav.crumbs").inner_text()
    _fits_the_phone(page)
    screenshot(page, "dinas-village-360")
