"""Covered villages ("Desa tuntas") per child region, for the dashboards.

What coverage means is defined once, in `lms.dinas.ledger.coverage`; here it is
read: from the counters the ledger keeps (`covering`, `covered`,
`courses_covered`), or, under a cohort or period filter, recomputed from the
enrolments and certificates through the same definition.
"""

from collections import Counter

from django.db.models import Count, F, Sum

from courses.models import Enrollment
from lms import scoping
from lms.models import Cooperative, User
from lms.regions import codes

from ..ledger.coverage import covering_courses, villages_covered
from ..models import RegencyCourseCounter, VillageCourseCounter, VillageTally
from .filters import (
    COUNTER_KEYS,
    VALID,
    Filters,
    period_q,
    region_rows_q,
    selected_courses,
)


def _count_by(village_ids, level: int) -> dict[str, int]:
    return dict(Counter(codes.ancestor(v, level) for v in village_ids))


def covered_counts(
    *, user: User, code: str, filters: Filters, level: int
) -> dict[str, int]:
    """Covered villages per child region (at `level`): villages covered in every
    selected course."""
    courses = selected_courses(filters)
    if not courses:
        return {}
    if filters.needs_raw:
        return _count_by(
            covered_villages_raw(
                user=user, code=code, filters=filters, courses=courses
            ),
            level,
        )
    rolled_up = level <= codes.REGENCY and scoping.sees_whole_region(user, code)
    if len(courses) == 1 and rolled_up:
        rows = RegencyCourseCounter.objects.filter(course_id=courses[0])
        if code:
            rows = rows.filter(province_id=code)
        key = COUNTER_KEYS[level]
        return {
            r["k"]: r["n"]
            for r in rows.values(k=F(key)).annotate(n=Sum("covered"))
            if r["n"]
        }
    # Candidates: villages covered in at least as many courses (a small partial
    # index), then checked course by course.
    candidates = VillageTally.objects.filter(
        scoping.region_q(user, "village__code"),
        region_rows_q(code, field="village__code", keys=COUNTER_KEYS),
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
    return _count_by(villages, level)


def covered_villages_raw(
    *, user: User, code: str, filters: Filters, courses: list[int]
) -> set[str]:
    """The villages covered in every course of `courses`, from the enrolments and
    certificates of the filter's cohort and period."""
    enrollments = Enrollment.objects.filter(
        course_id__in=courses,
        user__cooperative__isnull=False,
        certificate__status=VALID,
    ).filter(period_q("certificate__issued_at", filters))
    if filters.cohort_id:
        enrollments = enrollments.filter(cohort_id=filters.cohort_id)
    certified = (
        enrollments.values("user__cooperative_id", "course_id")
        .annotate(n=Count("id"))
        .values_list("user__cooperative_id", "course_id", "n")
    )
    courses_of = covering_courses(certified)
    links = Cooperative.villages.through.objects.filter(
        scoping.region_q(user, "village__code"),
        region_rows_q(code, field="village__code"),
        cooperative_id__in=list(courses_of),
    ).values_list("cooperative_id", "village_id")
    per_village: dict[str, set[int]] = {}
    for village_id, course_id in villages_covered(courses_of, links):
        per_village.setdefault(village_id, set()).add(course_id)
    wanted = set(courses)
    return {v for v, found in per_village.items() if wanted <= found}
