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


# ---------------------------------------------------------------- batches


def _add_rows(
    model: type[models.Model],
    *,
    key_fields: tuple[str, ...],
    moves: Mapping[tuple, Mapping[str, int]],
    defaults_of,
) -> None:
    """`_add` for many rows of a table keyed by `key_fields`, in a few statements.

    Existing rows are locked first in key order (two batches never wait on each
    other in a cycle), missing rows are created at zero (ignoring any created
    meanwhile), then one UPDATE per distinct set of deltas adds to them.
    """
    moves = {k: {n: d for n, d in m.items() if d} for k, m in moves.items()}
    moves = {k: m for k, m in moves.items() if m}
    if not moves:
        return
    first, rest = key_fields[0], key_fields[1:]

    def filtered(keys: list[tuple]):
        """Querysets for `keys`, grouped by all key fields but the first."""
        by_rest: dict[tuple, list] = {}
        for key in keys:
            by_rest.setdefault(key[1:], []).append(key[0])
        for rest_values, firsts in sorted(by_rest.items()):
            for start in range(0, len(firsts), 900):
                yield model.objects.filter(
                    **dict(zip(rest, rest_values, strict=True)),
                    **{f"{first}__in": firsts[start : start + 900]},
                )

    keys = sorted(moves)
    with transaction.atomic():
        known: set[tuple] = set()
        for queryset in filtered(keys):
            known.update(
                queryset.select_for_update()
                .order_by(*key_fields)
                .values_list(*key_fields)
            )
        model.objects.bulk_create(
            [
                model(**dict(zip(key_fields, k, strict=True)), **defaults_of(k))
                for k in keys
                if k not in known
            ],
            batch_size=500,
            ignore_conflicts=True,
        )
        by_delta: dict[tuple, list[tuple]] = {}
        for k in keys:
            by_delta.setdefault(tuple(sorted(moves[k].items())), []).append(k)
        for deltas, group in sorted(by_delta.items()):
            for queryset in filtered(group):
                queryset.update(**{n: F(n) + d for n, d in deltas})


def counters_certificates_issued(*, enrollments) -> None:
    """`counters_certificate_issued` for many certificates at once (batch issuing).

    The same rows move by the same amounts as one call per certificate would
    (certified per village, regency and cooperative × course; coverage when a
    cooperative reaches the threshold), in a few statements per table however
    many certificates: the batch path's finishing transaction calls this once.
    """
    from collections import Counter

    from lms.models import Cooperative, User

    enrollments = list(enrollments)
    if not enrollments:
        return
    rows = User.objects.filter(pk__in={e.user_id for e in enrollments}).values_list(
        "pk", "village_id", "cooperative_id"
    )
    holders = {
        pk: (village_id, cooperative_id) for pk, village_id, cooperative_id in rows
    }
    villages: Counter = Counter()
    regencies: Counter = Counter()
    cooperatives: Counter = Counter()
    for enrollment in enrollments:
        village_id, cooperative_id = holders.get(enrollment.user_id, (None, None))
        if village_id is not None:
            villages[(village_id, enrollment.course_id)] += 1
            regencies[(village_id[:5], enrollment.course_id)] += 1
        if cooperative_id is not None:
            cooperatives[(cooperative_id, enrollment.course_id)] += 1
    _add_rows(
        VillageCourseCounter,
        key_fields=("village_id", "course_id"),
        moves={k: {"certified": n} for k, n in villages.items()},
        defaults_of=lambda k: _regions(k[0]),
    )
    _add_rows(
        RegencyCourseCounter,
        key_fields=("regency_id", "course_id"),
        moves={k: {"certified": n} for k, n in regencies.items()},
        defaults_of=lambda k: {"province_id": k[0][:2]},
    )
    _add_rows(
        CooperativeCourseCounter,
        key_fields=("cooperative_id", "course_id"),
        moves={k: {"certified": n} for k, n in cooperatives.items()},
        defaults_of=lambda k: {},
    )
    # Coverage: cooperatives that reached the threshold with this batch.
    need = coverage_participants()
    reached: list[tuple[int, int]] = []
    by_course: dict[int, list[int]] = {}
    for cooperative_id, course_id in cooperatives:
        by_course.setdefault(course_id, []).append(cooperative_id)
    for course_id, cooperative_ids in sorted(by_course.items()):
        for start in range(0, len(cooperative_ids), 900):
            rows = CooperativeCourseCounter.objects.filter(
                course_id=course_id,
                cooperative_id__in=cooperative_ids[start : start + 900],
            ).values_list("cooperative_id", "certified")
            for cooperative_id, now in rows:
                before = now - cooperatives[(cooperative_id, course_id)]
                if before < need <= now:
                    reached.append((cooperative_id, course_id))
    if not reached:
        return
    served: dict[int, list[str]] = {}
    links = Cooperative.villages.through.objects.filter(
        cooperative_id__in={c for c, _course in reached}
    ).values_list("cooperative_id", "village_id")
    for cooperative_id, village_id in links:
        served.setdefault(cooperative_id, []).append(village_id)
    covering: Counter = Counter()
    for cooperative_id, course_id in reached:
        for village_id in served.get(cooperative_id, ()):
            covering[(village_id, course_id)] += 1
    _counters_covering_added(covering=covering)


def _counters_covering_added(*, covering: Mapping[tuple[str, int], int]) -> None:
    """More covering cooperatives per (village, course): `_covering` in bulk."""
    from collections import Counter

    _add_rows(
        VillageCourseCounter,
        key_fields=("village_id", "course_id"),
        moves={k: {"covering": n} for k, n in covering.items()},
        defaults_of=lambda k: _regions(k[0]),
    )
    turned: list[tuple[str, int]] = []
    by_course: dict[int, list[str]] = {}
    for village_id, course_id in covering:
        by_course.setdefault(course_id, []).append(village_id)
    for course_id, village_ids in sorted(by_course.items()):
        for start in range(0, len(village_ids), 900):
            rows = VillageCourseCounter.objects.filter(
                course_id=course_id, village_id__in=village_ids[start : start + 900]
            ).values_list("village_id", "covering")
            for village_id, now in rows:
                if now > 0 and now == covering[(village_id, course_id)]:
                    turned.append((village_id, course_id))
    regencies: Counter = Counter((v[:5], c) for v, c in turned)
    _add_rows(
        RegencyCourseCounter,
        key_fields=("regency_id", "course_id"),
        moves={k: {"covered": n} for k, n in regencies.items()},
        defaults_of=lambda k: {"province_id": k[0][:2]},
    )
    tallies: Counter = Counter((v,) for v, _c in turned)
    _add_rows(
        VillageTally,
        key_fields=("village_id",),
        moves={k: {"courses_covered": n} for k, n in tallies.items()},
        defaults_of=lambda k: _regions(k[0]),
    )
