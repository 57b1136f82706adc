"""Fault-test helpers of the certificates tests: a Celery worker in a process of its
own (to kill, as the kernel or an operator would), and this process sending owed
work to a broker of the test's own."""

import contextlib
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

from django.db import connection

from lms.celery import app
from tests.conftest import REPO, celery_broker_use

WORKER_SCRIPT = """
import os

import django

django.setup()

from lms.celery import app

app.conf.update(
    task_always_eager=False,
    task_default_queue=os.environ["TEST_QUEUE"],
    broker_url=os.environ["CELERY_BROKER_URL"],
)
app.worker_main(
    [
        "worker",
        "--pool=solo",
        "--queues=" + os.environ["TEST_QUEUE"],
        "--hostname=" + os.environ["TEST_QUEUE"] + "@%h",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "--loglevel=INFO",
    ]
)
"""


class WorkerProcess:
    """`celery worker --pool=solo` in a process of its own, on the test's database
    (PostgreSQL: the data the test commits), broker and queue. One process: killing
    it kills the task it runs, with its database connection and unacknowledged
    message."""

    def __init__(self, *, broker_url: str, queue: str, log: Path) -> None:
        assert connection.vendor == "postgresql", (
            "a worker in another process needs the test database on PostgreSQL "
            "(DATABASE_URL)"
        )
        database = connection.settings_dict
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lms.settings.test",
            "DATABASE_URL": (
                f"postgres://{database['USER']}@{database['HOST']}:"
                f"{database['PORT']}/{database['NAME']}"
            ),
            "CELERY_BROKER_URL": broker_url,
            "TEST_QUEUE": queue,
            "PYTHONPATH": str(REPO),
        }
        self.log = log
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> None:
        self.log.write_text("")
        with self.log.open("a") as out:
            self.process = subprocess.Popen(  # noqa: S603  our own interpreter
                [sys.executable, "-c", WORKER_SCRIPT],
                cwd=REPO,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if " ready." in self.log.read_text():
                return
            assert self.process.poll() is None, self.log.read_text()[-3000:]
            time.sleep(0.05)
        raise AssertionError("the worker did not start:\n" + self.log.read_text())

    def kill(self) -> None:
        """SIGKILL: no shutdown, no acknowledgement, no cleaning up."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)
        self.process = None


@contextlib.contextmanager
def owed_work_sent_to(broker_url: str, settings):
    """This process sends owed work (lms.outbox) to `broker_url`, on a queue of the
    test's own (eager mode off); yields the queue's name."""
    queue = f"test-{uuid.uuid4().hex[:8]}"
    saved = {
        "task_always_eager": app.conf.task_always_eager,
        "task_default_queue": app.conf.task_default_queue,
    }
    saved_broker = app.conf.broker_url
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.update(task_always_eager=False, task_default_queue=queue)
    celery_broker_use(broker_url)
    try:
        yield queue
    finally:
        app.conf.update(**saved)
        celery_broker_use(saved_broker)
