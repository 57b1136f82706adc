"""Moving the Dinas counters; called inside the transactions that change the facts.

Three families of rows move together, always in the caller's transaction:

- progress per village × course (`VillageCourseCounter`, `CompletionWeek`) and the
  same summed per regency × course (`RegencyCourseCounter`, `RegencyCompletionWeek`);
- registrations per village (`VillageTally`: participants, cooperatives) and per
  regency (`RegencyTally`, which also holds the regency's number of villages);
- coverage: valid certificates per cooperative × course
  (`CooperativeCourseCounter`); when a cooperative reaches (or falls below)
  `DINAS_COVERAGE_PARTICIPANTS`, `covering` moves on every village it serves, and
  the regency's `covered` when a village turns covered or uncovered.

Every move is `UPDATE … SET n = n + d` (the row is created on first use), so two
transactions moving one row serialise on its row lock instead of losing a count.
`lms.dinas.reconcile` recomputes all of them from the raw tables.
"""

import datetime
from collections.abc import Mapping

from django.conf import settings
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from .models import (
    CompletionWeek,
    CooperativeCourseCounter,
    RegencyCompletionWeek,
    RegencyCourseCounter,
    RegencyTally,
    VillageCourseCounter,
    VillageTally,
)

COUNTER_FIELDS = ("enrolled", "started", "completed", "certified")


def coverage_participants() -> int:
    """Certified participants a cooperative needs for its villages to be covered."""
    return max(1, getattr(settings, "DINAS_COVERAGE_PARTICIPANTS", 3))


def _add(
    model: type[models.Model],
    *,
    keys: Mapping,
    defaults: Mapping | None = None,
    deltas: Mapping[str, int],
) -> None:
    """Add `deltas` to the row at `keys`, creating it (with `defaults`) if new."""
    changes = {name: F(name) + delta for name, delta in deltas.items()}
    with transaction.atomic():
        if model.objects.filter(**keys).update(**changes):
            return
        _row, created = model.objects.get_or_create(
            **keys, defaults={**(defaults or {}), **deltas}
        )
        if not created:
            model.objects.filter(**keys).update(**changes)


def _regions(village_id: str) -> dict:
    return {"regency_id": village_id[:5], "province_id": village_id[:2]}


def _bump(
    *, village_id: str | None, course_id: int, field: str, delta: int = 1
) -> None:
    if village_id is None:
        return
    regions = _regions(village_id)
    _add(
        VillageCourseCounter,
        keys={"village_id": village_id, "course_id": course_id},
        defaults=regions,
        deltas={field: delta},
    )
    _add(
        RegencyCourseCounter,
        keys={"regency_id": regions["regency_id"], "course_id": course_id},
        defaults={"province_id": regions["province_id"]},
        deltas={field: delta},
    )


def _holder(enrollment) -> tuple[str | None, int | None]:
    """The village and cooperative of an enrolment's participant, now."""
    row = (
        type(enrollment.user)
        .objects.filter(pk=enrollment.user_id)
        .values_list("village_id", "cooperative_id")
        .first()
    )
    return row if row else (None, None)


def _village_of(enrollment) -> str | None:
    return _holder(enrollment)[0]


def counters_enrollment_created(*, enrollment) -> None:
    _bump(
        village_id=_village_of(enrollment),
        course_id=enrollment.course_id,
        field="enrolled",
    )


def counters_enrollment_started(*, enrollment) -> None:
    _bump(
        village_id=_village_of(enrollment),
        course_id=enrollment.course_id,
        field="started",
    )


def week_of(moment: datetime.datetime | None) -> datetime.date:
    """The Monday of the week a moment falls in (in the site's time zone)."""
    day = timezone.localdate(moment) if moment else timezone.localdate()
    return day - datetime.timedelta(days=day.weekday())


def _bump_week(*, village_id: str | None, course_id: int, week: datetime.date) -> None:
    if village_id is None:
        return
    regions = _regions(village_id)
    _add(
        CompletionWeek,
        keys={"village_id": village_id, "course_id": course_id, "week": week},
        defaults=regions,
        deltas={"completed": 1},
    )
    _add(
        RegencyCompletionWeek,
        keys={
            "regency_id": regions["regency_id"],
            "course_id": course_id,
            "week": week,
        },
        defaults={"province_id": regions["province_id"]},
        deltas={"completed": 1},
    )


def counters_enrollment_completed(*, enrollment) -> None:
    village_id = _village_of(enrollment)
    _bump(village_id=village_id, course_id=enrollment.course_id, field="completed")
    _bump_week(
        village_id=village_id,
        course_id=enrollment.course_id,
        week=week_of(getattr(enrollment, "completed_at", None)),
    )


# ---------------------------------------------------------------- coverage


def _covering(*, village_id: str, course_id: int, delta: int) -> None:
    """One more (or one fewer) covering cooperative for a village × course."""
    regions = _regions(village_id)
    _add(
        VillageCourseCounter,
        keys={"village_id": village_id, "course_id": course_id},
        defaults=regions,
        deltas={"covering": delta},
    )
    now = (
        VillageCourseCounter.objects.filter(village_id=village_id, course_id=course_id)
        .values_list("covering", flat=True)
        .get()
    )
    if (delta > 0 and now == delta) or (delta < 0 and now == 0):
        step = 1 if delta > 0 else -1
        _add(
            RegencyCourseCounter,
            keys={"regency_id": regions["regency_id"], "course_id": course_id},
            defaults={"province_id": regions["province_id"]},
            deltas={"covered": step},
        )
        _add(
            VillageTally,
            keys={"village_id": village_id},
            defaults=regions,
            deltas={"courses_covered": step},
        )


