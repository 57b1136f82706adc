"""Issuing under concurrency: one certificate per enrolment, numbers without gaps.

Run on PostgreSQL to prove the row locks and constraints (CI does):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/balai_certificates \\
        .venv/bin/python -m pytest tests/certificates/test_concurrency.py --create-db

On SQLite the database serialises writers itself; a thread that meets a locked
database retries, as the Celery task would.
"""

import threading
import time

import pytest

from django.db import OperationalError, connection, connections

from certificates.factories import (
    CertificateTemplateFactory,
    CompletedEnrollmentFactory,
)
from certificates.models import Certificate, CertificateEvent, IssuerSequence
from certificates.services.issuing import certificate_issue, certificates_issue_many
from lms.dinas.models import VillageCourseCounter

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("page_root"),
]

THREADS = 8


def _issue_with_retries(enrollment_id: int, results: list, errors: list) -> None:
    try:
        for _attempt in range(50):
            try:
                results.append(certificate_issue(enrollment_id=enrollment_id).pk)
                return
            except OperationalError:  # SQLite: "database is locked"
                time.sleep(0.05)
        errors.append("gave up")
    except Exception as exc:  # pragma: no cover - reported below
        errors.append(repr(exc))
    finally:
        connections.close_all()


def _run_together(targets: list[int]) -> tuple[list, list]:
    results, errors = [], []
    barrier = threading.Barrier(len(targets))

    def run(enrollment_id):
        barrier.wait()
        _issue_with_retries(enrollment_id, results, errors)

    threads = [threading.Thread(target=run, args=(t,)) for t in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, errors


def test_same_enrollment_issued_by_many_threads_at_once_yields_one_certificate():
    enrollment = CompletedEnrollmentFactory()
    results, errors = _run_together([enrollment.pk] * THREADS)
    assert errors == []
    assert len(results) == THREADS
    assert len(set(results)) == 1
    assert Certificate.objects.count() == 1
    certificate = Certificate.objects.get()
    assert certificate.status == Certificate.Status.VALID
    assert CertificateEvent.objects.filter(action="issued").count() == 1
    assert IssuerSequence.objects.get().last_value == 1
    assert (
        VillageCourseCounter.objects.get(course_id=enrollment.course_id).certified == 1
    )


def test_many_enrollments_of_one_issuer_at_once_get_gapless_distinct_numbers():
    template = CertificateTemplateFactory()
    first = CompletedEnrollmentFactory(course__balai=template.balai)
    enrollments = [first] + [
        CompletedEnrollmentFactory(course=first.course) for _ in range(THREADS - 1)
    ]
    results, errors = _run_together([e.pk for e in enrollments])
    assert errors == []
    seqs = sorted(Certificate.objects.values_list("seq", flat=True))
    assert seqs == list(range(1, THREADS + 1))
    assert len(set(Certificate.objects.values_list("number", flat=True))) == THREADS
    assert IssuerSequence.objects.get().last_value == THREADS
    assert not Certificate.objects.exclude(status="valid").exists()


def test_the_database_refuses_a_second_certificate_for_an_enrollment():
    from django.db import IntegrityError, transaction

    enrollment = CompletedEnrollmentFactory()
    certificate = certificate_issue(enrollment_id=enrollment.pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            enrollment=enrollment,
            number="lain",
            code="lain",
            issuer_key=certificate.issuer_key,
            seq=99,
            year=certificate.year,
            holder_name="x",
            course_title="x",
            issuer_name="x",
            completed_on=certificate.completed_on,
        )
    assert connection.vendor in ("postgresql", "sqlite")


def test_overlapping_batches_and_single_issues_at_once_agree_without_deadlock():
    """Batches lock their enrolments, certificates and counter rows in key order,
    so overlapping batches (sharing cooperatives, villages and regencies) and
    single issues finish without a deadlock (on PostgreSQL no retry is allowed)
    and the counters agree with the raw rows."""
    from lms.dinas.models import CooperativeCourseCounter
    from lms.dinas.reconcile import counters_differences
    from lms.factories import CooperativeFactory, ParticipantFactory
    from lms.models import Village

    template = CertificateTemplateFactory()
    course = CompletedEnrollmentFactory(course__balai=template.balai).course
    villages = [
        village
        for regency in ("63.03", "63.04")
        for village in Village.objects.filter(regency_id=regency).order_by("code")[:4]
    ]
    enrollments = []
    for village in villages:
        cooperative = CooperativeFactory(home_village=village)
        enrollments += [
            CompletedEnrollmentFactory(
                course=course,
                user=ParticipantFactory(village=village, cooperative=cooperative),
            )
            for _ in range(3)
        ]
    ids = [e.pk for e in enrollments]
    work = [
        ("batch", ids[:16]),
        ("batch", ids[8:]),
        ("batch", ids[::-1]),
        ("single", [ids[5]]),
        ("single", [ids[20]]),
    ]
    retry_on_lock = connection.vendor == "sqlite"
    errors = []
    barrier = threading.Barrier(len(work))

    def run(kind, targets):
        barrier.wait()
        try:
            for _attempt in range(50):
                try:
                    if kind == "batch":
                        certificates_issue_many(enrollment_ids=targets)
                    else:
                        certificate_issue(enrollment_id=targets[0])
                    return
                except OperationalError:
                    if not retry_on_lock:
                        raise
                    time.sleep(0.05)
            errors.append("gave up")
        except Exception as exc:  # reported below
            errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=w) for w in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    assert errors == []
    assert sorted(Certificate.objects.values_list("seq", flat=True)) == list(
        range(1, 25)
    )
    assert set(Certificate.objects.values_list("status", flat=True)) == {"valid"}
    assert CertificateEvent.objects.filter(action="issued").count() == 24
    assert set(
        CooperativeCourseCounter.objects.values_list("certified", flat=True)
    ) == {3}
    figures = ("certified", "covering", "covered", "courses_covered")
    assert [
        d
        for d in counters_differences()
        if any(d.stored.get(f) != d.computed.get(f) for f in figures)
    ] == []
