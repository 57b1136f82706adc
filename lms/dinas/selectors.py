"""Reads of the Dinas dashboards: per-region figures from the counters, within scope.

Region codes nest by prefix: "" (the country) → province `63` → regency `63.03` →
district `63.03.05` → village `63.03.05.2001`. A table at one level has a row per
child region. Figures come from `VillageCourseCounter` (and `CompletionWeek` for the
trend), a small table moved in the same transaction as the progress; only a cohort
or period filter, which the counters do not carry, reads the enrolment rows.
Every query is narrowed by `lms.scoping.code_scope` first.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce, Substr, TruncWeek
from django.utils import timezone

from lms import scoping
from lms.models import Cooperative, District, Province, Regency, Role, User, Village

from .counters import coverage_participants, week_of
from .models import (
    CompletionWeek,
    RegencyCompletionWeek,
    RegencyCourseCounter,
    RegencyTally,
    VillageCourseCounter,
    VillageTally,
)

CHILD_LENGTH = {0: 2, 2: 5, 5: 8, 8: 13}
LEVEL_NAMES = {0: "nasional", 2: "provinsi", 5: "kabupaten", 8: "kecamatan", 13: "desa"}
METRICS = ("enrolled", "started", "completed", "certified")


@dataclass
class Filters:
    course_ids: list[int] | None = None  # None: every course
    cohort_id: int | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def needs_raw(self) -> bool:
        return bool(self.cohort_id or self.since or self.until)

    def as_params(self) -> dict:
        return {
            "course_ids": self.course_ids,
            "cohort_id": self.cohort_id,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
        }

    @classmethod
    def from_params(cls, params: dict) -> "Filters":
        def day(value):
            return datetime.date.fromisoformat(value) if value else None

        return cls(
            course_ids=params.get("course_ids"),
            cohort_id=params.get("cohort_id"),
            since=day(params.get("since")),
            until=day(params.get("until")),
        )


def filters_from_query(query) -> Filters:
    """The dashboard's filters from a query string; bad values are reported, not used."""
    from django.utils.translation import gettext as _

    from courses.models import CoursePage

    filters = Filters()
    course = query.get("kursus", "").strip()
    track = query.get("jalur", "").strip()
    if course:
        if course.isdigit():
            filters.course_ids = [int(course)]
        else:
            filters.errors.append(_("Kursus tidak dikenal."))
    elif track:
        filters.course_ids = list(
            CoursePage.objects.filter(track__slug=track).values_list("pk", flat=True)
        )
    cohort = query.get("angkatan", "").strip()
    if cohort:
        if cohort.isdigit():
            filters.cohort_id = int(cohort)
        else:
            filters.errors.append(_("Angkatan tidak dikenal."))
    for name, attr in (("dari", "since"), ("sampai", "until")):
        value = query.get(name, "").strip()
        if value:
            try:
                setattr(filters, attr, datetime.date.fromisoformat(value))
            except ValueError:
                filters.errors.append(
                    _("Tanggal tidak valid: %(value)s (pakai TTTT-BB-HH).")
                    % {"value": value}
                )
    return filters


# ---------------------------------------------------------------- regions


def region_name(code: str) -> str:
    if not code:
        return "Indonesia"
    model = {2: Province, 5: Regency, 8: District, 13: Village}.get(len(code))
    if model is None:
        return code
    row = model.objects.filter(pk=code).values_list("name", flat=True).first()
    return row or code


def breadcrumbs(*, user: User, code: str) -> list[tuple[str, str]]:
    """(code, name) from the person's scope root down to `code`."""
    root = scoping.scope_root(user)
    codes, parts = [], code.split(".") if code else []
    for depth in range(len(parts) + 1):
        candidate = ".".join(parts[:depth])
        if len(candidate) >= len(root):
            codes.append(candidate)
    return [(c, region_name(c)) for c in codes]


def _node_q(code: str, *, field: str, by_level: dict[int, str] | None = None) -> Q:
    """Rows under region `code`, on a village-code `field` (or a denormalised key)."""
    if not code:
        return Q()
    if by_level and len(code) in by_level:
        return Q(**{by_level[len(code)]: code})
    if len(code) == 13:
        return Q(**{field: code})
    return Q(**{f"{field}__startswith": f"{code}."})


