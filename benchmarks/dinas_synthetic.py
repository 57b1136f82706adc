"""A synthetic national Dinas programme, for measuring the dashboards at scale.

    .venv/bin/python benchmarks/dinas_synthetic.py [--province 63]
        [--cooperatives 80000] [--courses 4] [--lessons 8] [--certificates]

Use a scratch PostgreSQL database of its own (`DATABASE_URL`, migrated first; see
docs/dinas.md "National benchmark"). All villages, one cooperative per village
except merged villages (which join the cooperative of the village before them),
three board members per cooperative, every participant enrolled in every course,
lesson progress for those who started, and a certificate row for every completed
enrolment. Rows go in with COPY on PostgreSQL (plain batched INSERTs elsewhere, for
the small run of the test suite), then the counters are built from them with the
same GROUP BYs that `counters_reconcile` uses. `--certificates` only adds the
certificate rows to a programme generated before certificates existed.

Benchmark data only: the product never imports this module.
"""

# ruff: noqa: E402  (Django is set up before its models are imported)

import argparse
import datetime
import os
import random
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django
from django.apps import apps

if not apps.ready:  # run as a script; imported by the tests, Django is set up
    django.setup()

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from certificates.models import Certificate, IssuerSequence
from courses.models import CoursePage, Enrollment, LessonPage
from lms.dinas.factories import course_with_lessons
from lms.dinas.reconcile import counters_rebuild
from lms.models import User, Village
from lms.regions import codes
from lms.services import wilayah_load

PHONE_PREFIX = "+62899"
POSITIONS = ("ketua", "bendahara", "pengurus")


@dataclass
class SyntheticCounts:
    villages: int = 0
    cooperatives: int = 0
    participants: int = 0
    enrollments: int = 0
    lesson_progress: int = 0
    certificates: int = 0
    counters: dict | None = None


def _write(table: str, columns: list[str], rows: Iterable[tuple]) -> int:
    """Insert rows fast: COPY on PostgreSQL, executemany in batches elsewhere."""
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cols = ", ".join(columns)
            with cursor.cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            return count
        placeholders = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"  # noqa: S608
        batch: list[tuple] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= 5000:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def _next_id(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")  # noqa: S608
        return cursor.fetchone()[0]


def _reset_sequence(table: str) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
            f"(SELECT MAX(id) FROM {table}))"
        )


def _courses(count: int, lessons: int) -> list[tuple[int, list[int]]]:
    out = []
    for number in range(1, count + 1):
        slug = f"sintetis-{number}"
        course = CoursePage.objects.filter(slug=slug).first()
        if course is None:
            course = course_with_lessons(
                title=f"Kursus Sintetis {number}", lessons=lessons, slug=slug
            )
        lesson_ids = list(
            LessonPage.objects.descendant_of(course)
            .order_by("path")
            .values_list("pk", flat=True)
        )
        out.append((course.pk, lesson_ids))
    return out


