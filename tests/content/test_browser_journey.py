"""A bendahara's whole course on a 360×740 phone, in Bahasa Indonesia: login,
catalogue, enrol, tes awal, the lessons (some read and marked done with the
network cut), the H5P activity, tes akhir (sent with the network cut), the
certificate and its verification. Every page is checked with axe-core and
saved as a screenshot; the taps and page loads from login to certificate are
counted and written to .screenshots/journey.txt."""

import io

import pytest

from django.core.management import call_command

from assessments.models import Question
from certificates.models import Certificate
from content.demo import demo_activities
from courses.demo import demo_data_read
from courses.models import CoursePage, Enrollment, LessonPage, LessonProgress
from lms.factories import ParticipantFactory
from tests.conftest import SCREENSHOTS

pytestmark = pytest.mark.browser
PASSWORD = "sandi-rahasia-123"
COURSE = "Akuntansi Koperasi Berbasis SAK EP"


class Journey:
    """The phone, with every tap and typed answer counted, every page load
    counted, and each new kind of page checked by axe and saved."""

    def __init__(self, page, axe_check, screenshot):
        self.page, self.axe_check, self.screenshot = page, axe_check, screenshot
        self.taps = 0
        self.answers = 0  # of the taps: answers given (quiz and H5P)
        self.loads = 0
        self.checked: list[str] = []
        page.on(
            "framenavigated",
            lambda frame: frame == page.main_frame and self._loaded(),
        )

    def _loaded(self):
        self.loads += 1

    def tap(self, locator, *, in_frame=False, answer=False):
        """A tap; on the platform's own pages the target (a choice's whole label)
        is at least 44×44 CSS px."""
        locator.scroll_into_view_if_needed()
        if not in_frame:
            box = locator.evaluate(
                """e => { const r = (e.closest('label') || e).getBoundingClientRect();
                          return [Math.round(r.width), Math.round(r.height)]; }"""
            )
            assert min(box) >= 44, f"tap target {box} too small: {locator}"
        locator.click()
        self.taps += 1
        self.answers += answer

    def type(self, locator, text, *, answer=False):
        locator.fill(text)
        self.taps += 1
        self.answers += answer

    def look(self, name, *, axe=True):
        self.page.wait_for_load_state()
        width = self.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{name} is {width}px wide"
        self.screenshot(self.page, f"journey-{name}-360")
        if axe:
            self.axe_check(self.page, name)
            self.checked.append(name)


def _answer_quiz(journey, page):
    """Give the right answer to every question on the page, as a person would."""
    for fieldset in page.locator("fieldset[data-question]").all():
        question = Question.objects.get(pk=fieldset.get_attribute("data-question"))
        data = question.data
        if question.kind == "single":
            journey.tap(
                fieldset.get_by_label(data["options"][data["correct"]], exact=True),
                answer=True,
            )
        elif question.kind == "multiple":
            for index in data["correct"]:
                journey.tap(
                    fieldset.get_by_label(data["options"][index], exact=True),
                    answer=True,
                )
        elif question.kind == "truefalse":
            journey.tap(
                fieldset.get_by_label(
                    "Benar" if data["correct"] else "Salah", exact=True
                ),
                answer=True,
            )
        elif question.kind == "numeric":
            answer = data["answer"]
            text = (
                str(int(answer))
                if float(answer).is_integer()
                else str(answer).replace(".", ",")
            )
            journey.type(fieldset.get_by_role("textbox"), text, answer=True)
        else:  # a short answer: the first accepted one
            journey.type(
                fieldset.get_by_role("textbox"), data["answers"][0], answer=True
            )


def _send_quiz(journey, page):
    journey.tap(page.get_by_role("button", name="Kirim jawaban"))
    dialog = page.get_by_role("dialog", name="Kirim jawaban sekarang?")
    dialog.wait_for()
    journey.axe_check(page, "quiz-confirm")
    journey.tap(dialog.get_by_role("button", name="Ya, kirim sekarang"))


def _play_h5p(journey, page, spec):
    page.locator("[data-h5p-activity]").scroll_into_view_if_needed()
    frame = page.frame_locator("iframe.h5p-player")
    for number, item in enumerate(spec.questions, start=1):
        frame.get_by_text(f"Soal {number} dari {len(spec.questions)}").wait_for()
        journey.tap(
            frame.locator(f'.balai-pg-option[data-choice="{item.correct}"]'),
            in_frame=True,
            answer=True,
        )
        last = number == len(spec.questions)
        journey.tap(
            frame.get_by_role(
                "button", name="Lihat hasil" if last else "Soal berikutnya"
            )
        )
    page.locator("[data-h5p-score]").filter(has_text="Skor Anda: 100%").wait_for()


