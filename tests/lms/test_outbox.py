"""Owed work is written with the change that owes it, sent after commit, never lost."""

import datetime
import time
import uuid

import pytest
import redis

from django.db import transaction

from lms.celery import app
from lms.models import OwedWork
from lms.outbox import outbox_sweep, owed_task, work_owe
from tests.conftest import celery_worker_running

DONE = redis.Redis(host="127.0.0.1", port=6379, db=14)


@owed_task(name="tests.outbox_remember")
def outbox_remember(*, marker: str) -> None:
    DONE.incr(marker)
    DONE.expire(marker, 120)


def _runs(marker: str) -> int:
    return int(DONE.get(marker) or 0)


def _wait_for(predicate, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


@pytest.mark.django_db(transaction=True)
def test_work_owed_by_a_rolled_back_change_is_never_owed_nor_run():
    marker = f"outbox-{uuid.uuid4().hex}"
    with pytest.raises(RuntimeError), transaction.atomic():
        work_owe(task="tests.outbox_remember", kwargs={"marker": marker})
        raise RuntimeError("the change failed")
    assert not OwedWork.objects.exists()
    assert _runs(marker) == 0


@pytest.mark.django_db(transaction=True)
def test_owed_work_runs_after_commit_and_is_marked_done():
    marker = f"outbox-{uuid.uuid4().hex}"
    with transaction.atomic():
        owed = work_owe(task="tests.outbox_remember", kwargs={"marker": marker})
        assert _runs(marker) == 0  # nothing runs before the commit
    assert _runs(marker) == 1
    owed.refresh_from_db()
    assert owed.done_at is not None and owed.sends == 1


@pytest.mark.django_db(transaction=True)
def test_work_owed_twice_under_one_key_is_owed_once(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    try:
        with transaction.atomic():
            first = work_owe(task="tests.nowhere", key="k-1")
            second = work_owe(task="tests.nowhere", key="k-1")
    finally:
        app.conf.task_always_eager = True
    assert first.pk == second.pk
    assert OwedWork.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_send_while_the_broker_is_down_is_kept_and_swept_when_it_returns(
    redis_server, settings
):
    """Redis is down when the change commits: the request that owed the work does not
    fail, and the sweeper hands the work over once Redis is back."""
    marker = f"outbox-{uuid.uuid4().hex}"
    with celery_worker_running(redis_server.url, settings):
        redis_server.stop()
        with transaction.atomic():
            owed = work_owe(task="tests.outbox_remember", kwargs={"marker": marker})
        owed.refresh_from_db()
        # Kept, not counted as a send, and due again at the next sweep.
        assert owed.done_at is None and owed.last_error
        assert (owed.sends, owed.sent_at) == (0, None)
        # While Redis is down every sweep fails, and gives nothing up.
        for _ in range(3):
            assert outbox_sweep() == 0
        owed.refresh_from_db()
        assert (owed.sends, owed.sent_at) == (0, None)
        redis_server.start()
        # The first sweep after Redis returns hands it over (no lease to wait for) …
        assert outbox_sweep() == 1
        # … and within its lease the sweeper leaves a row it handed over alone.
        assert outbox_sweep() == 0
        assert _wait_for(
            lambda: OwedWork.objects.filter(pk=owed.pk, done_at__isnull=False).exists()
        )
    assert _runs(marker) == 1


@owed_task(name="tests.outbox_fail")
def outbox_fail() -> None:
    raise RuntimeError("S3 is away")


@pytest.mark.django_db(transaction=True)
def test_work_whose_task_gave_up_is_due_again_after_a_growing_back_off(settings):
    """A task whose retries ran out (a service away for long) is not left for a
    whole lease: it is due again after OUTBOX_RETRY_SECONDS per send so far."""
    settings.OUTBOX_LEASE_SECONDS, settings.OUTBOX_RETRY_SECONDS = 420, 60
    with transaction.atomic():
        owed = work_owe(task="tests.outbox_fail")  # eager in tests: fails here
    owed.refresh_from_db()
    assert owed.done_at is None and "S3 is away" in owed.last_error
    failed_at = owed.sent_at + datetime.timedelta(seconds=420 - 60)
    assert outbox_sweep(now=failed_at + datetime.timedelta(seconds=59)) == 0
    outbox_sweep(now=failed_at + datetime.timedelta(seconds=61))  # fails again
    owed.refresh_from_db()
    assert owed.sends == 2
    second = owed.sent_at + datetime.timedelta(seconds=420 - 120)
    assert outbox_sweep(now=second + datetime.timedelta(seconds=119)) == 0
