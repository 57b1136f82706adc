"""Durable hand-offs to Celery workers: the transactional outbox.

A change that owes work to a worker (issue a certificate, expire an attempt,
install an H5P package, build an export …) calls `work_owe` inside its own
transaction. The `OwedWork` row commits with the change or not at all. After the
commit the task is sent; a send that fails (Redis down) is logged, never raised
into the request that already committed. The task, declared with `owed_task`,
marks its row done when it succeeds. `outbox_sweep` (beat, every minute) sends
again every open row whose last send is older than its lease, and every row
whose send failed, so work whose message the broker lost, or whose worker was
killed, is only delayed.

Tasks are referred to by their Celery name, so a lower layer never imports the
module of a higher one. Every task sent this way must be idempotent.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from typing import Any

from celery import shared_task
from celery.exceptions import Retry

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .celery import app
from .models import OwedWork

logger = logging.getLogger(__name__)


def lease() -> datetime.timedelta:
    """How long a sent row may stay open before the sweeper sends it again.

    Longer than a task's hard time limit, so a task still running is not raced
    by its own duplicate more than necessary (a duplicate is harmless anyway)."""
    return datetime.timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)


def work_owe(
    *,
    task: str,
    kwargs: dict[str, Any] | None = None,
    key: str = "",
    due_at: datetime.datetime | None = None,
) -> OwedWork:
    """Record that `task(**kwargs)` is owed, and send it once this transaction commits.

    With a `key`, work already owed under that key (and not yet done) is returned
    instead of being owed twice.
    """
    owed = OwedWork(task=task, kwargs=kwargs or {}, key=key, due_at=due_at)
    if key:
        # One statement that cannot fail the transaction: work already owed under
        # the key (by us or a concurrent transaction) wins, and is returned.
        OwedWork.objects.bulk_create([owed], ignore_conflicts=True)
        stored = OwedWork.objects.get(key=key, done_at__isnull=True)
        if stored.created_at != owed.created_at:  # owed before: sent already
            return stored
        owed = stored
    else:
        owed.save()
    owed_id = owed.pk
    transaction.on_commit(lambda: work_send(owed_id=owed_id), robust=True)
    return owed


def _task_for(name: str):
    if name not in app.tasks:
        app.loader.import_default_modules()  # autodiscovers every app's tasks
    return app.tasks[name]


# What one send did: handed over (or run, eagerly), nothing to send (done, not
# due, or the eager run failed), or the broker refused it.
SENT, SKIPPED, FAILED = "sent", "skipped", "failed"


def work_send(*, owed_id: int) -> bool:
    """Send an owed task to the broker (or run it, in eager mode). Never raises.

    True if it was handed over. Work due later is not sent now: the sweeper sends it
    once it is due, so no worker ever holds a task with an ETA (such tasks are lost
    or redelivered when Redis goes away while a worker holds them).
    """
    return _send(owed_id=owed_id) == SENT


def _send(*, owed_id: int) -> str:
    owed = OwedWork.objects.filter(pk=owed_id, done_at__isnull=True).first()
    if owed is None:
        return SKIPPED
    now = timezone.now()
    if owed.due_at and owed.due_at > now:
        return SKIPPED
    OwedWork.objects.filter(pk=owed_id).update(sent_at=now, sends=F("sends") + 1)
    kwargs = {**owed.kwargs, "owed_id": owed.pk}
    if app.conf.task_always_eager:
        try:
            _task_for(owed.task).apply(kwargs=kwargs)
        except Exception as exc:  # the task ran here and failed: left open
            logger.warning("Owed work %s (%s) failed: %r", owed.pk, owed.task, exc)
            OwedWork.objects.filter(pk=owed_id).update(last_error=repr(exc)[:2000])
            return SKIPPED
        return SENT
    try:
        app.send_task(owed.task, kwargs=kwargs, retry=False)
    except Exception as exc:  # the broker is down
        logger.warning("Owed work %s (%s) not sent: %r", owed.pk, owed.task, exc)
        # Not handed over: not a send (OUTBOX_MAX_SENDS counts handovers, so an
        # outage of any length gives up nothing), and due again at the next sweep
        # rather than after a lease.
        OwedWork.objects.filter(pk=owed_id).update(
            sent_at=None, sends=F("sends") - 1, last_error=repr(exc)[:2000]
        )
        return FAILED
    return SENT


def work_done(*, owed_id: int) -> None:
    OwedWork.objects.filter(pk=owed_id, done_at__isnull=True).update(
        done_at=timezone.now(), last_error=""
    )


def work_failed(*, owed_id: int, now: datetime.datetime | None = None) -> None:
    """The task gave up (its retries ran out): the sweeper sends it again after a
    back-off that grows with its sends (OUTBOX_RETRY_SECONDS each) up to the
    lease, so work held up by a service that is away (S3, an LRS) goes again
    soon after it returns, without a task per second while it is away."""
    now = now or timezone.now()
    owed = OwedWork.objects.filter(pk=owed_id, done_at__isnull=True).first()
    if owed is None:
        return
    back_off = min(
        datetime.timedelta(seconds=settings.OUTBOX_RETRY_SECONDS * max(owed.sends, 1)),
        lease(),
    )
    # The sweeper sends rows whose last send is older than the lease.
    OwedWork.objects.filter(pk=owed_id, done_at__isnull=True).update(
        sent_at=now - lease() + back_off
    )


def owed_task(*task_args: Any, **options: Any) -> Callable:
    """Declare a Celery task that does owed work: `@owed_task(bind=True, ...)`.

    It takes the same options as `shared_task`; its row is marked done when the
    body returns. A retry leaves it open as it is; an exception (the retries ran
    out) leaves it open, due again after a back-off (`work_failed`).
    """

    def decorate(function: Callable) -> Any:
        def run(*args: Any, owed_id: int | None = None, **kwargs: Any) -> Any:
            try:
                result = function(*args, **kwargs)
            except Retry:
                raise
            except Exception:
                if owed_id is not None:
                    work_failed(owed_id=owed_id)
                raise
            if owed_id is not None:
                work_done(owed_id=owed_id)
            return result

        # The task's name and docs are the function's; its signature stays the
        # wrapper's (no __wrapped__), so Celery's argument check accepts owed_id.
        for attribute in ("__module__", "__name__", "__qualname__", "__doc__"):
            setattr(run, attribute, getattr(function, attribute))
        return shared_task(**options)(run)

    if task_args and callable(task_args[0]):
        return decorate(task_args[0])
    return decorate


def outbox_sweep(*, now: datetime.datetime | None = None) -> int:
    """Send every open row never handed over (its send failed) or whose last send
    is older than its lease; how many. Stops at the first send that fails."""
    now = now or timezone.now()
    stale = now - lease()
    due = (
        OwedWork.objects.filter(
            done_at__isnull=True, sends__lt=settings.OUTBOX_MAX_SENDS
        )
        .filter(Q(sent_at__isnull=True) | Q(sent_at__lt=stale))
        .filter(Q(due_at__isnull=True) | Q(due_at__lte=now))
        .order_by("created_at")
        .values_list("pk", flat=True)[: settings.OUTBOX_SWEEP_BATCH]
    )
    sent = 0
    for owed_id in list(due):
        outcome = _send(owed_id=owed_id)
        if outcome == FAILED:
            break  # the broker is down: the next sweep tries again
        sent += outcome == SENT
    return sent
