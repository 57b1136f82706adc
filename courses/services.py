"""Writes of the courses app: enrolment and cohorts."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lms.dinas.counters import counters_enrollment_created
from lms.models import Role, User

from .models import Cohort, CoursePage, Enrollment


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
            enrollment = Enrollment.objects.create(
                user=user, course=course, cohort=cohort
            )
    except IntegrityError:  # enrolled at the same moment by another request
        return Enrollment.objects.get(user=user, course=course)
    counters_enrollment_created(enrollment=enrollment)
    return enrollment


@transaction.atomic
def cohort_enroll(*, cohort: Cohort, users) -> int:
    """Enrol many participants into a cohort; returns how many were newly enrolled."""
    before = Enrollment.objects.filter(cohort=cohort).count()
    for user in users:
        enrollment_create(user=user, course=cohort.course, cohort=cohort)
    return Enrollment.objects.filter(cohort=cohort).count() - before
