"""The ledger's one write path: entries are collected, then posted in a few
statements per table however many there are (a single change is a batch of one).

Every move is `UPDATE … SET n = n + d` on rows created at zero on first use, so
two transactions moving one row serialise on its row lock instead of losing a
count. A batch of several rows locks them first in key order, so two batches
never wait on each other in a cycle; tables are always posted in the same order
(village, regency, weeks, tallies, cooperatives, then coverage).
"""

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from django.db import models, transaction
from django.db.models import Count, F
from django.utils import timezone

from lms.models import Cooperative, Village
from lms.regions import codes

from ..models import (
    CompletionWeek,
    CooperativeCourseCounter,
    RegencyCompletionWeek,
    RegencyCourseCounter,
    RegencyTally,
    VillageCourseCounter,
    VillageTally,
)
from .coverage import covering_courses, covers, villages_covered

PROGRESS_FIELDS = ("enrolled", "started", "completed", "certified")
_CHUNK = 900  # under SQLite's limit on query parameters

Key = tuple
Moves = Mapping[Key, Mapping[str, int]]


def week_of(moment: datetime.datetime | None) -> datetime.date:
    """The Monday of the week a moment falls in (in the site's time zone)."""
    day = timezone.localdate(moment) if moment else timezone.localdate()
    return day - datetime.timedelta(days=day.weekday())


@dataclass
class Entries:
    """What a change of the domain moves, collected before it is posted."""

    # (village, course) → enrolled / started / completed / certified deltas
    progress: defaultdict = field(default_factory=lambda: defaultdict(Counter))
    # (village, course, week) → completions
    weeks: Counter = field(default_factory=Counter)
    # village → participants / cooperatives registered
    registrations: defaultdict = field(default_factory=lambda: defaultdict(Counter))
    # (cooperative, course) → valid certificates
    certified: Counter = field(default_factory=Counter)
    # (cooperative, village) links a cooperative now serves
    links: set = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(
            self.progress
            or self.weeks
            or self.registrations
            or self.certified
            or self.links
        )

    def progress_add(
        self, *, village_id: str | None, course_id: int, **deltas: int
    ) -> None:
        if village_id is not None:
            self.progress[(village_id, course_id)].update(deltas)

    def completion_add(
        self,
        *,
        village_id: str | None,
        course_id: int,
        week: datetime.date,
        delta: int = 1,
    ) -> None:
        if village_id is not None:
            self.weeks[(village_id, course_id, week)] += delta

    def registration_add(self, *, village_id: str | None, **deltas: int) -> None:
        if village_id is not None:
            self.registrations[village_id].update(deltas)

    def certificate_add(
        self,
        *,
        village_id: str | None,
        cooperative_id: int | None,
        course_id: int,
        delta: int,
    ) -> None:
        """A certificate became valid (+1) or stopped being valid (-1)."""
        self.progress_add(village_id=village_id, course_id=course_id, certified=delta)
        if cooperative_id is not None:
            self.certified[(cooperative_id, course_id)] += delta


# ---------------------------------------------------------------- rows


def _querysets(
    model: type[models.Model], key_fields: tuple[str, ...], keys: list[Key]
) -> Iterator[models.QuerySet]:
    """Querysets for `keys`, grouped by every key field but the first, in chunks."""
    first, rest = key_fields[0], key_fields[1:]
    by_rest: dict[tuple, list] = defaultdict(list)
    for key in keys:
        by_rest[key[1:]].append(key[0])
    for rest_values, firsts in sorted(by_rest.items()):
        for start in range(0, len(firsts), _CHUNK):
            yield model.objects.filter(
                **dict(zip(rest, rest_values, strict=True)),
                **{f"{first}__in": firsts[start : start + _CHUNK]},
            )


