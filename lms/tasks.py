"""Thin Celery tasks of the platform's lowest layer."""

from celery import shared_task

from .outbox import outbox_sweep
from .privacy import access_log_prune


@shared_task(ignore_result=True)
def outbox_sweep_task() -> int:
    """Beat, every minute: hand over again whatever work is still owed."""
    return outbox_sweep()


@shared_task(ignore_result=True)
def access_log_prune_task() -> int:
    """Beat, daily: delete personal-data access notes past their retention."""
    return access_log_prune()
