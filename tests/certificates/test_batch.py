"""Issuing many certificates at once (a cohort, a programme's batch)."""

import pytest

from django.core import mail
from django.core.files.storage import storages

from certificates import uploads
from certificates.factories import (
    CertificateTemplateFactory,
    CompletedEnrollmentFactory,
)
from certificates.models import Certificate, CertificateEvent, IssuerSequence
from certificates.services import issuing
from certificates.services.issuing import certificate_issue, certificates_issue_many
from certificates.services.notify import NOTIFY_TASK, certificates_notify
from courses.factories import EnrollmentFactory
from lms import notifications
from lms.dinas.models import (
    CooperativeCourseCounter,
    RegencyCourseCounter,
    VillageCourseCounter,
    VillageTally,
)
from lms.dinas.reconcile import counters_differences
from lms.factories import CooperativeFactory, ParticipantFactory
from lms.models import OwedWork, Village

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort_enrollments():
    template = CertificateTemplateFactory()
    first = CompletedEnrollmentFactory(course__balai=template.balai)
    return [first] + [CompletedEnrollmentFactory(course=first.course) for _ in range(4)]


def test_batch_issues_each_completed_enrollment_once_with_consecutive_numbers(
    cohort_enrollments,
):
    not_done = EnrollmentFactory(course=cohort_enrollments[0].course)
    ids = [e.pk for e in cohort_enrollments] + [not_done.pk]
    assert certificates_issue_many(enrollment_ids=ids) == 5
    certificates = Certificate.objects.order_by("seq")
    assert [c.seq for c in certificates] == [1, 2, 3, 4, 5]
    assert {c.status for c in certificates} == {"valid"}
    assert not Certificate.objects.filter(enrollment=not_done).exists()
    for certificate in certificates:
        assert storages["private"].exists(certificate.file.name)
    assert CertificateEvent.objects.filter(action="issued").count() == 5
    assert VillageCourseCounter.objects.get().certified == 5
    # Safe to run twice.
    assert certificates_issue_many(enrollment_ids=ids) == 0
    assert IssuerSequence.objects.get().last_value == 5


def test_batch_after_a_single_issue_keeps_that_certificate(cohort_enrollments):
    single = certificate_issue(enrollment_id=cohort_enrollments[2].pk)
    certificates_issue_many(enrollment_ids=[e.pk for e in cohort_enrollments])
    single_again = Certificate.objects.get(pk=single.pk)
    assert single_again.number == single.number
    assert single_again.file.name == single.file.name
    assert sorted(Certificate.objects.values_list("seq", flat=True)) == [1, 2, 3, 4, 5]


def test_a_failed_batch_deletes_its_uploads_and_its_retry_finishes(
    cohort_enrollments, monkeypatch
):
    ids = [e.pk for e in cohort_enrollments]
    calls = {"n": 0}
    real_render = issuing.certificate_pdf

    def render_fails_on_the_third(*, certificate):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("renderer crashed")
        return real_render(certificate=certificate)

    monkeypatch.setattr(issuing, "certificate_pdf", render_fails_on_the_third)
    with pytest.raises(OSError):
        certificates_issue_many(enrollment_ids=ids)
    assert set(Certificate.objects.values_list("status", flat=True)) == {"pending"}
    for certificate in Certificate.objects.all():
        assert not storages["private"].exists(f"certificates/{certificate.code}/v1.pdf")
    numbers = dict(Certificate.objects.values_list("pk", "number"))

    monkeypatch.setattr(issuing, "certificate_pdf", real_render)
    assert certificates_issue_many(enrollment_ids=ids) == 5
    assert dict(Certificate.objects.values_list("pk", "number")) == numbers
    assert set(Certificate.objects.values_list("status", flat=True)) == {"valid"}


def _cooperative_members(course, cooperative, village, count):
    return [
        CompletedEnrollmentFactory(
            course=course,
            user=ParticipantFactory(village=village, cooperative=cooperative),
        )
        for _ in range(count)
    ]


