"""Covered villages ("Desa tuntas") per child region, for the dashboards.

What coverage means is defined once, in `lms.dinas.ledger.coverage`; here it is
read: from the counters the ledger keeps (`covering`, `covered`,
`courses_covered`), or, under a cohort or period filter, recomputed from the
enrolments and certificates through the same definition.
"""

from collections import Counter

from django.db.models import Count, F, Sum
from django.utils.translation import gettext as _

from courses.models import Enrollment
from lms import scoping
from lms.models import Cooperative, User
from lms.regions import codes

from ..ledger.coverage import (
    coverage_participants,
    covering_courses,
    villages_covered,
)
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
    """Covered villages per child region (at `level`), as `coverage_definition`
    says: covered in every course the filter selects, or, with no course
    filter, in at least one live course."""
    courses = selected_courses(filters)
    if not courses:
        return {}
    needed = len(courses) if filters.course_ids is not None else 1
    if filters.needs_raw:
        return _count_by(
            covered_villages_raw(
                user=user, code=code, filters=filters, courses=courses, needed=needed
            ),
            level,
        )
    rolled_up = level <= codes.REGENCY and scoping.sees_whole_region(user, code)
    if len(courses) == 1 and rolled_up:  # needed == 1
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
        courses_covered__gte=needed,
    ).values("village_id")
    villages = (
        VillageCourseCounter.objects.filter(
            village_id__in=candidates,
            covering__gt=0,
            course_id__in=courses,
        )
        .values("village_id")
        .annotate(n=Count("course_id"))  # an index-only scan of the partial index
        .filter(n__gte=needed)
        .values_list("village_id", flat=True)
    )
    return _count_by(villages, level)


def covered_villages_raw(
    *, user: User, code: str, filters: Filters, courses: list[int], needed: int = 0
) -> set[str]:
    """The villages covered in at least `needed` of `courses` (0: every one), from
    the enrolments and certificates of the filter's cohort and period."""
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
    needed = needed or len(courses)
    wanted = set(courses)
    return {v for v, found in per_village.items() if len(wanted & found) >= needed}


def coverage_definition(filters: Filters) -> str:
    """What "Desa tuntas" counts under these filters, shown beside the figure."""
    n = coverage_participants()
    if filters.course_ids is None:
        return _(
            "Desa tuntas: desa yang dilayani koperasi dengan sedikitnya %(n)s "
            "peserta bersertifikat pada minimal satu kursus. Pilih kursus untuk "
            "melihat ketuntasan per kursus."
        ) % {"n": n}
    if len(set(filters.course_ids)) == 1:
        return _(
            "Desa tuntas: desa yang dilayani koperasi dengan sedikitnya %(n)s "
            "peserta bersertifikat pada kursus yang dipilih."
        ) % {"n": n}
    return _(
        "Desa tuntas: desa yang dilayani koperasi dengan sedikitnya %(n)s peserta "
        "bersertifikat pada setiap kursus yang dipilih."
    ) % {"n": n}
