"""What a participant and a verifier see on a phone (360 px)."""

import pytest

from certificates.factories import CompletedEnrollmentFactory
from certificates.services.issuing import certificate_issue
from certificates.services.lifecycle import certificate_revoke

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("page_root")]


def test_participant_finds_the_certificate_and_the_qr_page_says_valid_then_revoked(
    phone_page, login_in_browser, screenshot
):
    enrollment = CompletedEnrollmentFactory(
        user__full_name="Fitriani Rahmawati",
        user__phone="+6281200000001",
        course__title="Akuntansi Koperasi Dasar (SAK EP)",
    )
    certificate = certificate_issue(enrollment_id=enrollment.pk)
    login_in_browser(phone_page, "0812-0000-0001", "sandi-rahasia-123")
    phone_page.click("text=Sertifikat")
    phone_page.wait_for_url("**/sertifikat/")
    assert phone_page.locator("h1").inner_text() == "Sertifikat saya"
    assert phone_page.get_by_text(certificate.number).is_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone_page, "certificates-mine-360")

    with phone_page.expect_download() as download:
        phone_page.click("text=Unduh PDF")
    assert download.value.suggested_filename.endswith(".pdf")

    phone_page.goto(f"/verifikasi/{certificate.code}/")
    assert phone_page.get_by_text("Sertifikat ini SAH.").is_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone_page, "certificates-verify-valid-360")

    certificate_revoke(certificate_id=certificate.pk, actor=None, reason="uji")
    phone_page.reload()
    assert phone_page.get_by_text("Sertifikat ini telah DICABUT").is_visible()
    screenshot(phone_page, "certificates-verify-revoked-360")