def test_a_bendahara_takes_the_whole_course_on_a_phone_online_and_luring(
    phone_page, live_server, h5p_media, axe_check, screenshot
):
    call_command("load_demo", stdout=io.StringIO())
    course = CoursePage.objects.get(title=COURSE)
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
    assert (lessons[0].title, lessons[-1].title) == ("Tes awal", "Tes akhir")
    h5p_spec = next(
        s
        for s in demo_activities(demo_data_read())
        if s.course_slug == "akuntansi-koperasi-sak-ep"
    )
    user = ParticipantFactory(full_name="Siti Rahmah", email="siti.rahmah@contoh.id")
    page = phone_page
    journey = Journey(page, axe_check, screenshot)

    # Anonymous pages.
    page.goto("/")
    journey.look("home-anon")
    page.goto("/akun/masuk/")
    journey.look("login")

    # Login → catalogue → course → enrol.
    journey.type(page.get_by_label("Email atau nomor HP"), user.email)
    journey.type(page.get_by_label("Kata sandi"), PASSWORD)
    journey.tap(page.locator("main").get_by_role("button", name="Masuk"))
    journey.look("home")
    journey.tap(
        page.get_by_role("navigation", name="Menu utama").get_by_role(
            "link", name="Katalog"
        )
    )
    journey.look("catalogue")
    journey.tap(page.get_by_role("link", name=COURSE).first)
    journey.look("course-before-enrol")
    journey.tap(page.get_by_role("button", name="Daftar kursus ini"))
    journey.look("course")
    enrollment = Enrollment.objects.get(user=user, course=course)

    # Keep the course for reading with no signal (one tap, once).
    journey.tap(page.get_by_role("button", name="Simpan untuk dibaca luring"))
    page.locator("[data-offline-status]").filter(has_text="Tersimpan").wait_for()

    # Tes awal.
    journey.tap(page.get_by_role("link", name="Mulai belajar"))
    journey.look("lesson-tes-awal")
    journey.tap(page.get_by_role("link", name="Buka kuis"))
    journey.look("quiz-tes-awal")
    journey.tap(page.get_by_role("button", name="Mulai kuis"))
    journey.look("attempt-tes-awal")
    _answer_quiz(journey, page)
    _send_quiz(journey, page)
    page.wait_for_url("**/hasil/")
    journey.look("result-tes-awal")
    assert page.get_by_role("heading", name="Langkah berikutnya").is_visible()
    journey.tap(page.get_by_role("link", name=f"Lanjut: {lessons[1].title}"))

    # The lessons: the first module read with the network cut.
    page.context.set_offline(True)
    offline_lessons = lessons[1:4]
    for lesson in offline_lessons:
        assert page.locator("h1").inner_text() == lesson.title
        journey.look(f"lesson-{lesson.slug}-luring", axe=lesson == offline_lessons[0])
        journey.tap(page.get_by_role("button", name="Tandai selesai & lanjut"))
        page.locator("[data-lesson-state]").get_by_text(
            "Ditandai selesai di ponsel ini"
        ).wait_for()
        journey.tap(page.locator("[data-lesson-next]"))
    assert not LessonProgress.objects.filter(
        enrollment=enrollment, lesson__in=offline_lessons, status="completed"
    ).exists()
    page.context.set_offline(False)
    page.reload()  # the signal is back: the queue is sent
    page.wait_for_function(
        "() => window.balaiQueue && window.balaiQueue.pending() === 0"
    )
    assert (
        LessonProgress.objects.filter(
            enrollment=enrollment, lesson__in=offline_lessons, status="completed"
        ).count()
        == 3
    )

    for lesson in lessons[4:-1]:
        assert page.locator("h1").inner_text() == lesson.title
        if page.locator("[data-h5p-activity]").count():
            journey.look("lesson-h5p")
            _play_h5p(journey, page, h5p_spec)
            journey.look("lesson-h5p-done")
        journey.tap(page.get_by_role("button", name="Tandai selesai & lanjut"))
        page.wait_for_url(f"**{lessons[lessons.index(lesson) + 1].url}")

    # Tes akhir, sent with the network cut.
    journey.look("lesson-tes-akhir")
    journey.tap(page.get_by_role("link", name="Buka kuis"))
    journey.tap(page.get_by_role("button", name="Mulai kuis"))
    journey.look("attempt-tes-akhir")
    page.context.set_offline(True)
    _answer_quiz(journey, page)
    _send_quiz(journey, page)
    page.locator("#status-kirim").get_by_text("dikirim otomatis").wait_for()
    journey.look("attempt-tes-akhir-luring")
    page.context.set_offline(False)
    page.wait_for_url("**/hasil/", timeout=60000)
    journey.look("result-tes-akhir")
    assert page.get_by_role("heading", name="Kursus selesai").is_visible()

    # The certificate and its verification.
    journey.tap(page.get_by_role("link", name="Lihat sertifikat"))
    journey.look("certificates")
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert page.get_by_text(certificate.number).is_visible()
    taps_to_certificate, loads_to_certificate = journey.taps, journey.loads
    answers = journey.answers
    journey.tap(page.get_by_role("link", name="Halaman verifikasi"))
    journey.look("verification")
    assert page.get_by_text(user.full_name).first.is_visible()

    # Pages off the path: profile, my learning, the offline page, a 404.
    for name, url in {
        "profile": "/akun/profil/",
        "my-learning": "/belajar/",
        "404": "/tidak-ada/",
    }.items():
        page.goto(url)
        journey.look(name)
    page.context.set_offline(True)
    page.goto("/kuis/999999/")
    journey.look("offline-page")
    assert page.get_by_text("Masuk sebagai Siti Rahmah").is_visible()
    page.context.set_offline(False)

    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / "journey.txt").write_text(
        f"login to certificate: {taps_to_certificate} interactions ({answers} of "
        f"them answers to quiz and H5P questions) over "
        f"{loads_to_certificate} page loads; pages checked by axe: {len(journey.checked)} "
        f"({', '.join(journey.checked)})\n"
    )
