"""The dashboards' main table: a row per child region, from the counters.

A table at one level has a row per child region: the country's are provinces, a
province's regencies, down to a district's villages. National and province
tables read the regency roll-ups (a few hundred rows); regency and district
tables the village counters of that region; a cohort or period filter, which no
counter carries, groups the raw rows instead.
"""

from django.db.models import Count, F, Q, Sum

from lms import scoping
from lms.models import Cooperative, District, Province, Regency, Role, User, Village
from lms.regions import codes

from ..models import (
    RegencyCourseCounter,
    RegencyTally,
    VillageCourseCounter,
    VillageTally,
)
from .coverage import covered_counts, covered_villages_raw
from .filters import (
    COUNTER_KEYS,
    METRICS,
    VALID,
    VILLAGE_KEYS,
    Filters,
    child_key,
    period_q,
    region_rows_q,
    scoped_counters,
    scoped_enrollments,
    selected_courses,
)

MODELS = {
    codes.PROVINCE: Province,
    codes.REGENCY: Regency,
    codes.DISTRICT: District,
    codes.VILLAGE: Village,
}
TALLY_FIELDS = ("villages", "cooperatives", "participants")


def region_name(code: str) -> str:
    if not code:
        return "Indonesia"
    model = MODELS.get(codes.level_of(code)) if codes.is_code(code) else None
    if model is None:
        return code
    row = model.objects.filter(pk=code).values_list("name", flat=True).first()
    return row or code


def breadcrumbs(*, user: User, code: str) -> list[tuple[str, str]]:
    """(code, name) from the person's scope root down to `code`."""
    root = scoping.scope_root(user)
    depth = codes.level_of(root) if codes.is_code(root, country=True) else 0
    return [
        (c, region_name(c)) for c in codes.lineage(code) if codes.level_of(c) >= depth
    ]


def _child_names(children: list[str], level: int) -> dict[str, str]:
    rows = MODELS[level].objects.filter(pk__in=children).values_list("pk", "name")
    return dict(rows)


def _tallies_rolled_up(*, code: str, level: int) -> dict[str, dict]:
    """Villages, cooperatives, participants per province or regency, from the
    regency tallies (a regency without one has its villages counted directly)."""
    key = COUNTER_KEYS[level]
    tallies = RegencyTally.objects.all()
    regencies = Regency.objects.all()
    if code:
        tallies = tallies.filter(province_id=code)
        regencies = regencies.filter(province_id=code)
    out: dict[str, dict] = {}
    for r in tallies.values(k=F(key)).annotate(**{f: Sum(f) for f in TALLY_FIELDS}):
        out[r["k"]] = {f: r[f] or 0 for f in TALLY_FIELDS}
    counted = set(tallies.values_list("pk", flat=True))
    missing = [pk for pk in regencies.values_list("pk", flat=True) if pk not in counted]
    if missing:
        villages = (
            Village.objects.filter(regency_id__in=missing)
            .values(k=F(key))
            .annotate(n=Count("code"))
        )
        for r in villages:
            row = out.setdefault(r["k"], dict.fromkeys(TALLY_FIELDS, 0))
            row["villages"] += r["n"]
    return out


def _tallies_by_village(
    *, user: User, code: str, level: int, raw: bool
) -> dict[str, dict]:
    """Villages, cooperatives, participants per child region, from the village
    tallies (or, `raw`, by grouping the villages, cooperatives and people)."""
    out: dict[str, dict] = {}

    def put(name: str, rows) -> None:
        for k, n in rows:
            out.setdefault(k, dict.fromkeys(TALLY_FIELDS, 0))[name] = n or 0

    villages = Village.objects.filter(
        scoping.region_q(user, "code"),
        region_rows_q(code, field="code", keys=VILLAGE_KEYS),
    )
    put(
        "villages",
        villages.annotate(k=child_key("code", level, VILLAGE_KEYS))
        .values("k")
        .annotate(n=Count("code"))
        .values_list("k", "n"),
    )
    if not raw:
        tallies = VillageTally.objects.filter(
            scoping.region_q(user, "village__code"),
            region_rows_q(code, field="village__code", keys=COUNTER_KEYS),
        ).annotate(k=child_key("village_id", level, COUNTER_KEYS))
        for r in tallies.values("k").annotate(
            c=Sum("cooperatives"), p=Sum("participants")
        ):
            row = out.setdefault(r["k"], dict.fromkeys(TALLY_FIELDS, 0))
            row["cooperatives"], row["participants"] = r["c"] or 0, r["p"] or 0
        return out
    put(
        "cooperatives",
        Cooperative.objects.filter(
            scoping.region_q(user, "home_village__code"),
            region_rows_q(code, field="home_village__code"),
        )
        .annotate(k=child_key("home_village_id", level))
        .values("k")
        .annotate(n=Count("id"))
        .values_list("k", "n"),
    )
    put(
        "participants",
        User.objects.filter(
            scoping.region_q(user, "village__code"),
            region_rows_q(code, field="village__code"),
            role=Role.PARTICIPANT,
        )
        .annotate(k=child_key("village_id", level))
        .values("k")
        .annotate(n=Count("id"))
        .values_list("k", "n"),
    )
    return out


