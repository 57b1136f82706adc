""" "Kirim jawaban" pressed with no signal: the phone keeps every answer until the
server confirms them; the submission goes by itself when the signal returns, once,
and every answer is graded (Chromium at 360×740, the service worker and the
offline queue as a participant has them)."""

import time

import pytest

from assessments.factories import quiz_place_in_lesson, quiz_with_questions
from assessments.models import Attempt
from courses.factories import EnrollmentFactory, course_tree
from courses.models import LessonPage
from lms.factories import ParticipantFactory

from .services import report

pytestmark = pytest.mark.browser


def _wait_saved(page, count: int) -> None:
    page.wait_for_function(
        "n => [...document.querySelectorAll('.saved-mark')]"
        ".filter(e => e.textContent.includes('tersimpan')).length >= n",
        arg=count,
    )


def test_kirim_jawaban_pressed_offline_keeps_every_answer_and_grades_them_all_when_the_signal_returns(
    page_root, phone_page, login_in_browser, screenshot
):
    """The connection drops after the first answer; five more are given and
    "Kirim jawaban" is pressed with no signal. The phone keeps all six (also
    across a reload of the page from the offline cache) until the server has
    them; when the signal returns the submission goes by itself, once, and
    every answer is graded."""
    course = course_tree(modules=1, lessons=1)
    kinds = ["single", "multiple", "truefalse", "numeric", "short", "ordering"]
    quiz = quiz_with_questions(course=course, kinds=kinds, title="Post-test Koperasi")
    quiz_place_in_lesson(
        quiz=quiz, lesson=LessonPage.objects.descendant_of(course).get()
    )
    user = ParticipantFactory(phone="+6281200000003")
    EnrollmentFactory(user=user, course=course)
    page = phone_page
    login_in_browser(page, "0812-0000-0003", "sandi-rahasia-123")
    page.goto(f"/kuis/{quiz.pk}/")
    page.get_by_role("button", name="Mulai kuis").click()
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now kept by the service worker, for the reload offline below
    attempt = Attempt.objects.get(quiz=quiz)
    page.get_by_label("Rapat Anggota").check()
    _wait_saved(page, 1)

    page.context.set_offline(True)
    page.get_by_label("Kas").check()
    page.get_by_label("Piutang").check()
    page.get_by_label("Benar", exact=True).check()
    page.get_by_label("Jawaban (Rp)").fill("26.666,67")
    page.get_by_label("Jawaban", exact=True).fill("Sisa Hasil Usaha")
    for number, item in enumerate(["Jurnal umum", "Buku besar", "Neraca saldo"], 1):
        page.get_by_label(item).select_option(str(number))
    page.get_by_role("button", name="Kirim jawaban").click()
    page.get_by_role("button", name="Ya, kirim sekarang").click()
    status = page.locator("#status-simpan")
    status.get_by_text("dikirim otomatis begitu tersambung").wait_for()
    assert page.get_by_role("button", name="Kirim jawaban").is_disabled()
    screenshot(page, "assessments-quiz-submitted-offline-360")
    attempt.refresh_from_db()
    assert attempt.status == "in_progress"
    assert attempt.answers.filter(response__isnull=False).count() == 1

    # Reopened with no signal (the kept page): every answer is still there,
    # waiting to be sent.
    page.reload()
    status.get_by_text("dikirim otomatis begitu tersambung").wait_for()
    assert page.get_by_label("Piutang").is_checked()
    assert page.get_by_label("Jawaban", exact=True).input_value() == "Sisa Hasil Usaha"
    assert page.get_by_label("Neraca saldo").input_value() == "3"
    assert page.evaluate("balaiQueue.pending()") == 1

    page.context.set_offline(False)
    back = time.monotonic()
    page.wait_for_url("**/hasil/")
    recovery = time.monotonic() - back
    assert page.locator("#nilai").inner_text() == "100"
    attempt.refresh_from_db()
    assert attempt.status == "graded" and attempt.submitted_at is not None
    assert (
        list(attempt.answers.order_by("question_id").values_list("fraction", flat=True))
        == [1.0] * 6
    )
    assert Attempt.objects.filter(quiz=quiz).count() == 1
    assert page.evaluate(
        "[balaiQueue.pending(), Object.keys(localStorage).filter("
        "k => k.startsWith('balai-kuis-')).length]"
    ) == [0, 0]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "assessments-quiz-submitted-offline-result-360")
    graded = attempt.answers.filter(fraction__isnull=False).count()
    report(
        '"Kirim jawaban" pressed offline',
        requests=1 + len(kinds),
        errors_500=0,
        lost=len(kinds) - graded,
        duplicated=Attempt.objects.filter(quiz=quiz).count() - 1,
        recovery_seconds=recovery,
        note=(
            "Chromium at 360x740: 1 answer saved, 5 given offline, submitted "
            "offline, the page reopened offline; requests = the submission and "
            "its 6 answers; recovery = signal back to the result page"
        ),
    )
