"""Thin Celery tasks of the platform's lowest layer."""

from celery import shared_task

from .outbox import outbox_sweep, owed_task
from .privacy import access_log_prune, registration_attempt_notify


@shared_task(ignore_result=True)
def outbox_sweep_task() -> int:
    """Beat, every minute: hand over again whatever work is still owed."""
    return outbox_sweep()


@shared_task(ignore_result=True)
def access_log_prune_task() -> int:
    """Beat, daily: delete personal-data access notes past their retention."""
    return access_log_prune()


@owed_task(ignore_result=True)
def registration_attempt_notify_task(*, user_id: int) -> None:
    """Tell an account holder that their phone or email was used to register."""
    registration_attempt_notify(user_id=user_id)