def villages_reached(
    *, user: User, code: str, level: int, raw: bool = False
) -> dict[str, int]:
    """Villages with at least one registered participant, per child region: the
    villages the programme reached, beside all the villages of the region."""
    if raw:
        people = User.objects.filter(
            scoping.region_q(user, "village__code"),
            region_rows_q(code, field="village__code"),
            role=Role.PARTICIPANT,
        )
        return dict(
            people.annotate(k=child_key("village_id", level))
            .values("k")
            .annotate(n=Count("village_id", distinct=True))
            .values_list("k", "n")
        )
    tallies = VillageTally.objects.filter(
        scoping.region_q(user, "village__code"),
        region_rows_q(code, field="village__code", keys=COUNTER_KEYS),
        participants__gt=0,
    )
    return dict(
        tallies.annotate(k=child_key("village_id", level, COUNTER_KEYS))
        .values("k")
        .annotate(n=Count("village_id"))
        .values_list("k", "n")
    )


def _raw_metrics(enrollments, key, filters: Filters) -> dict[str, dict]:
    aggregates = {
        "enrolled": Count("id", filter=period_q("enrolled_at", filters)),
        "started": Count("id", filter=period_q("started_at", filters)),
        "completed": Count("id", filter=period_q("completed_at", filters)),
        "certified": Count(
            "id",
            filter=period_q("certificate__issued_at", filters)
            & Q(certificate__status=VALID),
        ),
    }
    rows = enrollments.annotate(k=key).values("k").annotate(**aggregates)
    return {r["k"]: r for r in rows}


def region_table(*, user: User, code: str, filters: Filters) -> dict:
    """A row per child region of `code`: the dashboard's main table, and a total."""
    level = codes.child_level(codes.level_of(code))
    rolled_up = (
        level <= codes.REGENCY
        and not filters.needs_raw
        and scoping.sees_whole_region(user, code)
    )
    if rolled_up:
        tallies = _tallies_rolled_up(code=code, level=level)
    else:
        tallies = _tallies_by_village(
            user=user, code=code, level=level, raw=filters.needs_raw
        )
    if filters.needs_raw:
        metrics = _raw_metrics(
            scoped_enrollments(user=user, code=code, filters=filters),
            child_key("user__village_id", level),
            filters,
        )
    elif rolled_up:
        counters = RegencyCourseCounter.objects.all()
        if code:
            counters = counters.filter(province_id=code)
        if filters.course_ids is not None:
            counters = counters.filter(course_id__in=filters.course_ids)
        key = COUNTER_KEYS[level]
        metrics = {
            r["k"]: r
            for r in counters.values(k=F(key)).annotate(**{m: Sum(m) for m in METRICS})
        }
    else:
        metrics = {
            r["k"]: r
            for r in scoped_counters(user=user, code=code, filters=filters)
            .annotate(k=child_key("village_id", level, COUNTER_KEYS))
            .values("k")
            .annotate(**{m: Sum(m) for m in METRICS})
        }
    covered = covered_counts(user=user, code=code, filters=filters, level=level)
    reached = villages_reached(user=user, code=code, level=level, raw=filters.needs_raw)
    children = sorted(
        {k for k, t in tallies.items() if t["villages"] or t["participants"]}
        | set(metrics)
    )
    names = _child_names(children, level)
    rows = []
    for child in children:
        figures = metrics.get(child, {})
        counts = tallies.get(child, dict.fromkeys(TALLY_FIELDS, 0))
        rows.append(
            _row(
                code=child,
                name=names.get(child, child),
                covered=covered.get(child, 0),
                reached=reached.get(child, 0),
                **counts,
                **{m: figures.get(m) or 0 for m in METRICS},
            )
        )
    total = _row(
        code=code,
        name=region_name(code),
        **{
            key: sum(r[key] for r in rows)
            for key in (
                "villages",
                "reached",
                "cooperatives",
                "participants",
                "covered",
                *METRICS,
            )
        },
    )
    return {"rows": rows, "total": total, "child_level": codes.LEVEL_NAMES[level]}


