"""Slow network: the participant's pages in headless Chromium on a slow 3G link.

    .venv/bin/python benchmarks/slow_network.py [--runs N] [--postgres]

Same set-up as page_weight.py (scratch database with the demo data, gunicorn with
production-like static files). Each page is loaded in a fresh phone-sized
context (cold cache, as on a first visit) with the network throttled through the
DevTools protocol (`Network.emulateNetworkConditions`: 400 kbps down and up,
400 ms round trip), N times (default 3); the median is printed.

- first contentful paint: `performance.getEntriesByName('first-contentful-paint')`
- quiz ready to answer: the later of first contentful paint and the end of
  DOMContentLoaded (the answer form is in the HTML; its script has run), checked
  to have an answer field on the page.

Targets: FCP under 2.5 s for a text lesson; a quiz ready to answer in under 3 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    DINAS,
    PARTICIPANT,
    PG_URL,
    PHONE,
    SQLITE_URL,
    Target,
    gunicorn,
    login,
    machine,
    not_available,
    playwright_cookies,
    prepare,
    start_quiz_attempt,
    targets_from,
)

SLOW_3G = {
    "offline": False,
    "latency": 400,  # ms, round trip
    "downloadThroughput": 400 * 1000 / 8,  # bytes/s
    "uploadThroughput": 400 * 1000 / 8,
}
TARGETS_S = {"text_lesson": ("fcp", 2.5), "quiz": ("ready", 3.0)}
ANSWER_FIELD = (
    "main form input[name^=q]:not([type=hidden]), main form textarea[name^=q], "
    "main form select[name^=q]"
)
TIMINGS = """() => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const nav = performance.getEntriesByType('navigation')[0];
  return {fcp: fcp ? fcp.startTime : null, dcl: nav.domContentLoadedEventEnd,
          load: nav.loadEventEnd, bytes: nav.transferSize};
}"""


def one_load(browser, base_url: str, url: str, cookies: dict, quiz: bool) -> dict:
    context = browser.new_context(
        viewport=PHONE, locale="id-ID", is_mobile=True, has_touch=True
    )
    context.add_cookies(playwright_cookies(base_url, cookies))
    try:
        page = context.new_page()
        page.set_default_timeout(60000)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        page.goto(base_url + url, wait_until="load")
        page.wait_for_function(
            "performance.getEntriesByName('first-contentful-paint').length > 0"
        )
        timings = page.evaluate(TIMINGS)
        result = {
            "fcp": timings["fcp"] / 1000,
            "load": timings["load"] / 1000,
            "ready": max(timings["fcp"], timings["dcl"]) / 1000,
        }
        if quiz and not page.locator(ANSWER_FIELD).count():
            raise RuntimeError("no answer field on the quiz page")
        return result
    finally:
        context.close()


def measure(browser, base_url: str, target: Target, cookies: dict, runs: int) -> str:
    url = target.url
    quiz = target.key == "quiz"
    if quiz:
        starter = browser.new_context(viewport=PHONE)
        starter.add_cookies(playwright_cookies(base_url, cookies))
        try:
            url = start_quiz_attempt(starter, base_url, target.url)
        finally:
            starter.close()
    results = [one_load(browser, base_url, url, cookies, quiz) for _ in range(runs)]
    fcp = statistics.median(r["fcp"] for r in results)
    load = statistics.median(r["load"] for r in results)
    ready = statistics.median(r["ready"] for r in results)
    line = f"{target.label:26} FCP {fcp:4.2f} s  load {load:4.2f} s"
    if quiz:
        line += f"  ready to answer {ready:4.2f} s"
    line += f"  [{url}]"
    if target.key in TARGETS_S:
        metric, limit = TARGETS_S[target.key]
        value = {"fcp": fcp, "ready": ready}[metric]
        verdict = "meets" if value < limit else "MISSES"
        name = "FCP" if metric == "fcp" else "ready to answer"
        line += (
            f"\n{'':26} target {name} < {limit} s: ratio {value / limit:.2f} "
            f"({verdict})"
        )
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--postgres", action="store_true", help="use PostgreSQL balai_bench_field"
    )
    args = parser.parse_args()
    database_url = PG_URL if args.postgres else SQLITE_URL
    targets = targets_from(prepare(database_url))

    from playwright.sync_api import sync_playwright

    print(
        "slow network (400 kbps down/up, 400 ms RTT, cold cache, median of "
        f"{args.runs}), machine: {machine()}"
    )
    with (
        gunicorn(database_url, workers=2) as server,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        participant = login(server.url, PARTICIPANT)
        dinas = login(server.url, DINAS)
        for target in targets:
            if target.url is None:
                print(not_available(target))
                continue
            cookies = dinas if target.key == "dinas_dashboard" else participant
            try:
                print(measure(browser, server.url, target, cookies, args.runs))
            except Exception as exc:  # noqa: BLE001  (a page still being built)
                print(f"{target.label:26} not available yet (error: {exc})")
        browser.close()


if __name__ == "__main__":
    main()
