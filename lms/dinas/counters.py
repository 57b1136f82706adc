"""Moving the village × course counters; called inside the progress transactions."""

import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import CompletionWeek, VillageCourseCounter

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


def week_of(moment: datetime.datetime | None) -> datetime.date:
    """The Monday of the week a moment falls in (in the site's time zone)."""
    day = timezone.localdate(moment) if moment else timezone.localdate()
    return day - datetime.timedelta(days=day.weekday())


def _bump_week(*, village_id: str | None, course_id: int, week: datetime.date) -> None:
    if village_id is None:
        return
    with transaction.atomic():
        updated = CompletionWeek.objects.filter(
            village_id=village_id, course_id=course_id, week=week
        ).update(completed=F("completed") + 1)
        if updated:
            return
        row, created = CompletionWeek.objects.get_or_create(
            village_id=village_id,
            course_id=course_id,
            week=week,
            defaults={
                "regency_id": village_id[:5],
                "province_id": village_id[:2],
                "completed": 1,
            },
        )
        if not created:
            CompletionWeek.objects.filter(pk=row.pk).update(
                completed=F("completed") + 1
            )


def counters_enrollment_completed(*, enrollment) -> None:
    village_id = _village_of(enrollment)
    _bump(village_id=village_id, course_id=enrollment.course_id, field="completed")
    _bump_week(
        village_id=village_id,
        course_id=enrollment.course_id,
        week=week_of(getattr(enrollment, "completed_at", None)),
    )


def counters_certificate_issued(*, enrollment) -> None:
    _bump(
        village_id=_village_of(enrollment),
        course_id=enrollment.course_id,
        field="certified",
    )
