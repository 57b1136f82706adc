"""Moving the village × course counters; called inside the progress transactions."""

from django.db import transaction
from django.db.models import F

from .models import VillageCourseCounter

COUNTER_FIELDS = ("enrolled", "started", "completed", "certified")


def _bump(
    *, village_id: str | None, course_id: int, field: str, delta: int = 1
) -> None:
    if village_id is None:
        return
    regency_id, province_id = village_id[:5], village_id[:2]
    with transaction.atomic():
        updated = VillageCourseCounter.objects.filter(
            village_id=village_id, course_id=course_id
        ).update(**{field: F(field) + delta})
        if updated:
            return
        counter, created = VillageCourseCounter.objects.get_or_create(
            village_id=village_id,
            course_id=course_id,
            defaults={
                "regency_id": regency_id,
                "province_id": province_id,
                field: delta,
            },
        )
        if not created:
            VillageCourseCounter.objects.filter(pk=counter.pk).update(
                **{field: F(field) + delta}
            )


def _village_of(enrollment) -> str | None:
    return (
        type(enrollment.user)
        .objects.filter(pk=enrollment.user_id)
        .values_list("village_id", flat=True)
        .first()
    )


def counters_enrollment_created(*, enrollment) -> None:
    _bump(
        village_id=_village_of(enrollment),
        course_id=enrollment.course_id,
        field="enrolled",
    )


def counters_enrollment_started(*, enrollment) -> None:
    _bump(
        village_id=_village_of(enrollment),
        course_id=enrollment.course_id,
        field="started",
    )


def counters_enrollment_completed(*, enrollment) -> None:
    _bump(
        village_id=_village_of(enrollment),
        course_id=enrollment.course_id,
        field="completed",
    )


def counters_certificate_issued(*, enrollment) -> None:
    _bump(
        village_id=_village_of(enrollment),
        course_id=enrollment.course_id,
        field="certified",
    )
