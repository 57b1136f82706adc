"""The programme report (laporan pelaksanaan) of a cohort, as PDF and XLSX: what it
says, and who may download it (`lms.scoping.cohort_reports_q`)."""

import datetime
import io
import subprocess
from decimal import Decimal

import openpyxl
import pytest

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assessments.factories import quiz_with_questions
from assessments.models import Attempt, Quiz
from certificates.factories import CertificateTemplateFactory
from certificates.services.cohorts import cohort_close
from courses.blended.services import (
    attendance_mark,
    evaluation_expected,
    evaluation_submit,
    offline_results_record,
)
from courses.factories import (
    CohortFactory,
    EnrollmentFactory,
    OfflineComponentFactory,
    SessionFactory,
    SpeakerFactory,
    course_tree,
)
from courses.models import LessonPage
from courses.progress import lesson_reached_end
from lms.dinas.programme.data import programme_report
from lms.dinas.programme.pdf import programme_report_pdf
from lms.dinas.programme.xlsx import programme_report_xlsx
from lms.factories import (
    AssistantFactory,
    DinasOfficerFactory,
    InstructorFactory,
    ParticipantFactory,
)
from lms.models import Province, Regency, Village
from lms.outbox import outbox_sweep

pytestmark = pytest.mark.django_db


def _attempt(quiz, enrollment, score):
    Attempt.objects.create(
        quiz=quiz,
        enrollment=enrollment,
        status=Attempt.Status.GRADED,
        started_at=timezone.now(),
        submitted_at=timezone.now(),
        score=Decimal(score),
        passed=score >= quiz.pass_mark,
    )


@pytest.fixture
def cohort(django_capture_on_commit_callbacks, settings):
    settings.EVALUATION_MIN_RESPONSES = 2
    template = CertificateTemplateFactory()
    course = course_tree(modules=1, lessons=1, balai=template.balai, jp=12)
    cohort = CohortFactory(
        course=course,
        name="Angkatan I Kab. Banjar 2026",
        regency=Regency.objects.get(pk="63.03"),
        funding_source="dekon",
        budget_year=2026,
        budget_line="DIPA-044.01.2.6301/2026",
        attendance_min_percent=100,
        certificates_at_close=True,
        signatory_name="Dr. H. Muhammad Noor, S.E., M.M.",
        signatory_title="Kepala Balai Pelatihan Koperasi",
        signatory_nip="197203151998031004",
        report_place="Banjarbaru",
    )
    sessions = [
        SessionFactory(
            cohort=cohort,
            title=title,
            starts_at=datetime.datetime(2026, 1, 5 + n, 1, tzinfo=datetime.UTC),
            ends_at=datetime.datetime(2026, 1, 5 + n, 4, tzinfo=datetime.UTC),
        )
        for n, title in enumerate(["Tata kelola dan RAT", "SAK EP", "Kunjungan KSP"])
    ]
    sessions[0].speakers.add(
        SpeakerFactory(cohort=cohort, name="Dr. Hj. Rahmi Hidayati", institution="ULM")
    )
    pre = quiz_with_questions(course=course, purpose=Quiz.Purpose.PRETEST)
    post = quiz_with_questions(course=course, purpose=Quiz.Purpose.POSTTEST)
    practical = OfflineComponentFactory(
        cohort=cohort, name="Ujian praktik", pass_mark=None
    )
    lesson = LessonPage.objects.descendant_of(course).get()
    people = [
        ParticipantFactory(full_name="Fitriani Rahmawati"),
        ParticipantFactory(full_name="H. Abdul Gani"),
        ParticipantFactory(full_name="Maimunah"),
    ]
    enrollments = []
    for n, person in enumerate(people):
        enrollment = EnrollmentFactory(course=course, cohort=cohort, user=person)
        enrollments.append(enrollment)
        _attempt(pre, enrollment, 40 + 10 * n)
        _attempt(post, enrollment, 80 + 5 * n)
        lesson_reached_end(enrollment=enrollment, lesson=lesson)
        for s, session in enumerate(sessions):
            status = "izin" if (n == 2 and s == 1) else "hadir"
            attendance_mark(
                session=session,
                enrollment_id=enrollment.pk,
                status=status,
                actor=None,
                key=f"{n}-{s}",
            )
    offline_results_record(
        component=practical,
        scores={e.pk: Decimal(75 + n) for n, e in enumerate(enrollments)},
        actor=None,
    )
    for enrollment in enrollments[:2]:
        evaluation_submit(
            enrollment=enrollment,
            scores=dict.fromkeys(evaluation_expected(cohort=cohort), 5),
            comment_organisation="Konsumsi tepat waktu",
        )
    with django_capture_on_commit_callbacks(execute=True):
        cohort_close(cohort=cohort, actor=None)
    outbox_sweep()
    return cohort