def test_batch_moves_the_same_counters_as_one_issue_at_a_time():
    """Certified per village, regency and cooperative, and coverage (a cooperative
    reaching 3 certified covers every village it serves), agree with the raw rows
    and with the per-certificate path."""
    template = CertificateTemplateFactory()
    home, other, third = Village.objects.filter(regency_id="63.03").order_by("code")[:3]
    far = Village.objects.exclude(regency_id="63.03").order_by("code").first()
    shared = CooperativeFactory(home_village=home, villages=[home, other])
    small = CooperativeFactory(home_village=third)
    distant = CooperativeFactory(home_village=far)
    course = CompletedEnrollmentFactory(course__balai=template.balai).course
    # One covering cooperative already issued singly, to be crossed over later.
    singles = _cooperative_members(course, distant, far, 2)
    for enrollment in singles:
        certificate_issue(enrollment_id=enrollment.pk)
    batch = (
        _cooperative_members(course, shared, home, 3)  # 3: covers home and other
        + _cooperative_members(course, small, third, 2)  # 2: not yet
        + _cooperative_members(course, distant, far, 1)  # 3 with the singles
    )
    assert certificates_issue_many(enrollment_ids=[e.pk for e in batch]) == 6

    # (The factories enrol without counters; the certificate figures must agree.)
    figures = ("certified", "covering", "covered", "courses_covered")
    assert [
        d
        for d in counters_differences()
        if any(d.stored.get(f) != d.computed.get(f) for f in figures)
    ] == []
    cooperative = dict(
        CooperativeCourseCounter.objects.values_list("cooperative_id", "certified")
    )
    assert cooperative == {shared.pk: 3, small.pk: 2, distant.pk: 3}
    village = {
        row[0]: row[1:]
        for row in VillageCourseCounter.objects.values_list(
            "village_id", "certified", "covering"
        )
    }
    assert village[home.pk] == (3, 1)
    assert village[other.pk][1] == 1
    assert village[third.pk] == (2, 0)
    assert village[far.pk] == (3, 1)
    regency = dict(RegencyCourseCounter.objects.values_list("regency_id", "covered"))
    assert regency["63.03"] == 2
    assert regency[far.regency_id] == 1
    assert VillageTally.objects.get(village_id=other.pk).courses_covered == 1


def test_batch_notifies_its_holders_once_in_one_task(
    cohort_enrollments, django_capture_on_commit_callbacks
):
    for n, enrollment in enumerate(cohort_enrollments):
        type(enrollment.user).objects.filter(pk=enrollment.user_id).update(
            email=f"peserta{n}@contoh.id"
        )
    with django_capture_on_commit_callbacks(execute=True):
        certificates_issue_many(enrollment_ids=[e.pk for e in cohort_enrollments])
    sent = [
        owed.kwargs["certificate_ids"]
        for owed in OwedWork.objects.filter(task=NOTIFY_TASK)
    ]
    assert len(sent) == 1
    assert sorted(m.to[0] for m in mail.outbox) == [
        f"peserta{n}@contoh.id" for n in range(5)
    ]
    assert not Certificate.objects.filter(notified_at__isnull=True).exists()
    # Safe to run twice: nobody is told again.
    assert certificates_notify(certificate_ids=sent[0]) == 0
    assert len(mail.outbox) == 5


def test_a_failed_upload_deletes_the_batch_uploads_and_its_retry_finishes(
    cohort_enrollments, monkeypatch
):
    ids = [e.pk for e in cohort_enrollments]
    real_put = uploads.Uploader.put
    calls = {"n": 0}

    def put_fails_on_the_fourth(self, ident, key, pdf):
        calls["n"] += 1
        if calls["n"] == 4:
            raise ConnectionError("S3 endpoint went away")
        return real_put(self, ident, key, pdf)

    monkeypatch.setattr(uploads.Uploader, "put", put_fails_on_the_fourth)
    with pytest.raises(ConnectionError):
        certificates_issue_many(enrollment_ids=ids)
    assert set(Certificate.objects.values_list("status", flat=True)) == {"pending"}
    for certificate in Certificate.objects.all():
        assert not storages["private"].exists(f"certificates/{certificate.code}/v1.pdf")
    assert not CertificateEvent.objects.exists()
    assert not VillageCourseCounter.objects.filter(certified__gt=0).exists()

    monkeypatch.setattr(uploads.Uploader, "put", real_put)
    assert certificates_issue_many(enrollment_ids=ids) == 5
    assert CertificateEvent.objects.filter(action="issued").count() == 5
    assert VillageCourseCounter.objects.get().certified == 5


def test_a_failed_notification_marks_those_sent_and_the_retry_tells_the_rest(
    cohort_enrollments, monkeypatch
):
    for n, enrollment in enumerate(cohort_enrollments):
        type(enrollment.user).objects.filter(pk=enrollment.user_id).update(
            email=f"peserta{n}@contoh.id"
        )
    certificates_issue_many(enrollment_ids=[e.pk for e in cohort_enrollments])
    ids = list(Certificate.objects.order_by("pk").values_list("pk", flat=True))
    real_send = notifications.EmailChannel.send

    def send_fails_on_the_third(self, *, user, message):
        if len(mail.outbox) == 2:
            raise ConnectionError("SMTP server went away")
        return real_send(self, user=user, message=message)

    monkeypatch.setattr(notifications.EmailChannel, "send", send_fails_on_the_third)
    with pytest.raises(ConnectionError):
        certificates_notify(certificate_ids=ids)
    assert Certificate.objects.filter(notified_at__isnull=False).count() == 2

    monkeypatch.setattr(notifications.EmailChannel, "send", real_send)
    assert certificates_notify(certificate_ids=ids) == 3
    assert sorted(m.to[0] for m in mail.outbox) == [
        f"peserta{n}@contoh.id" for n in range(5)
    ]
