"""Bulk jobs: issuing the certificates of many completed enrolments as one job with
progress, and a job whose worker is killed in the middle ending DONE, with nothing
lost and nothing twice."""

import datetime
import time

import pytest

from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import transaction
from django.utils import timezone

from certificates.factories import (
    CertificateTemplateFactory,
    CompletedEnrollmentFactory,
)
from certificates.models import Certificate, CertificateEvent, CertificateJob
from certificates.services import jobs
from certificates.services.issuing import certificate_issue
from certificates.services.jobs import (
    ISSUE_CHUNK_TASK,
    REGENERATE_CHUNK_TASK,
    certificate_issue_job_create,
    certificate_job_create,
    certificate_job_regenerate_chunk,
)
from courses.factories import EnrollmentFactory
from lms.dinas.reconcile import counters_differences
from lms.factories import AdminFactory
from lms.models import OwedWork
from lms.outbox import outbox_sweep
from tests.certificates.faults import WorkerProcess, owed_work_sent_to

CERTIFIED = ("certified", "covering", "covered", "courses_covered")


def _completed(count: int) -> list:
    template = CertificateTemplateFactory()
    first = CompletedEnrollmentFactory(course__balai=template.balai)
    return [first] + [
        CompletedEnrollmentFactory(course=first.course) for _ in range(count - 1)
    ]


