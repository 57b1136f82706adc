"""Throughput: a participant's lesson page and an xAPI statement post under load.

    .venv/bin/python benchmarks/throughput.py [--seconds 10] [--connections 8]

Sets up the scratch PostgreSQL database `balai_bench_field` (migrated, regions of
province 63, demo data, the demo participant enrolled), serves it with gunicorn
(2 sync workers, `benchmarks.bench_settings`: the production middleware) and
drives it from a second process on loopback with Debian's `wrk` (installed with
`apt-get install wrk` when missing and run as root), logged in as the demo
participant. Each figure: requests per second and p95 latency of one run (after
a 2 s warm-up), and the ratio to a trivial view served through the same
middleware on the same server (the framework's own ceiling there):

- the lesson page (GET) against `/_bench/trivial/` (GET, a few bytes);
- the xAPI statement post against `/_bench/insert/` (POST of the same JSON, one
  row inserted).

Targets: both ratios at least 0.5. The trivial views exist only in
`benchmarks/bench_urls.py`. The CPU is shared with the load generator (and with
anything else running on the machine): read the figures with that in mind.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import (  # noqa: E402
    BENCH_TABLE,
    PARTICIPANT,
    PG_URL,
    SCRATCH,
    gunicorn,
    login,
    machine,
    prepare,
)

TARGET_RATIO = 0.5
STATEMENT = {
    "actor": {"objectType": "Agent", "name": "Peserta", "mbox": "mailto:p@contoh.id"},
    "verb": {
        "id": "http://adlnet.gov/expapi/verbs/experienced",
        "display": {"en-US": "experienced"},
    },
    "object": {"objectType": "Activity", "id": "https://balaidaring.id/h5p/1/"},
    "context": {"contextActivities": {}},
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


def wrk_path() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if shutil.which("apt-get") and Path("/proc/self").exists():
        import os

        if os.geteuid() == 0:
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
) -> dict:
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    lua_body = ""
    if body is not None:
        lua_body = (
            f"wrk.body = {json.dumps(body)}\n"
            'wrk.headers["Content-Type"] = "application/json"'
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
    results = []
    for duration in (2, seconds):  # warm-up, then the measured run
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
        results.append(
            {
                "rps": requests / (micros / 1e6),
                "p95_ms": p95 / 1000,
                "errors": errors,
                "requests": requests,
            }
        )
    return results[-1]


def _line(label: str, r: dict) -> str:
    text = f"{label:34} {r['rps']:7.0f} req/s  p95 {r['p95_ms']:6.1f} ms"
    if r["errors"]:
        text += f"  ({r['errors']} of {r['requests']} answers not 2xx/3xx!)"
    return text


def _ratio(name: str, measured: dict, ceiling: dict) -> str:
    ratio = measured["rps"] / ceiling["rps"]
    verdict = "meets" if ratio >= TARGET_RATIO else "MISSES"
    return f"{'':34} {name}: ratio {ratio:.2f} (target ≥ {TARGET_RATIO}: {verdict})"


def create_bench_table() -> None:
    import psycopg

    with psycopg.connect(PG_URL.replace("postgres://", "postgresql://")) as conn:
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS {BENCH_TABLE} "
            "(id bigserial PRIMARY KEY, created_at timestamptz NOT NULL, body text)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    wrk_path()
    targets = prepare(PG_URL)
    create_bench_table()
    lesson = targets["text_lesson"].get("url")
    xapi = targets["xapi"]
    load = {"seconds": args.seconds, "connections": args.connections}

    print(
        f"throughput (gunicorn 2 sync workers, PostgreSQL, wrk -t1 "
        f"-c{args.connections} {args.seconds} s on loopback), machine: {machine()}"
    )
    with gunicorn(PG_URL, workers=2) as server:
        cookies = login(server.url, PARTICIPANT)
        trivial = run_wrk(f"{server.url}/_bench/trivial/", cookies=cookies, **load)
        print(_line("trivial view (GET)", trivial))
        if lesson:
            page = run_wrk(server.url + lesson, cookies=cookies, **load)
            print(_line("lesson page (GET)", page) + f"  [{lesson}]")
            print(_ratio("lesson / trivial", page, trivial))
        else:
            print(f"{'lesson page (GET)':34} not available yet")
        body = json.dumps({"lesson": xapi.get("lesson"), "statement": STATEMENT})
        insert = run_wrk(
            f"{server.url}/_bench/insert/", cookies=cookies, body=body, **load
        )
        print(_line("trivial insert-one-row (POST)", insert))
        if xapi.get("url"):
            post = run_wrk(server.url + xapi["url"], cookies=cookies, body=body, **load)
            print(_line("xAPI statement (POST)", post) + f"  [{xapi['url']}]")
            print(_ratio("xAPI / insert", post, insert))
        else:
            print(f"{'xAPI statement (POST)':34} not available yet ({xapi['reason']})")


if __name__ == "__main__":
    main()
