"""Thin Celery tasks: take ids, call one service, safe to run twice.

Every one is owed work (`lms.outbox.owed_task`): it is sent after the
transaction that owes it commits, marked done when it succeeds, and sent again by
the outbox's sweeper while it stays open (a lost message, a killed worker, its
retries run out). Services owe them by name, so nothing imports this module but
Celery.
"""

from lms.outbox import owed_task

from .services.issuing import certificate_issue
from .services.jobs import (
    certificate_job_issue_chunk,
    certificate_job_regenerate_chunk,
    certificate_job_zip,
)
from .services.notify import certificates_notify


@owed_task(bind=True, max_retries=5)
def certificate_issue_task(self, enrollment_id: int) -> None:
    """Issue the certificate of a completed enrolment."""
    try:
        certificate_issue(enrollment_id=enrollment_id)
    except Exception as exc:
        raise self.retry(exc=exc, countdown=10) from exc


@owed_task(bind=True, max_retries=5)
def certificates_notify_task(self, certificate_ids: list[int]) -> None:
    """Tell the holders their certificates are ready (each once per version)."""
    try:
        certificates_notify(certificate_ids=certificate_ids)
    except Exception as exc:
        raise self.retry(exc=exc, countdown=60) from exc


@owed_task(bind=True, max_retries=5)
def certificate_job_issue_task(self, job_id: int, enrollment_ids: list[int]) -> None:
    """Issue a chunk of an issue job's certificates."""
    try:
        certificate_job_issue_chunk(job_id=job_id, enrollment_ids=enrollment_ids)
    except Exception as exc:
        raise self.retry(exc=exc, countdown=10) from exc


@owed_task(bind=True, max_retries=5)
def certificate_job_regenerate_task(
    self, job_id: int, certificate_ids: list[int]
) -> None:
    """Redraw a chunk of a regenerate job's certificates."""
    try:
        certificate_job_regenerate_chunk(job_id=job_id, certificate_ids=certificate_ids)
    except Exception as exc:
        raise self.retry(exc=exc, countdown=10) from exc


@owed_task
def certificate_job_zip_task(job_id: int) -> None:
    """Write a ZIP job's archive (a failure marks the job failed)."""
    certificate_job_zip(job_id=job_id)
