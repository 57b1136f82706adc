"""Dinas dashboards at national scale: page times, the raw GROUP BY beside them, the
province XLSX export and the counters' reconciliation.

Needs the synthetic national dataset in a PostgreSQL database of its own:

    createdb -h 127.0.0.1 -U postgres balai_dinas_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/balai_dinas_bench
    DJANGO_SETTINGS_MODULE=lms.settings.test .venv/bin/python manage.py migrate
    .venv/bin/python benchmarks/dinas_synthetic.py
    .venv/bin/python benchmarks/dinas_dashboard.py [--runs 30]

Every page is requested through Django's test client (URL routing, middleware,
scoping, selectors and template rendering; no network), as the officer who would
open it. "raw" is the same table computed by plain GROUP BYs over the raw rows
(villages, cooperatives, people, enrolments, certificates: the path a cohort or
period filter takes) instead of the counters and roll-ups. `--explain` prints the
plan and time of every query of the national page.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def timed(fn, runs: int) -> list[float]:
    fn()  # warm caches and connections
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument(
        "--explain",
        action="store_true",
        help="Print EXPLAIN ANALYZE of every query of the national page.",
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count
    from django.test import Client

    from lms.dinas import selectors
    from lms.dinas.exports import export_bytes
    from lms.dinas.reconcile import counters_differences
    from lms.models import Cooperative, Province, Regency, Role, User, Village

    assert connection.vendor == "postgresql", "run on PostgreSQL (DATABASE_URL)"
    participants = User.objects.filter(role=Role.PARTICIPANT).count()
    assert participants > 100_000, "load the synthetic national dataset first"
    from courses.models import Enrollment, LessonProgress

    print(
        f"dataset: {Village.objects.count()} villages, "
        f"{Cooperative.objects.count()} cooperatives, {participants} participants, "
        f"{Enrollment.objects.count()} enrolments, "
        f"{LessonProgress.objects.count()} lesson progress rows"
    )

    big = (
        Village.objects.values("province_id")
        .annotate(n=Count("code"))
        .order_by("-n")
        .first()["province_id"]
    )
    province = Province.objects.get(pk=big)
    regency = (
        Regency.objects.filter(province=province)
        .annotate(n=Count("villages"))
        .order_by("-n")
        .first()
    )
    village = Village.objects.filter(regency=regency).order_by("code").first()
    district = village.district_id
    coop = Cooperative.objects.filter(home_village=village).first()

    def user(email, **fields):
        person, _ = User.objects.get_or_create(email=email, defaults=fields)
        return person

    admin = user("bench-admin@dinas.test", full_name="Admin", role=Role.ADMIN)
    prov_officer = user(
        "bench-prov@dinas.test",
        full_name="Provinsi",
        role=Role.DINAS,
        scope_province=province,
    )
    reg_officer = user(
        "bench-reg@dinas.test",
        full_name="Kabupaten",
        role=Role.DINAS,
        scope_regency=regency,
    )
    pages = [
        ("national (admin)", admin, "/dinas/", ""),
        (
            f"province {province.code}",
            prov_officer,
            f"/dinas/wilayah/{province.code}/",
            province.code,
        ),
        (
            f"regency {regency.code}",
            reg_officer,
            f"/dinas/wilayah/{regency.code}/",
            regency.code,
        ),
        (f"district {district}", reg_officer, f"/dinas/wilayah/{district}/", district),
        (
            f"village {village.code}",
            reg_officer,
            f"/dinas/wilayah/{village.code}/",
            None,
        ),
        (f"cooperative {coop.pk}", reg_officer, f"/dinas/koperasi/{coop.pk}/", None),
        (
            f"not started {province.code}",
            prov_officer,
            f"/dinas/wilayah/{province.code}/belum-mulai/",
            None,
        ),
        (
            "filtered by course",
            prov_officer,
            f"/dinas/wilayah/{province.code}/?kursus="
            + str(Enrollment.objects.values_list("course_id", flat=True).first()),
            None,
        ),
    ]
    raw = selectors.Filters(since=datetime.date(1900, 1, 1))
    print(
        f"\n{'page':34} {'p50 ms':>8} {'p95 ms':>8} | {'raw GROUP BY p95':>16} {'ratio':>7}"
    )
    worst = 0.0
    for label, person, url, code in pages:
        client = Client()
        client.force_login(person)

        def get(url=url, client=client):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        samples = timed(get, args.runs)
        worst = max(worst, p95(samples))
        line = f"{label:34} {statistics.median(samples):8.1f} {p95(samples):8.1f}"
        if code is not None:
            fast = timed(
                lambda code=code, person=person: selectors.region_table(
                    user=person, code=code, filters=selectors.Filters()
                ),
                max(5, args.runs // 3),
            )
            slow = timed(
                lambda code=code, person=person: selectors.region_table(
                    user=person, code=code, filters=raw
                ),
                max(3, args.runs // 10),
            )
            line += f" | {p95(slow):13.1f} ms {p95(slow) / p95(fast):6.1f}x"
            line += f"  (table from counters p95 {p95(fast):.1f} ms)"
        print(line)
    print(f"worst page p95: {worst:.1f} ms (target < 300 ms)")

    national = selectors.region_table(user=admin, code="", filters=selectors.Filters())[
        "total"
    ]
    print(
        "national figures: "
        + ", ".join(
            f"{k} {national[k]}"
            for k in (
                "villages",
                "cooperatives",
                "participants",
                "enrolled",
                "started",
                "completed",
                "certified",
                "covered",
            )
        )
    )
    if args.explain:
        explain_national(admin)

    started = time.perf_counter()
    data, rows = export_bytes(
        user=prov_officer,
        table="participants",
        file_format="xlsx",
        params={"code": province.code, "filters": {}},
    )
    seconds = time.perf_counter() - started
    print(
        f"\nprovince {province.code} ({province.name}) participants XLSX: {rows} rows, "
        f"{len(data) / 1e6:.1f} MB in {seconds:.1f} s (target < 20 s)"
    )

    started = time.perf_counter()
    differences = counters_differences()
    print(
        f"counters_reconcile: {len(differences)} difference(s), "
        f"{time.perf_counter() - started:.1f} s"
    )


def explain_national(admin) -> None:
    """EXPLAIN ANALYZE of each query the national page runs (plan and time)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(admin)
    with CaptureQueriesContext(connection) as captured:
        client.get("/dinas/")
    print("\nEXPLAIN ANALYZE, national page:")
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            plan = [row[0] for row in cursor.fetchall()]
            print(f"- {sql[:110]}")
            print(f"    {plan[0].strip()[:110]}")
            print(f"    {plan[-1].strip()}")


if __name__ == "__main__":
    main()
