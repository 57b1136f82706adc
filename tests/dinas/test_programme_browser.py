"""The whole programme in the browser, no shell and nobody else's help.

An officer on a 1366 px laptop: import the file, make a cohort, enrol the import
into it, follow it down to a village, export, make an API token and call the API.
A business assistant on a 360 px phone: see their villages, nudge a participant
(WhatsApp link and "Kirim pengingat" through the notifier); the officer assigns
them a village found by name."""

import datetime
import io
import time

import pytest
from openpyxl import load_workbook

from django.utils import timezone

from courses.models import Enrollment
from lms.factories import AssistantFactory, DinasOfficerFactory
from lms.models import Province, User, Village
from lms.notifications import LogPhoneAdapter
from tests.browser_wait import BROWSER_TIMEOUT_MS

pytestmark = [pytest.mark.browser, pytest.mark.celery_worker]

LAPTOP = {"width": 1366, "height": 800}
PASSWORD = "sandi-rahasia-123"
VILLAGE = "63.03.01.2001"
CSV = (
    "\ufeffNama Lengkap;No. HP;Email;Jabatan;Nama Koperasi;Kode Desa\r\n"
    "Siti Aminah;0812-3456-7890;siti@contoh.id;Bendahara;KDMP Bakambat;63.03.01.2001\r\n"
    "Budi Santoso;0813-1111-2222;;Ketua;KDMP Bakambat;63.03.01.2001\r\n"
    "Rina Wati;0813-1111-3333;;Sekretaris;KDMP Bakambat;63.03.01.2001\r\n"
    "Ani;0813-9999-0000;;ketua;KDMP Bakambat;63.03.01.2001\r\n"
    "Ana;0813-9999-0000;;ketua;KDMP Bakambat;63.03.01.2001\r\n"
).encode()


