"""PostgreSQL closes the web process's connection (a restart, a failover,
pg_terminate_backend) between requests: with CONN_HEALTH_CHECKS the next request
gets a new connection instead of a 500. The web process is gunicorn, as in
production, with persistent connections (CONN_MAX_AGE)."""

import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from django.db import connection

from courses.factories import course_tree
from tests.conftest import REPO, _free_port

from .services import database_url, report, wait_for

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("page_root"),
]

APP = "balai-fault-web"
ROUNDS = 10


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except urllib.error.URLError:
        return 0  # not listening (yet)


def _terminate_web_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE application_name = %s",
            [APP],
        )
        return cursor.fetchone()[0]


def test_terminated_postgresql_connections_answer_no_500(tmp_path):
    course = course_tree(modules=1, lessons=1)
    port = _free_port()
    log = (tmp_path / "gunicorn.log").open("w")
    web = subprocess.Popen(  # noqa: S603  our own interpreter
        [
            sys.executable,
            "-m",
            "gunicorn",
            "lms.wsgi",
            "--workers",
            "1",
            "--threads",
            "1",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=REPO,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "lms.settings.test",
            "DATABASE_URL": f"{database_url()}?application_name={APP}",
            "PYTHONPATH": str(REPO),
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(
            lambda: _get(f"{base}/katalog/") == 200,
            60,
            (tmp_path / "gunicorn.log").read_text(),
        )
        answers, terminated = [], 0
        for _ in range(ROUNDS):
            terminated += _terminate_web_connections()
            start = time.monotonic()
            answers += [_get(f"{base}{path}") for path in ("/katalog/", course.url)]
        recovery = time.monotonic() - start
    finally:
        web.terminate()
        web.wait(timeout=30)
    errors = [a for a in answers if a >= 500]
    report(
        "PostgreSQL connection terminated",
        requests=len(answers),
        errors_500=len(errors),
        lost=0,
        duplicated=0,
        recovery_seconds=recovery,
        note=(
            f"gunicorn with persistent connections; its backend terminated "
            f"{terminated} times (pg_terminate_backend), before each pair of "
            "requests; recovery = the two requests after the last termination"
        ),
    )
    assert terminated >= ROUNDS - 1
    assert answers == [200] * (2 * ROUNDS), (tmp_path / "gunicorn.log").read_text()
