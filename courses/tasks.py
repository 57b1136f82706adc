"""Thin Celery tasks of the courses app: take ids, call one service, safe twice."""

from celery import shared_task

from lms.outbox import owed_task

from .blended import services as blended


@owed_task
def cohort_progress_update_task(cohort_id: int) -> int:
    """A cohort's attendance rule changed: recompute its enrolments' progress."""
    return blended.cohort_progress_update(cohort_id=cohort_id)


@shared_task(ignore_result=True)
def session_reminders_owe_task() -> int:
    """Beat, hourly: owe the day-before reminder of tomorrow's sessions."""
    return blended.session_reminders_owe()


@owed_task(bind=True, max_retries=3)
def session_reminders_deliver_task(self, session_id: int) -> int:
    """Tell a session's participants it is tomorrow (each once)."""
    try:
        return blended.session_reminders_deliver(session_id=session_id)
    except Exception as exc:
        raise self.retry(exc=exc, countdown=300) from exc
