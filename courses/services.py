"""Writes of the courses app: enrolment, cohorts and the lesson↔activity relation."""

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from lms import events
from lms.models import Role, User

from .blocks import ACTIVITY_BLOCKS
from .models import Cohort, CoursePage, Enrollment, LessonActivity, LessonPage
from .selectors import course_changes


def _prerequisites_missing(*, user: User, course: CoursePage) -> list[CoursePage]:
    required = list(course.prerequisites.all())
    if not required:
        return []
    done = set(
        Enrollment.objects.filter(
            user=user, course__in=required, completed_at__isnull=False
        ).values_list("course_id", flat=True)
    )
    return [c for c in required if c.pk not in done]


@transaction.atomic
def enrollment_create(
    *,
    user: User,
    course: CoursePage,
    cohort: Cohort | None = None,
    self_service: bool = False,
) -> Enrollment:
    """Enrol a participant in a course; enrolling twice returns the same enrolment."""
    existing = Enrollment.objects.filter(user=user, course=course).first()
    if existing:
        if cohort and existing.cohort_id != cohort.pk:
            existing.cohort = cohort
            existing.save(update_fields=["cohort"])
        return existing
    if user.role != Role.PARTICIPANT:
        raise ValidationError(_("Hanya peserta yang dapat mendaftar kursus."))
    if self_service:
        if not course.self_enrollment:
            raise ValidationError(
                _("Kursus ini hanya untuk peserta yang didaftarkan penyelenggara.")
            )
        missing = _prerequisites_missing(user=user, course=course)
        if missing:
            raise ValidationError(
                _("Selesaikan dulu kursus prasyarat: %(names)s")
                % {"names": ", ".join(c.title for c in missing)}
            )
    try:
        with transaction.atomic():
            # By id: `user` may be request.user (a lazy wrapper); the enrolment's
            # user is then loaded as a plain User for whoever reads it next.
            enrollment = Enrollment.objects.create(
                user_id=user.pk, course=course, cohort=cohort
            )
    except IntegrityError:  # enrolled at the same moment by another request
        return Enrollment.objects.get(user=user, course=course)
    events.publish(events.EnrollmentsCreated(enrollment_ids=(enrollment.pk,)))
    return enrollment


_ENROL_CHUNK = 2000


@transaction.atomic
def cohort_enroll(*, cohort: Cohort, users: Iterable[User]) -> int:
    """Enrol many participants into a cohort; returns how many were newly enrolled
    in it (new enrolments, and enrolments in the course moved into the cohort).

    In bulk: a few queries per 2,000 people and one event for all the new
    enrolments, so a programme of thousands is enrolled in seconds. Anyone who is
    not a participant refuses the whole batch, nothing written."""
    if isinstance(users, QuerySet):
        people = list(users.values_list("pk", "role"))
    else:
        people = [(user.pk, user.role) for user in users]
    if any(role != Role.PARTICIPANT for _pk, role in people):
        raise ValidationError(_("Hanya peserta yang dapat mendaftar kursus."))
    ids = sorted({pk for pk, _role in people})
    moved = 0
    created: list[int] = []
    for start in range(0, len(ids), _ENROL_CHUNK):
        chunk = ids[start : start + _ENROL_CHUNK]
        existing = Enrollment.objects.filter(
            course_id=cohort.course_id, user_id__in=chunk
        )
        have = set(existing.values_list("user_id", flat=True))
        moved += existing.exclude(cohort=cohort).update(cohort=cohort)
        new = Enrollment.objects.bulk_create(
            [
                Enrollment(user_id=pk, course_id=cohort.course_id, cohort=cohort)
                for pk in chunk
                if pk not in have
            ]
        )
        created.extend(enrollment.pk for enrollment in new)
    if created:
        events.publish(events.EnrollmentsCreated(enrollment_ids=tuple(created)))
    return moved + len(created)


def _lesson_activity_keys(*, lesson: LessonPage) -> list[tuple[int, int]]:
    """(content type id, object id) of the lesson's quiz/H5P blocks, in body order.

    Read from the raw stream (ids only); a block whose activity no longer exists,
    or that repeats an activity already listed, is left out.
    """
    stream_block = lesson.body.stream_block
    wanted: dict[tuple[int, int], None] = {}
    for raw in lesson.body.raw_data:
        field = ACTIVITY_BLOCKS.get(raw.get("type"))
        if field is None:
            continue
        object_id = (raw.get("value") or {}).get(field)
        if not object_id:
            continue
        model = stream_block.child_blocks[raw["type"]].child_blocks[field].model_class
        if not model._default_manager.filter(pk=object_id).exists():
            continue
        content_type = ContentType.objects.get_for_model(model)
        wanted.setdefault((content_type.pk, int(object_id)), None)
    return list(wanted)


@transaction.atomic
def lesson_activities_sync(*, lesson: LessonPage) -> list[LessonActivity]:
    """Mirror the lesson's quiz and H5P blocks into LessonActivity rows.

    Creates rows for new activities, deletes rows whose block is gone and keeps the
    order of the body. A row's `counts_for_completion` survives re-syncs. Safe to
    call any number of times.
    """
    wanted = _lesson_activity_keys(lesson=lesson)
    existing = {
        (row.content_type_id, row.object_id): row
        for row in LessonActivity.objects.select_for_update().filter(lesson=lesson)
    }
    stale = [row.pk for key, row in existing.items() if key not in set(wanted)]
    if stale:
        LessonActivity.objects.filter(pk__in=stale).delete()
    rows = []
    for order, (content_type_id, object_id) in enumerate(wanted):
        row = existing.get((content_type_id, object_id))
        if row is None:
            row = LessonActivity.objects.create(
                lesson=lesson,
                content_type_id=content_type_id,
                object_id=object_id,
                sort_order=order,
            )
        elif row.sort_order != order:
            row.sort_order = order
            row.save(update_fields=["sort_order"])
        rows.append(row)
    return rows


def course_review_submit(*, course: CoursePage, user: User) -> None:
    """ "Ajukan kursus untuk ditinjau": one review for the course and every module
    and lesson changed in it (published together by `course_changes_publish` when
    the reviewer approves). Refused, in Bahasa Indonesia, when a review is already
    running, when there is nothing to review, or when no workflow applies."""
    if course.workflow_in_progress:
        raise ValidationError(_("Kursus ini sudah diajukan dan sedang ditinjau."))
    if not course.has_unpublished_changes and not course_changes(course=course):
        raise ValidationError(_("Tidak ada perubahan yang perlu ditinjau."))
    workflow = course.get_workflow()
    if workflow is None:
        raise ValidationError(_("Belum ada alur peninjauan untuk kursus ini."))
    with transaction.atomic():
        if course.get_latest_revision() is None:
            course.save_revision(user=user)
        workflow.start(course, user)


@transaction.atomic
def course_changes_publish(*, course: CoursePage, user: User | None) -> int:
    """The reviewer approved the course: publish the modules and lessons changed in
    it, parents first (a review of one of them still running is closed: the
    course's review covered it). Returns how many were published."""
    published = 0
    for page in course_changes(course=course):
        state = page.current_workflow_state
        if state is not None:
            state.cancel(user=user)
        revision = page.get_latest_revision()
        if revision is not None:
            revision.publish(user=user)
            published += 1
    return published
