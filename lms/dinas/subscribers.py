"""The Dinas ledger listens to the learning domain (lms.events), never the reverse.

Each handler runs in the transaction that changed the fact, so the counters move
with it (docs/architecture.md, "Events").
"""

from courses.models import Enrollment
from lms import events

from . import counters


def _enrollments(ids) -> list[Enrollment]:
    return list(
        Enrollment.objects.filter(pk__in=ids).only("pk", "user_id", "course_id")
    )


def enrollments_created(event: events.EnrollmentsCreated) -> None:
    for enrollment in _enrollments(event.enrollment_ids):
        counters.counters_enrollment_created(enrollment=enrollment)


def enrollment_started(event: events.EnrollmentStarted) -> None:
    counters.counters_enrollment_started(
        enrollment=Enrollment(
            pk=event.enrollment_id, user_id=event.user_id, course_id=event.course_id
        )
    )


def enrollment_completed(event: events.EnrollmentCompleted) -> None:
    counters.counters_enrollment_completed(
        enrollment=Enrollment(
            pk=event.enrollment_id,
            user_id=event.user_id,
            course_id=event.course_id,
            completed_at=event.completed_at,
        )
    )


def certificates_issued(event: events.CertificatesIssued) -> None:
    counters.counters_certificates_issued(
        enrollments=Enrollment.objects.filter(pk__in=event.enrollment_ids).only(
            "pk", "user_id", "course_id"
        )
    )


def certificates_revoked(event: events.CertificatesRevoked) -> None:
    for enrollment in _enrollments(event.enrollment_ids):
        counters.counters_certificate_revoked(enrollment=enrollment)


def subscribe_all() -> None:
    events.subscribe(events.EnrollmentsCreated, enrollments_created)
    events.subscribe(events.EnrollmentStarted, enrollment_started)
    events.subscribe(events.EnrollmentCompleted, enrollment_completed)
    events.subscribe(events.CertificatesIssued, certificates_issued)
    events.subscribe(events.CertificatesRevoked, certificates_revoked)
