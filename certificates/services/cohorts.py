"""Closing a cohort: its record made final, and its certificates issued in one
action through the batch path (an issue job with progress).

This is the layer that may import both the learning domain (the cohort's
closing record, `courses.blended.services.cohort_close_record`) and the
certificates' batch job (`jobs.certificate_issue_job_create`). Who qualifies is
the one gate, `certificates.eligibility.certifiable_q`: complete by
`courses.progress` (lessons, tests, attendance, offline results) and the
evaluation answered where the cohort asks it; closing opens the cohort's
`certificates_at_close`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from courses.blended.services import cohort_close_record
from courses.models import Cohort, Enrollment
from lms.models import User

from ..eligibility import certifiable_q
from ..models import Certificate, CertificateJob
from ..selectors import cohort_issue_job
from .jobs import ISSUE_BATCH_SIZE, certificate_issue_job_create


@dataclass(frozen=True)
class CohortClosing:
    cohort: Cohort
    closed_now: bool
    job: CertificateJob | None  # None: nobody was owed a certificate
    qualifying: int  # enrolments whose certificate the close issued


def cohort_qualifying_ids(*, cohort: Cohort) -> list[int]:
    """The cohort's enrolments that closing it issues a certificate for: those the
    gate lets through once it is closed, without a valid certificate yet."""
    return list(
        Enrollment.objects.filter(certifiable_q(as_if_closed=True), cohort=cohort)
        .exclude(certificate__status=Certificate.Status.VALID)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


@transaction.atomic
def cohort_close(
    *, cohort: Cohort, actor: User | None, batch_size: int = ISSUE_BATCH_SIZE
) -> CohortClosing:
    """Close a cohort and issue, as one job, the certificates of everyone who
    qualifies; the job's chunks are owed in this transaction (`lms.outbox`).

    Closing twice closes once and starts no second job. Nobody qualifying still
    closes the cohort (no job). Later qualifiers (an evaluation answered, a
    course finished online after the close) are owed theirs one by one by the
    certificate subscribers, the gate being open.
    """
    cohort, closed_now = cohort_close_record(cohort=cohort, actor=actor)
    if not closed_now:
        return CohortClosing(
            cohort=cohort,
            closed_now=False,
            job=cohort_issue_job(cohort=cohort),
            qualifying=0,
        )
    ids = cohort_qualifying_ids(cohort=cohort)
    job = None
    if ids:
        job = certificate_issue_job_create(
            enrollment_ids=ids, actor=actor, batch_size=batch_size, cohort=cohort
        )
    return CohortClosing(cohort=cohort, closed_now=True, job=job, qualifying=len(ids))
