"""Thin Celery tasks of the Dinas programmes: take ids, call one service.

Imports, exports and messages are owed work (`lms.outbox.owed_task`): the row
that owes them is written in the transaction that asked, the sweeper sends again
what a lost message or a dead worker left open, and every task is safe to run
twice.
"""

from celery import shared_task
from celery.exceptions import Ignore

from lms.outbox import owed_task

from . import reminders
from .services import JobBusy, export_job_build, programme_import_run


@owed_task(soft_time_limit=600, time_limit=660)
def programme_import_task(import_id: int) -> None:
    try:
        programme_import_run(import_id=import_id)
    except JobBusy as exc:
        # Another worker runs it: this delivery does nothing and leaves the work
        # owed; the sweeper asks again after its lease, when the job is done.
        raise Ignore() from exc


@owed_task(soft_time_limit=600, time_limit=660)
def export_build_task(job_id: int) -> None:
    try:
        export_job_build(job_id=job_id)
    except JobBusy as exc:
        raise Ignore() from exc


@shared_task
def reminders_send_task() -> int:
    """Beat, daily: owe a reminder to every participant who became inactive."""
    return reminders.reminders_send()


@owed_task
def reminders_deliver_task(user_ids: list[int], days: int) -> int:
    return reminders.reminders_deliver(user_ids=user_ids, days=days)


@owed_task
def nudge_deliver_task(reminder_id: int, sender_id: int) -> bool:
    return reminders.nudge_deliver(reminder_id=reminder_id, sender_id=sender_id)


@shared_task
def assistant_summaries_send_task() -> int:
    """Beat, weekly: owe each business assistant their summary."""
    return reminders.assistant_summaries_send()


@owed_task
def assistant_summaries_deliver_task(assistant_ids: list[int]) -> int:
    return reminders.assistant_summaries_deliver(assistant_ids=assistant_ids)
