"""Recomputing the counters from the progress rows, to prove they agree (or repair).

`VillageCourseCounter` and `CompletionWeek` move in the same transaction as the
progress that changes them (`lms.dinas.counters`). Here they are recomputed from
scratch with plain GROUP BYs over the enrolments (and certificates), compared, and
— only when asked — rewritten.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncWeek

from .models import CompletionWeek, VillageCourseCounter
from .selectors import METRICS, _certificate_model


@dataclass
class Difference:
    table: str
    key: tuple
    stored: dict
    computed: dict


def computed_counters() -> dict[tuple[str, int], dict[str, int]]:
    from courses.models import Enrollment

    aggregates = {
        "enrolled": Count("id"),
        "started": Count("id", filter=Q(started_at__isnull=False)),
        "completed": Count("id", filter=Q(completed_at__isnull=False)),
    }
    if _certificate_model() is not None:
        aggregates["certified"] = Count(
            "id", filter=Q(certificate__issued_at__isnull=False)
        )
    rows = (
        Enrollment.objects.filter(user__village__isnull=False)
        .values("user__village_id", "course_id")
        .annotate(**aggregates)
        .order_by()
    )
    return {
        (r["user__village_id"], r["course_id"]): {m: r.get(m, 0) for m in METRICS}
        for r in rows.iterator(chunk_size=20000)
    }


def computed_weeks() -> dict[tuple[str, int, object], int]:
    from courses.models import Enrollment

    rows = (
        Enrollment.objects.filter(
            user__village__isnull=False, completed_at__isnull=False
        )
        .annotate(week=TruncWeek("completed_at"))
        .values("user__village_id", "course_id", "week")
        .annotate(n=Count("id"))
        .order_by()
    )
    out = {}
    for r in rows.iterator(chunk_size=20000):
        week = r["week"].date() if hasattr(r["week"], "date") else r["week"]
        out[(r["user__village_id"], r["course_id"], week)] = r["n"]
    return out


def counters_differences() -> list[Difference]:
    """Every counter that disagrees with the progress rows (none, if all is well)."""
    differences: list[Difference] = []
    computed = computed_counters()
    zero = dict.fromkeys(METRICS, 0)
    seen = set()
    for row in VillageCourseCounter.objects.values(
        "village_id", "course_id", *METRICS
    ).iterator(chunk_size=20000):
        key = (row["village_id"], row["course_id"])
        seen.add(key)
        stored = {m: row[m] for m in METRICS}
        expected = computed.get(key, zero)
        if stored != expected:
            differences.append(Difference("counter", key, stored, expected))
    for key, expected in computed.items():
        if key not in seen and expected != zero:
            differences.append(Difference("counter", key, zero, expected))
    weeks = computed_weeks()
    seen_weeks = set()
    for row in CompletionWeek.objects.values(
        "village_id", "course_id", "week", "completed"
    ).iterator(chunk_size=20000):
        key = (row["village_id"], row["course_id"], row["week"])
        seen_weeks.add(key)
        if row["completed"] != weeks.get(key, 0):
            differences.append(
                Difference(
                    "week",
                    key,
                    {"completed": row["completed"]},
                    {"completed": weeks.get(key, 0)},
                )
            )
    for key, n in weeks.items():
        if key not in seen_weeks and n:
            differences.append(
                Difference("week", key, {"completed": 0}, {"completed": n})
            )
    return differences


@transaction.atomic
def counters_rebuild() -> tuple[int, int]:
    """Rewrite both counter tables from the progress rows; returns their sizes."""
    VillageCourseCounter.objects.all().delete()
    CompletionWeek.objects.all().delete()
    counters = [
        VillageCourseCounter(
            village_id=village,
            course_id=course,
            regency_id=village[:5],
            province_id=village[:2],
            **figures,
        )
        for (village, course), figures in computed_counters().items()
    ]
    VillageCourseCounter.objects.bulk_create(counters, batch_size=5000)
    weeks = [
        CompletionWeek(
            village_id=village,
            course_id=course,
            week=week,
            regency_id=village[:5],
            province_id=village[:2],
            completed=n,
        )
        for (village, course, week), n in computed_weeks().items()
    ]
    CompletionWeek.objects.bulk_create(weeks, batch_size=5000)
    return len(counters), len(weeks)
