"""A province's programme file imported, enrolled into a cohort, followed and read
through the API, timed: import, enrolment (target < 15 s for 6,039 rows),
dashboard p95, and the API calls a whole province's villages take.

    .venv/bin/python benchmarks/dinas_enrolment.py [--runs 20]

Set-up (not timed): a scratch PostgreSQL database `balai_bench_enrol` (dropped
and migrated each run), the regions of Kalimantan Selatan (63) and Kalimantan
Timur (64, where some faulty rows point), two live courses, a province officer.

Timed, in this process, one after the other:

1. import: the Kalimantan Selatan file (6,039 rows: semicolons, BOM, CRLF, human
   headers, faulty rows) read, checked and written (`lms.dinas.services`);
2. enrolment: every imported participant enrolled into a cohort of course A with
   `courses.services.cohort_enroll` (bulk);
3. baseline, in the same run: the same participants enrolled into a cohort of
   course B the way `cohort_enroll` did before (one `enrollment_create` per
   participant, in one transaction) — the ratio says what the bulk path gains;
4. the province dashboard (`/dinas/wilayah/63/`, the officer's page) `--runs`
   times through Django's test client: p50 and p95;
5. the API: completion per village for the whole province, following `next`
   with the default page size (1,000) and with `page_size=5000`: calls and time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = REPO / ".venv" / "bin" / "python"
DB_NAME = "balai_bench_enrol"
DB_URL = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
TARGET_SECONDS = 15.0
SHARED = next(p for p in (REPO.parent / "shared", Path("/work/shared")) if p.exists())


def _database_recreate() -> None:
    import psycopg

    with psycopg.connect(
        "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings.test",
        DATABASE_URL=DB_URL,
        CELERY_TASK_ALWAYS_EAGER="True",
        PYTHONPATH=str(REPO),
        BALAI_SKIP_VENV="1",
        DJANGO_LOG_LEVEL="WARNING",
    )
    return env


def _timed(label: str, fn):
    started = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - started
    print(f"{label}: {seconds:.2f} s")
    return result, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    env = _env()
    os.environ.update(env)
    print(f"[set-up: database {DB_NAME}]")
    _database_recreate()
    subprocess.run(  # noqa: S603
        [str(PYTHON), "manage.py", "migrate", "--noinput", "-v0"],
        cwd=REPO,
        env=env,
        check=True,
    )
    sys.path.insert(0, str(REPO))
    import datetime

    import django

    django.setup()
    from rest_framework.authtoken.models import Token

    from django.db import transaction
    from django.test import Client
    from django.utils import translation

    from courses.models import Cohort
    from courses.services import cohort_enroll, enrollment_create
    from lms.dinas.factories import course_with_lessons
    from lms.dinas.importing import read_rows
    from lms.dinas.services import (
        _database_conflicts,
        programme_rows_apply,
        programme_rows_validate,
        statistics_refresh,
    )
    from lms.factories import DinasOfficerFactory
    from lms.models import Province, User
    from lms.services import wilayah_load

    translation.activate("id")
    wilayah_load(province_code="63")
    wilayah_load(province_code="64")
    course_a = course_with_lessons(title="Kursus A")
    course_b = course_with_lessons(title="Kursus B")
    officer = DinasOfficerFactory(scope_province=Province.objects.get(pk="63"))
    today = datetime.date.today()
    cohorts = [
        Cohort.objects.create(
            course=course,
            name=f"Angkatan {course.title}",
            starts_on=today,
            ends_on=today + datetime.timedelta(days=60),
            province_id="63",
        )
        for course in (course_a, course_b)
    ]
    data = (SHARED / "data" / "programme" / "kalsel-peserta.csv").read_bytes()

    def run_import():
        rows = read_rows(data)
        good, refused = programme_rows_validate(rows=rows, officer=officer)
        good, existing = _database_conflicts(
            good=good, officer=officer, refused=refused
        )
        outcome = programme_rows_apply(good=good, existing=existing, officer=officer)
        statistics_refresh()
        return rows, outcome, refused + outcome.refused

    (rows, outcome, refused), import_s = _timed(
        f"import ({len(data) // 1024} KB)", run_import
    )
    print(f"  rows {len(rows)}, created {outcome.created}, refused {len(refused)}")
    people = User.objects.filter(pk__in=outcome.user_ids)

    enrolled, bulk_s = _timed(
        "enrolment, bulk (cohort_enroll)",
        lambda: cohort_enroll(cohort=cohorts[0], users=people),
    )

    def one_by_one():
        with transaction.atomic():
            for user in people:
                enrollment_create(user=user, course=course_b, cohort=cohorts[1])

    _none, baseline_s = _timed(
        "baseline, one enrollment_create per participant", one_by_one
    )
    statistics_refresh()
    print(
        f"  {enrolled} enrolled; bulk {bulk_s:.2f} s vs baseline {baseline_s:.2f} s: "
        f"{baseline_s / bulk_s:.1f}x faster; target < {TARGET_SECONDS:.0f} s: "
        f"{'met' if bulk_s < TARGET_SECONDS else 'MISSED'}"
    )

    client = Client()
    client.force_login(officer)
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        response = client.get("/dinas/wilayah/63/")
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    times.sort()
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    print(
        f"dashboard /dinas/wilayah/63/ ({args.runs} runs): "
        f"p50 {statistics.median(times):.0f} ms, p95 {p95:.0f} ms"
    )

    token = Token.objects.create(user=officer)
    for size in ("", "&page_size=5000"):
        url = f"/api/v1/completion/villages/?region=63{size}"
        calls, villages = 0, 0
        started = time.perf_counter()
        while url:
            body = client.get(url, HTTP_AUTHORIZATION=f"Token {token.key}").json()
            calls += 1
            villages += len(body["results"])
            url = body["next"]
        print(
            f"API completion per village, province 63{size or ' (page size 1000)'}: "
            f"{villages} villages in {calls} calls, "
            f"{time.perf_counter() - started:.2f} s"
        )
    print(f"load average: {os.getloadavg()}")


if __name__ == "__main__":
    main()