def _key(field: str, length: int, direct: dict[int, str] | None = None):
    if direct and length in direct:
        return F(direct[length])
    if length == 13:
        return F(field)
    return Substr(field, 1, length)


_COUNTER_KEYS = {2: "province_id", 5: "regency_id"}


def scoped_counters(*, user: User, code: str, filters: Filters) -> QuerySet:
    counters = VillageCourseCounter.objects.filter(
        scoping.code_scope(user, "village__code"),
        _node_q(code, field="village__code", by_level=_COUNTER_KEYS),
    )
    if filters.course_ids is not None:
        counters = counters.filter(course_id__in=filters.course_ids)
    return counters


def scoped_enrollments(*, user: User, code: str, filters: Filters) -> QuerySet:
    from courses.models import Enrollment

    enrollments = Enrollment.objects.filter(
        scoping.code_scope(user, "user__village__code"),
        _node_q(code, field="user__village__code"),
        user__village__isnull=False,
    )
    if filters.course_ids is not None:
        enrollments = enrollments.filter(course_id__in=filters.course_ids)
    if filters.cohort_id:
        enrollments = enrollments.filter(cohort_id=filters.cohort_id)
    return enrollments


def _period(field: str, filters: Filters) -> Q:
    q = Q(**{f"{field}__isnull": False})
    if filters.since:
        q &= Q(**{f"{field}__date__gte": filters.since})
    if filters.until:
        q &= Q(**{f"{field}__date__lte": filters.until})
    return q


VALID = "valid"  # certificates.models.Certificate.Status.VALID


def _raw_metrics(enrollments: QuerySet, key, filters: Filters) -> dict[str, dict]:
    aggregates = {
        "enrolled": Count("id", filter=_period("enrolled_at", filters)),
        "started": Count("id", filter=_period("started_at", filters)),
        "completed": Count("id", filter=_period("completed_at", filters)),
        "certified": Count(
            "id",
            filter=_period("certificate__issued_at", filters)
            & Q(certificate__status=VALID),
        ),
    }
    rows = enrollments.annotate(k=key).values("k").annotate(**aggregates)
    return {r["k"]: r for r in rows}


def _selected_courses(filters: Filters) -> list[int]:
    """The courses coverage is judged on: the filter's, or every live course."""
    from courses.models import CoursePage

    if filters.course_ids is not None:
        return sorted(set(filters.course_ids))
    return list(CoursePage.objects.live().values_list("pk", flat=True))


def _whole_region(user: User, code: str) -> bool:
    """Whether the person sees all of region `code` (so roll-ups may answer)."""
    if user.is_admin:
        return True
    return user.role == Role.DINAS and scoping.can_see_region(user, code)


def _count_by(pairs, length: int) -> dict[str, int]:
    out: dict[str, int] = {}
    for village_id in pairs:
        k = village_id[:length]
        out[k] = out.get(k, 0) + 1
    return out


def _covered_counts(
    *, user: User, code: str, filters: Filters, length: int
) -> dict[str, int]:
    """Covered villages per child region: in every selected course, a cooperative
    serving the village has `coverage_participants()` valid certificates."""
    courses = _selected_courses(filters)
    if not courses:
        return {}
    if filters.needs_raw:
        return _count_by(
            _covered_villages_raw(
                user=user, code=code, filters=filters, courses=courses
            ),
            length,
        )
    if len(courses) == 1 and length <= 5 and _whole_region(user, code):
        rows = RegencyCourseCounter.objects.filter(course_id=courses[0])
        if code:
            rows = rows.filter(province_id=code)
        key = "province_id" if length == 2 else "regency_id"
        return {
            r["k"]: r["n"]
            for r in rows.values(k=F(key)).annotate(n=Sum("covered"))
            if r["n"]
        }
    # Candidates: villages covered in at least as many courses (a small partial
    # index), then checked course by course.
    candidates = VillageTally.objects.filter(
        scoping.code_scope(user, "village__code"),
        _node_q(code, field="village__code", by_level=_COUNTER_KEYS),
        courses_covered__gte=len(courses),
    ).values("village_id")
    villages = (
        VillageCourseCounter.objects.filter(
            village_id__in=candidates,
            covering__gt=0,
            course_id__in=courses,
        )
        .values("village_id")
        .annotate(n=Count("course_id"))  # an index-only scan of the partial index
        .filter(n=len(courses))
        .values_list("village_id", flat=True)
    )
    return _count_by(villages, length)


