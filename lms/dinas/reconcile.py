"""Recomputing every Dinas counter from the raw rows, to prove they agree (or repair).

The ledger (`lms.dinas.ledger`) moves the counters in the same transaction as the
facts that change them. Here each table is recomputed from scratch with plain
GROUP BYs over the enrolments, certificates, people, cooperatives and villages,
through the same coverage definition (`ledger.coverage`), compared row by row,
and — only when asked — rewritten.

A stored row that is missing counts as zeros (rows are created on first use). A
regency's tally also carries its number of villages, which the dashboards read
from the regions when the row is missing; so a missing `RegencyTally` only
differs when the regency has participants or cooperatives.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import models, transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncWeek

from certificates.models import Certificate
from courses.models import Enrollment
from lms.models import Cooperative, Role, User, Village
from lms.regions import codes

from .ledger import PROGRESS_FIELDS as COUNTER_FIELDS
from .ledger.coverage import covering_courses, villages_covered
from .models import (
    CompletionWeek,
    CooperativeCourseCounter,
    RegencyCompletionWeek,
    RegencyCourseCounter,
    RegencyTally,
    VillageCourseCounter,
    VillageTally,
)

VALID = Certificate.Status.VALID


@dataclass
class Difference:
    table: str
    key: tuple
    stored: dict
    computed: dict


@dataclass
class Table:
    name: str
    model: type[models.Model]
    keys: tuple[str, ...]
    figures: tuple[str, ...]
    compute: Callable[[], dict[tuple, dict[str, int]]]
    # Columns a rebuilt row needs besides its keys and figures, from its key.
    columns_of: Callable[[tuple], dict] = lambda key: {}
    # Figures that must be zero for a missing row to agree (default: all).
    zero_when_missing: tuple[str, ...] | None = None


def _regions(village_id: str) -> dict:
    return codes.region_columns(village_id)


def _province(key: tuple) -> dict:
    return {"province_id": codes.province_of(key[0])}


def _week(value):
    return value.date() if hasattr(value, "date") else value


def computed_counters() -> dict[tuple, dict[str, int]]:
    """(village, course) → enrolled, started, completed, certified, covering."""
    rows = (
        Enrollment.objects.filter(user__village__isnull=False)
        .values("user__village_id", "course_id")
        .annotate(
            enrolled=Count("id"),
            started=Count("id", filter=Q(started_at__isnull=False)),
            completed=Count("id", filter=Q(completed_at__isnull=False)),
            certified=Count("id", filter=Q(certificate__status=VALID)),
        )
        .order_by()
    )
    out: dict[tuple, dict[str, int]] = {}
    for r in rows.iterator(chunk_size=20000):
        out[(r["user__village_id"], r["course_id"])] = {
            **{m: r[m] for m in COUNTER_FIELDS},
            "covering": 0,
        }
    courses_of = covering_courses(
        (cooperative_id, course_id, figures["certified"])
        for (cooperative_id, course_id), figures in computed_cooperatives().items()
    )
    if courses_of:
        links = Cooperative.villages.through.objects.values_list(
            "cooperative_id", "village_id"
        )
        covering = villages_covered(courses_of, links.iterator(chunk_size=20000))
        for key, n in covering.items():
            figures = out.setdefault(
                key, {**dict.fromkeys(COUNTER_FIELDS, 0), "covering": 0}
            )
            figures["covering"] = n
    return out


def computed_regency_counters(counters=None) -> dict[tuple, dict[str, int]]:
    counters = computed_counters() if counters is None else counters
    out: dict[tuple, dict[str, int]] = {}
    for (village_id, course_id), figures in counters.items():
        row = out.setdefault(
            (codes.regency_of(village_id), course_id),
            {**dict.fromkeys(COUNTER_FIELDS, 0), "covered": 0},
        )
        for m in COUNTER_FIELDS:
            row[m] += figures[m]
        row["covered"] += 1 if figures["covering"] else 0
    return out


def computed_weeks() -> dict[tuple, dict[str, int]]:
    rows = (
        Enrollment.objects.filter(
            user__village__isnull=False, completed_at__isnull=False
        )
        .annotate(week=TruncWeek("completed_at"))
        .values("user__village_id", "course_id", "week")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {
        (r["user__village_id"], r["course_id"], _week(r["week"])): {"completed": r["n"]}
        for r in rows.iterator(chunk_size=20000)
    }


def computed_regency_weeks(weeks=None) -> dict[tuple, dict[str, int]]:
    weeks = computed_weeks() if weeks is None else weeks
    out: dict[tuple, dict[str, int]] = {}
    for (village_id, course_id, week), figures in weeks.items():
        key = (codes.regency_of(village_id), course_id, week)
        row = out.setdefault(key, {"completed": 0})
        row["completed"] += figures["completed"]
    return out


def computed_village_tallies(counters=None) -> dict[tuple, dict[str, int]]:
    counters = computed_counters() if counters is None else counters
    out: dict[tuple, dict[str, int]] = defaultdict(
        lambda: {"participants": 0, "cooperatives": 0, "courses_covered": 0}
    )
    for (village_id, _course_id), figures in counters.items():
        if figures["covering"]:
            out[(village_id,)]["courses_covered"] += 1
    people = (
        User.objects.filter(role=Role.PARTICIPANT, village__isnull=False)
        .values("village_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for r in people.iterator(chunk_size=20000):
        out[(r["village_id"],)]["participants"] = r["n"]
    cooperatives = (
        Cooperative.objects.values("home_village_id").annotate(n=Count("id")).order_by()
    )
    for r in cooperatives.iterator(chunk_size=20000):
        out[(r["home_village_id"],)]["cooperatives"] = r["n"]
    return dict(out)


def computed_regency_tallies(tallies=None) -> dict[tuple, dict[str, int]]:
    tallies = computed_village_tallies() if tallies is None else tallies
    out: dict[tuple, dict[str, int]] = {}
    villages = Village.objects.values("regency_id").annotate(n=Count("code")).order_by()
    for r in villages:
        out[(r["regency_id"],)] = {
            "villages": r["n"],
            "participants": 0,
            "cooperatives": 0,
        }
    for (village_id,), figures in tallies.items():
        row = out.setdefault(
            (codes.regency_of(village_id),),
            {"villages": 0, "participants": 0, "cooperatives": 0},
        )
        row["participants"] += figures["participants"]
        row["cooperatives"] += figures["cooperatives"]
    return out


def computed_cooperatives() -> dict[tuple, dict[str, int]]:
    """(cooperative, course) → valid certificates of its participants."""
    rows = (
        Enrollment.objects.filter(
            user__cooperative__isnull=False, certificate__status=VALID
        )
        .values("user__cooperative_id", "course_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {
        (r["user__cooperative_id"], r["course_id"]): {"certified": r["n"]}
        for r in rows.iterator(chunk_size=20000)
    }


def tables() -> list[Table]:
    """Every counter table, with how to recompute it (shared work computed once)."""
    cache: dict[str, dict] = {}

    def once(name: str, compute: Callable[[], dict]) -> Callable[[], dict]:
        def run() -> dict:
            if name not in cache:
                cache[name] = compute()
            return cache[name]

        return run

    counters = once("counters", computed_counters)
    weeks = once("weeks", computed_weeks)
    tallies = once("tallies", lambda: computed_village_tallies(counters()))
    return [
        Table(
            "counter",
            VillageCourseCounter,
            ("village_id", "course_id"),
            (*COUNTER_FIELDS, "covering"),
            counters,
            columns_of=lambda key: _regions(key[0]),
        ),
        Table(
            "regency_counter",
            RegencyCourseCounter,
            ("regency_id", "course_id"),
            (*COUNTER_FIELDS, "covered"),
            once("regency_counters", lambda: computed_regency_counters(counters())),
            columns_of=_province,
        ),
        Table(
            "week",
            CompletionWeek,
            ("village_id", "course_id", "week"),
            ("completed",),
            weeks,
            columns_of=lambda key: _regions(key[0]),
        ),
        Table(
            "regency_week",
            RegencyCompletionWeek,
            ("regency_id", "course_id", "week"),
            ("completed",),
            once("regency_weeks", lambda: computed_regency_weeks(weeks())),
            columns_of=_province,
        ),
        Table(
            "village_tally",
            VillageTally,
            ("village_id",),
            ("participants", "cooperatives", "courses_covered"),
            tallies,
            columns_of=lambda key: _regions(key[0]),
        ),
        Table(
            "regency_tally",
            RegencyTally,
            ("regency_id",),
            ("villages", "participants", "cooperatives"),
            once("regency_tallies", lambda: computed_regency_tallies(tallies())),
            columns_of=_province,
            zero_when_missing=("participants", "cooperatives"),
        ),
        Table(
            "cooperative_counter",
            CooperativeCourseCounter,
            ("cooperative_id", "course_id"),
            ("certified",),
            computed_cooperatives,
        ),
    ]


def _differences(table: Table) -> Iterable[Difference]:
    computed = table.compute()
    zero = dict.fromkeys(table.figures, 0)
    seen = set()
    stored_rows = table.model.objects.values(*table.keys, *table.figures).order_by()
    for row in stored_rows.iterator(chunk_size=20000):
        key = tuple(row[k] for k in table.keys)
        seen.add(key)
        stored = {f: row[f] for f in table.figures}
        expected = computed.get(key, zero)
        if stored != expected:
            yield Difference(table.name, key, stored, expected)
    must_be_zero = table.zero_when_missing or table.figures
    for key, expected in computed.items():
        if key not in seen and any(expected[f] for f in must_be_zero):
            yield Difference(table.name, key, zero, expected)


def counters_differences() -> list[Difference]:
    """Every counter that disagrees with the raw rows (none, if all is well)."""
    return [d for table in tables() for d in _differences(table)]


@transaction.atomic
def counters_rebuild() -> dict[str, int]:
    """Rewrite every counter table from the raw rows; returns their sizes."""
    sizes = {}
    for table in tables():
        table.model.objects.all().delete()
        rows = [
            table.model(
                **dict(zip(table.keys, key, strict=True)),
                **table.columns_of(key),
                **figures,
            )
            for key, figures in table.compute().items()
        ]
        table.model.objects.bulk_create(rows, batch_size=5000)
        sizes[table.name] = len(rows)
    return sizes