def _row(**values) -> dict:
    enrolled, villages = values["enrolled"], values["villages"]
    values["completion_percent"] = (
        round(100 * values["completed"] / enrolled) if enrolled else 0
    )
    values["coverage_percent"] = (
        round(100 * values["covered"] / villages) if villages else 0
    )
    reached = values.setdefault("reached", 0)
    values["reached_percent"] = round(100 * reached / villages) if villages else 0
    values["covered_of_reached_percent"] = (
        round(100 * values["covered"] / reached) if reached else 0
    )
    return values


def village_figures(
    *, user: User, villages: list[dict], filters: Filters
) -> list[dict]:
    """The figures of a page of villages (dicts with `code`, `name`,
    `district_id`, `regency_id`), for the API's completion per village: from the
    village counters, or grouped from the raw rows under a cohort or period
    filter. A few queries per page, whatever its size."""
    village_codes = [v["code"] for v in villages]
    courses = selected_courses(filters)
    needed = len(courses) if filters.course_ids is not None else 1
    if filters.needs_raw:
        metrics = _raw_metrics(
            scoped_enrollments(user=user, code="", filters=filters).filter(
                user__village_id__in=village_codes
            ),
            F("user__village_id"),
            filters,
        )
        people = dict(
            User.objects.filter(
                scoping.region_q(user, "village__code"),
                village_id__in=village_codes,
                role=Role.PARTICIPANT,
            )
            .values("village_id")
            .annotate(n=Count("id"))
            .values_list("village_id", "n")
        )
        cooperatives = dict(
            Cooperative.objects.filter(home_village_id__in=village_codes)
            .values("home_village_id")
            .annotate(n=Count("id"))
            .values_list("home_village_id", "n")
        )
        covered = covered_villages_raw(
            user=user, code="", filters=filters, courses=courses, needed=needed
        ) & set(village_codes)
    else:
        counters = VillageCourseCounter.objects.filter(village_id__in=village_codes)
        if filters.course_ids is not None:
            counters = counters.filter(course_id__in=filters.course_ids)
        metrics = {
            r["village_id"]: r
            for r in counters.values("village_id").annotate(
                **{m: Sum(m) for m in METRICS}
            )
        }
        tallies = VillageTally.objects.filter(village_id__in=village_codes).values(
            "village_id", "participants", "cooperatives"
        )
        people = {t["village_id"]: t["participants"] for t in tallies}
        cooperatives = {t["village_id"]: t["cooperatives"] for t in tallies}
        covered = set(
            VillageCourseCounter.objects.filter(
                village_id__in=village_codes, covering__gt=0, course_id__in=courses
            )
            .values("village_id")
            .annotate(n=Count("course_id"))
            .filter(n__gte=needed)
            .values_list("village_id", flat=True)
        )
    out = []
    for village in villages:
        code = village["code"]
        figures = {m: (metrics.get(code) or {}).get(m) or 0 for m in METRICS}
        out.append(
            {
                "code": code,
                "name": village["name"],
                "district": village["district_id"],
                "regency": village["regency_id"],
                "cooperatives": cooperatives.get(code, 0),
                "participants": people.get(code, 0),
                **figures,
                "covered": code in covered,
                "completion_percent": round(
                    100 * figures["completed"] / figures["enrolled"]
                )
                if figures["enrolled"]
                else 0,
            }
        )
    return out
