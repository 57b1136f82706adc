"""Fixtures shared by the whole suite.

Integration fixtures talk to real services and FAIL (never skip) when one is missing:
PostgreSQL (when DATABASE_URL names it), Redis and a Celery worker, an S3 endpoint
from moto's server mode on a loopback port, and Chromium driven by Playwright.
"""

import contextlib
import json
import os
import shutil
import socket
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from tests.browser_wait import BROWSER_TIMEOUT_MS
from tests.faults.report import REPORT, records_clear, table

# Playwright's sync API runs an event loop in the test thread; Django's ORM must
# still be usable from that thread in browser tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
PHONE_VIEWPORT = {"width": 360, "height": 740}
SCREENSHOTS = REPO / ".screenshots"


# ---------------------------------------------------------------- data

DB_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}


def wagtail_base_ensure():
    """Wagtail's locale, root page and default site, as its migrations make them.

    Transactional tests flush every table afterwards (migration data included), so
    the next test puts back what pages, URLs and the admin need.
    """
    from django.conf import settings

    from wagtail.models import Locale, Page, Site

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.objects.filter(depth=1).first()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    if not Site.objects.filter(is_default_site=True).exists():
        home = root.get_children().first() or root.add_child(
            instance=Page(title="Balai Daring", slug="beranda")
        )
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    return root


@pytest.fixture
def page_root(transactional_db):
    """Wagtail's root page, in a transactional test (put back after earlier flushes)."""
    return wagtail_base_ensure()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language (Bahasa Indonesia): a request
    made in English earlier must not leave English active for the next test."""
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def process_memory_forget():
    """What a process keeps of the database between requests (the sites, shared
    lesson pages) starts empty in each test: a test's rows are rolled back
    without the signals that would have dropped them."""
    from courses.lesson_page import lesson_pages_forget
    from courses.routing import sites_local_forget

    sites_local_forget()
    lesson_pages_forget()
    yield


@pytest.fixture(autouse=True)
def base_data(request):
    """For every test that uses the database: Wagtail's base rows and Kalimantan
    Selatan's regions (province 63, loaded from the shipped data; cheap when there)."""
    uses_db = request.node.get_closest_marker("django_db") or (
        DB_FIXTURES & set(request.fixturenames)
    )
    if not uses_db:
        return
    if (
        "live_server" in request.fixturenames
        or "transactional_db" in request.fixturenames
    ):
        request.getfixturevalue("transactional_db")
    else:
        request.getfixturevalue("db")
    from lms.models import Province
    from lms.services import wilayah_load

    wagtail_base_ensure()
    if not Province.objects.filter(pk="63").exists():
        wilayah_load(province_code="63")


# ---------------------------------------------------------------- Celery on Redis


def _port_open(host: str, port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex((host, port)) == 0


@contextlib.contextmanager
def celery_worker_running(broker: str, settings):
    """A real Celery worker (threads, in this process) on its own queue at `broker`.

    Tasks sent while it runs go to that broker and queue; eager mode is off."""
    from celery.contrib.testing.worker import start_worker

    from lms.celery import app

    queue = f"test-{uuid.uuid4().hex[:8]}"
    saved = {
        "task_always_eager": app.conf.task_always_eager,
        "task_default_queue": app.conf.task_default_queue,
        "broker_url": app.conf.broker_url,
        "result_backend": app.conf.result_backend,
    }
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.update(
        task_always_eager=False,
        task_default_queue=queue,
        result_backend="redis://127.0.0.1:6379/14",
    )
    celery_broker_use(broker)
    try:
        with start_worker(
            app,
            pool="threads",
            concurrency=2,
            perform_ping_check=False,
            shutdown_timeout=10,
            queues=[queue],
        ) as worker:
            yield worker
    finally:
        broker_url = saved.pop("broker_url")
        app.conf.update(**saved)
        celery_broker_use(broker_url)


@pytest.fixture
def celery_worker(transactional_db, settings):
    """A real Celery worker (in a thread) consuming from Redis on 127.0.0.1:6379.

    Each test gets its own queue, so parallel runs never steal each other's tasks.
    """
    broker = settings.CELERY_BROKER_URL
    assert _port_open("127.0.0.1", 6379), f"Redis is not running for {broker}"
    with celery_worker_running(broker, settings) as worker:
        yield worker


REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


class RedisServer:
    """A redis-server of the test's own, on a free loopback port, to stop and start."""

    def __init__(self, directory: Path):
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.directory = directory
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(200):
            if _port_open("127.0.0.1", self.port):
                return
            time.sleep(0.025)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        """Kill it, as a crash would: whatever it held in memory is gone."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_server(tmp_path):
    """A redis-server of the test's own (fault tests kill and restart it)."""
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def celery_broker_use(url: str) -> None:
    """Point the Celery app's producers at another broker.

    Celery reads CELERY_BROKER_URL from the environment before its configuration
    (`celery.app.utils.Settings.broker_url`), and the test command sets it: both
    are changed, or the app would keep sending to the suite's Redis."""
    from lms.celery import app

    os.environ["CELERY_BROKER_URL"] = url
    app.conf.broker_url = url
    # As after a fork: the next send takes a pool for the broker now configured.
    app._pool = None
    app.amqp._producer_pool = None


# ---------------------------------------------------------------- S3 (moto server)


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3 server on a loopback port, spoken to over HTTP."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_storage(s3_server, settings, monkeypatch):
    """Point the "default" and "private" storages at a fresh bucket on the S3 server."""
    import boto3

    from django.core.files import storage as storage_module

    bucket = f"balai-test-{uuid.uuid4().hex[:10]}"
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=bucket)
    common = {
        "bucket_name": bucket,
        "endpoint_url": s3_server,
        "region_name": "us-east-1",
        "access_key": "testing",
        "secret_key": "testing",
        "file_overwrite": False,
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**common, "location": "media", "querystring_auth": False},
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "location": "private",
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": 300,
            },
        },
    }
    storage_module.storages._storages = {}
    storage_module.storages._backends = None
    yield {"client": client, "bucket": bucket, "endpoint": s3_server}
    storage_module.storages._storages = {}
    storage_module.storages._backends = None


