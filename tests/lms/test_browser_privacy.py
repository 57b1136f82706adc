"""Journeys of issue 12 in a phone-sized browser: a locked-out login, a
participant downloading their data and asking for its deletion, and checking a
certificate by number and holder's name. No page breaks the site's CSP."""

from pathlib import Path

import pytest

from django.core.cache import cache

from certificates.factories import CompletedEnrollmentFactory
from certificates.services.issuing import certificate_issue
from lms.factories import ParticipantFactory
from lms.models import User

pytestmark = pytest.mark.browser
PASSWORD = "sandi-rahasia-123"


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def csp_violations(phone_page):
    seen = []
    phone_page.on(
        "console",
        lambda msg: (
            seen.append(msg.text) if "Content Security Policy" in msg.text else None
        ),
    )
    return seen


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_guessed_login_is_locked_with_a_message_in_bahasa_indonesia(
    phone_page, login_in_browser, screenshot, csp_violations
):
    ParticipantFactory(phone="+6281200000077")
    for _ in range(4):
        login_in_browser(phone_page, "0812-0000-0077", "salah-tebak")
    assert phone_page.get_by_text("Email/nomor HP atau kata sandi salah").is_visible()
    login_in_browser(phone_page, "0812-0000-0077", "salah-tebak")  # the fifth
    login_in_browser(phone_page, "0812-0000-0077", PASSWORD)  # too late
    assert phone_page.locator("h1").inner_text() == "Terlalu banyak percobaan masuk"
    assert phone_page.get_by_role("link", name="Lupa kata sandi?").is_visible()
    _fits(phone_page)
    screenshot(phone_page, "login-locked-360")
    assert csp_violations == []


def test_a_participant_downloads_their_data_and_asks_for_its_deletion(
    phone_page, login_in_browser, screenshot, csp_violations
):
    certificate = certificate_issue(enrollment_id=CompletedEnrollmentFactory().pk)
    user = certificate.enrollment.user
    user.set_password(PASSWORD)
    user.save()
    name = user.full_name
    login_in_browser(phone_page, user.email or user.phone, PASSWORD)
    phone_page.goto("/akun/profil/")
    section = phone_page.locator("#data-pribadi")
    section.scroll_into_view_if_needed()
    _fits(phone_page)
    screenshot(phone_page, "profile-personal-data-360")
    with phone_page.expect_download() as excel:
        section.get_by_role("link", name="Unduh (Excel)").click()
    assert excel.value.suggested_filename.endswith(".xlsx")
    with phone_page.expect_download() as as_json:
        section.get_by_role("link", name="Unduh (JSON)").click()
    assert name in Path(as_json.value.path()).read_text(encoding="utf-8")

    section.get_by_role("link", name="Minta hapus data saya").click()
    assert phone_page.locator("h1").inner_text() == "Hapus data saya"
    phone_page.fill("input[name=password]", "bukan-sandinya")
    phone_page.check("input[name=understood]")
    phone_page.click("main button[type=submit]")
    assert phone_page.get_by_text("Kata sandi salah.").is_visible()
    _fits(phone_page)
    screenshot(phone_page, "erase-wrong-password-360")
    phone_page.fill("input[name=password]", PASSWORD)
    phone_page.check("input[name=understood]")
    phone_page.click("main button[type=submit]")
    phone_page.wait_for_load_state()
    assert phone_page.get_by_text("Akun Anda sudah ditutup").is_visible()
    screenshot(phone_page, "erase-done-360")
    assert not User.objects.get(pk=user.pk).is_active
    assert csp_violations == []


def test_a_certificate_is_checked_by_number_and_holders_name(
    phone_page, screenshot, csp_violations
):
    certificate = certificate_issue(enrollment_id=CompletedEnrollmentFactory().pk)
    phone_page.goto("/verifikasi/")
    phone_page.fill("#nomor", certificate.number)
    phone_page.fill("#nama", "Orang Lain")
    phone_page.click("main button[type=submit]")
    assert phone_page.get_by_role("alert").is_visible()
    assert certificate.holder_name not in phone_page.content()
    _fits(phone_page)
    screenshot(phone_page, "verify-wrong-name-360")
    phone_page.fill("#nama", certificate.holder_name.lower())
    phone_page.click("main button[type=submit]")
    phone_page.wait_for_load_state()
    assert phone_page.get_by_text("Sertifikat ini SAH.").is_visible()
    assert certificate.holder_name in phone_page.content()
    screenshot(phone_page, "verify-by-number-and-name-360")
    assert csp_violations == []
