"""The real services the fault tests break: Celery worker processes started as
`celery -A lms worker` (killed with SIGKILL, with their pool, as the kernel or an
operator would), an S3 server of the test's own to stop and start on its port,
the beat sweeper on a short loop, and a client that counts requests and 500s."""

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from django.db import connection
from django.test import Client

from lms.dinas.reconcile import counters_differences
from lms.outbox import outbox_sweep
from tests.conftest import REPO, _free_port

from .report import FaultFigures, record

# A short lease and back-off, so that what production does in minutes is done in
# seconds here (the sweeper below runs every SWEEP_EVERY seconds, beat every 60).
LEASE_SECONDS = 3
RETRY_SECONDS = 1
SWEEP_EVERY = 0.3


def database_url() -> str:
    assert connection.vendor == "postgresql", "fault tests need DATABASE_URL"
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


class CeleryWorker:
    """`celery -A lms worker` in a process group of its own, on the test's
    database, broker and queue (prefork, as in production)."""

    def __init__(
        self, *, broker_url: str, queue: str, log: Path, env: dict | None = None
    ) -> None:
        self.queue = queue
        self.log = log
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.faults.worker_settings",
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": broker_url,
            "FAULT_QUEUE": queue,
            "OUTBOX_LEASE_SECONDS": str(LEASE_SECONDS),
            "OUTBOX_RETRY_SECONDS": str(RETRY_SECONDS),
            "PYTHONPATH": str(REPO),
            **(env or {}),
        }
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 90) -> None:
        self.log.write_text("")
        with self.log.open("a") as out:
            self.process = subprocess.Popen(  # noqa: S603  our own interpreter
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "lms",
                    "worker",
                    "--pool=prefork",
                    "--concurrency=1",
                    "--queues",
                    self.queue,
                    "--hostname",
                    f"{self.queue}-{uuid.uuid4().hex[:4]}@%h",
                    "--without-gossip",
                    "--without-mingle",
                    "--without-heartbeat",
                    "--loglevel=INFO",
                ],
                cwd=REPO,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if " ready." in self.log.read_text():
                return
            assert self.process.poll() is None, self.tail()
            time.sleep(0.05)
        raise AssertionError("the worker did not start:\n" + self.tail())

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL to the worker and its pool: nothing acknowledged, nothing tidied."""
        if self.alive():
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def tail(self, chars: int = 4000) -> str:
        return self.log.read_text()[-chars:] if self.log.exists() else ""


@contextlib.contextmanager
def workers(*started: CeleryWorker) -> Iterator[None]:
    try:
        yield
    finally:
        for worker in started:
            worker.kill()


class S3Server:
    """moto's S3 server on a port of the test's own: stopped, the port refuses
    connections (S3 is away); started again on the same port, the objects it held
    are still there (moto keeps them in this process)."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = None

    def start(self) -> None:
        from moto.server import ThreadedMotoServer

        self.server = ThreadedMotoServer(
            ip_address="127.0.0.1", port=self.port, verbose=False
        )
        self.server.start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None


@contextlib.contextmanager
def sweeper_running(every: float = SWEEP_EVERY) -> Iterator[None]:
    """What beat does every minute (`outbox_sweep_task`), every `every` seconds,
    in a thread of this process (which sends to the test's broker)."""
    stop = threading.Event()
    errors: list[BaseException] = []

    def loop() -> None:
        try:
            while not stop.wait(every):
                outbox_sweep()
        except BaseException as exc:  # noqa: BLE001  reported to the test
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not errors, errors


def wait_for(predicate: Callable[[], bool], seconds: float, what: str = "") -> float:
    """Seconds until `predicate()` holds; fails after `seconds`."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.05)
    assert predicate(), f"not within {seconds} s: {what}"
    return time.monotonic() - start


class CountingClient:
    """Django's test client that counts requests and every answer of 500 or more
    (a view's exception is answered as the server would, not raised)."""

    def __init__(self) -> None:
        self.client = Client(raise_request_exception=False)
        self.requests = 0
        self.errors: list[tuple[str, int]] = []

    def force_login(self, user) -> None:
        self.client.force_login(user)

    def _count(self, path: str, response):
        self.requests += 1
        if response.status_code >= 500:
            self.errors.append((path, response.status_code))
        return response

    def get(self, path: str, data=None, **extra):
        return self._count(path, self.client.get(path, data, **extra))

    def post(self, path: str, data=None, **extra):
        return self._count(path, self.client.post(path, data, **extra))


def report(
    fault: str,
    *,
    requests: int,
    errors_500: int,
    lost: int,
    duplicated: int,
    recovery_seconds: float,
    note: str = "",
) -> None:
    record(
        FaultFigures(
            fault=fault,
            requests=requests,
            errors_500=errors_500,
            lost=lost,
            duplicated=duplicated,
            recovery_seconds=round(recovery_seconds, 1),
            note=note,
        )
    )


PROGRESS = ("started", "completed", "certified")


def counters_moved_once(fields: tuple[str, ...] = PROGRESS) -> list:
    """Dinas counters that disagree with the raw rows, in these fields (rows made
    by factories rather than services, such as enrolments, are not counted)."""
    return [
        d
        for d in counters_differences()
        if any(d.stored.get(f) != d.computed.get(f) for f in fields)
    ]