def _post_rows(
    model: type[models.Model],
    *,
    key_fields: tuple[str, ...],
    moves: Moves,
    defaults_of: Callable[[Key], dict],
) -> None:
    """Add each key's deltas to its row, creating missing rows at zero first."""
    moves = {k: {n: d for n, d in m.items() if d} for k, m in moves.items()}
    moves = {k: m for k, m in moves.items() if m}
    if not moves:
        return
    keys = sorted(moves)
    if len(keys) == 1:  # one row: nothing to order, the UPDATE takes its lock
        (key,) = keys
        rows = model.objects.filter(**dict(zip(key_fields, key, strict=True)))
        changes = {n: F(n) + d for n, d in moves[key].items()}
        if not rows.update(**changes):
            model.objects.bulk_create(
                [model(**dict(zip(key_fields, key, strict=True)), **defaults_of(key))],
                ignore_conflicts=True,
            )
            rows.update(**changes)
        return
    known: set[Key] = set()
    for queryset in _querysets(model, key_fields, keys):
        known.update(
            queryset.select_for_update().order_by(*key_fields).values_list(*key_fields)
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
    by_deltas: dict[tuple, list[Key]] = defaultdict(list)
    for k in keys:
        by_deltas[tuple(sorted(moves[k].items()))].append(k)
    for deltas, group in sorted(by_deltas.items()):
        for queryset in _querysets(model, key_fields, group):
            queryset.update(**{n: F(n) + d for n, d in deltas})


def _values(
    model: type[models.Model], *, key_fields: tuple[str, ...], keys, name: str
) -> dict[Key, int]:
    """The current value of one figure for each key (rows locked by this batch)."""
    out: dict[Key, int] = {}
    for queryset in _querysets(model, key_fields, sorted(keys)):
        for *key, value in queryset.values_list(*key_fields, name):
            out[tuple(key)] = value
    return out


def _by_regency(moves: Mapping[Key, Mapping[str, int]]) -> dict[Key, Counter]:
    """Village-keyed moves summed per regency (the rest of the key kept)."""
    out: dict[Key, Counter] = defaultdict(Counter)
    for (village_id, *rest), deltas in moves.items():
        out[(codes.regency_of(village_id), *rest)].update(deltas)
    return out


def _village_columns(key: Key) -> dict:
    return codes.region_columns(key[0])


def _regency_columns(key: Key) -> dict:
    return {"province_id": codes.province_of(key[0])}


# ---------------------------------------------------------------- posting


def post(entries: Entries) -> None:
    """Post every entry to its tables, in the caller's transaction (a transaction
    of its own when there is none; no savepoint: a failure fails the caller)."""
    if not entries:
        return
    with transaction.atomic(savepoint=False):
        _post(entries)


def _post(entries: Entries) -> None:
    _post_rows(
        VillageCourseCounter,
        key_fields=("village_id", "course_id"),
        moves=entries.progress,
        defaults_of=_village_columns,
    )
    _post_rows(
        RegencyCourseCounter,
        key_fields=("regency_id", "course_id"),
        moves=_by_regency(entries.progress),
        defaults_of=_regency_columns,
    )
    weeks = {k: {"completed": n} for k, n in entries.weeks.items()}
    _post_rows(
        CompletionWeek,
        key_fields=("village_id", "course_id", "week"),
        moves=weeks,
        defaults_of=_village_columns,
    )
    _post_rows(
        RegencyCompletionWeek,
        key_fields=("regency_id", "course_id", "week"),
        moves=_by_regency(weeks),
        defaults_of=_regency_columns,
    )
    registrations = {(v,): deltas for v, deltas in entries.registrations.items()}
    _post_rows(
        VillageTally,
        key_fields=("village_id",),
        moves=registrations,
        defaults_of=_village_columns,
    )
    regencies = _by_regency(registrations)
    _post_rows(
        RegencyTally,
        key_fields=("regency_id",),
        moves=regencies,
        defaults_of=_regency_tally_columns(sorted(k[0] for k in regencies)),
    )
    _post_coverage(entries)


def _regency_tally_columns(regency_ids: list[str]) -> Callable[[Key], dict]:
    """A new regency tally also holds the regency's number of villages (counted
    once for the batch, and only if a row is missing)."""
    villages: dict[str, int] = {}

    def columns(key: Key) -> dict:
        if not villages:
            villages.update(
                Village.objects.filter(regency_id__in=regency_ids)
                .values_list("regency_id")
                .annotate(n=Count("code"))
                .order_by()
            )
        return {**_regency_columns(key), "villages": villages.get(key[0], 0)}

    return columns


def _post_coverage(entries: Entries) -> None:
    """Valid certificates per cooperative, and the coverage they carry.

    New links pass on the coverage their cooperative already has; a cooperative
    crossing the threshold (`coverage.covers`) moves `covering` on every village it
    serves; a village whose `covering` turns 0 ↔ >0 moves its regency's `covered`
    and its own `courses_covered`.
    """
    covering: Counter = Counter()
    if entries.links:
        cooperative_ids = sorted({c for c, _v in entries.links})
        held = []
        for start in range(0, len(cooperative_ids), _CHUNK):
            held += CooperativeCourseCounter.objects.filter(
                cooperative_id__in=cooperative_ids[start : start + _CHUNK]
            ).values_list("cooperative_id", "course_id", "certified")
        covering.update(villages_covered(covering_courses(held), entries.links))

    certified = {k: d for k, d in entries.certified.items() if d}
    if certified:
        key_fields = ("cooperative_id", "course_id")
        _post_rows(
            CooperativeCourseCounter,
            key_fields=key_fields,
            moves={k: {"certified": d} for k, d in certified.items()},
            defaults_of=lambda key: {},
        )
        now = _values(
            CooperativeCourseCounter,
            key_fields=key_fields,
            keys=certified,
            name="certified",
        )
        steps: dict[int, dict[int, int]] = defaultdict(dict)
        for (cooperative_id, course_id), delta in certified.items():
            after = now[(cooperative_id, course_id)]
            step = int(covers(after)) - int(covers(after - delta))
            if step:
                steps[cooperative_id][course_id] = step
        if steps:
            links = Cooperative.villages.through.objects.filter(
                cooperative_id__in=sorted(steps)
            ).values_list("cooperative_id", "village_id")
            for cooperative_id, village_id in links:
                for course_id, step in steps[cooperative_id].items():
                    covering[(village_id, course_id)] += step

    covering = Counter({k: n for k, n in covering.items() if n})
    if not covering:
        return
    key_fields = ("village_id", "course_id")
    _post_rows(
        VillageCourseCounter,
        key_fields=key_fields,
        moves={k: {"covering": n} for k, n in covering.items()},
        defaults_of=_village_columns,
    )
    now = _values(
        VillageCourseCounter, key_fields=key_fields, keys=covering, name="covering"
    )
    turned: Counter = Counter()
    for key, delta in covering.items():
        after = now[key]
        before = after - delta
        if before == 0 < after:
            turned[key] += 1
        elif before > 0 == after:
            turned[key] -= 1
    _post_rows(
        RegencyCourseCounter,
        key_fields=("regency_id", "course_id"),
        moves=_by_regency({k: {"covered": n} for k, n in turned.items()}),
        defaults_of=_regency_columns,
    )
    tallies: Counter = Counter()
    for (village_id, _course_id), step in turned.items():
        tallies[(village_id,)] += step
    _post_rows(
        VillageTally,
        key_fields=("village_id",),
        moves={k: {"courses_covered": n} for k, n in tallies.items()},
        defaults_of=_village_columns,
    )
