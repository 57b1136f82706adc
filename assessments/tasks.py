"""Celery tasks of the assessments app: thin, take ids, safe to run twice."""

from lms.outbox import owed_task

from .services import attempt_expire


@owed_task
def attempt_expire_task(attempt_id: int) -> bool:
    """Submit what was saved when an attempt's time runs out (owed work, due at the
    deadline; safe to run twice)."""
    return attempt_expire(attempt_id=attempt_id)
