"""The dashboards' filters, and the rows of a region within a person's scope.

Region codes nest by prefix (`lms.regions.codes`): a region is one prefix test on
a village code, or one equality on a denormalised column (`province_id`,
`regency_id`) where the table has one. Every query is narrowed by
`lms.scoping.region_q` first.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db.models import F, Q, QuerySet
from django.db.models.expressions import Combinable
from django.utils.translation import gettext as _

from certificates.models import Certificate
from courses.models import CoursePage, Enrollment
from lms import scoping
from lms.models import User
from lms.regions import codes

from ..models import VillageCourseCounter

METRICS = ("enrolled", "started", "completed", "certified")
VALID = Certificate.Status.VALID

# Denormalised region columns that answer "rows of this region" with an equality.
COUNTER_KEYS = {codes.PROVINCE: "province_id", codes.REGENCY: "regency_id"}
VILLAGE_KEYS = {
    codes.PROVINCE: "province_id",
    codes.REGENCY: "regency_id",
    codes.DISTRICT: "district_id",
    codes.VILLAGE: "code",
}


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


def selected_courses(filters: Filters) -> list[int]:
    """The courses coverage is judged on: the filter's, or every live course."""
    if filters.course_ids is not None:
        return sorted(set(filters.course_ids))
    return list(CoursePage.objects.live().values_list("pk", flat=True))


def region_rows_q(code: str, *, field: str, keys: Mapping[int, str] | None = None) -> Q:
    """Rows under region `code`, on a village-code `field`, or on the denormalised
    column `keys` names for the code's level."""
    if code and keys and codes.level_of(code) in keys:
        return Q(**{keys[codes.level_of(code)]: code})
    return codes.villages_within_q(field, code)


def child_key(
    field: str, level: int, keys: Mapping[int, str] | None = None
) -> Combinable:
    """The child region (at `level`) of each row, computed in the database."""
    if keys and level in keys:
        return F(keys[level])
    return codes.ancestor_expression(field, level)


def period_q(field: str, filters: Filters) -> Q:
    q = Q(**{f"{field}__isnull": False})
    if filters.since:
        q &= Q(**{f"{field}__date__gte": filters.since})
    if filters.until:
        q &= Q(**{f"{field}__date__lte": filters.until})
    return q


def scoped_counters(*, user: User, code: str, filters: Filters) -> QuerySet:
    counters = VillageCourseCounter.objects.filter(
        scoping.region_q(user, "village__code"),
        region_rows_q(code, field="village__code", keys=COUNTER_KEYS),
    )
    if filters.course_ids is not None:
        counters = counters.filter(course_id__in=filters.course_ids)
    return counters


def scoped_enrollments(*, user: User, code: str, filters: Filters) -> QuerySet:
    enrollments = Enrollment.objects.filter(
        scoping.region_q(user, "user__village__code"),
        region_rows_q(code, field="user__village__code"),
        user__village__isnull=False,
    )
    if filters.course_ids is not None:
        enrollments = enrollments.filter(course_id__in=filters.course_ids)
    if filters.cohort_id:
        enrollments = enrollments.filter(cohort_id=filters.cohort_id)
    return enrollments