@pytest.fixture
def laptop_page(browser, live_server):
    context = browser.new_context(
        viewport=LAPTOP, locale="id-ID", base_url=live_server.url, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    yield page
    context.close()


def _wait_for_import(page) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        page.reload()
        if "Selesai" in page.locator("#status").inner_text():
            return
        time.sleep(0.5)
    raise AssertionError("the import did not finish")


def test_an_officer_runs_a_programme_on_a_laptop(
    celery_worker, course, laptop_page, login_in_browser, screenshot, tmp_path
):
    DinasOfficerFactory(
        email="dinas.kalsel@contoh.id", scope_province=Province.objects.get(pk="63")
    )
    page = laptop_page
    login_in_browser(page, "dinas.kalsel@contoh.id", PASSWORD)

    # Import: no cohort yet, and the page says so and links to making one.
    page.goto("/dinas/impor/")
    assert "Belum ada angkatan" in page.locator("main").inner_text()
    upload = tmp_path / "peserta kalsel.csv"
    upload.write_bytes(CSV)
    page.set_input_files("input[type=file]", str(upload))
    page.click("main form button[type=submit]")
    _wait_for_import(page)
    main = page.locator("main").inner_text()
    assert "Ditolak" in main
    # Rows sharing a phone: both refused, each naming the other, in the file's words.
    assert "Nomor HP dipakai juga di baris 6." in main
    assert "Nomor HP dipakai juga di baris 5." in main
    assert "No. HP" in page.locator("table").inner_text()
    screenshot(page, "dinas-officer-import-1366")

    # Cohort: made from the import page, back to it, then the import enrolled.
    page.click("text=Buat angkatan baru")
    page.select_option("#id_course", str(course.pk))
    page.fill("#id_name", "Angkatan 1 Kalimantan Selatan")
    today = timezone.localdate()
    page.fill("#id_starts_on", today.isoformat())
    page.fill("#id_ends_on", (today + datetime.timedelta(days=60)).isoformat())
    page.click("main form button[type=submit]")
    assert "disimpan" in page.locator(".messages").inner_text()
    page.select_option("#id_cohort", label="Angkatan 1 Kalimantan Selatan")
    page.click("text=Daftarkan 3 peserta")
    assert "3 peserta baru terdaftar" in page.locator(".messages").inner_text()
    assert Enrollment.objects.filter(cohort__name__startswith="Angkatan 1").count() == 3

    # Follow it down to the village, on a page as wide as the laptop.
    page.goto("/dinas/")
    assert page.locator("h1").inner_text() == "Kalimantan Selatan"
    assert page.evaluate("document.querySelector('main').offsetWidth") > 1000
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    figures = page.locator(".figures").inner_text()
    assert "Desa terjangkau" in figures and "Desa tuntas" in figures
    assert "minimal satu kursus" in page.locator("#definisi-tuntas").inner_text()
    screenshot(page, "dinas-officer-province-1366")
    page.locator("table a", has_text="Banjar").first.click()
    page.locator("table a", has_text="Aluh Aluh").first.click()
    village = Village.objects.get(pk=VILLAGE)
    page.locator("table a", has_text=village.name).first.click()
    assert page.locator("h1").inner_text() == village.name
    screenshot(page, "dinas-officer-village-1366")

    # Export the participants of the village: a report-ready workbook.
    with page.expect_download() as download:
        page.click("text=Daftar peserta (XLSX)")
    sheet = load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    assert sheet["A1"].value.startswith("Data per ")
    names = {row[0] for row in sheet.iter_rows(values_only=True)}
    assert {"Siti Aminah", "Budi Santoso", "Rina Wati"} <= names

    # A token of their own, shown once, and an API call with it.
    page.click("text=Token API")
    page.click("text=Buat token")
    key = page.locator("#token-key").inner_text()
    assert len(key) == 40
    screenshot(page, "dinas-officer-token-1366")
    answer = page.request.get(
        "/api/v1/completion/villages/?region=63.03.01",
        headers={"Authorization": f"Token {key}"},
    )
    assert answer.ok
    rows = {r["code"]: r for r in answer.json()["results"]}
    assert rows[VILLAGE]["enrolled"] == 3
    page.reload()
    assert key not in page.locator("main").inner_text()


def test_an_assistant_nudges_and_is_assigned_on_a_phone(
    transactional_db, course, phone_page, login_in_browser, screenshot
):
    from courses.services import enrollment_create
    from lms.dinas.factories import registered_participant

    village = Village.objects.get(pk=VILLAGE)
    idle = registered_participant(village=village, full_name="Budi Santoso")
    enrollment_create(user=idle, course=course)
    Enrollment.objects.filter(user=idle).update(
        enrolled_at=timezone.now() - datetime.timedelta(days=10)
    )
    fresh = registered_participant(village=village, full_name="Baru Daftar")
    enrollment_create(user=fresh, course=course)  # enrolled today: not nagged
    assistant = AssistantFactory(
        email="ba.banjar@contoh.id", full_name="Dewi Pendamping"
    )
    DinasOfficerFactory(
        email="dinas.kalsel@contoh.id", scope_province=Province.objects.get(pk="63")
    )

    page = phone_page
    # The officer assigns the village, found by its name, on a phone too.
    login_in_browser(page, "dinas.kalsel@contoh.id", PASSWORD)
    page.goto("/dinas/")
    page.click("text=Pendamping desa")
    page.select_option("#id_pendamping", label="Dewi Pendamping")
    page.fill("#cari-desa", village.name)
    page.click("main form.filters button[type=submit]")
    item = page.locator(f"li:has(input[value='{VILLAGE}'])")
    assert "Belum ada pendamping" in item.inner_text()
    item.locator("input").check()
    page.click("text=Tugaskan desa terpilih")
    assert village.name in page.locator("#desa-saat-ini").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "dinas-assign-360")
    page.context.clear_cookies()

    # The assistant sees the village and who needs a nudge.
    login_in_browser(page, "ba.banjar@contoh.id", PASSWORD)
    page.goto("/dinas/pendamping/")
    assert village.name in page.locator("main").inner_text()
    nudge = page.locator("li.nudge")
    assert nudge.count() == 1 and "Budi Santoso" in nudge.inner_text()
    link = nudge.locator("a", has_text="Chat WhatsApp").get_attribute("href")
    assert link.startswith(f"https://wa.me/{idle.phone.lstrip('+')}?text=")
    assert "Halo%20Budi%20Santoso" in link
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "dinas-assistant-360")
    sent_before = len(LogPhoneAdapter.sent)
    nudge.locator("button", has_text="Kirim pengingat").click()
    assert "sedang dikirim lewat WhatsApp/SMS" in page.locator(".messages").inner_text()
    screenshot(page, "dinas-assistant-nudged-360")
    phone, text = LogPhoneAdapter.sent[sent_before]
    assert phone == idle.phone and "pendamping desa" in text
    # Once a day at most.
    page.locator("li.nudge button", has_text="Kirim pengingat").click()
    assert "sudah diingatkan" in page.locator(".messages").inner_text()

    # The participant's page: breadcrumb, course, progress, the assistant.
    page.locator("li.nudge a", has_text="Budi Santoso").click()
    assert village.name in page.locator("nav.crumbs").inner_text()
    assert course.title in page.locator("#kursus").inner_text()
    assert "Dewi Pendamping" in page.locator("#pendamping").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "dinas-participant-360")
    assert User.objects.get(pk=assistant.pk).assigned_villages.filter(pk=VILLAGE)