def _cooperative_certified(
    *, cooperative_id: int | None, course_id: int, delta: int
) -> None:
    if cooperative_id is None:
        return
    from lms.models import Cooperative

    keys = {"cooperative_id": cooperative_id, "course_id": course_id}
    _add(CooperativeCourseCounter, keys=keys, deltas={"certified": delta})
    now = (
        CooperativeCourseCounter.objects.filter(**keys)
        .values_list("certified", flat=True)
        .get()
    )
    before, need = now - delta, coverage_participants()
    if before < need <= now:
        step = 1
    elif now < need <= before:
        step = -1
    else:
        return
    villages = (
        Cooperative.villages.through.objects.filter(cooperative_id=cooperative_id)
        .order_by("village_id")
        .values_list("village_id", flat=True)
    )
    for village_id in villages:
        _covering(village_id=village_id, course_id=course_id, delta=step)


def counters_certificate_issued(*, enrollment) -> None:
    """A certificate became valid (issued, or reinstated by a reissue)."""
    village_id, cooperative_id = _holder(enrollment)
    _bump(village_id=village_id, course_id=enrollment.course_id, field="certified")
    _cooperative_certified(
        cooperative_id=cooperative_id, course_id=enrollment.course_id, delta=1
    )


def counters_certificate_revoked(*, enrollment) -> None:
    """A valid certificate was revoked: it no longer counts, nor covers."""
    village_id, cooperative_id = _holder(enrollment)
    _bump(
        village_id=village_id,
        course_id=enrollment.course_id,
        field="certified",
        delta=-1,
    )
    _cooperative_certified(
        cooperative_id=cooperative_id, course_id=enrollment.course_id, delta=-1
    )


# ---------------------------------------------------------------- registrations


def _add_many(
    model: type[models.Model],
    *,
    key: str,
    moves: Mapping[str, dict[str, int]],
    defaults_of,
) -> None:
    """`_add` for many rows at once: missing rows are created at zero (ignoring
    any created meanwhile), then one UPDATE per distinct delta adds to them."""
    if not moves:
        return
    keys = sorted(moves)
    with transaction.atomic():
        known: set[str] = set()
        for start in range(0, len(keys), 900):
            known.update(
                model.objects.filter(
                    **{f"{key}__in": keys[start : start + 900]}
                ).values_list(key, flat=True)
            )
        model.objects.bulk_create(
            [model(**{key: k}, **defaults_of(k)) for k in keys if k not in known],
            batch_size=500,
            ignore_conflicts=True,
        )
        by_delta: dict[tuple, list[str]] = {}
        for k in keys:
            deltas = tuple(sorted((n, d) for n, d in moves[k].items() if d))
            if deltas:
                by_delta.setdefault(deltas, []).append(k)
        for deltas, group in sorted(by_delta.items()):
            for start in range(0, len(group), 900):
                model.objects.filter(
                    **{f"{key}__in": group[start : start + 900]}
                ).update(**{n: F(n) + d for n, d in deltas})


def counters_registrations_moved(
    *,
    participants: Mapping[str, int] | None = None,
    cooperatives: Mapping[str, int] | None = None,
) -> None:
    """Participants and cooperatives added (or removed) per village code.

    Called with one village by `lms.services` and with a whole file's worth by
    the programme import (a few statements, however many villages).
    """
    from lms.models import Village

    by_village: dict[str, dict[str, int]] = {}
    by_regency: dict[str, dict[str, int]] = {}
    for name, moves in (
        ("participants", participants or {}),
        ("cooperatives", cooperatives or {}),
    ):
        for village_id, delta in moves.items():
            if village_id and delta:
                for target, k in (
                    (by_village, village_id),
                    (by_regency, village_id[:5]),
                ):
                    row = target.setdefault(k, {})
                    row[name] = row.get(name, 0) + delta
    _add_many(VillageTally, key="village_id", moves=by_village, defaults_of=_regions)
    _add_many(
        RegencyTally,
        key="regency_id",
        moves=by_regency,
        defaults_of=lambda regency_id: {
            "province_id": regency_id[:2],
            "villages": Village.objects.filter(regency_id=regency_id).count(),
        },
    )


def counters_participant_registered(*, user) -> None:
    if user.village_id:
        counters_registrations_moved(participants={user.village_id: 1})


def counters_cooperative_created(*, cooperative) -> None:
    counters_registrations_moved(cooperatives={cooperative.home_village_id: 1})


def counters_cooperative_villages_added(*, links: set[tuple[int, str]]) -> None:
    """A cooperative now serves more villages: they share its coverage.

    `links` are new (cooperative, village) pairs only.
    """
    if not links:
        return
    cooperative_ids = sorted({c for c, _v in links})
    covering = CooperativeCourseCounter.objects.filter(
        cooperative_id__in=cooperative_ids, certified__gte=coverage_participants()
    ).values_list("cooperative_id", "course_id")
    courses_of: dict[int, list[int]] = {}
    for cooperative_id, course_id in covering:
        courses_of.setdefault(cooperative_id, []).append(course_id)
    for cooperative_id, village_id in sorted(links):
        for course_id in sorted(courses_of.get(cooperative_id, ())):
            _covering(village_id=village_id, course_id=course_id, delta=1)