def _covered_villages_raw(
    *, user: User, code: str, filters: Filters, courses: list[int]
) -> set[str]:
    """The same coverage from the enrolments and certificates (cohort, period)."""
    from courses.models import Enrollment
    from lms.models import Cooperative

    need = coverage_participants()
    enrollments = Enrollment.objects.filter(
        course_id__in=courses,
        user__cooperative__isnull=False,
        certificate__status=VALID,
    ).filter(_period("certificate__issued_at", filters))
    if filters.cohort_id:
        enrollments = enrollments.filter(cohort_id=filters.cohort_id)
    covering = (
        enrollments.values("user__cooperative_id", "course_id")
        .annotate(n=Count("id"))
        .filter(n__gte=need)
        .values_list("user__cooperative_id", "course_id")
    )
    courses_of: dict[int, set[int]] = {}
    for cooperative_id, course_id in covering:
        courses_of.setdefault(cooperative_id, set()).add(course_id)
    links = Cooperative.villages.through.objects.filter(
        scoping.code_scope(user, "village__code"),
        _node_q(code, field="village__code"),
        cooperative_id__in=list(courses_of),
    ).values_list("cooperative_id", "village_id")
    per_village: dict[str, set[int]] = {}
    for cooperative_id, village_id in links:
        per_village.setdefault(village_id, set()).update(courses_of[cooperative_id])
    wanted = set(courses)
    return {v for v, found in per_village.items() if wanted <= found}


_VILLAGE_KEYS = {2: "province_id", 5: "regency_id", 8: "district_id"}
_TALLY_FIELDS = ("villages", "cooperatives", "participants")


def _child_names(codes: list[str], length: int) -> dict[str, str]:
    model = {2: Province, 5: Regency, 8: District, 13: Village}[length]
    return dict(model.objects.filter(pk__in=codes).values_list("pk", "name"))


def _tallies_rolled_up(*, code: str, length: int) -> dict[str, dict]:
    """Villages, cooperatives, participants per province or regency, from the
    regency tallies (a regency without one has its villages counted directly)."""
    key = "province_id" if length == 2 else "regency_id"
    tallies = RegencyTally.objects.all()
    regencies = Regency.objects.all()
    if code:
        tallies = tallies.filter(province_id=code)
        regencies = regencies.filter(province_id=code)
    out: dict[str, dict] = {}
    for r in tallies.values(k=F(key)).annotate(**{f: Sum(f) for f in _TALLY_FIELDS}):
        out[r["k"]] = {f: r[f] or 0 for f in _TALLY_FIELDS}
    counted = set(tallies.values_list("pk", flat=True))
    missing = [pk for pk in regencies.values_list("pk", flat=True) if pk not in counted]
    if missing:
        villages = (
            Village.objects.filter(regency_id__in=missing)
            .values(k=F(key))
            .annotate(n=Count("code"))
        )
        for r in villages:
            row = out.setdefault(r["k"], dict.fromkeys(_TALLY_FIELDS, 0))
            row["villages"] += r["n"]
    return out


