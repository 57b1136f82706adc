from celery import shared_task


@shared_task(bind=True, max_retries=5)
def certificate_issue_task(self, enrollment_id: int) -> None:
    """Issue the certificate of a completed enrolment (safe to run twice)."""
    from .services import certificate_issue

    try:
        certificate_issue(enrollment_id=enrollment_id)
    except Exception as exc:
        raise self.retry(exc=exc, countdown=10) from exc