def _wait_for(predicate, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


@pytest.mark.django_db
def test_an_issue_job_owes_its_chunks_with_itself_and_ends_done_with_every_certificate(
    django_capture_on_commit_callbacks,
):
    enrollments = _completed(7)
    not_done = EnrollmentFactory(course=enrollments[0].course)
    ids = [e.pk for e in enrollments] + [not_done.pk]

    with django_capture_on_commit_callbacks() as sends:
        job = certificate_issue_job_create(
            enrollment_ids=ids, actor=AdminFactory(), batch_size=3
        )
    chunks = OwedWork.objects.filter(task=ISSUE_CHUNK_TASK).order_by("pk")
    assert [c.kwargs["enrollment_ids"] for c in chunks] == [
        [e.pk for e in enrollments[0:3]],
        [e.pk for e in enrollments[3:6]],
        [enrollments[6].pk],
    ]
    assert (job.kind, job.status, job.total, job.done) == ("issue", "queued", 7, 0)

    with django_capture_on_commit_callbacks(execute=True):
        for send in sends:  # eager in tests: the chunks run here
            send()
    job.refresh_from_db()
    assert (job.status, job.total, job.done) == ("done", 7, 7)
    assert sorted(Certificate.objects.values_list("seq", flat=True)) == list(
        range(1, 8)
    )
    assert not Certificate.objects.filter(enrollment=not_done).exists()
    assert not OwedWork.objects.filter(done_at__isnull=True).exists()


@pytest.mark.django_db
def test_an_issue_job_counts_certificates_issued_before_it_as_done():
    enrollments = _completed(3)
    certificate_issue(enrollment_id=enrollments[0].pk)
    job = certificate_issue_job_create(
        enrollment_ids=[e.pk for e in enrollments], actor=None
    )
    outbox_sweep()  # eager in tests: the chunk runs here
    assert not OwedWork.objects.filter(
        task=ISSUE_CHUNK_TASK, done_at__isnull=True
    ).exists()
    job.refresh_from_db()
    assert (job.status, job.total, job.done) == ("done", 3, 3)
    assert Certificate.objects.count() == 3


@pytest.mark.django_db
def test_an_issue_job_without_a_completed_enrolment_is_refused_and_writes_nothing():
    enrollment = EnrollmentFactory()
    with pytest.raises(ValidationError) as refused:
        certificate_issue_job_create(enrollment_ids=[enrollment.pk], actor=None)
    assert "menyelesaikan" in refused.value.messages[0]
    assert not CertificateJob.objects.exists()
    assert not OwedWork.objects.exists()


@pytest.mark.django_db
def test_a_job_created_in_a_transaction_that_rolls_back_owes_nothing():
    enrollments = _completed(2)
    with pytest.raises(RuntimeError), transaction.atomic():
        certificate_issue_job_create(
            enrollment_ids=[e.pk for e in enrollments], actor=None
        )
        raise RuntimeError("the action failed")
    assert not CertificateJob.objects.exists()
    assert not OwedWork.objects.exists()


@pytest.mark.django_db
def test_a_regenerate_chunk_run_again_continues_where_it_stopped(monkeypatch):
    enrollments = _completed(5)
    certificates = [certificate_issue(enrollment_id=e.pk) for e in enrollments]
    template = certificates[0].template
    # The job starts a little after the certificates were drawn.
    Certificate.objects.update(rendered_at=timezone.now() - datetime.timedelta(1))
    job = certificate_job_create(
        kind=CertificateJob.Kind.REGENERATE, actor=None, template=template
    )
    (chunk,) = OwedWork.objects.filter(task=REGENERATE_CHUNK_TASK)
    ids = chunk.kwargs["certificate_ids"]
    assert ids == [c.pk for c in certificates]

    # The worker dies on the fourth certificate.
    real = jobs.certificate_regenerate
    calls = []

    def dies_on_the_fourth(*, certificate_id, actor):
        calls.append(certificate_id)
        if len(calls) == 4:
            raise SystemExit("worker killed")
        return real(certificate_id=certificate_id, actor=actor)

    monkeypatch.setattr(jobs, "certificate_regenerate", dies_on_the_fourth)
    with pytest.raises(SystemExit):
        certificate_job_regenerate_chunk(job_id=job.pk, certificate_ids=ids)
    job.refresh_from_db()
    assert (job.status, job.done) == ("running", 0)

    calls.clear()
    monkeypatch.setattr(jobs, "certificate_regenerate", real)
    certificate_job_regenerate_chunk(job_id=job.pk, certificate_ids=ids)
    job.refresh_from_db()
    assert (job.status, job.total, job.done) == ("done", 5, 5)
    versions = sorted(Certificate.objects.values_list("version", flat=True))
    assert versions == [2, 2, 2, 2, 2]
    assert CertificateEvent.objects.filter(action="regenerated").count() == 5


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("page_root")
def test_an_issue_job_whose_worker_is_killed_mid_run_resumes_and_ends_done(
    redis_server, settings, tmp_path
):
    """A real worker process is killed (SIGKILL) while it issues a job's chunks:
    the job stays RUNNING with part done; once its work is sent again (the beat
    sweeper, after the lease) a new worker finishes it: every certificate once,
    numbers 1..N without a gap, one file each, every holder told, the Dinas
    counters equal to the raw rows, nothing left owed."""
    enrollments = _completed(60)
    with owed_work_sent_to(redis_server.url, settings) as queue:
        first = WorkerProcess(
            broker_url=redis_server.url, queue=queue, log=tmp_path / "first.log"
        )
        second = WorkerProcess(
            broker_url=redis_server.url, queue=queue, log=tmp_path / "second.log"
        )
        try:
            first.start()
            job = certificate_issue_job_create(
                enrollment_ids=[e.pk for e in enrollments], actor=None, batch_size=3
            )
            assert _wait_for(lambda: CertificateJob.objects.get(pk=job.pk).done >= 6), (
                list(OwedWork.objects.values_list("sends", "last_error")),
                (tmp_path / "first.log").read_text()[-3000:],
            )
            first.kill()

            job.refresh_from_db()
            assert job.status == CertificateJob.Status.RUNNING
            assert 6 <= job.done < job.total == 60
            assert OwedWork.objects.filter(done_at__isnull=True).exists()

            second.start()
            later = timezone.now() + datetime.timedelta(
                seconds=settings.OUTBOX_LEASE_SECONDS + 1
            )
            assert outbox_sweep(now=later) >= 1
            assert _wait_for(
                lambda: not OwedWork.objects.filter(done_at__isnull=True).exists()
            ), (tmp_path / "second.log").read_text()[-3000:]
        finally:
            first.kill()
            second.kill()

    job.refresh_from_db()
    assert (job.status, job.total, job.done) == ("done", 60, 60)
    certificates = list(Certificate.objects.order_by("seq"))
    assert [c.seq for c in certificates] == list(range(1, 61))
    assert {c.status for c in certificates} == {"valid"}
    assert {c.enrollment_id for c in certificates} == {e.pk for e in enrollments}
    assert CertificateEvent.objects.filter(action="issued").count() == 60
    storage = storages["private"]
    for certificate in certificates:
        _dirs, files = storage.listdir(f"certificates/{certificate.code}")
        assert [f"certificates/{certificate.code}/{f}" for f in files] == [
            certificate.file.name
        ]
        assert certificate.notified_at is not None
    assert [
        d
        for d in counters_differences()
        if any(d.stored.get(f) != d.computed.get(f) for f in CERTIFIED)
    ] == []