@transaction.atomic
def synthetic_programme_generate(
    *,
    cooperatives: int = 80_000,
    province: str = "",
    courses: int = 4,
    lessons: int = 8,
    seed: int = 7,
) -> SyntheticCounts:
    if User.objects.filter(phone__startswith=PHONE_PREFIX).exists():
        raise ValueError("synthetic data is already loaded")
    rng = random.Random(seed)  # noqa: S311 (synthetic data, not secrets)
    now = timezone.now()
    counts = SyntheticCounts()
    villages = Village.objects.order_by("code")
    if province:
        villages = villages.filter(province_id=province)
    villages = list(villages.values_list("code", flat=True))
    counts.villages = len(villages)
    n_coops = min(cooperatives, len(villages))
    extra = len(villages) - n_coops
    course_lessons = _courses(courses, lessons)

    # Cooperatives: one per village; `extra` villages spread evenly join the
    # cooperative of the village before them (merged villages, same district).
    coop_id = _next_id("lms_cooperative")
    homes: list[tuple[int, str]] = []
    links: list[tuple[int, str]] = []
    merged_so_far = 0
    for index, code in enumerate(villages):
        due = (index + 1) * extra // max(1, len(villages))
        if (
            homes
            and due > merged_so_far
            and codes.district_of(code) == codes.district_of(homes[-1][1])
        ):
            merged_so_far += 1
            links.append((homes[-1][0], code))
            continue
        if len(homes) >= n_coops:
            links.append((homes[-1][0], code))
            continue
        homes.append((coop_id, code))
        links.append((coop_id, code))
        coop_id += 1
    counts.cooperatives = _write(
        "lms_cooperative",
        ["id", "name", "kind", "home_village_id", "created_at"],
        ((pk, f"Koperasi Sintetis {code}", "kdkmp", code, now) for pk, code in homes),
    )
    _reset_sequence("lms_cooperative")
    _write("lms_cooperative_villages", ["cooperative_id", "village_id"], links)

    # Participants: three board members per cooperative.
    user_id = _next_id("lms_user")
    first_user = user_id
    password = make_password(None)
    people: list[tuple[int, str]] = []

    def users() -> Iterator[tuple]:
        nonlocal user_id
        for pk, code in homes:
            for position in POSITIONS:
                people.append((user_id, code))
                yield (
                    user_id,
                    password,
                    False,
                    f"Peserta {user_id}",
                    f"{PHONE_PREFIX}{user_id:08d}",
                    "participant",
                    position,
                    pk,
                    code,
                    "Asia/Jakarta",
                    False,
                    True,
                    now,
                )
                user_id += 1

    counts.participants = _write(
        "lms_user",
        [
            "id",
            "password",
            "is_superuser",
            "full_name",
            "phone",
            "role",
            "position",
            "cooperative_id",
            "village_id",
            "timezone",
            "is_staff",
            "is_active",
            "date_joined",
        ],
        users(),
    )
    _reset_sequence("lms_user")

    # Enrolments and lesson progress: a quarter not started, some under way, the
    # rest completed over the last twelve weeks.
    enrollment_id = _next_id("courses_enrollment")
    progress_rows: list[tuple] = []
    last_studied: dict[int, datetime.datetime] = {}

    def enrollments() -> Iterator[tuple]:
        nonlocal enrollment_id
        for pk, _code in people:
            for course_id, lesson_ids in course_lessons:
                roll = rng.random()
                enrolled_at = now - datetime.timedelta(days=100)
                started_at = completed_at = None
                status, percent, done = "enrolled", 0, 0
                if roll >= 0.25:
                    started_at = now - datetime.timedelta(days=rng.randint(10, 95))
                    if roll >= 0.55:
                        status, percent, done = "completed", 100, len(lesson_ids)
                        completed_at = now - datetime.timedelta(
                            days=rng.randint(0, 83), hours=rng.randint(0, 23)
                        )
                        started_at = min(started_at, completed_at)
                    else:
                        done = rng.randint(0, len(lesson_ids) - 1)
                        status = "in_progress"
                        percent = round(100 * done / len(lesson_ids))
                    last_studied[pk] = max(
                        last_studied.get(pk, started_at), completed_at or started_at
                    )
                for position, lesson_id in enumerate(lesson_ids):
                    if started_at is None or position > done:
                        break
                    finished = position < done
                    progress_rows.append(
                        (
                            enrollment_id,
                            lesson_id,
                            "completed" if finished else "in_progress",
                            started_at,
                            (completed_at or started_at) if finished else None,
                        )
                    )
                yield (
                    enrollment_id,
                    pk,
                    course_id,
                    status,
                    percent,
                    enrolled_at,
                    started_at,
                    completed_at,
                )
                enrollment_id += 1

    counts.enrollments = _write(
        "courses_enrollment",
        [
            "id",
            "user_id",
            "course_id",
            "status",
            "progress_percent",
            "enrolled_at",
            "started_at",
            "completed_at",
        ],
        enrollments(),
    )
    _reset_sequence("courses_enrollment")
    counts.lesson_progress = _write(
        "courses_lessonprogress",
        ["enrollment_id", "lesson_id", "status", "started_at", "completed_at"],
        progress_rows,
    )
    progress_rows.clear()
    if connection.vendor == "postgresql":
        _write_last_studied(last_studied, first_user)
    else:
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE lms_user SET last_studied_at = %s WHERE id = %s",
                [(when, pk) for pk, when in last_studied.items()],
            )
    counts.certificates = synthetic_certificates_generate()
    counts.counters = counters_rebuild()
    return counts


SYNTHETIC_ISSUER = "sintetis"
REVOKED_EVERY = 50  # one certificate in 50 is revoked, so revocations are counted


