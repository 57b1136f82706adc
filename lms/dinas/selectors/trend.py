"""Completions per week, for the dashboards' trend."""

import datetime

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncWeek
from django.utils import timezone

from lms import scoping
from lms.models import User
from lms.regions import codes

from ..ledger import week_of
from ..models import CompletionWeek, RegencyCompletionWeek
from .filters import COUNTER_KEYS, Filters, period_q, region_rows_q, scoped_enrollments


def _noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def weekly_completions(
    *, user: User, code: str, filters: Filters, weeks: int = 12
) -> list[tuple[datetime.date, int]]:
    """Completions per week over the last `weeks` weeks, oldest first, zeros kept."""
    last = week_of(_noon(filters.until) if filters.until else None)
    first = last - datetime.timedelta(weeks=weeks - 1)
    if filters.since and filters.since > first:
        first = week_of(_noon(filters.since))
    if filters.needs_raw:
        enrollments = scoped_enrollments(user=user, code=code, filters=filters).filter(
            period_q("completed_at", filters), completed_at__date__gte=first
        )
        found = {
            (r["w"].date() if isinstance(r["w"], datetime.datetime) else r["w"]): r["n"]
            for r in enrollments.annotate(w=TruncWeek("completed_at"))
            .values("w")
            .annotate(n=Count("id"))
        }
    else:
        national_or_province = code == "" or codes.level_of(code) == codes.PROVINCE
        if national_or_province and scoping.sees_whole_region(user, code):
            rows = RegencyCompletionWeek.objects.filter(
                Q(province_id=code) if code else Q(),
                week__gte=first,
                week__lte=last,
            )
        else:
            rows = CompletionWeek.objects.filter(
                scoping.region_q(user, "village__code"),
                region_rows_q(code, field="village__code", keys=COUNTER_KEYS),
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