# ---------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    assert os.path.exists(CHROMIUM), "Chromium is not installed at /usr/bin/chromium"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def phone_page(browser, live_server):
    """A browser tab the size of a phone (360×740), in Bahasa Indonesia."""
    context = browser.new_context(
        viewport=PHONE_VIEWPORT,
        locale="id-ID",
        base_url=live_server.url,
        device_scale_factor=1,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    yield page
    context.close()


@pytest.fixture
def office_page(browser, live_server):
    """A browser tab the size of an office laptop (1366×768), in Bahasa Indonesia."""
    context = browser.new_context(
        viewport={"width": 1366, "height": 768},
        locale="id-ID",
        base_url=live_server.url,
    )
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    yield page
    context.close()


@pytest.fixture
def screenshot():
    """Save a screenshot under .screenshots/ to be looked at."""
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


AXE_JS = Path(
    os.environ.get("AXE_CORE_JS", REPO / "node_modules" / "axe-core" / "axe.min.js")
)
AXE_REPORT = SCREENSHOTS / "axe-report.json"
AXE_FAILING = {"serious", "critical"}


def axe_violations(page, name: str) -> list[dict]:
    """Run axe-core (npm, pinned in package.json) over the page as it is now;
    record every violation under its name in .screenshots/axe-report.json and
    return the serious and critical ones."""
    assert AXE_JS.is_file(), f"axe-core is missing ({AXE_JS}): run npm ci"
    if not page.evaluate("!!window.axe"):
        page.evaluate(AXE_JS.read_text() + "\n;true")
    violations = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
              values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
            .then(r => r.violations.map(v => ({id: v.id, impact: v.impact,
              help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))})))"""
    )
    SCREENSHOTS.mkdir(exist_ok=True)
    report = json.loads(AXE_REPORT.read_text()) if AXE_REPORT.exists() else {}
    report[name] = violations
    AXE_REPORT.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    return [v for v in violations if v["impact"] in AXE_FAILING]


@pytest.fixture
def axe_check():
    """`axe_check(page, name)`: fails on any serious or critical violation."""

    def check(page, name: str) -> None:
        failing = axe_violations(page, name)
        assert failing == [], f"{name} ({page.url}): {failing}"

    return check


def browser_login(page, login: str, password: str) -> None:
    page.goto("/akun/masuk/")
    page.fill("input[name=username]", login)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def admin_browser_login(page, login: str, password: str) -> None:
    """Sign in on Wagtail's admin login page and wait for the dashboard."""
    page.goto("/admin/login/")
    page.fill("input[name=username]", login)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


@pytest.fixture
def login_in_browser():
    return browser_login


@pytest.fixture
def shared_dir() -> Path:
    """../shared beside the checkout (present in CI)."""
    return SHARED


# ---------------------------------------------------------------- the fault report


def pytest_sessionstart(session):
    """A fresh fault report for each run (on the controller, not xdist workers)."""
    if not hasattr(session.config, "workerinput"):
        records_clear()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """The figures the fault tests (tests/faults) measured, as a table, also
    written to .fault-report.txt."""
    text = table()
    if text:
        REPORT.write_text(text)
        terminalreporter.write_sep("-", f"faults (also in {REPORT.name})")
        terminalreporter.write(text)