def _tallies_by_village(
    *, user: User, code: str, length: int, raw: bool
) -> dict[str, dict]:
    """Villages, cooperatives, participants per child region, from the village
    tallies (or, `raw`, by grouping the villages, cooperatives and people)."""
    out: dict[str, dict] = {}

    def put(name: str, rows) -> None:
        for k, n in rows:
            out.setdefault(k, dict.fromkeys(_TALLY_FIELDS, 0))[name] = n or 0

    villages = Village.objects.filter(
        scoping.code_scope(user, "code"),
        _node_q(code, field="code", by_level=_VILLAGE_KEYS | {13: "code"}),
    )
    put(
        "villages",
        villages.annotate(k=_key("code", length, _VILLAGE_KEYS))
        .values("k")
        .annotate(n=Count("code"))
        .values_list("k", "n"),
    )
    if not raw:
        tallies = VillageTally.objects.filter(
            scoping.code_scope(user, "village__code"),
            _node_q(code, field="village__code", by_level=_COUNTER_KEYS),
        ).annotate(k=_key("village_id", length, _COUNTER_KEYS))
        for r in tallies.values("k").annotate(
            c=Sum("cooperatives"), p=Sum("participants")
        ):
            row = out.setdefault(r["k"], dict.fromkeys(_TALLY_FIELDS, 0))
            row["cooperatives"], row["participants"] = r["c"] or 0, r["p"] or 0
        return out
    put(
        "cooperatives",
        Cooperative.objects.filter(
            scoping.code_scope(user, "home_village__code"),
            _node_q(code, field="home_village__code"),
        )
        .annotate(k=_key("home_village_id", length))
        .values("k")
        .annotate(n=Count("id"))
        .values_list("k", "n"),
    )
    put(
        "participants",
        User.objects.filter(
            scoping.code_scope(user, "village__code"),
            _node_q(code, field="village__code"),
            role=Role.PARTICIPANT,
        )
        .annotate(k=_key("village_id", length))
        .values("k")
        .annotate(n=Count("id"))
        .values_list("k", "n"),
    )
    return out


def region_table(*, user: User, code: str, filters: Filters) -> dict:
    """A row per child region of `code`: the dashboard's main table, and a total.

    National and province tables read the regency roll-ups (a few hundred rows);
    regency and district tables the village counters of that region. A cohort or
    period filter (which no counter carries) groups the raw rows instead.
    """
    length = CHILD_LENGTH[len(code)]
    rolled_up = length <= 5 and not filters.needs_raw and _whole_region(user, code)
    if rolled_up:
        tallies = _tallies_rolled_up(code=code, length=length)
    else:
        tallies = _tallies_by_village(
            user=user, code=code, length=length, raw=filters.needs_raw
        )
    if filters.needs_raw:
        metrics = _raw_metrics(
            scoped_enrollments(user=user, code=code, filters=filters),
            _key("user__village_id", length),
            filters,
        )
    elif rolled_up:
        counters = RegencyCourseCounter.objects.all()
        if code:
            counters = counters.filter(province_id=code)
        if filters.course_ids is not None:
            counters = counters.filter(course_id__in=filters.course_ids)
        key = "province_id" if length == 2 else "regency_id"
        metrics = {
            r["k"]: r
            for r in counters.values(k=F(key)).annotate(**{m: Sum(m) for m in METRICS})
        }
    else:
        metrics = {
            r["k"]: r
            for r in scoped_counters(user=user, code=code, filters=filters)
            .annotate(k=_key("village_id", length, _COUNTER_KEYS))
            .values("k")
            .annotate(**{m: Sum(m) for m in METRICS})
        }
    covered = _covered_counts(user=user, code=code, filters=filters, length=length)
    codes = sorted(
        {k for k, t in tallies.items() if t["villages"] or t["participants"]}
        | set(metrics)
    )
    names = _child_names(codes, length)
    rows = []
    for child in codes:
        figures = metrics.get(child, {})
        counts = tallies.get(child, dict.fromkeys(_TALLY_FIELDS, 0))
        rows.append(
            _row(
                code=child,
                name=names.get(child, child),
                covered=covered.get(child, 0),
                **counts,
                **{m: figures.get(m) or 0 for m in METRICS},
            )
        )
    total = _row(
        code=code,
        name=region_name(code),
        **{
            key: sum(r[key] for r in rows)
            for key in ("villages", "cooperatives", "participants", "covered", *METRICS)
        },
    )
    return {"rows": rows, "total": total, "child_level": LEVEL_NAMES[length]}


