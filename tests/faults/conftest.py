"""Fixtures of the fault tests: owed work on a short lease, sent to the test's own
broker on a queue of its own."""

import pytest

from tests.certificates.faults import owed_work_sent_to

from .services import LEASE_SECONDS, RETRY_SECONDS


@pytest.fixture
def fast_outbox(settings):
    """Owed work on the short lease the worker processes are given too."""
    settings.OUTBOX_LEASE_SECONDS = LEASE_SECONDS
    settings.OUTBOX_RETRY_SECONDS = RETRY_SECONDS
    return settings


@pytest.fixture
def broker_queue(redis_server, fast_outbox):
    """This process sends owed work to the test's own redis-server, on a queue of
    the test's own (eager mode off); yields the queue's name."""
    with owed_work_sent_to(redis_server.url, fast_outbox) as queue:
        yield queue
