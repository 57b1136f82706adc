from celery import shared_task


@shared_task
def attempt_expire_task(attempt_id: int) -> bool:
    """Submit what was saved when an attempt's time runs out (safe to run twice)."""
    from .services import attempt_expire

    return attempt_expire(attempt_id=attempt_id)