def _row(**values) -> dict:
    enrolled, villages = values["enrolled"], values["villages"]
    values["completion_percent"] = (
        round(100 * values["completed"] / enrolled) if enrolled else 0
    )
    values["coverage_percent"] = (
        round(100 * values["covered"] / villages) if villages else 0
    )
    return values


# ---------------------------------------------------------------- trend, charts


def weekly_completions(
    *, user: User, code: str, filters: Filters, weeks: int = 12
) -> list[tuple[datetime.date, int]]:
    """Completions per week over the last `weeks` weeks, oldest first, zeros kept."""
    last = week_of(
        filters.until
        and timezone.make_aware(
            datetime.datetime.combine(filters.until, datetime.time(12))
        )
    )
    first = last - datetime.timedelta(weeks=weeks - 1)
    if filters.since and filters.since > first:
        first = week_of(
            timezone.make_aware(
                datetime.datetime.combine(filters.since, datetime.time(12))
            )
        )
    if filters.needs_raw:
        enrollments = scoped_enrollments(user=user, code=code, filters=filters).filter(
            _period("completed_at", filters), completed_at__date__gte=first
        )
        found = {
            (r["w"].date() if isinstance(r["w"], datetime.datetime) else r["w"]): r["n"]
            for r in enrollments.annotate(w=TruncWeek("completed_at"))
            .values("w")
            .annotate(n=Count("id"))
        }
    else:
        if len(code) <= 2 and _whole_region(user, code):
            rows = RegencyCompletionWeek.objects.filter(
                Q(province_id=code) if code else Q(),
                week__gte=first,
                week__lte=last,
            )
        else:
            rows = CompletionWeek.objects.filter(
                scoping.code_scope(user, "village__code"),
                _node_q(code, field="village__code", by_level=_COUNTER_KEYS),
                week__gte=first,
                week__lte=last,
            )
        if filters.course_ids is not None:
            rows = rows.filter(course_id__in=filters.course_ids)
        found = dict(
            rows.values("week").annotate(n=Sum("completed")).values_list("week", "n")
        )
    out = []
    week = first
    while week <= last:
        out.append((week, found.get(week, 0)))
        week += datetime.timedelta(weeks=1)
    return out


def bar_chart(rows: list[dict], *, width: int = 340, bar: int = 18) -> dict:
    """Geometry of a horizontal bar chart of completion per region (drawn as SVG)."""
    label_width = 120
    span = width - label_width - 40
    bars = []
    for index, row in enumerate(rows):
        percent = row["completion_percent"]
        bars.append(
            {
                "y": index * (bar + 6),
                "label": row["name"][:18],
                "width": round(span * percent / 100, 1),
                "percent": percent,
                "text_x": label_width + round(span * percent / 100, 1) + 4,
            }
        )
    return {
        "width": width,
        "height": max(1, len(rows)) * (bar + 6),
        "bar": bar,
        "label_width": label_width,
        "text_y": bar - 5,
        "bars": bars,
    }


def trend_chart(
    points: list[tuple[datetime.date, int]], *, width: int = 340, height: int = 120
) -> dict:
    """Geometry of the weekly completions trend (columns, drawn as SVG)."""
    top = max((n for _, n in points), default=0) or 1
    step = width / max(1, len(points))
    plot = height - 20
    columns = []
    for index, (week, n) in enumerate(points):
        h = round(plot * n / top, 1)
        columns.append(
            {
                "x": round(index * step + 2, 1),
                "y": round(plot - h, 1),
                "width": round(step - 4, 1),
                "height": h,
                "n": n,
                "week": week,
            }
        )
    return {
        "width": width,
        "height": height,
        "plot": plot,
        "columns": columns,
        "top": top,
    }


# ---------------------------------------------------------------- lists


def villages_not_started(*, user: User, code: str, filters: Filters) -> QuerySet:
    """Villages in the region where no participant has started: for follow-up."""
    started = scoped_counters(user=user, code=code, filters=filters).filter(
        started__gt=0
    )
    return (
        Village.objects.filter(
            scoping.code_scope(user, "code"),
            _node_q(code, field="code", by_level=_VILLAGE_KEYS | {13: "code"}),
        )
        .exclude(code__in=started.values("village_id"))
        .select_related("district", "regency")
        .annotate(
            participant_count=Coalesce(
                Subquery(
                    VillageTally.objects.filter(village_id=OuterRef("code")).values(
                        "participants"
                    )
                ),
                0,
            )
        )
        .order_by("code")
    )


