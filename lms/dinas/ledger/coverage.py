"""Coverage ("Desa tuntas"): the one definition, for the ledger, the dashboards
and the reconciliation alike.

A cooperative *covers* a course when at least `DINAS_COVERAGE_PARTICIPANTS` of its
participants hold a valid certificate of it (`covers`); it then covers that course
in every village it serves (`villages_covered`), so merged villages share their
cooperative's coverage. A village is covered in a course when at least one
cooperative covers it there.
"""

from collections import Counter
from collections.abc import Iterable, Mapping

from django.conf import settings


def coverage_participants() -> int:
    """Certified participants a cooperative needs for its villages to be covered."""
    return max(1, getattr(settings, "DINAS_COVERAGE_PARTICIPANTS", 3))


def covers(certified: int) -> bool:
    """Whether a cooperative with `certified` valid certificates in a course covers
    the villages it serves in that course."""
    return certified >= coverage_participants()


def covering_courses(
    certified: Iterable[tuple[int, int, int]],
) -> dict[int, set[int]]:
    """From (cooperative, course, valid certificates): the courses each covers."""
    out: dict[int, set[int]] = {}
    for cooperative_id, course_id, n in certified:
        if covers(n):
            out.setdefault(cooperative_id, set()).add(course_id)
    return out


def villages_covered(
    courses_of: Mapping[int, Iterable[int]], links: Iterable[tuple[int, str]]
) -> Counter:
    """(village, course) → how many cooperatives cover it, from the courses each
    cooperative covers and the (cooperative, village) links it serves."""
    out: Counter = Counter()
    for cooperative_id, village_id in links:
        for course_id in courses_of.get(cooperative_id, ()):
            out[(village_id, course_id)] += 1
    return out
