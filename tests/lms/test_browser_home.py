import pytest

from lms.factories import ParticipantFactory

pytestmark = pytest.mark.browser


def test_a_participant_logs_in_on_a_phone_and_sees_home_in_bahasa_indonesia(
    phone_page, login_in_browser, screenshot
):
    ParticipantFactory(full_name="Fitriani Rahmawati", phone="+6281200000001")
    login_in_browser(phone_page, "0812-0000-0001", "sandi-rahasia-123")
    heading = phone_page.locator("h1")
    assert heading.inner_text() == "Selamat datang, Fitriani"
    assert phone_page.locator("html").get_attribute("lang") == "id"
    assert phone_page.get_by_text("Pembelajaran saya").is_visible()
    # Nothing wider than the phone's screen.
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    screenshot(phone_page, "home-participant-360")
