"""Certificates listen to the learning domain (lms.events): a completion owes one."""

from lms import events

from .services.issuing import certificate_owe


def enrollment_completed(event: events.EnrollmentCompleted) -> None:
    """The certificate is owed in the completion's own transaction (lms.outbox)."""
    certificate_owe(enrollment_id=event.enrollment_id)


def subscribe_all() -> None:
    events.subscribe(events.EnrollmentCompleted, enrollment_completed)
