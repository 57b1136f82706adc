"""A blended cohort end to end, in Chromium at 360×740 (phones) and 1366×768
(office): the instructor schedules three sessions; participants check in by the
QR code (its image decoded once with zbarimg, and the signed URL it encodes
opened); a business assistant marks attendance with the network cut and it
arrives once; the completion rule counts attendance; participants answer the
evaluation; the cohort is closed and its certificates issue; a Dinas officer
downloads the programme report, looked at as PNG pages."""

import datetime
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from django.utils import timezone

from certificates.factories import CertificateTemplateFactory
from certificates.models import Certificate
from courses.blended.services import evaluation_expected, evaluation_submit
from courses.factories import CohortFactory, EnrollmentFactory, course_tree
from courses.models import Attendance, AttendanceMark, Enrollment, LessonPage, Session
from courses.progress import lesson_reached_end
from lms.factories import (
    AssistantFactory,
    DinasOfficerFactory,
    InstructorFactory,
    ParticipantFactory,
)
from lms.models import Regency, Village
from tests.browser_wait import BROWSER_TIMEOUT_MS, wait_for_js
from tests.conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "sandi-rahasia-123"
VIEWPORTS = {
    "360": {"width": 360, "height": 740, "is_mobile": True, "has_touch": True},
    "1366": {"width": 1366, "height": 768, "is_mobile": False, "has_touch": False},
}
ZONES = ["Asia/Makassar", "Asia/Jakarta", "Asia/Jayapura"]


def _context(browser, live_server, size):
    spec = VIEWPORTS[size]
    context = browser.new_context(
        viewport={"width": spec["width"], "height": spec["height"]},
        locale="id-ID",
        base_url=live_server.url,
        is_mobile=spec["is_mobile"],
        has_touch=spec["has_touch"],
        accept_downloads=True,
    )
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    return page


def _live_zone() -> tuple[str, datetime.datetime]:
    """A zone where a session that started 10 minutes ago and lasts 90 minutes lies
    within one local day, with 5 minutes to spare at either end. One always exists:
    the window is 22 h 19 min long and Indonesia's three zones are an hour apart."""
    for zone in ZONES:
        local = timezone.now().astimezone(ZoneInfo(zone))
        minute = local.hour * 60 + local.minute
        if 15 <= minute <= 24 * 60 - 1 - 80 - 5:
            return zone, local
    raise AssertionError("no zone where the session fits in one day")


def _schedule(
    page, *, title, kind, day, start, end, zone, place="", url="", speakers=""
):
    page.get_by_role("link", name="Jadwalkan sesi").click()
    page.select_option("#id_kind", kind)
    page.fill("#id_title", title)
    page.fill("#id_day", day.isoformat())
    page.fill("#id_start", start)
    page.fill("#id_end", end)
    page.select_option("#id_zone", zone)
    if place:
        page.fill("#id_place", place)
    if url:
        page.fill("#id_meeting_url", url)
    page.fill("#id_speakers", speakers)
    page.get_by_role("button", name="Simpan sesi").click()
    page.get_by_text("Sesi dijadwalkan.").wait_for()


def _fits(page, size):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[size]["width"], width


