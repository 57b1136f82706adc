"""Throughput: a participant's pages and posts under load, each against its
trivial view measured in the same run.

    .venv/bin/python benchmarks/throughput.py [--dataset demo|national|both]
        [--seconds 5] [--rounds 3] [--connections 8] [--only lesson,xapi]
        [--fresh]

Datasets (each in a PostgreSQL database of its own, built once and reused):

- `demo` (`balai_bench_field`): migrated, regions of province 63, `load_demo`,
  the demo participant enrolled in every course.
- `national` (`balai_bench_national`): the synthetic national programme of
  `benchmarks/dinas_synthetic.py` (every village, 80,000 cooperatives, 240,000
  participants, 960,000 enrolments, ~4.7 M lesson progress rows), plus the demo
  data; a synthetic participant (with enrolments and progress of their own) is
  enrolled in the demo courses and logged in. Building it takes a while (once).

A later run reuses each database (migrations applied, nothing loaded again;
collectstatic only when a static source changed); `--fresh` builds them again.

The platform is served by gunicorn (2 sync workers, `benchmarks.bench_settings`:
the production middleware and cache, Redis) and driven from a second process on loopback by
Debian's `wrk -t1 -c8` (installed with `apt-get install wrk` when missing and
run as root). Each measured view is paired with its trivial view, and the pair
is measured in alternating rounds (baseline, view, baseline, view, ...), 1 s of
warm-up before each measurement:

| view | baseline |
|---|---|
| lesson page (GET, text lesson) | `/_bench/trivial/` (GET, a few bytes) |
| course page (GET) | `/_bench/trivial/` |
| catalogue (GET) | `/_bench/trivial/` |
| xAPI statement (POST, experienced) | `/_bench/insert/` (POST, one row inserted) |
| xAPI scored statement (POST, answered with a score: result and progress) | `/_bench/insert/` |
| quiz answer save (POST, the quiz page's script) | `/_bench/insert/` |

Printed: requests per second (mean of the rounds) and p95, the ratio to the
baseline (of the means; the lowest and highest round's ratio in brackets), the
load average when measured, the SQL queries one request makes, the query plans
(EXPLAIN ANALYZE) of the per-participant queries of the lesson page and the xAPI
post, and each gunicorn worker's RSS after the run. Targets: the lesson page and
the xAPI post at least 0.5 of their baseline. The CPU is shared with the load
generator (and with anything else running on the machine): the ratios, measured
side by side, are what to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import (  # noqa: E402
    BENCH_TABLE,
    PARTICIPANT,
    PASSWORD,
    PG_URL,
    PYTHON,
    REPO,
    SCRATCH,
    bench_env,
    gunicorn,
    login,
    machine,
    manage,
    postgres_database_create,
    prepare,
)

TARGET_RATIO = 0.5
NATIONAL_DATABASE = "balai_bench_national"
NATIONAL_URL = f"postgres://postgres@127.0.0.1:5432/{NATIONAL_DATABASE}"
NATIONAL_PARTICIPANT = "peserta.nasional@balaidaring.test"
STATEMENT = {
    "actor": {"objectType": "Agent", "name": "Peserta", "mbox": "mailto:p@contoh.id"},
    "verb": {
        "id": "http://adlnet.gov/expapi/verbs/experienced",
        "display": {"en-US": "experienced"},
    },
    "object": {"objectType": "Activity", "id": "https://balaidaring.id/h5p/1/"},
    "context": {"contextActivities": {}},
}
SCORED = {
    **STATEMENT,
    "verb": {
        "id": "http://adlnet.gov/expapi/verbs/answered",
        "display": {"en-US": "answered"},
    },
    "result": {"score": {"min": 0, "raw": 1, "max": 2, "scaled": 0.5}},
}
LUA = """
wrk.method = "{method}"
wrk.headers["Cookie"] = "{cookie}"
wrk.headers["X-CSRFToken"] = "{csrf}"
wrk.headers["Accept-Encoding"] = "gzip"
{body}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(95), e.status + e.connect + e.read + e.write + e.timeout))
end
"""
# (key, label, baseline key, gated by the target ratio)
VIEWS = [
    ("lesson", "lesson page (GET)", "trivial", True),
    ("xapi", "xAPI statement (POST)", "insert", True),
    ("xapi_scored", "xAPI scored statement (POST)", "insert", False),
    ("course", "course page (GET)", "trivial", False),
    ("catalogue", "catalogue (GET)", "trivial", False),
    ("quiz_answer", "quiz answer save (POST)", "insert", False),
]
BASELINES = {
    "trivial": "trivial view (GET)",
    "insert": "trivial insert-one-row (POST)",
}


def wrk_path() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if shutil.which("apt-get") and os.geteuid() == 0:
        print("[installing wrk: apt-get install -y wrk]")
        subprocess.run(  # noqa: S603
            ["apt-get", "install", "-y", "wrk"],  # noqa: S607
            check=True,
            capture_output=True,
        )
        found = shutil.which("wrk")
        if found:
            return found
    raise SystemExit("wrk is missing: install it with `sudo apt-get install wrk`")


def run_wrk(
    url: str,
    *,
    cookies: dict,
    seconds: int,
    connections: int,
    body: str | None = None,
    content_type: str = "application/json",
    warmup: int = 1,
) -> dict:
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    lua_body = ""
    if body is not None:
        lua_body = (
            f"wrk.body = {json.dumps(body)}\n"
            f'wrk.headers["Content-Type"] = "{content_type}"'
        )
    script = SCRATCH / "wrk.lua"
    script.write_text(
        LUA.format(
            method="POST" if body is not None else "GET",
            cookie=cookie,
            csrf=cookies.get("csrftoken", ""),
            body=lua_body,
        )
    )
    result: dict = {}
    for duration in (warmup, seconds):
        out = subprocess.run(  # noqa: S603
            [
                wrk_path(),
                "-t1",
                f"-c{connections}",
                f"-d{duration}s",
                "--timeout",
                "30s",
                "-s",
                str(script),
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        match = re.search(r"BENCH (\d+) (\d+) (\d+) (\d+)", out)
        requests, micros, p95, errors = (int(x) for x in match.groups())
        result = {
            "rps": requests / (micros / 1e6),
            "p95_ms": p95 / 1000,
            "errors": errors,
            "requests": requests,
            "load": os.getloadavg()[0],
        }
    return result


def answer_status(
    url: str, *, cookies: dict, body: str | None, content_type: str
) -> int:
    """The HTTP status of one request as wrk makes it (a view that fails is
    reported, not measured)."""
    import urllib.error
    import urllib.request

    headers = {
        "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        "X-CSRFToken": cookies.get("csrftoken", ""),
    }
    data = None
    if body is not None:
        data = body.encode()
        headers["Content-Type"] = content_type
    request = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def create_bench_table(database_url: str) -> None:
    import psycopg

    with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as conn:
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS {BENCH_TABLE} "
            "(id bigserial PRIMARY KEY, created_at timestamptz NOT NULL, body text)"
        )


# ---------------------------------------------------------------- datasets


def national_prepare(*, fresh: bool) -> None:
    """The synthetic national programme in its own database, generated once."""
    import psycopg

    if fresh:
        with psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
        ) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{NATIONAL_DATABASE}" WITH (FORCE)')
    postgres_database_create(NATIONAL_DATABASE)
    env = bench_env(NATIONAL_URL)
    manage("migrate", "--noinput", env=env)
    with psycopg.connect(NATIONAL_URL.replace("postgres://", "postgresql://")) as conn:
        generated = conn.execute(
            "SELECT count(*) FROM lms_user WHERE phone LIKE '+62899%%'"
        ).fetchone()[0]
    if generated:
        return
    print("[generating the national dataset: 240,000 participants, once]")
    started = time.perf_counter()
    subprocess.run(  # noqa: S603
        [str(PYTHON), str(REPO / "benchmarks" / "dinas_synthetic.py")],
        cwd=REPO,
        env=env,
        check=True,
    )
    print(f"[national dataset generated in {time.perf_counter() - started:.0f} s]")


def _national_participant() -> str:
    """A synthetic participant (the one with the most progress rows among the
    first thousand), given a login; returns their email. Django side."""
    import django

    django.setup()
    from django.db.models import Count

    from lms.models import User

    user = User.objects.filter(email=NATIONAL_PARTICIPANT).first()
    if user is None:
        first = list(
            User.objects.filter(phone__startswith="+62899")
            .order_by("pk")
            .values_list("pk", flat=True)[:1000]
        )
        user = (
            User.objects.filter(pk__in=first)
            .annotate(rows=Count("enrollments__lesson_progress"))
            .order_by("-rows", "pk")
            .first()
        )
        user.email = NATIONAL_PARTICIPANT
    user.set_password(PASSWORD)
    user.save()
    return user.email


def dataset_targets(name: str, *, fresh: bool) -> tuple[str, str, dict]:
    """(database URL, participant's login, targets) of a dataset."""
    if name == "demo":
        return PG_URL, PARTICIPANT, prepare(PG_URL, fresh=fresh)
    national_prepare(fresh=fresh)
    env = bench_env(NATIONAL_URL)
    loaded = subprocess.run(  # noqa: S603
        [str(PYTHON), str(REPO / "benchmarks" / "_common.py"), "state"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if not json.loads(loaded)["demo"]:
        manage("load_demo", env=env)
    email = subprocess.run(  # noqa: S603
        [str(PYTHON), __file__, "participant"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    targets = prepare(NATIONAL_URL, discover_env={"BENCH_PARTICIPANT": email})
    return NATIONAL_URL, email, targets


# ---------------------------------------------------------------- queries


PER_PARTICIPANT = (
    "courses_enrollment",
    "courses_lessonprogress",
    "content_h5presult",
    "content_xapistatement",
    "assessments_",
    "lms_user",
)


def _explain(requests: dict) -> dict:
    """Django side: each request made once as the participant; its queries counted
    and the per-participant SELECTs explained (EXPLAIN ANALYZE)."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from lms.models import User

    user = User.objects.get(email=os.environ["BENCH_PARTICIPANT"])
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    out = {}
    for key, (method, url, body, content_type) in requests.items():
        if method == "GET":
            client.get(url)  # the first visit writes; measure a re-read
        with CaptureQueriesContext(connection) as captured:
            if method == "GET":
                response = client.get(url)
            else:
                response = client.post(url, body, content_type=content_type)
        queries = [q["sql"] for q in captured.captured_queries]
        plans = []
        for sql in queries:
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            if not any(table in sql for table in PER_PARTICIPANT):
                continue
            if "django_session" in sql or "FOR UPDATE" in sql:
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + sql)
                plan = "\n".join(row[0] for row in cursor.fetchall())
            plans.append({"sql": sql, "plan": plan})
        out[key] = {
            "status": response.status_code,
            "queries": queries,
            "plans": plans,
        }
    return out


def queries_report(database_url: str, email: str, requests: dict) -> dict:
    env = {**bench_env(database_url), "BENCH_PARTICIPANT": email}
    result = subprocess.run(  # noqa: S603
        [str(PYTHON), __file__, "explain"],
        cwd=REPO,
        env=env,
        input=json.dumps(requests),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-3000:])
        return {}
    return json.loads(result.stdout)


def worker_rss(master_pid: int) -> list[tuple[int, int]]:
    """(pid, RSS in KB) of each gunicorn worker (the master's children)."""
    out = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(master_pid):
            rss = int(fields.get("VmRSS", "0 kB").split()[0])
            out.append((int(fields["Pid"].strip()), rss))
    return sorted(out)


# ---------------------------------------------------------------- report


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def _line(label: str, runs: list[dict]) -> str:
    rps = _mean([r["rps"] for r in runs])
    p95 = _mean([r["p95_ms"] for r in runs])
    load = _mean([r["load"] for r in runs])
    text = f"  {label:32} {rps:7.0f} req/s  p95 {p95:6.1f} ms  load {load:4.1f}"
    errors = sum(r["errors"] for r in runs)
    if errors:
        total = sum(r["requests"] for r in runs)
        text += f"  ({errors} of {total} answers not 2xx/3xx!)"
    return text


def _ratio(runs: list[dict], baseline: list[dict], gated: bool) -> str:
    ratio = _mean([r["rps"] for r in runs]) / _mean([r["rps"] for r in baseline])
    per_round = [r["rps"] / b["rps"] for r, b in zip(runs, baseline, strict=True)]
    text = (
        f"  {'':32} ratio {ratio:.2f} "
        f"(rounds {min(per_round):.2f}–{max(per_round):.2f})"
    )
    if gated:
        verdict = "meets" if ratio >= TARGET_RATIO else "MISSES"
        text += f"  target ≥ {TARGET_RATIO}: {verdict}"
    return text


def measure(name: str, args: argparse.Namespace) -> None:
    database_url, email, targets = dataset_targets(name, fresh=args.fresh)
    create_bench_table(database_url)
    xapi = targets["xapi"]
    quiz_answer = targets.get("quiz_answer", {})
    xapi_body = json.dumps({"lesson": xapi.get("lesson"), "statement": STATEMENT})
    scored_body = json.dumps({"lesson": xapi.get("lesson"), "statement": SCORED})
    form = "application/x-www-form-urlencoded"
    # key → (url, body, content type) or the reason it is not measured
    views: dict[str, tuple | str] = {
        "lesson": (targets["text_lesson"].get("url"), None, ""),
        "xapi": (xapi.get("url"), xapi_body, "application/json"),
        "xapi_scored": (xapi.get("url"), scored_body, "application/json"),
        "course": (targets["course"].get("url"), None, ""),
        "catalogue": (targets["catalogue"].get("url"), None, ""),
        "quiz_answer": (quiz_answer.get("url"), quiz_answer.get("body"), form),
    }
    wanted = [v for v in VIEWS if not args.only or v[0] in args.only]
    load = {"seconds": args.seconds, "connections": args.connections}
    print(
        f"\n== dataset {name} ({database_url.rsplit('/', 1)[1]}), participant "
        f"{email}: gunicorn 2 sync workers, PostgreSQL, wrk -t1 "
        f"-c{args.connections} {args.seconds} s × {args.rounds} rounds"
    )
    runs: dict[str, list[dict]] = {}
    failed: dict[str, str] = {}
    with gunicorn(database_url, workers=2) as server:
        cookies = login(server.url, email)
        urls = {
            "trivial": (f"{server.url}/_bench/trivial/", None, ""),
            "insert": (f"{server.url}/_bench/insert/", xapi_body, "application/json"),
        }
        for key, *_rest in wanted:
            url, body, content_type = views[key]
            if url:
                status = answer_status(
                    server.url + url,
                    cookies=cookies,
                    body=body,
                    content_type=content_type,
                )
                if not 200 <= status < 300:
                    views[key] = (None, None, "")
                    failed[key] = f"answers HTTP {status}: see {server.log}"
        for _round in range(args.rounds):
            for key, _label, baseline, _gated in wanted:
                url, body, content_type = views[key]
                if not url:
                    continue
                base_url, base_body, base_type = urls[baseline]
                runs.setdefault(f"{key}:base", []).append(
                    run_wrk(
                        base_url,
                        cookies=cookies,
                        body=base_body,
                        content_type=base_type,
                        **load,
                    )
                )
                runs.setdefault(key, []).append(
                    run_wrk(
                        server.url + url,
                        cookies=cookies,
                        body=body,
                        content_type=content_type or "application/json",
                        **load,
                    )
                )
        rss = worker_rss(server.process.pid)
    for key, label, baseline, gated in wanted:
        url = views[key][0]
        if not url:
            reason = {
                "lesson": targets["text_lesson"],
                "course": targets["course"],
                "catalogue": targets["catalogue"],
                "quiz_answer": quiz_answer,
            }.get(key, xapi)
            if key in failed:
                print(f"  {label:32} NOT MEASURED: {failed[key]}")
                continue
            print(f"  {label:32} not available yet ({reason.get('reason')})")
            continue
        print(_line(BASELINES[baseline], runs[f"{key}:base"]))
        print(_line(label, runs[key]) + f"  [{url}]")
        print(_ratio(runs[key], runs[f"{key}:base"], gated))
    print(
        "  gunicorn workers' RSS after the run: "
        + ", ".join(f"pid {pid} {kb / 1024:.0f} MB" for pid, kb in rss)
    )
    requests = {
        key: ("GET" if views[key][1] is None else "POST", *views[key])
        for key, *_rest in wanted
        if views[key][0]
    }
    report = queries_report(database_url, email, requests)
    for key, label, *_rest in wanted:
        if key not in report:
            continue
        found = report[key]
        print(
            f"\n  {label}: {len(found['queries'])} SQL queries per request "
            f"(HTTP {found['status']})"
        )
        if args.verbose:
            for sql in found["queries"]:
                print(f"    {sql[:160]}")
        if key not in ("lesson", "xapi", "xapi_scored"):
            continue
        for item in found["plans"]:
            print(f"    -- {item['sql'][:300]}")
            for line in item["plan"].splitlines():
                print(f"       {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dataset", choices=["demo", "national", "both"], default="both"
    )
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--only", type=lambda v: v.split(","), default=[], help="e.g. lesson,xapi"
    )
    parser.add_argument("--fresh", action="store_true", help="rebuild the datasets")
    parser.add_argument("--verbose", action="store_true", help="print every query")
    args = parser.parse_args()
    wrk_path()
    print(f"throughput, machine: {machine()}, load average {os.getloadavg()}")
    datasets = ["demo", "national"] if args.dataset == "both" else [args.dataset]
    for name in datasets:
        measure(name, args)
    print(f"\nload average at the end: {os.getloadavg()}")


if __name__ == "__main__":
    if sys.argv[1:] == ["explain"]:
        print(json.dumps(_explain(json.loads(sys.stdin.read()))))
    elif sys.argv[1:] == ["participant"]:
        print(_national_participant())
    else:
        main()
