"""Shared helpers of the field benchmarks (page weight, slow network, throughput).

Each benchmark sets up its own scratch database (SQLite file or a PostgreSQL
database of its own), loads Kalimantan Selatan's regions and the demo data, enrols
the demo participant in every course, collects the static files with the
production storage (hashed names, .gz and .br) into a scratch folder, and serves
the platform with gunicorn on a loopback port with `benchmarks.bench_settings`.

Pages are discovered from the database, never hard-coded: a page that does not
exist yet (no quiz, no H5P lesson, no Dinas dashboard) is reported as
"not available yet" with the reason.

Run as a script (`python benchmarks/_common.py discover`, with the environment
from `bench_env`) it does the Django-side set-up and prints the targets as JSON.
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import json
import os
import platform
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = REPO / ".venv" / "bin" / "python"
GUNICORN = REPO / ".venv" / "bin" / "gunicorn"
SCRATCH = Path(
    os.environ.get("BENCH_SCRATCH", Path(tempfile.gettempdir()) / "balai-bench-field")
)
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
PHONE = {"width": 360, "height": 740}
PASSWORD = "demo-balai-2026"  # noqa: S105  (the demo accounts' password)
PARTICIPANT = "bendahara@balaidaring.test"
DINAS = "dinas.kalsel@balaidaring.test"
PG_DATABASE = "balai_bench_field"
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_DATABASE}"
SQLITE_URL = f"sqlite:///{SCRATCH / 'field.sqlite3'}"
BENCH_TABLE = "bench_field_row"  # written by bench_urls.insert_one

# The pages every benchmark reports, in this order.
PAGE_LABELS = {
    "catalogue": "katalog",
    "course": "halaman kursus",
    "text_lesson": "pelajaran teks",
    "h5p_lesson": "pelajaran dengan H5P",
    "quiz": "halaman kuis (menjawab)",
    "dinas_dashboard": "dasbor Dinas",
}


# ---------------------------------------------------------------- set-up


def bench_env(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="benchmarks.bench_settings",
        DATABASE_URL=database_url,
        BENCH_STATIC_ROOT=str(SCRATCH / "static"),
        BALAI_SKIP_VENV="1",
        PYTHONPATH=str(REPO),
        DJANGO_LOG_LEVEL="WARNING",
    )
    return env


def _run(args: list[str], env: dict[str, str], quiet_failure: bool = False) -> str:
    result = subprocess.run(  # noqa: S603
        args, cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        if not quiet_failure:
            sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"failed: {' '.join(args)}")
    return result.stdout


def manage(*args: str, env: dict[str, str], quiet_failure: bool = False) -> str:
    return _run([str(PYTHON), "manage.py", *args], env, quiet_failure)


def _database_drop(database_url: str) -> None:
    if database_url.startswith("sqlite"):
        Path(database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        return
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    with psycopg.connect(
        "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def postgres_database_create(name: str = PG_DATABASE) -> None:
    import psycopg

    with psycopg.connect(
        "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
    ) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def _static_sources() -> Iterator[Path]:
    """The folders collectstatic reads that change with the code (not Wagtail's)."""
    yield REPO / "static"
    yield from REPO.glob("*/static")
    yield REPO / "node_modules" / "h5p-standalone" / "dist"


def _static_fresh() -> bool:
    """The collected files are newer than every source file (collectstatic would
    only post-process them all again, the slowest step of the set-up)."""
    manifest = SCRATCH / "static" / "staticfiles.json"
    if not manifest.exists():
        return False
    collected = manifest.stat().st_mtime
    for folder in _static_sources():
        for path in folder.rglob("*"):
            if path.is_file() and path.stat().st_mtime > collected:
                return False
    return True


def prepare(
    database_url: str, *, fresh: bool = False, discover_env: dict | None = None
) -> dict:
    """Migrate, load regions and demo data, collect static files; return targets.

    An existing scratch database is reused: the migrations are applied (nothing to
    do when none are new), the regions and demo data are loaded only when the demo
    participant is not there yet, and collectstatic runs only when a static source
    changed since the last collection. `fresh` drops the database first.
    """
    SCRATCH.mkdir(parents=True, exist_ok=True)
    if fresh:
        _database_drop(database_url)
    if database_url.startswith("postgres"):
        postgres_database_create(database_url.rsplit("/", 1)[1])
    env = bench_env(database_url)
    started = time.perf_counter()
    try:
        manage("migrate", "--noinput", env=env, quiet_failure=True)
    except SystemExit:
        # Migrations were rewritten since the last run (apps still being built):
        # start the scratch database again.
        print("[scratch database out of step with the migrations: rebuilding it]")
        _database_drop(database_url)
        if database_url.startswith("postgres"):
            postgres_database_create(database_url.rsplit("/", 1)[1])
        manage("migrate", "--noinput", env=env)
    loaded = json.loads(_run([str(PYTHON), __file__, "state"], env))["demo"]
    if not loaded:
        manage("load_wilayah", "--province", "63", env=env)
        manage("load_demo", env=env)
    static = _static_fresh()
    if not static:
        manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    targets = json.loads(
        _run([str(PYTHON), __file__, "discover"], {**env, **(discover_env or {})})
    )
    print(
        f"[set-up: {database_url.split('://')[0]} database "
        f"{database_url.rsplit('/', 1)[1]}, demo data "
        f"{'reused' if loaded else 'loaded'}, static files "
        f"{'reused' if static else 'collected'}, "
        f"in {time.perf_counter() - started:.0f} s]"
    )
    return targets


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


# ---------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: Path
    h5p_url: str = ""  # the H5P content origin (content/origin.py)


@contextlib.contextmanager
def gunicorn(database_url: str, *, workers: int = 2) -> Iterator[Server]:
    """gunicorn (sync workers) serving the platform on a free loopback port.

    As in production, H5P plays from a content origin of its own
    (`content/origin.py`): the same server under the other loopback name
    (`http://localhost:<port>/`; the platform is `http://127.0.0.1:<port>`), a
    different site for the browser, which shares no cookie with the platform."""
    port = free_port()
    log = SCRATCH / f"gunicorn-{port}.log"
    env = bench_env(database_url)
    h5p_url = f"http://localhost:{port}/"
    env["H5P_FILES_URL"] = h5p_url
    with log.open("w") as out:
        process = subprocess.Popen(  # noqa: S603
            [
                str(GUNICORN),
                "lms.wsgi",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{port}",
                "--access-logfile",
                "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null",
            ],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/akun/masuk/", timeout=5):  # noqa: S310
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(
                        f"gunicorn did not start:\n{log.read_text()[-3000:]}"
                    ) from None
                time.sleep(0.3)
        yield Server(url=url, process=process, log=log, h5p_url=h5p_url)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def login(base_url: str, username: str, password: str = PASSWORD) -> dict[str, str]:
    """Log in through the real login form; returns the cookies (sessionid, csrftoken)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(f"{base_url}/akun/masuk/") as response:
        html = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    data = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(  # noqa: S310
        f"{base_url}/akun/masuk/", data=data, headers={"Referer": base_url}
    )
    with opener.open(request):
        pass
    cookies = {c.name: c.value for c in jar}
    if "sessionid" not in cookies:
        raise SystemExit(f"login failed for {username}")
    return cookies


def playwright_cookies(base_url: str, cookies: dict[str, str]) -> list[dict]:
    return [{"name": k, "value": v, "url": base_url} for k, v in cookies.items()]


def start_quiz_attempt(context, base_url: str, quiz_url: str) -> str:
    """Open the quiz's page and press its start button; returns the attempt page URL."""
    page = context.new_page()
    try:
        page.goto(base_url + quiz_url)
        start = page.locator("form[action*='/mulai/'] button[type=submit]")
        if start.count():
            with page.expect_navigation():
                start.first.click()
        else:
            resume = page.locator("a[href*='/percobaan/']")
            if not resume.count():
                raise RuntimeError("no start button or open attempt on the quiz page")
            page.goto(base_url + resume.first.get_attribute("href"))
        path = urllib.parse.urlparse(page.url).path
        if "/percobaan/" not in path or path.rstrip("/").endswith("hasil"):
            raise RuntimeError(f"starting the quiz landed on {path}")
        return path
    finally:
        page.close()


@dataclass
class Target:
    key: str
    url: str | None
    reason: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        return PAGE_LABELS.get(self.key, self.key)


def targets_from(raw: dict) -> list[Target]:
    return [
        Target(key=key, url=raw[key].get("url"), reason=raw[key].get("reason", ""))
        for key in PAGE_LABELS
    ]


def not_available(target: Target) -> str:
    return f"{target.label:26} not available yet ({target.reason})"


# ---------------------------------------------------------------- Django side


def _url_names(namespace: str) -> list[tuple[str, str]]:
    """(name, route) of a namespace's URL patterns that take no arguments."""
    from django.urls import URLPattern, URLResolver, get_resolver

    found: list[tuple[str, str]] = []

    def walk(patterns, prefix: str, inside: bool) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(
                    p.url_patterns,
                    prefix + str(p.pattern),
                    inside or p.namespace == namespace,
                )
            elif isinstance(p, URLPattern) and inside and p.name:
                route = prefix + str(p.pattern)
                if "<" not in route and "(?P" not in route:
                    found.append((p.name, route))

    walk(get_resolver().url_patterns, "/", False)
    return found


def _discover() -> dict:
    """Enrol the demo participant everywhere; find each benchmarked page's URL."""
    import django

    django.setup()
    from django.apps import apps

    from courses.models import CourseIndexPage, CoursePage, LessonPage
    from courses.services import enrollment_create
    from lms.models import User

    participant = User.objects.get(
        email=os.environ.get("BENCH_PARTICIPANT", PARTICIPANT)
    )
    courses = list(CoursePage.objects.live().order_by("path"))
    for course in courses:
        enrollment_create(user=participant, course=course)

    out: dict[str, dict] = {}
    catalogue = CourseIndexPage.objects.live().first()
    out["catalogue"] = (
        {"url": catalogue.url} if catalogue else {"reason": "no catalogue page"}
    )
    out["course"] = {"url": courses[0].url} if courses else {"reason": "no live course"}

    text_lesson = h5p_lesson = None
    for lesson in LessonPage.objects.live().order_by("path"):
        kinds = {block.block_type for block in lesson.body}
        if not kinds & {"quiz", "h5p"} and text_lesson is None and "text" in kinds:
            text_lesson = lesson
        if "h5p" in kinds and h5p_lesson is None:
            h5p_lesson = lesson
    out["text_lesson"] = (
        {"url": text_lesson.url}
        if text_lesson
        else {"reason": "no lesson with only text blocks"}
    )
    out["h5p_lesson"] = (
        {"url": h5p_lesson.url}
        if h5p_lesson
        else {"reason": "no live lesson with an H5P block in the database"}
    )

    out["quiz"] = {"reason": "the assessments app has no Quiz model yet"}
    if apps.is_installed("assessments"):
        try:
            quiz_model = apps.get_model("assessments", "Quiz")
        except LookupError:
            quiz_model = None
        if quiz_model is not None:
            enrolled = [c.pk for c in courses]
            quiz = None
            with contextlib.suppress(Exception):
                quiz = (
                    quiz_model.objects.filter(course_id__in=enrolled)
                    .order_by("pk")
                    .first()
                )
            if quiz is None:
                out["quiz"] = {"reason": "no quiz in the database"}
            else:
                from django.urls import NoReverseMatch, reverse

                from assessments.models import Attempt

                # A run measures the page a participant answers on: earlier runs'
                # attempts (which would lead to the results page) are cleared.
                Attempt.objects.filter(quiz=quiz, enrollment__user=participant).delete()

                try:
                    out["quiz"] = {"url": reverse("assessments:quiz", args=[quiz.pk])}
                except NoReverseMatch:
                    out["quiz"] = {"reason": "no assessments:quiz URL"}

    dashboards = [
        route
        for name, route in _url_names("dinas")
        if any(word in name for word in ("dashboard", "dasbor", "home", "index"))
    ]
    out["dinas_dashboard"] = (
        {"url": dashboards[0]}
        if dashboards
        else {"reason": "no Dinas dashboard URL (namespace 'dinas') yet"}
    )

    out["xapi"] = _xapi_target(participant_courses=courses)
    out["quiz_answer"] = _quiz_answer_target(participant=participant, courses=courses)
    return out


def _quiz_answer_target(*, participant, courses) -> dict:
    """An open attempt of the participant's and a valid answer to its first
    question: what the quiz page's script posts as each answer is given."""
    from django.apps import apps
    from django.core.exceptions import ValidationError
    from django.urls import reverse

    if not apps.is_installed("assessments"):
        return {"reason": "no assessments app"}
    from assessments.models import Attempt, Question, Quiz
    from assessments.questions import kind_for
    from assessments.services import attempt_start
    from courses.models import Enrollment

    for quiz in Quiz.objects.filter(course__in=courses).order_by("pk"):
        enrollment = Enrollment.objects.get(user=participant, course=quiz.course)
        Attempt.objects.filter(quiz=quiz, enrollment=enrollment).delete()
        try:
            attempt = attempt_start(quiz=quiz, enrollment=enrollment)
        except ValidationError:
            continue
        for item in attempt.layout:
            question = Question.objects.get(pk=item["q"])
            kind = kind_for(question.kind)
            for value in ("0", "true", "jawaban"):
                try:
                    response = kind.response_from_form(
                        question.data, item["o"], [value]
                    )
                    kind.response_clean(question.data, response)
                except (ValidationError, KeyError, ValueError, TypeError):
                    continue
                if response is None:
                    continue
                return {
                    "url": reverse("assessments:answer_save", args=[attempt.pk]),
                    "body": f"question={question.pk}&q{question.pk}={value}",
                }
    return {"reason": "no quiz the participant can start with an answerable question"}


def _xapi_target(*, participant_courses) -> dict:
    """The xAPI statement URL of an H5P activity in a lesson the participant reads."""
    from django.contrib.contenttypes.models import ContentType
    from django.urls import NoReverseMatch, reverse

    from courses.models import LessonActivity, LessonPage

    try:
        reverse("content:statement", args=[1])
    except NoReverseMatch:
        return {"reason": "no content:statement URL yet"}
    try:
        h5p_type = ContentType.objects.get(app_label="content", model="h5pactivity")
    except ContentType.DoesNotExist:
        return {"reason": "no H5PActivity model yet"}
    lessons = LessonPage.objects.live()
    for course in participant_courses:
        placed = (
            LessonActivity.objects.filter(
                content_type=h5p_type,
                lesson__in=lessons.descendant_of(course),
            )
            .order_by("lesson__path")
            .first()
        )
        if placed:
            return {
                "url": reverse("content:statement", args=[placed.object_id]),
                "lesson": placed.lesson_id,
                "activity": placed.object_id,
            }
    return {"reason": "no H5P activity placed in a live lesson in the database"}


def _state() -> dict:
    """What the scratch database already holds."""
    import django

    django.setup()
    from lms.models import User

    return {"demo": User.objects.filter(email=PARTICIPANT).exists()}


if __name__ == "__main__":
    if sys.argv[1:] == ["discover"]:
        sys.path.insert(0, str(REPO))
        print(json.dumps(_discover()))
    elif sys.argv[1:] == ["state"]:
        sys.path.insert(0, str(REPO))
        print(json.dumps(_state()))
    else:
        raise SystemExit("usage: _common.py discover (run by the benchmarks)")
