"""Thin Celery tasks of the Dinas programmes: take ids, call one service."""

from celery import shared_task


@shared_task(soft_time_limit=600, time_limit=660)
def programme_import_task(import_id: int) -> None:
    from .services import programme_import_run

    programme_import_run(import_id=import_id)


@shared_task(soft_time_limit=600, time_limit=660)
def export_build_task(job_id: int) -> None:
    from .services import export_job_build

    export_job_build(job_id=job_id)


@shared_task
def reminders_send_task() -> None:
    from .reminders import reminders_send

    reminders_send()


@shared_task
def assistant_summaries_send_task() -> None:
    from .reminders import assistant_summaries_send

    assistant_summaries_send()