@transaction.atomic
def synthetic_certificates_generate(*, revoked_every: int = REVOKED_EVERY) -> int:
    """A certificate row for every completed synthetic enrolment that has none.

    Rows only (status, number, dates, what the certificate says): no PDF is drawn
    and `file` names a placeholder that does not exist, so these certificates
    cannot be downloaded; they exist for the counters, coverage and benchmarks.
    One in `revoked_every` is revoked. Idempotent; run `counters_rebuild` after.
    """
    enrollments = (
        Enrollment.objects.filter(
            user__phone__startswith=PHONE_PREFIX,
            completed_at__isnull=False,
            certificate__isnull=True,
        )
        .order_by("pk")
        .values_list(
            "pk",
            "completed_at",
            "user__full_name",
            "user__position",
            "user__cooperative__name",
            "user__village__name",
            "user__village__regency__name",
            "course__title",
            "course__code",
        )
    )
    last_seq = dict(
        IssuerSequence.objects.filter(issuer_key=SYNTHETIC_ISSUER).values_list(
            "year", "last_value"
        )
    )
    fields = [
        f
        for f in Certificate._meta.concrete_fields
        if not f.primary_key and not f.auto_created
    ]
    now = timezone.now()

    def rows(batch: list[tuple], first: int) -> Iterator[tuple]:
        for index, row in enumerate(batch, start=first):
            pk, completed_at, holder, position, coop, village, regency = row[:7]
            title, course_code = row[7:]
            completed_on = timezone.localdate(completed_at)
            year = completed_on.year
            last_seq[year] = seq = last_seq.get(year, 0) + 1
            issued = completed_at + datetime.timedelta(minutes=5)
            revoked = revoked_every and index % revoked_every == revoked_every - 1
            values = {
                "enrollment": pk,
                "template": None,
                "number": f"{seq:07d}/{course_code or 'SINT'}/SINTETIS/{year}",
                "code": f"sintetis-{pk}",
                "issuer_key": SYNTHETIC_ISSUER,
                "seq": seq,
                "year": year,
                "status": "revoked" if revoked else "valid",
                "file": f"sintetis/{pk}.pdf",
                "holder_name": holder,
                "course_title": title,
                "issuer_name": "Balai Sintetis",
                "completed_on": completed_on,
                "position": position or "",
                "cooperative_name": coop or "",
                "village_name": village or "",
                "regency_name": regency or "",
                "created_at": issued,
                "issued_at": issued,
                "rendered_at": issued,
                "revoked_at": now if revoked else None,
                "revoked_reason": "Data sintetis" if revoked else "",
            }
            yield tuple(
                values[f.name] if f.name in values else f.get_default() for f in fields
            )

    # In batches: a COPY cannot run while a cursor still streams on the connection.
    written, after = 0, 0
    columns = [f.column for f in fields]
    while batch := list(enrollments.filter(pk__gt=after)[:50_000]):
        written += _write(Certificate._meta.db_table, columns, rows(batch, written))
        after = batch[-1][0]
    for year, value in last_seq.items():
        IssuerSequence.objects.update_or_create(
            issuer_key=SYNTHETIC_ISSUER, year=year, defaults={"last_value": value}
        )
    return written


def _write_last_studied(last_studied: dict, first_user: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE synthetic_last (id bigint, at timestamptz) ON COMMIT DROP"
        )
    _write("synthetic_last", ["id", "at"], last_studied.items())
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE lms_user u SET last_studied_at = s.at FROM synthetic_last s "
            "WHERE u.id = s.id AND u.id >= %s",
            [first_user],
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cooperatives", type=int, default=80_000)
    parser.add_argument("--province", default="", help="Only this province.")
    parser.add_argument("--courses", type=int, default=4)
    parser.add_argument("--lessons", type=int, default=8)
    parser.add_argument(
        "--certificates",
        action="store_true",
        help="Only add certificate rows to an already generated programme "
        "(no PDFs), then rebuild every counter.",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    if args.certificates:
        made = synthetic_certificates_generate()
        sizes = counters_rebuild()
        print(
            f"{made} certificates, counters {sizes} "
            f"in {time.perf_counter() - started:.0f} s"
        )
        return
    regions = wilayah_load(province_code=args.province)
    print(f"Regions: {regions} ({time.perf_counter() - started:.0f} s)")
    try:
        counts = synthetic_programme_generate(
            cooperatives=args.cooperatives,
            province=args.province,
            courses=args.courses,
            lessons=args.lessons,
        )
    except ValueError as exc:
        sys.exit(str(exc))
    print(f"{counts} in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
