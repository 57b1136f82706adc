"""Page weight: compressed bytes over the wire for the participant's pages.

    .venv/bin/python benchmarks/page_weight.py [--postgres]

Sets up a scratch SQLite database (or PostgreSQL `balai_bench_field` with
--postgres) with Kalimantan Selatan's regions and the demo data, serves it with
gunicorn (production-like static files: hashed names, gzip/brotli, one-year
cache) and loads each page in headless Chromium at 360×740 with a cold cache,
logged in as the demo participant (the Dinas dashboard as the provincial Dinas
officer). Bytes are Chromium's own count of what crossed the network for each
request (CDP `Network.loadingFinished.encodedDataLength`: headers and the
compressed body). Also printed: the same page again with a warm cache.

Targets: a text lesson under 30 KB in all (HTML, CSS, JS; images and video
aside), a quiz page under 40 KB. For scale: Kolibri's learner home ~1 MB
compressed; Moodle's JavaScript alone ~460 KB.

The H5P lesson is served as in production: its player comes from the H5P content
origin (`content/origin.py`), here the same gunicorn under `localhost` while the
platform is `127.0.0.1`; "player loaded" counts the player's requests too, and
the run fails loudly if none reached that origin.
"""

from __future__ import annotations

import argparse
import sys
import urllib.request
from collections import defaultdict
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

TARGETS_KB = {"text_lesson": 30, "quiz": 40}
KOLIBRI_KB = 1000
MOODLE_JS_KB = 460
KINDS = {
    "Document": "html",
    "Stylesheet": "css",
    "Script": "js",
    "Image": "img",
    "Media": "img",
    "Font": "font",
}


class Meter:
    """Bytes per request of one page, from the DevTools protocol."""

    def __init__(self, page):
        self.page = page
        self.requests: dict[str, dict] = {}
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.loadingFinished", self._finished)

    def _response(self, event):
        self.requests[event["requestId"]] = {
            "url": event["response"]["url"],
            "kind": KINDS.get(event["type"], "other"),
            "encoding": event["response"]["headers"].get("content-encoding")
            or event["response"]["headers"].get("Content-Encoding")
            or "",
            "bytes": 0,
        }

    def _finished(self, event):
        entry = self.requests.get(event["requestId"])
        if entry is not None:
            entry["bytes"] = event["encodedDataLength"]

    def reset(self):
        self.requests.clear()

    def by_kind(self, *, exclude=None) -> dict[str, int]:
        totals: dict[str, int] = defaultdict(int)
        for entry in self.requests.values():
            if exclude and exclude(entry["url"]):
                continue
            totals[entry["kind"]] += entry["bytes"]
        return totals


# The H5P player's frame comes from the H5P content origin (content/origin.py),
# here the same server under the other loopback name (`localhost`, the platform
# being `127.0.0.1`): another site, which Chromium puts in a process of its own,
# where the page's DevTools session would not see its requests. Keeping frames in
# the page's process lets the meter count the player's bytes too; `localhost` is
# pinned to the IPv4 loopback gunicorn listens on.
IN_PROCESS_FRAMES = [
    "--disable-site-isolation-trials",
    "--disable-features=IsolateOrigins,site-per-process",
    "--host-resolver-rules=MAP localhost 127.0.0.1",
]


def _player_of(h5p_url: str):
    """Whether a request went to the H5P origin (the player and its files)."""

    def is_player(url: str) -> bool:
        return url.startswith(h5p_url)

    return is_player


def _load(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)


def _code_kb(totals: dict[str, int]) -> float:
    return (totals["html"] + totals["css"] + totals["js"]) / 1024


def _row(label: str, totals: dict[str, int], warm: dict[str, int] | None) -> str:
    code = _code_kb(totals)
    all_kb = sum(totals.values()) / 1024
    text = (
        f"{label:26} {code:6.1f} KB (html {totals['html'] / 1024:.1f}, "
        f"css {totals['css'] / 1024:.1f}, js {totals['js'] / 1024:.1f}; "
        f"all incl. images/other {all_kb:.1f})"
    )
    if warm is not None:
        text += f"  warm cache {_code_kb(warm):.1f} KB"
    return text


