"""Celery tasks of the content app: thin, take ids, safe to run twice."""

from lms.outbox import owed_task

from .services import LRSUnavailable, activity_pending_install, statement_forward


# Owed through lms.outbox by activity_package_submit. The sweeper may send it
# again while a long install still runs: the second run waits for the store lock
# and finds nothing pending.
@owed_task(soft_time_limit=600, time_limit=660)
def activity_package_install_task(activity_id: int) -> None:
    activity_pending_install(activity_id=activity_id)


@owed_task(bind=True, max_retries=8)
def statement_forward_task(self, statement_id: int) -> None:
    """PUT one statement to the LRS (owed with the statement; a statement already
    forwarded is not sent again). Retried with back-off while the LRS is away;
    after the retries the sweeper sends it again."""
    try:
        statement_forward(statement_id=statement_id)
    except LRSUnavailable as exc:
        raise self.retry(exc=exc, countdown=min(2**self.request.retries, 300)) from exc
