"""Certificates listen to the learning domain (lms.events): a completion owes one."""

from lms import events
from lms.outbox import work_owe


def enrollment_completed(event: events.EnrollmentCompleted) -> None:
    """The certificate is owed in the completion's own transaction (lms.outbox)."""
    work_owe(
        task="certificates.tasks.certificate_issue_task",
        kwargs={"enrollment_id": event.enrollment_id},
        key=f"certificate-issue:{event.enrollment_id}",
    )


def subscribe_all() -> None:
    events.subscribe(events.EnrollmentCompleted, enrollment_completed)
