"""Celery tasks of the content app: thin, take ids, safe to run twice."""

from celery import shared_task


@shared_task(soft_time_limit=900, time_limit=960)
def activity_package_install_task(activity_id: int) -> None:
    from .services import activity_pending_install

    activity_pending_install(activity_id=activity_id)


@shared_task(bind=True, max_retries=8)
def statement_forward_task(self, statement_id: int) -> None:
    from .services import LRSUnavailable, statement_forward

    try:
        statement_forward(statement_id=statement_id)
    except LRSUnavailable as exc:
        raise self.retry(exc=exc, countdown=min(2**self.request.retries, 300)) from exc
