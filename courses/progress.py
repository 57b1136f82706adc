"""Progress and completion: the one place that decides them.

A lesson is complete when the participant has reached its end and every activity in
it that counts is done (each activity model answers `is_done(enrollment)`). A course
is complete when every lesson that counts is complete. Completion is recorded once;
after the transaction commits, the certificate is asked for through a Celery task.
"""

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from .models import Enrollment, LessonActivity, LessonPage, LessonProgress


def course_lessons(course) -> QuerySet[LessonPage]:
    """The live lessons of a course that count for completion, in tree order."""
    return (
        LessonPage.objects.live()
        .descendant_of(course)
        .filter(counts_for_completion=True)
        .order_by("path")
    )


def lesson_activities_done(*, enrollment: Enrollment, lesson: LessonPage) -> bool:
    for link in LessonActivity.objects.filter(
        lesson=lesson, counts_for_completion=True
    ).prefetch_related("activity"):
        activity = link.activity
        if activity is not None and not activity.is_done(enrollment=enrollment):
            return False
    return True


def _locked(enrollment: Enrollment) -> Enrollment:
    return Enrollment.objects.select_for_update().get(pk=enrollment.pk)


@transaction.atomic
def lesson_visit(*, enrollment: Enrollment, lesson: LessonPage) -> LessonProgress:
    """The participant opened a lesson: it is started, and where they continue."""
    now = timezone.now()
    progress, _ = LessonProgress.objects.get_or_create(
        enrollment=enrollment, lesson=lesson
    )
    changed = ["last_lesson"]
    enrollment.last_lesson = lesson
    if enrollment.started_at is None:
        enrollment.started_at = now
        changed.append("started_at")
    if enrollment.status == Enrollment.Status.ENROLLED:
        enrollment.status = Enrollment.Status.IN_PROGRESS
        changed.append("status")
        from lms.dinas.counters import counters_enrollment_started

        counters_enrollment_started(enrollment=enrollment)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        **{field: getattr(enrollment, field) for field in changed}
    )
    type(enrollment.user).objects.filter(pk=enrollment.user_id).update(
        last_studied_at=now
    )
    return progress


@transaction.atomic
def lesson_reached_end(*, enrollment: Enrollment, lesson: LessonPage) -> LessonProgress:
    """The participant reached the end of a lesson; it completes if its activities are done."""
    lesson_visit(enrollment=enrollment, lesson=lesson)
    progress = LessonProgress.objects.select_for_update().get(
        enrollment=enrollment, lesson=lesson
    )
    if progress.status != LessonProgress.Status.COMPLETED and lesson_activities_done(
        enrollment=enrollment, lesson=lesson
    ):
        progress.status = LessonProgress.Status.COMPLETED
        progress.completed_at = timezone.now()
        progress.save(update_fields=["status", "completed_at"])
        enrollment_progress_update(enrollment=enrollment)
    return progress


@transaction.atomic
def activity_result_recorded(*, enrollment: Enrollment, activity) -> None:
    """A quiz or H5P result landed: lessons holding that activity may now complete.

    A lesson whose end was already reached completes here; one not yet read stays
    open until the participant reaches its end.
    """
    links = LessonActivity.objects.filter(
        content_type__app_label=activity._meta.app_label,
        content_type__model=activity._meta.model_name,
        object_id=activity.pk,
    ).select_related("lesson")
    for link in links:
        progress = LessonProgress.objects.filter(
            enrollment=enrollment, lesson=link.lesson
        ).first()
        if progress is None:
            progress = lesson_visit(enrollment=enrollment, lesson=link.lesson)
        if (
            progress.status != LessonProgress.Status.COMPLETED
            and lesson_activities_done(enrollment=enrollment, lesson=link.lesson)
        ):
            LessonProgress.objects.filter(pk=progress.pk).update(
                status=LessonProgress.Status.COMPLETED, completed_at=timezone.now()
            )
    enrollment_progress_update(enrollment=enrollment)


def course_is_complete(*, enrollment: Enrollment) -> bool:
    lesson_ids = set(course_lessons(enrollment.course).values_list("pk", flat=True))
    done = set(
        LessonProgress.objects.filter(
            enrollment=enrollment,
            lesson_id__in=lesson_ids,
            status=LessonProgress.Status.COMPLETED,
        ).values_list("lesson_id", flat=True)
    )
    return bool(lesson_ids) and lesson_ids <= done


@transaction.atomic
def enrollment_progress_update(*, enrollment: Enrollment) -> Enrollment:
    """Recompute the course percentage and record completion when it is reached."""
    enrollment = _locked(enrollment)
    lesson_ids = list(course_lessons(enrollment.course).values_list("pk", flat=True))
    done = LessonProgress.objects.filter(
        enrollment=enrollment,
        lesson_id__in=lesson_ids,
        status=LessonProgress.Status.COMPLETED,
    ).count()
    percent = round(100 * done / len(lesson_ids)) if lesson_ids else 0
    if percent != enrollment.progress_percent:
        enrollment.progress_percent = percent
        enrollment.save(update_fields=["progress_percent"])
    if enrollment.completed_at is None and course_is_complete(enrollment=enrollment):
        enrollment_complete(enrollment=enrollment)
    return enrollment


@transaction.atomic
def enrollment_complete(*, enrollment: Enrollment) -> bool:
    """Record completion once; True if this call recorded it."""
    updated = Enrollment.objects.filter(
        pk=enrollment.pk, completed_at__isnull=True
    ).update(
        completed_at=timezone.now(),
        status=Enrollment.Status.COMPLETED,
        progress_percent=100,
    )
    if not updated:
        return False
    enrollment.refresh_from_db()
    from lms.dinas.counters import counters_enrollment_completed

    counters_enrollment_completed(enrollment=enrollment)
    from certificates.tasks import certificate_issue_task

    enrollment_id = enrollment.pk
    transaction.on_commit(lambda: certificate_issue_task.delay(enrollment_id))
    return True
