"""Thin Celery tasks: take ids, call one service, safe to run twice."""

from celery import shared_task

from lms.outbox import owed_task


@owed_task(bind=True, max_retries=5)
def certificate_issue_task(self, enrollment_id: int) -> None:
    """Issue the certificate of a completed enrolment (owed work; safe to run twice)."""
    from .services import certificate_issue

    try:
        certificate_issue(enrollment_id=enrollment_id)
    except Exception as exc:
        raise self.retry(exc=exc, countdown=10) from exc


@shared_task(bind=True, max_retries=5)
def certificate_notify_task(self, certificate_id: int) -> None:
    """Tell the holder their certificate is ready (once per version)."""
    from .services import certificate_notify

    try:
        certificate_notify(certificate_id=certificate_id)
    except Exception as exc:
        raise self.retry(exc=exc, countdown=60) from exc


@shared_task(bind=True, max_retries=3)
def certificate_job_run_task(self, job_id: int) -> None:
    """Start a bulk job: a regeneration fans out in chunks; a ZIP runs here."""
    from .services import certificate_job_run

    certificate_job_run(job_id=job_id)


@shared_task(bind=True, max_retries=5)
def certificate_job_chunk_task(self, job_id: int, certificate_ids: list[int]) -> None:
    from .services import certificate_job_chunk

    try:
        certificate_job_chunk(job_id=job_id, certificate_ids=certificate_ids)
    except Exception as exc:
        raise self.retry(exc=exc, countdown=10) from exc


@shared_task(bind=True, max_retries=5)
def certificates_issue_many_task(self, enrollment_ids: list[int]) -> None:
    """Issue the certificates of many completed enrolments (safe to run twice)."""
    from .services import certificates_issue_many

    try:
        certificates_issue_many(enrollment_ids=enrollment_ids)
    except Exception as exc:
        raise self.retry(exc=exc, countdown=10) from exc


@shared_task(bind=True, max_retries=5)
def certificates_notify_many_task(self, certificate_ids: list[int]) -> None:
    """Tell the holders of a batch's certificates (each once per version)."""
    from .services import certificates_notify_many

    try:
        certificates_notify_many(certificate_ids=certificate_ids)
    except Exception as exc:
        raise self.retry(exc=exc, countdown=60) from exc


@shared_task
def certificates_resume_task() -> int:
    """Re-enqueue certificates left PENDING after their retries ran out (beat)."""
    from .services import certificates_pending_resume

    return certificates_pending_resume()
