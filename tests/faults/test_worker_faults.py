"""Workers and faults: a worker whose Redis goes away while it holds work (a
running job, a task with an ETA) stays up and carries on once Redis is back; a
worker killed (SIGKILL, with its pool) in the middle of an issue job and of a
regenerate job leaves both to be finished by the next worker: every certificate
once, numbers without a gap, no job left "running"."""

import time

import pytest

from django.utils import timezone

from certificates.factories import (
    CertificateTemplateFactory,
    CompletedEnrollmentFactory,
)
from certificates.models import Certificate, CertificateEvent, CertificateJob
from certificates.services.jobs import (
    certificate_issue_job_create,
    certificate_job_create,
)
from lms.celery import app
from lms.models import OwedWork

from .services import (
    CeleryWorker,
    counters_moved_once,
    report,
    sweeper_running,
    wait_for,
    workers,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("page_root"),
]


def _completed(count: int, template=None) -> list:
    template = template or CertificateTemplateFactory()
    first = CompletedEnrollmentFactory(course__balai=template.balai)
    return [first] + [
        CompletedEnrollmentFactory(course=first.course) for _ in range(count - 1)
    ]


def _job_done(job) -> bool:
    job.refresh_from_db()
    return job.status == CertificateJob.Status.DONE


def _nothing_owed() -> bool:
    return not OwedWork.objects.filter(done_at__isnull=True).exists()


def _lost_and_duplicated(enrollments) -> tuple[int, int]:
    certificates = Certificate.objects.filter(enrollment__in=enrollments)
    valid = {c.enrollment_id for c in certificates if c.status == "valid"}
    issued = CertificateEvent.objects.filter(
        action="issued", certificate__enrollment__in=enrollments
    ).count()
    lost = len(enrollments) - len(valid)
    duplicated = (certificates.count() - len(enrollments)) + (issued - len(valid))
    return lost, duplicated


def test_a_worker_holding_work_when_redis_goes_away_stays_up_and_carries_on(
    redis_server, broker_queue, tmp_path
):
    template = CertificateTemplateFactory()
    enrollments = _completed(30, template)
    later = _completed(3, template)  # one issuer: one sequence of numbers
    worker = CeleryWorker(
        broker_url=redis_server.url, queue=broker_queue, log=tmp_path / "worker.log"
    )
    with workers(worker), sweeper_running():
        worker.start()
        # A task with an ETA (what a retry with a countdown is) held by the worker …
        app.send_task("lms.tasks.outbox_sweep_task", countdown=600)
        # … and a job being issued, chunk by chunk, when Redis goes.
        job = certificate_issue_job_create(
            enrollment_ids=[e.pk for e in enrollments], actor=None, batch_size=3
        )
        wait_for(lambda: CertificateJob.objects.get(pk=job.pk).done >= 3, 60)
        redis_server.stop()
        time.sleep(3)
        assert worker.alive(), worker.tail()
        pid = worker.pid

        redis_server.start()
        back = time.monotonic()
        second = certificate_issue_job_create(
            enrollment_ids=[e.pk for e in later], actor=None
        )
        wait_for(
            lambda: _job_done(job) and _job_done(second) and _nothing_owed(),
            seconds=90,
            what=worker.tail(),
        )
        recovery = time.monotonic() - back
        assert worker.alive() and worker.pid == pid

    lost, duplicated = _lost_and_duplicated(enrollments + later)
    report(
        "Worker holding tasks when Redis goes away",
        requests=len(enrollments) + len(later),
        errors_500=0,
        lost=lost,
        duplicated=duplicated,
        recovery_seconds=recovery,
        note=(
            "requests = certificates owed; the worker held an ETA task and a "
            "running 30-certificate job; Redis down 3 s; the same process finished "
            "the job and the work owed after Redis returned"
        ),
    )
    assert (lost, duplicated) == (0, 0)
    assert sorted(Certificate.objects.values_list("seq", flat=True)) == list(
        range(1, 34)
    )
    assert counters_moved_once(fields=("certified",)) == []


def test_a_worker_killed_mid_batch_leaves_nothing_pending_or_running(
    redis_server, broker_queue, tmp_path
):
    template = CertificateTemplateFactory()
    enrollments = _completed(50, template)
    logs = iter(tmp_path / f"worker-{n}.log" for n in range(4))

    def worker() -> CeleryWorker:
        return CeleryWorker(
            broker_url=redis_server.url, queue=broker_queue, log=next(logs)
        )

    first, second, third = worker(), worker(), worker()
    with workers(first, second, third), sweeper_running():
        first.start()
        job = certificate_issue_job_create(
            enrollment_ids=[e.pk for e in enrollments], actor=None, batch_size=5
        )
        wait_for(lambda: CertificateJob.objects.get(pk=job.pk).done >= 10, 60)
        first.kill()
        job.refresh_from_db()
        assert job.status == "running" and 10 <= job.done < 50

        second.start()
        back = time.monotonic()
        wait_for(lambda: _job_done(job) and _nothing_owed(), 90, second.tail())
        issue_recovery = time.monotonic() - back

        Certificate.objects.update(
            rendered_at=timezone.now() - timezone.timedelta(days=1)
        )
        regenerate = certificate_job_create(
            kind=CertificateJob.Kind.REGENERATE, actor=None, template=template
        )
        wait_for(lambda: Certificate.objects.filter(version=2).count() >= 5, 60)
        second.kill()
        regenerate.refresh_from_db()
        assert regenerate.status == "running" and regenerate.done < 50

        third.start()
        back = time.monotonic()
        wait_for(lambda: _job_done(regenerate) and _nothing_owed(), 90, third.tail())
        regenerate_recovery = time.monotonic() - back

    lost, duplicated = _lost_and_duplicated(enrollments)
    versions = list(Certificate.objects.values_list("version", flat=True))
    regenerated = CertificateEvent.objects.filter(action="regenerated").count()
    lost += versions.count(1)  # a certificate the regenerate job never redrew
    duplicated += regenerated - 50 + sum(v > 2 for v in versions)
    report(
        "Worker killed mid-batch (issue and regenerate jobs)",
        requests=100,
        errors_500=0,
        lost=lost,
        duplicated=duplicated,
        recovery_seconds=max(issue_recovery, regenerate_recovery),
        note=(
            "requests = 50 certificates issued + 50 regenerated; SIGKILL to the "
            "worker and its pool mid-job, twice; recovery from the next worker's "
            f"start: issue {issue_recovery:.1f} s, regenerate "
            f"{regenerate_recovery:.1f} s"
        ),
    )
    assert (lost, duplicated) == (0, 0)
    job.refresh_from_db()
    regenerate.refresh_from_db()
    assert (job.status, job.done, regenerate.status, regenerate.done) == (
        "done",
        50,
        "done",
        50,
    )
    assert sorted(Certificate.objects.values_list("seq", flat=True)) == list(
        range(1, 51)
    )
    assert counters_moved_once(fields=("certified",)) == []
