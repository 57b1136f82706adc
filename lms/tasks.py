"""Thin Celery tasks of the platform's lowest layer."""

from celery import shared_task

from .outbox import outbox_sweep


@shared_task(ignore_result=True)
def outbox_sweep_task() -> int:
    """Beat, every minute: hand over again whatever work is still owed."""
    return outbox_sweep()