def _enrollment_figures(users: QuerySet, filters: Filters) -> dict:
    from courses.models import Enrollment

    enrollments = Enrollment.objects.filter(user__in=users)
    if filters.course_ids is not None:
        enrollments = enrollments.filter(course_id__in=filters.course_ids)
    if filters.cohort_id:
        enrollments = enrollments.filter(cohort_id=filters.cohort_id)
    return enrollments


def village_cooperatives(*, user: User, code: str, filters: Filters) -> list[dict]:
    """The cooperatives serving a village, each with its participants' figures."""
    cooperatives = list(
        scoping.visible_cooperatives(user).filter(villages=code).order_by("name")
    )
    if user.role == Role.ASSISTANT:
        cooperatives = list(Cooperative.objects.filter(villages=code).order_by("name"))
    people = scoping.visible_participants(user)
    rows = []
    for cooperative in cooperatives:
        members = people.filter(cooperative=cooperative)
        enrollments = _enrollment_figures(members, filters)
        figures = enrollments.aggregate(
            enrolled=Count("id"),
            started=Count("id", filter=Q(started_at__isnull=False)),
            completed=Count("id", filter=Q(completed_at__isnull=False)),
        )
        certified = enrollments.filter(certificate__status=VALID).count()
        rows.append(
            {
                "cooperative": cooperative,
                "participants": members.count(),
                "certified": certified,
                **figures,
            }
        )
    return rows


def cooperative_participants(
    *, user: User, cooperative: Cooperative, filters: Filters
) -> list[dict]:
    """The cooperative's participants the person may see, with each enrolment."""
    members = list(
        scoping.visible_participants(user)
        .filter(cooperative=cooperative)
        .order_by("full_name")
    )
    enrollments = _enrollment_figures(members, filters).select_related("course")
    by_user: dict[int, list] = {}
    for enrollment in enrollments:
        by_user.setdefault(enrollment.user_id, []).append(enrollment)
    return [{"participant": p, "enrollments": by_user.get(p.pk, [])} for p in members]


def visible_cooperative(*, user: User, pk: int) -> Cooperative | None:
    cooperatives = scoping.visible_cooperatives(user)
    if user.role == Role.ASSISTANT:
        cooperatives = Cooperative.objects.filter(
            villages__in=user.assigned_villages.all()
        ).distinct()
    return cooperatives.select_related("home_village").filter(pk=pk).first()


# ---------------------------------------------------------------- assistants


def inactive_days() -> int:
    return getattr(settings, "DINAS_REMINDER_INACTIVE_DAYS", 7)


def participants_to_nudge(*, user: User, days: int | None = None) -> QuerySet[User]:
    """Participants in scope with an unfinished course and no study for `days` days."""
    days = inactive_days() if days is None else days
    cutoff = timezone.now() - datetime.timedelta(days=days)
    return (
        scoping.visible_participants(user)
        .filter(is_active=True, enrollments__completed_at__isnull=True)
        .filter(Q(last_studied_at__lt=cutoff) | Q(last_studied_at__isnull=True))
        .distinct()
        .select_related("village", "cooperative")
        .order_by("village_id", "full_name")
    )


def assistant_overview(*, user: User) -> list[dict]:
    """A business assistant's villages, each with its participants' figures."""
    filters = Filters()
    counters = {
        r["village_id"]: r
        for r in scoped_counters(user=user, code="", filters=filters)
        .values("village_id")
        .annotate(**{m: Sum(m) for m in METRICS})
    }
    villages = (
        user.assigned_villages.select_related("district", "regency")
        .annotate(
            participant_count=Count(
                "participants", filter=Q(participants__role=Role.PARTICIPANT)
            )
        )
        .order_by("code")
    )
    return [
        {"village": v, **{m: counters.get(v.code, {}).get(m) or 0 for m in METRICS}}
        for v in villages
    ]
