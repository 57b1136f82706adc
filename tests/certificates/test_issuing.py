"""Issuing: one certificate per enrolment, gapless numbers, a PDF in private storage."""

import datetime

import pytest

from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone

from certificates.factories import (
    CertificateTemplateFactory,
    CompletedEnrollmentFactory,
)
from certificates.models import Certificate, CertificateEvent, IssuerSequence
from certificates.services import issuing
from certificates.services.issuing import certificate_issue
from certificates.services.notify import certificates_notify
from courses.factories import CoursePageFactory, EnrollmentFactory
from lms import events
from lms.dinas.models import VillageCourseCounter

pytestmark = pytest.mark.django_db


def test_issue_creates_one_valid_certificate_with_its_pdf_in_private_storage():
    enrollment = CompletedEnrollmentFactory(course__code="AK")
    certificate = certificate_issue(enrollment_id=enrollment.pk)
    assert certificate.status == Certificate.Status.VALID
    assert certificate.file.name == f"certificates/{certificate.code}/v1.pdf"
    with storages["private"].open(certificate.file.name, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert certificate.holder_name == enrollment.user.full_name
    year = timezone.localdate(enrollment.completed_at).year
    assert certificate.number == f"0001/AK/63.03/{year}"
    assert len(certificate.code) >= 20
    assert list(certificate.events.values_list("action", flat=True)) == ["issued"]


def test_issue_twice_returns_the_same_certificate():
    enrollment = CompletedEnrollmentFactory()
    first = certificate_issue(enrollment_id=enrollment.pk)
    second = certificate_issue(enrollment_id=enrollment.pk)
    assert first.pk == second.pk
    assert Certificate.objects.count() == 1
    assert IssuerSequence.objects.get().last_value == 1


def test_incomplete_enrollment_gets_no_certificate():
    enrollment = EnrollmentFactory()
    assert certificate_issue(enrollment_id=enrollment.pk) is None
    assert not Certificate.objects.exists()


def test_numbers_follow_the_template_pattern_per_issuer_without_gaps():
    template = CertificateTemplateFactory(
        number_pattern="{issuer}-{seq}/{course_code}/{year}", seq_digits=3
    )
    template.balai.code = "bplk-kalsel"
    template.balai.save()
    course = CoursePageFactory(balai=template.balai, code="SP")
    other_course = CoursePageFactory(balai=template.balai, code="AK")
    numbers = [
        certificate_issue(enrollment_id=CompletedEnrollmentFactory(course=c).pk).number
        for c in (course, other_course, course)
    ]
    year = timezone.localdate().year
    assert numbers == [
        f"BPLK-KALSEL-001/SP/{year}",
        f"BPLK-KALSEL-002/AK/{year}",
        f"BPLK-KALSEL-003/SP/{year}",
    ]


def test_sequences_restart_each_year():
    course = CoursePageFactory()
    old = CompletedEnrollmentFactory(
        course=course,
        completed_at=timezone.make_aware(datetime.datetime(2025, 12, 1, 10)),
    )
    new = CompletedEnrollmentFactory(course=course)
    assert certificate_issue(enrollment_id=old.pk).seq == 1
    assert certificate_issue(enrollment_id=new.pk).seq == 1


def test_holder_is_emailed_a_link_after_issue(django_capture_on_commit_callbacks):
    enrollment = CompletedEnrollmentFactory(user__email="siti@contoh.id")
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue(enrollment_id=enrollment.pk)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["siti@contoh.id"]
    assert certificate.number in message.body
    assert "/sertifikat/" in message.body
    certificate.refresh_from_db()
    assert certificate.notified_at is not None
    # Once only.
    assert certificates_notify(certificate_ids=[certificate.pk]) == 0


def test_counter_of_certified_moves_with_the_issue():
    enrollment = CompletedEnrollmentFactory()
    certificate_issue(enrollment_id=enrollment.pk)
    counter = VillageCourseCounter.objects.get(
        village_id=enrollment.user.village_id, course_id=enrollment.course_id
    )
    assert counter.certified == 1


def test_failed_render_leaves_a_pending_record_without_file_then_retry_issues(
    monkeypatch,
):
    enrollment = CompletedEnrollmentFactory()
    real_render = issuing.certificate_pdf

    def broken(*, certificate):
        raise OSError("disk full")

    monkeypatch.setattr(issuing, "certificate_pdf", broken)
    with pytest.raises(OSError):
        certificate_issue(enrollment_id=enrollment.pk)
    pending = Certificate.objects.get()
    assert pending.status == Certificate.Status.PENDING
    assert pending.file.name == ""
    assert not CertificateEvent.objects.exists()

    monkeypatch.setattr(issuing, "certificate_pdf", real_render)
    certificate = certificate_issue(enrollment_id=enrollment.pk)
    assert certificate.pk == pending.pk
    assert certificate.number == pending.number
    assert certificate.status == Certificate.Status.VALID


def test_failure_after_upload_deletes_the_file_and_keeps_the_record_pending(
    monkeypatch,
):
    enrollment = CompletedEnrollmentFactory()

    def broken_counter(event):
        raise RuntimeError("database went away")

    # The Dinas ledger, which listens to certificates being issued, fails.
    monkeypatch.setitem(events._handlers, events.CertificatesIssued, [broken_counter])
    with pytest.raises(RuntimeError):
        certificate_issue(enrollment_id=enrollment.pk)
    pending = Certificate.objects.get()
    assert pending.status == Certificate.Status.PENDING
    storage = storages["private"]
    assert not storage.exists(f"certificates/{pending.code}/v1.pdf")


def test_a_file_left_by_a_crashed_attempt_is_pruned_when_the_retry_commits(
    django_capture_on_commit_callbacks,
):
    enrollment = CompletedEnrollmentFactory()
    pending = issuing.certificate_reserve(enrollment_id=enrollment.pk)
    storage = storages["private"]
    # As if a worker died after its upload, before its commit.
    storage.save(f"certificates/{pending.code}/v1.pdf", ContentFile(b"%PDF-old"))
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue(enrollment_id=enrollment.pk)
    _dirs, files = storage.listdir(f"certificates/{pending.code}")
    assert [f"certificates/{pending.code}/{f}" for f in files] == [
        certificate.file.name
    ]
    with storage.open(certificate.file.name, "rb") as handle:
        assert handle.read() != b"%PDF-old"


def test_course_of_a_balai_with_a_template_uses_its_issuer_name():
    template = CertificateTemplateFactory(
        issuer_name="Balai Pelatihan Koperasi Kalimantan Selatan"
    )
    enrollment = CompletedEnrollmentFactory(course__balai=template.balai)
    certificate = certificate_issue(enrollment_id=enrollment.pk)
    assert certificate.template == template
    assert certificate.issuer_name == "Balai Pelatihan Koperasi Kalimantan Selatan"