@pytest.mark.parametrize("size", ["360", "1366"])
def test_a_blended_cohort_end_to_end(
    size, browser, live_server, login_in_browser, screenshot, tmp_path, settings
):
    settings.EVALUATION_MIN_RESPONSES = 3
    template = CertificateTemplateFactory()
    course = course_tree(
        modules=1, lessons=1, balai=template.balai, title="Manajemen Koperasi Desa"
    )
    zone, local_now = _live_zone()
    today = local_now.date()
    cohort = CohortFactory(
        course=course,
        name=f"Angkatan I Kab. Banjar ({size})",
        starts_on=today - datetime.timedelta(days=1),
        ends_on=today + datetime.timedelta(days=5),
        regency=Regency.objects.get(pk="63.03"),
        province_id="63",
        funding_source="dekon",
        budget_year=2026,
        attendance_min_percent=100,  # lowered to 60% by the instructor below
        evaluation_required=True,
        certificates_at_close=True,
    )
    home = Village.objects.get(pk="63.03.01.2001")
    elsewhere = Village.objects.get(pk="63.01.01.2001")
    people = [
        ParticipantFactory(full_name="Fitriani Rahmawati", village=home),
        ParticipantFactory(full_name="H. Abdul Gani", village=home),
        ParticipantFactory(full_name="Maimunah", village=elsewhere),
    ]
    enrollments = [
        EnrollmentFactory(course=course, cohort=cohort, user=person)
        for person in people
    ]
    lesson = LessonPage.objects.descendant_of(course).get()
    for enrollment in enrollments:  # the online part, read on their phones before
        lesson_reached_end(enrollment=enrollment, lesson=lesson)
    instructor = InstructorFactory(full_name="Rahmat Hidayat", balai=template.balai)
    assistant = AssistantFactory(full_name="Nur Aisyah", villages=[home])
    officer = DinasOfficerFactory(
        full_name="Bambang Setiawan", scope_regency=Regency.objects.get(pk="63.03")
    )

    # ---------------------------------------------------------- the instructor
    staff = _context(browser, live_server, size)
    login_in_browser(staff, instructor.email, PASSWORD)
    staff.get_by_role("link", name="Angkatan").first.click()
    staff.get_by_role("link", name=cohort.name).click()
    staff.get_by_role("link", name="Pengaturan angkatan").click()
    staff.fill("#id_attendance_min_percent", "60")
    staff.get_by_role("button", name="Simpan").click()
    staff.get_by_text("Pengaturan angkatan disimpan.").wait_for()

    start = local_now - datetime.timedelta(minutes=10)  # on time: hadir
    _schedule(
        staff,
        title="Pembukaan dan tata kelola RAT",
        kind="tatap_muka",
        day=today,
        start=start.strftime("%H:%M"),
        end=(start + datetime.timedelta(minutes=90)).strftime("%H:%M"),
        zone=zone,
        place="Aula Balai Pelatihan Koperasi, Banjarbaru",
        speakers="Dr. Hj. Rahmi Hidayati; Universitas Lambung Mangkurat",
    )
    _schedule(
        staff,
        title="Kunjungan belajar KSP Sejahtera",
        kind="kunjungan",
        day=today + datetime.timedelta(days=1),
        start="09:00",
        end="15:00",
        zone="Asia/Makassar",
        place="KSP Sejahtera Bersama, Martapura",
        speakers="H. Syahrani; KSP Sejahtera Bersama",
    )
    staff.get_by_role("link", name="Jadwalkan sesi").click()
    screenshot(staff, f"blended-session-form-{size}")
    staff.go_back()
    _schedule(
        staff,
        title="Pembukuan SAK EP",
        kind="webinar",
        day=today + datetime.timedelta(days=2),
        start="13:00",
        end="15:00",
        zone="Asia/Makassar",
        url="https://meet.balaidaring.id/sak-ep",
        speakers="Ir. Bambang Sutejo; Bank Kalsel",
    )
    sessions = list(Session.objects.filter(cohort=cohort).order_by("starts_at"))
    assert [s.title for s in sessions] == [
        "Pembukaan dan tata kelola RAT",
        "Kunjungan belajar KSP Sejahtera",
        "Pembukuan SAK EP",
    ]
    assert sessions[1].starts_at.astimezone(ZoneInfo("Asia/Makassar")).hour == 9
    assert staff.get_by_text("09.00–15.00 WITA").is_visible()
    _fits(staff, size)
    screenshot(staff, f"blended-cohort-schedule-{size}")

    # ---------------------------------------------------------- QR check-in
    staff.locator(f"#sesi-{sessions[0].pk}").get_by_role(
        "link", name="Kode QR presensi"
    ).click()
    qr = staff.locator("#kode-qr svg")
    qr.wait_for()
    image = tmp_path / "qr.png"
    qr.screenshot(path=str(image))
    screenshot(staff, f"blended-qr-{size}")
    decoded = subprocess.run(  # noqa: S603 (zbar's own tool on our screenshot)
        ["/usr/bin/zbarimg", "--quiet", "--raw", str(image)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert decoded.startswith(f"{live_server.url}/hadir/")
    checkin_path = decoded.removeprefix(live_server.url)

    for n, person in enumerate(people[:2]):
        phone = _context(browser, live_server, "360")
        login_in_browser(phone, person.email, PASSWORD)
        phone.goto(checkin_path)
        phone.get_by_text("Pembukaan dan tata kelola RAT").wait_for()
        if n == 0:
            screenshot(phone, f"blended-checkin-confirm-{size}")
        phone.get_by_role("button", name="Catat kehadiran saya").click()
        phone.get_by_text("Kehadiran Anda tercatat: Hadir.").wait_for()
        if n == 0:
            screenshot(phone, f"blended-checkin-done-{size}")
        phone.context.close()
    # a participant of another cohort is refused by the same code
    outsider = ParticipantFactory(full_name="Bukan Peserta")
    phone = _context(browser, live_server, "360")
    login_in_browser(phone, outsider.email, PASSWORD)
    phone.goto(checkin_path)
    phone.get_by_role("button", name="Catat kehadiran saya").click()
    phone.get_by_text("Anda tidak terdaftar di angkatan sesi ini.").wait_for()
    phone.context.close()
    assert set(
        Attendance.objects.filter(session=sessions[0]).values_list(
            "enrollment__user__full_name", "status", "method"
        )
    ) == {("Fitriani Rahmawati", "hadir", "qr"), ("H. Abdul Gani", "hadir", "qr")}

    # The instructor marks the third participant online on the tap list.
    staff.goto(f"/angkatan/sesi/{sessions[0].pk}/presensi/")
    staff.locator(f"fieldset[data-enrollment='{enrollments[2].pk}'] .tap-hadir").click()
    staff.locator(f"fieldset[data-enrollment='{enrollments[2].pk}'] .state").filter(
        has_text="Tersimpan"
    ).wait_for()
    assert Enrollment.objects.get(pk=enrollments[0].pk).completed_at is None

    # ---------------------------------------------------------- the assistant, offline
    field = _context(browser, live_server, size)
    login_in_browser(field, assistant.email, PASSWORD)
    field.goto(f"/angkatan/sesi/{sessions[1].pk}/presensi/")
    rows = field.locator("fieldset.tap-row")
    assert rows.count() == 2  # only the participants of her villages
    assert "Maimunah" not in field.locator("form[data-attendance]").inner_text()
    field.context.set_offline(True)
    for enrollment, status in (
        (enrollments[0], "hadir"),
        (enrollments[1], "terlambat"),
    ):
        row = field.locator(f"fieldset[data-enrollment='{enrollment.pk}']")
        row.locator(f".tap-{status}").click()
        row.locator(".state").filter(has_text="Menunggu sinyal").wait_for()
    field.get_by_text("2 catatan menunggu sinyal").wait_for()
    _fits(field, size)
    screenshot(field, f"blended-attendance-offline-{size}")
    assert not Attendance.objects.filter(session=sessions[1]).exists()

    field.context.set_offline(False)  # the signal returns: the queue sends
    wait_for_js(field, "balaiQueue.pending() === 0", timeout=45000)
    field.get_by_text("Semua catatan sudah terkirim.").wait_for()
    screenshot(field, f"blended-attendance-sent-{size}")
    # A repeat of a delivered mark (its answer lost on the way back) writes nothing.
    key = AttendanceMark.objects.filter(attendance__session=sessions[1]).first().key
    replay = field.evaluate(
        """([url, key, enrollment]) => fetch(url, {method: "POST",
            headers: {"Content-Type": "application/json", "Idempotency-Key": key,
              "X-CSRFToken": document.cookie.match(/csrftoken=([^;]+)/)[1]},
            body: JSON.stringify({enrollment: enrollment, status: "hadir",
              marked_at: Date.now()})}).then(r => r.json())""",
        [f"/angkatan/sesi/{sessions[1].pk}/presensi/tandai/", key, enrollments[0].pk],
    )
    assert replay["written"] is False
    assert set(
        Attendance.objects.filter(session=sessions[1]).values_list(
            "enrollment__user__full_name", "status"
        )
    ) == {("Fitriani Rahmawati", "hadir"), ("H. Abdul Gani", "terlambat")}
    assert AttendanceMark.objects.filter(attendance__session=sessions[1]).count() == 2
    field.context.close()

    # ---------------------------------------------------------- completion by attendance
    done = Enrollment.objects.filter(cohort=cohort, completed_at__isnull=False)
    assert set(done.values_list("user__full_name", flat=True)) == {
        "Fitriani Rahmawati",
        "H. Abdul Gani",
    }  # two of three sessions (60%); Maimunah has one
    assert not Certificate.objects.exists()  # held until the cohort closes
    staff.goto(f"/angkatan/sesi/{sessions[1].pk}/presensi/")
    staff.locator(f"fieldset[data-enrollment='{enrollments[2].pk}'] .tap-hadir").click()
    staff.locator(f"fieldset[data-enrollment='{enrollments[2].pk}'] .state").filter(
        has_text="Tersimpan"
    ).wait_for()
    assert done.count() == 3

    # ---------------------------------------------------------- the evaluation
    phone = _context(browser, live_server, "360" if size == "360" else "1366")
    login_in_browser(phone, people[0].email, PASSWORD)
    phone.goto("/belajar/")
    phone.get_by_text("Sesi mendatang").wait_for()
    screenshot(phone, f"blended-my-learning-{size}")
    phone.get_by_role("link", name=cohort.name).first.click()
    phone.get_by_text("Kehadiran saya").first.wait_for()
    assert phone.locator(".badge.ok").count() == 2  # her two sessions, present
    _fits(phone, size)
    screenshot(phone, f"blended-my-cohort-{size}")
    phone.get_by_role("link", name="Isi evaluasi").click()
    for fieldset in phone.locator("fieldset.likert").all():
        fieldset.locator("label").nth(4).click()
    phone.fill("#id_comment_organisation", "Kunjungan belajar sangat membantu.")
    _fits(phone, size)
    screenshot(phone, f"blended-evaluation-form-{size}")
    phone.get_by_role("button", name="Kirim evaluasi").click()
    phone.get_by_text("Terima kasih, evaluasi Anda tersimpan.").wait_for()
    phone.context.close()
    for enrollment in enrollments[1:]:  # the others answer on their own phones
        evaluation_submit(
            enrollment=enrollment,
            scores=dict.fromkeys(evaluation_expected(cohort=cohort), 4),
        )

    # ---------------------------------------------------------- closing
    staff.goto(f"/angkatan/{cohort.pk}/")
    staff.get_by_role("link", name="Tutup angkatan dan terbitkan sertifikat").click()
    staff.get_by_text("sertifikat 3 peserta yang memenuhi syarat").wait_for()
    staff.check("input[name=confirm]")
    staff.get_by_role("button", name="Tutup angkatan dan terbitkan sertifikat").click()
    staff.get_by_text("3 dari 3 sertifikat terbit").wait_for(timeout=60000)
    screenshot(staff, f"blended-closed-{size}")
    assert (
        Certificate.objects.filter(
            enrollment__cohort=cohort, status=Certificate.Status.VALID
        ).count()
        == 3
    )
    staff.goto(f"/angkatan/{cohort.pk}/evaluasi/hasil/")
    staff.get_by_text("Kunjungan belajar sangat membantu.").wait_for()
    assert "Fitriani" not in staff.locator("main").inner_text()
    screenshot(staff, f"blended-evaluation-results-{size}")
    staff.context.close()

    # ---------------------------------------------------------- the report
    office = _context(browser, live_server, size)
    login_in_browser(office, officer.email, PASSWORD)
    office.goto(f"/angkatan/{cohort.pk}/")
    with office.expect_download() as download:
        office.get_by_role("link", name="Unduh PDF").click()
    pdf = tmp_path / "laporan.pdf"
    download.value.save_as(pdf)
    with office.expect_download() as download:
        office.get_by_role("link", name="Unduh XLSX").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    office.context.close()
    SCREENSHOTS.mkdir(exist_ok=True)
    prefix = SCREENSHOTS / f"blended-report-{size}"
    for old in SCREENSHOTS.glob(f"blended-report-{size}-*.png"):
        old.unlink()
    subprocess.run(  # noqa: S603 (poppler's pdftoppm on the downloaded report)
        ["/usr/bin/pdftoppm", "-r", "70", "-png", str(pdf), str(prefix)], check=True
    )
    pages = sorted(Path(SCREENSHOTS).glob(f"blended-report-{size}-*.png"))
    assert len(pages) >= 5
    text = subprocess.run(  # noqa: S603
        ["/usr/bin/pdftotext", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for expected in [
        "LAPORAN PELAKSANAAN",
        "Dana Dekonsentrasi",
        "Pembukaan dan tata kelola RAT",
        "Dr. Hj. Rahmi Hidayati",
        "Matriks kehadiran",
        "Maimunah",
        *Certificate.objects.filter(enrollment__cohort=cohort).values_list(
            "number", flat=True
        ),
        "Kunjungan belajar sangat membantu.",
    ]:
        assert expected in text, expected
