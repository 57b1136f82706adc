"""Issuing many certificates at once (a cohort, a programme's batch)."""

import pytest

from django.core.files.storage import storages

from certificates import services
from certificates.factories import (
    CertificateTemplateFactory,
    CompletedEnrollmentFactory,
)
from certificates.models import Certificate, CertificateEvent, IssuerSequence
from certificates.services import certificate_issue, certificates_issue_many
from courses.factories import EnrollmentFactory
from lms.dinas.models import VillageCourseCounter

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
    real_render = services._render

    def render_fails_on_the_third(certificate):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("renderer crashed")
        return real_render(certificate)

    monkeypatch.setattr(services, "_render", render_fails_on_the_third)
    with pytest.raises(OSError):
        certificates_issue_many(enrollment_ids=ids)
    assert set(Certificate.objects.values_list("status", flat=True)) == {"pending"}
    for certificate in Certificate.objects.all():
        assert not storages["private"].exists(f"certificates/{certificate.code}/v1.pdf")
    numbers = dict(Certificate.objects.values_list("pk", "number"))

    monkeypatch.setattr(services, "_render", real_render)
    assert certificates_issue_many(enrollment_ids=ids) == 5
    assert dict(Certificate.objects.values_list("pk", "number")) == numbers
    assert set(Certificate.objects.values_list("status", flat=True)) == {"valid"}
