"""The dashboards' lists: villages not started, a village's cooperatives, a
cooperative's participants, an assistant's villages, and who needs a nudge."""

import datetime

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from courses.models import Enrollment
from lms import scoping
from lms.models import Cooperative, Role, User, Village

from ..models import VillageTally
from .filters import (
    METRICS,
    VALID,
    VILLAGE_KEYS,
    Filters,
    region_rows_q,
    scoped_counters,
)


def villages_not_started(*, user: User, code: str, filters: Filters) -> QuerySet:
    """Villages in the region where no participant has started: for follow-up."""
    started = scoped_counters(user=user, code=code, filters=filters).filter(
        started__gt=0
    )
    return (
        Village.objects.filter(
            scoping.region_q(user, "code"),
            region_rows_q(code, field="code", keys=VILLAGE_KEYS),
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


def _enrollments_of(users, filters: Filters) -> QuerySet[Enrollment]:
    enrollments = Enrollment.objects.filter(user__in=users)
    if filters.course_ids is not None:
        enrollments = enrollments.filter(course_id__in=filters.course_ids)
    if filters.cohort_id:
        enrollments = enrollments.filter(cohort_id=filters.cohort_id)
    return enrollments


def village_cooperatives(*, user: User, code: str, filters: Filters) -> list[dict]:
    """The cooperatives serving a village that the person sees, each with the
    figures of the participants the person sees."""
    cooperatives = scoping.visible_cooperatives(user).filter(villages=code)
    people = scoping.visible_participants(user)
    rows = []
    for cooperative in cooperatives.order_by("name"):
        members = people.filter(cooperative=cooperative)
        enrollments = _enrollments_of(members, filters)
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
    enrollments = _enrollments_of(members, filters).select_related("course")
    by_user: dict[int, list] = {}
    for enrollment in enrollments:
        by_user.setdefault(enrollment.user_id, []).append(enrollment)
    return [{"participant": p, "enrollments": by_user.get(p.pk, [])} for p in members]


# ---------------------------------------------------------------- who is inactive


def inactive_days() -> int:
    return getattr(settings, "DINAS_REMINDER_INACTIVE_DAYS", 7)


def inactive_participants(
    *, days: int | None = None, now: datetime.datetime | None = None
) -> QuerySet[User]:
    """Who is inactive: the one rule, for the assistants' list and the reminders.

    An active participant account with an unfinished course they were enrolled in
    at least `days` days ago, who has not studied in the last `days` days (or
    never). Someone enrolled only days ago is not nagged, nor is anyone enrolled
    in nothing.
    """
    days = inactive_days() if days is None else days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    idle_enrolment = Enrollment.objects.filter(
        user=OuterRef("pk"), completed_at__isnull=True, enrolled_at__lt=cutoff
    )
    return (
        User.objects.filter(role=Role.PARTICIPANT, is_active=True)
        .filter(Q(last_studied_at__lt=cutoff) | Q(last_studied_at__isnull=True))
        .filter(Exists(idle_enrolment))
    )


def participants_to_nudge(*, user: User, days: int | None = None) -> QuerySet[User]:
    """The inactive participants a person sees, by village and name."""
    return (
        inactive_participants(days=days)
        .filter(pk__in=scoping.visible_participants(user).values("pk"))
        .select_related("village", "cooperative")
        .order_by("village_id", "full_name")
    )


def assistant_overview(*, user: User) -> list[dict]:
    """A business assistant's villages, each with its participants' figures."""
    counters = {
        r["village_id"]: r
        for r in scoped_counters(user=user, code="", filters=Filters())
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


def villages_search(*, user: User, query: str, limit: int = 50) -> list[dict]:
    """Villages of the person's region whose name (or code) matches, each with
    the assistants already assigned to it."""
    villages = list(
        Village.objects.filter(scoping.region_q(user, "code"))
        .filter(Q(name__icontains=query) | Q(code__startswith=query))
        .select_related("district", "regency")
        .order_by("name", "code")[:limit]
    )
    return _with_assistants(villages)


def assistant_villages(*, user: User, assistant: User) -> list[dict]:
    """An assistant's villages within the officer's region, with every assistant
    each village has."""
    villages = list(
        assistant.assigned_villages.filter(scoping.region_q(user, "code"))
        .select_related("district", "regency")
        .order_by("code")
    )
    return _with_assistants(villages)


def _with_assistants(villages: list) -> list[dict]:
    links = User.assigned_villages.through.objects.filter(
        village_id__in=[v.code for v in villages], user__is_active=True
    ).values_list("village_id", "user__full_name")
    names: dict[str, list[str]] = {}
    for village_id, name in links:
        names.setdefault(village_id, []).append(name)
    return [
        {"village": v, "assistants": sorted(names.get(v.code, []))} for v in villages
    ]
