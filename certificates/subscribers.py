"""Certificates listen to the learning domain (lms.events): a completion owes its
certificate, and so does an evaluation answered, once the gate
(`eligibility.certifiable_q`) lets it through."""

from lms import events

from .eligibility import enrollment_certifiable
from .services.issuing import certificate_owe


def enrollment_completed(event: events.EnrollmentCompleted) -> None:
    """The certificate is owed in the completion's own transaction (lms.outbox),
    unless its cohort holds it back (issued at the close, or after the evaluation)."""
    if enrollment_certifiable(enrollment_id=event.enrollment_id):
        certificate_owe(enrollment_id=event.enrollment_id)


def evaluation_submitted(event: events.EvaluationSubmitted) -> None:
    """A certificate that waited for the evaluation is owed with the answer."""
    if enrollment_certifiable(enrollment_id=event.enrollment_id):
        certificate_owe(enrollment_id=event.enrollment_id)


def subscribe_all() -> None:
    events.subscribe(events.EnrollmentCompleted, enrollment_completed)
    events.subscribe(events.EvaluationSubmitted, evaluation_submitted)
