"""When a completed enrolment's certificate may be issued: the one gate.

A certificate is issued for an enrolment that is complete (`courses.progress`
decides completion: lessons, tests, attendance, offline results) and, when it
belongs to a cohort:

- whose certificates are issued at its close (`Cohort.certificates_at_close`,
  a blended programme): once the cohort is closed;
- that requires its evaluation before the certificate
  (`Cohort.evaluation_required`): once the participant has answered it.

Every path that owes, reserves or batches certificates asks here: the completion
subscriber (`subscribers.enrollment_completed`), the evaluation subscriber,
`services.issuing.certificate_reserve` and `certificates_reserve_many`,
`services.jobs.certificate_issue_job_create`, `certificates_owe_missing` and the
closing of a cohort (`services.cohorts.cohort_close`). An enrolment the gate
holds back is simply not issued yet; the event that opens the gate (the cohort
closed, the evaluation answered) owes it then.
"""

from django.db.models import Exists, OuterRef, Q

from courses.models import Enrollment, EvaluationSubmission


def certifiable_q(*, as_if_closed: bool = False) -> Q:
    """The gate, as a filter on enrolments. `as_if_closed`: as it will be once
    their cohort is closed (what closing it issues)."""
    evaluated = Exists(
        EvaluationSubmission.objects.filter(enrollment_id=OuterRef("pk"))
    )
    closed = (
        Q()
        if as_if_closed
        else (
            Q(cohort__isnull=True)
            | Q(cohort__certificates_at_close=False)
            | Q(cohort__closed_at__isnull=False)
        )
    )
    return (
        Q(completed_at__isnull=False)
        & closed
        & (Q(cohort__isnull=True) | Q(cohort__evaluation_required=False) | evaluated)
    )


def enrollment_certifiable(*, enrollment_id: int) -> bool:
    return Enrollment.objects.filter(certifiable_q(), pk=enrollment_id).exists()
