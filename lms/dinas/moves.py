"""A participant who changes village or cooperative takes their counts along.

Called by the programme import (in its transaction) after it moved people; kept
beside `counters` and built from its primitives, one participant at a time (a
re-import rarely moves anybody).
"""

from .counters import _add, _cooperative_certified, _regions, week_of
from .models import (
    CompletionWeek,
    RegencyCompletionWeek,
    RegencyCourseCounter,
    VillageCourseCounter,
)

VALID = "valid"  # certificates.models.Certificate.Status.VALID


def _progress(*, village_id: str | None, course_id: int, deltas: dict, week) -> None:
    if village_id is None or not any(deltas.values()):
        return
    regions = _regions(village_id)
    _add(
        VillageCourseCounter,
        keys={"village_id": village_id, "course_id": course_id},
        defaults=regions,
        deltas=deltas,
    )
    _add(
        RegencyCourseCounter,
        keys={"regency_id": regions["regency_id"], "course_id": course_id},
        defaults={"province_id": regions["province_id"]},
        deltas=deltas,
    )
    if week is None:
        return
    step = deltas["completed"]
    _add(
        CompletionWeek,
        keys={"village_id": village_id, "course_id": course_id, "week": week},
        defaults=regions,
        deltas={"completed": step},
    )
    _add(
        RegencyCompletionWeek,
        keys={
            "regency_id": regions["regency_id"],
            "course_id": course_id,
            "week": week,
        },
        defaults={"province_id": regions["province_id"]},
        deltas={"completed": step},
    )


def counters_participant_moved(
    *,
    user_id: int,
    old_village: str | None,
    new_village: str | None,
    old_cooperative: int | None,
    new_cooperative: int | None,
) -> None:
    """Move a participant's enrolments (and valid certificates) between villages
    and cooperatives, with the coverage they carry."""
    from courses.models import Enrollment

    if old_village == new_village and old_cooperative == new_cooperative:
        return
    enrollments = Enrollment.objects.filter(user_id=user_id).values_list(
        "course_id", "started_at", "completed_at", "certificate__status"
    )
    for course_id, started_at, completed_at, status in enrollments:
        certified = status == VALID
        if old_village != new_village:
            facts = {
                "enrolled": 1,
                "started": int(started_at is not None),
                "completed": int(completed_at is not None),
                "certified": int(certified),
            }
            week = week_of(completed_at) if completed_at else None
            _progress(
                village_id=old_village,
                course_id=course_id,
                deltas={k: -v for k, v in facts.items()},
                week=week,
            )
            _progress(
                village_id=new_village, course_id=course_id, deltas=facts, week=week
            )
        if certified and old_cooperative != new_cooperative:
            _cooperative_certified(
                cooperative_id=old_cooperative, course_id=course_id, delta=-1
            )
            _cooperative_certified(
                cooperative_id=new_cooperative, course_id=course_id, delta=1
            )