def measure(
    browser, base_url: str, target: Target, cookies: dict, h5p_url: str
) -> list[str]:
    lines = []
    # The service worker is blocked here: it would fetch the warm view itself, out
    # of the page's sight. What it costs once per phone is measured apart
    # (service_worker_install).
    context = browser.new_context(
        viewport=PHONE,
        locale="id-ID",
        is_mobile=True,
        has_touch=True,
        service_workers="block",
    )
    context.add_cookies(playwright_cookies(base_url, cookies))
    try:
        url = target.url
        if target.key == "quiz":
            # The page a participant answers on: an attempt, started first in
            # another context so that this one starts with a cold cache.
            starter = browser.new_context(viewport=PHONE)
            starter.add_cookies(playwright_cookies(base_url, cookies))
            try:
                url = start_quiz_attempt(starter, base_url, target.url)
            finally:
                starter.close()
        page = context.new_page()
        meter = Meter(page)
        _load(page, base_url + url)
        cold = meter.by_kind()
        if target.key == "h5p_lesson":
            is_player = _player_of(h5p_url)
            if not any(is_player(e["url"]) for e in meter.requests.values()):
                raise RuntimeError(f"no request reached the H5P origin {h5p_url}")
            before = meter.by_kind(exclude=is_player)
            player = sum(
                e["bytes"] for e in meter.requests.values() if is_player(e["url"])
            )
            lines.append(_row(target.label + " (before player)", before, None))
            lines.append(
                _row(target.label + " (player loaded)", cold, None)
                + f"  of which {player / 1024:.1f} KB from the H5P origin"
            )
        meter.reset()
        _load(page, base_url + url)
        warm = meter.by_kind()
        if target.key != "h5p_lesson":
            lines.append(_row(target.label, cold, warm) + f"  [{url}]")
        plain = [
            e["url"].replace(base_url, "")
            for e in meter.requests.values()
            if e["kind"] in ("html", "css", "js") and not e["encoding"] and e["bytes"]
        ]
        if target.key in TARGETS_KB:
            limit = TARGETS_KB[target.key]
            code = _code_kb(cold)
            verdict = "meets" if code < limit else "MISSES"
            lines.append(
                f"{'':26} target < {limit} KB: ratio {code / limit:.2f} ({verdict}); "
                f"{KOLIBRI_KB / code:.0f}× lighter than Kolibri's learner home, "
                f"{MOODLE_JS_KB / code:.0f}× lighter than Moodle's JS alone"
            )
        if plain:
            lines.append(f"{'':26} sent uncompressed on the warm view: {plain}")
    except Exception as exc:  # noqa: BLE001  (a page still being built)
        lines.append(f"{target.label:26} not available yet (error: {exc})")
    finally:
        context.close()
    return lines


def service_worker_install(base_url: str, cookies: dict) -> str:
    """Bytes the service worker fetches once per phone: its script, the offline
    page (site.css and offline.js come from the HTTP cache the page filled)."""
    sizes = []
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    for path in ("/sw.js", "/offline/"):
        request = urllib.request.Request(  # noqa: S310
            base_url + path, headers={"Accept-Encoding": "gzip", "Cookie": cookie}
        )
        with urllib.request.urlopen(request) as response:  # noqa: S310
            headers = sum(len(k) + len(v) + 4 for k, v in response.headers.items())
            sizes.append(len(response.read()) + headers)
    return (
        f"{'service worker install':26} {sum(sizes) / 1024:6.1f} KB once per phone "
        f"(sw.js {sizes[0] / 1024:.1f}, offline page {sizes[1] / 1024:.1f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--postgres", action="store_true", help="use PostgreSQL balai_bench_field"
    )
    args = parser.parse_args()
    database_url = PG_URL if args.postgres else SQLITE_URL
    targets = targets_from(prepare(database_url))

    from playwright.sync_api import sync_playwright

    print(f"page weight (compressed bytes over the wire), machine: {machine()}")
    with (
        gunicorn(database_url, workers=2) as server,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS + IN_PROCESS_FRAMES,
        )
        participant = login(server.url, PARTICIPANT)
        dinas = login(server.url, DINAS)
        for target in targets:
            if target.url is None:
                print(not_available(target))
                continue
            cookies = dinas if target.key == "dinas_dashboard" else participant
            for line in measure(browser, server.url, target, cookies, server.h5p_url):
                print(line)
        print(service_worker_install(server.url, participant))
        browser.close()


if __name__ == "__main__":
    main()