def test_the_report_holds_what_the_programme_must_account_for(cohort):
    report = programme_report(cohort=cohort)
    assert (report.enrolled, report.completed, report.certified) == (3, 2, 2)
    assert report.funding == "Dana Dekonsentrasi" and report.budget_year == "2026"
    assert (report.course_jp, report.session_jp, report.total_jp) == (12, 6, 18)
    assert [s.present for s in report.sessions] == [3, 2, 3]
    maimunah = report.participants[2]
    assert (maimunah.name, maimunah.marks) == ("Maimunah", ["H", "I", "H"])
    assert maimunah.completed is False and maimunah.certificate_number == ""
    fitriani = report.participants[0]
    assert (fitriani.pre, fitriani.post) == (Decimal(40), Decimal(80))
    assert fitriani.gain == pytest.approx(round(40 / 60, 3))
    assert fitriani.offline == [Decimal(75)]
    assert fitriani.certificate_number
    assert report.gain["count"] == 3
    assert report.evaluation.respondents == 2 and report.evaluation.overall == 5.0
    assert report.speakers == [("Dr. Hj. Rahmi Hidayati", "ULM")]


def test_the_pdf_reads_as_the_report(cohort, tmp_path):
    report = programme_report(cohort=cohort)
    pdf = tmp_path / "laporan.pdf"
    pdf.write_bytes(programme_report_pdf(report))
    text = subprocess.run(  # noqa: S603 (poppler's pdftotext on our own file)
        ["/usr/bin/pdftotext", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for expected in [
        "LAPORAN PELAKSANAAN",
        "Dana Dekonsentrasi",
        "DIPA-044.01.2.6301/2026",
        "Tata kelola dan RAT",
        "Dr. Hj. Rahmi Hidayati",
        "Matriks kehadiran",
        "Maimunah",
        report.participants[0].certificate_number,
        "Evaluasi penyelenggaraan",
        "Konsumsi tepat waktu",
        "Kepala Balai Pelatihan Koperasi",
        "NIP 197203151998031004",
        "Banjarbaru",
    ]:
        assert expected in text, expected


def test_the_workbook_holds_one_row_per_participant(cohort):
    report = programme_report(cohort=cohort)
    book = openpyxl.load_workbook(io.BytesIO(programme_report_xlsx(report)))
    assert book.sheetnames == ["Ringkasan", "Sesi", "Peserta", "Evaluasi"]
    rows = list(book["Peserta"].iter_rows(values_only=True))
    header, *people = rows
    assert header[:2] == ("No.", "Nama") and "S3" in header
    assert [p[1] for p in people] == ["Fitriani Rahmawati", "H. Abdul Gani", "Maimunah"]
    assert people[2][header.index("S2")] == "I"
    assert (
        people[0][header.index("Nomor sertifikat")]
        == report.participants[0].certificate_number
    )


def test_a_name_that_looks_like_a_formula_stays_text(cohort):
    person = ParticipantFactory(full_name='=HYPERLINK("http://x","y")')
    EnrollmentFactory(course=cohort.course, cohort=cohort, user=person)
    book = openpyxl.load_workbook(
        io.BytesIO(programme_report_xlsx(programme_report(cohort=cohort)))
    )
    names = [row[1] for row in book["Peserta"].iter_rows(min_row=2, values_only=True)]
    assert '\'=HYPERLINK("http://x","y")' in names


def test_who_may_download_the_report(cohort):
    url = reverse("programme:report", args=[cohort.pk, "pdf"])
    client = Client()
    allowed = [
        DinasOfficerFactory(scope_province=Province.objects.get(pk="63")),
        DinasOfficerFactory(scope_regency=Regency.objects.get(pk="63.03")),
        InstructorFactory(balai=cohort.course.balai),
    ]
    refused = [
        DinasOfficerFactory(scope_regency=Regency.objects.get(pk="63.01")),
        InstructorFactory(),
        AssistantFactory(villages=[Village.objects.get(pk="63.03.01.2001")]),
        cohort.enrollments.first().user,
    ]
    for person in allowed:
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200, person
        assert response["Content-Type"] == "application/pdf"
    for person in refused:
        client.force_login(person)
        assert client.get(url).status_code == 404, person
    client.force_login(allowed[0])
    xlsx = client.get(reverse("programme:report", args=[cohort.pk, "xlsx"]))
    assert xlsx["Content-Disposition"].endswith('.xlsx"')
