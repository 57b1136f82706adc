"""Closing a blended cohort issues the certificates of everyone who qualifies in
one batch job; the one gate (`certificates.eligibility`) holds a cohort's
certificates until its close, and until the evaluation where the cohort asks it."""

import datetime

import pytest

from django.test import Client
from django.urls import reverse

from certificates.eligibility import enrollment_certifiable
from certificates.factories import CertificateTemplateFactory
from certificates.models import Certificate, CertificateJob
from certificates.services.cohorts import cohort_close
from certificates.services.issuing import certificate_issue, certificates_owe_missing
from certificates.services.jobs import ISSUE_CHUNK_TASK
from courses.blended.services import (
    attendance_mark,
    evaluation_expected,
    evaluation_submit,
)
from courses.factories import (
    CohortFactory,
    EnrollmentFactory,
    SessionFactory,
    course_tree,
)
from courses.models import LessonPage
from courses.progress import lesson_reached_end
from lms.factories import AssistantFactory, InstructorFactory
from lms.models import OwedWork, Village
from lms.outbox import outbox_sweep

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(db):
    template = CertificateTemplateFactory()
    course = course_tree(modules=1, lessons=1, balai=template.balai)
    cohort = CohortFactory(
        course=course,
        attendance_min_percent=100,
        certificates_at_close=True,
        starts_on=datetime.date(2026, 1, 5),
    )
    SessionFactory(cohort=cohort)
    return cohort


def _complete(cohort, key):
    enrollment = EnrollmentFactory(course=cohort.course, cohort=cohort)
    lesson_reached_end(
        enrollment=enrollment,
        lesson=LessonPage.objects.descendant_of(cohort.course).get(),
    )
    attendance_mark(
        session=cohort.sessions.get(),
        enrollment_id=enrollment.pk,
        status="hadir",
        actor=None,
        key=key,
    )
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    return enrollment


def test_a_completion_in_a_cohort_issued_at_close_owes_nothing_yet(cohort):
    enrollment = _complete(cohort, "a")
    assert not OwedWork.objects.filter(task__contains="certificate").exists()
    assert enrollment_certifiable(enrollment_id=enrollment.pk) is False
    assert certificate_issue(enrollment_id=enrollment.pk) is None
    assert certificates_owe_missing() == 0
    assert not Certificate.objects.exists()


def test_closing_issues_everyone_who_qualifies_in_one_job(
    cohort, django_capture_on_commit_callbacks
):
    instructor = InstructorFactory(balai=cohort.course.balai)
    done = [_complete(cohort, f"k{n}") for n in range(3)]
    not_done = EnrollmentFactory(course=cohort.course, cohort=cohort)

    with django_capture_on_commit_callbacks(execute=True):
        closing = cohort_close(cohort=cohort, actor=instructor, batch_size=2)
    assert closing.closed_now and closing.qualifying == 3
    job = CertificateJob.objects.get()
    assert (job.kind, job.cohort_id, job.total) == ("issue", cohort.pk, 3)
    assert OwedWork.objects.filter(task=ISSUE_CHUNK_TASK).count() == 2
    outbox_sweep()
    job.refresh_from_db()
    assert (job.status, job.done) == ("done", 3)
    assert set(
        Certificate.objects.filter(status="valid").values_list(
            "enrollment_id", flat=True
        )
    ) == {e.pk for e in done}
    assert not Certificate.objects.filter(enrollment=not_done).exists()

    again = cohort_close(cohort=cohort, actor=instructor)
    assert not again.closed_now and again.job == job
    assert CertificateJob.objects.count() == 1


def test_the_evaluation_required_holds_the_certificate_until_answered(
    cohort, django_capture_on_commit_callbacks
):
    cohort.evaluation_required = True
    cohort.save()
    answered = _complete(cohort, "a")
    waiting = _complete(cohort, "b")
    scores = dict.fromkeys(evaluation_expected(cohort=cohort), 4)
    evaluation_submit(enrollment=answered, scores=scores)
    with django_capture_on_commit_callbacks(execute=True):
        closing = cohort_close(cohort=cohort, actor=None)
    assert closing.qualifying == 1
    outbox_sweep()
    assert list(Certificate.objects.values_list("enrollment_id", flat=True)) == [
        answered.pk
    ]

    # answered after the close: the gate is open, its certificate is owed with it
    with django_capture_on_commit_callbacks(execute=True):
        evaluation_submit(enrollment=waiting, scores=scores)
    assert Certificate.objects.get(enrollment=waiting).status == "valid"


def test_closing_with_nobody_qualifying_closes_without_a_job(cohort):
    EnrollmentFactory(course=cohort.course, cohort=cohort)
    closing = cohort_close(cohort=cohort, actor=None)
    assert closing.closed_now and closing.job is None
    cohort.refresh_from_db()
    assert cohort.closed_at is not None


def test_a_cohort_that_issues_at_completion_is_not_held(
    cohort, django_capture_on_commit_callbacks
):
    cohort.certificates_at_close = False
    cohort.save()
    with django_capture_on_commit_callbacks(execute=True):
        enrollment = _complete(cohort, "a")
    assert Certificate.objects.get(enrollment=enrollment).status == "valid"


def test_only_an_instructor_of_the_balai_closes_the_cohort(cohort):
    url = reverse("certificates:cohort_close", args=[cohort.pk])
    village = Village.objects.get(pk="63.03.01.2001")
    EnrollmentFactory(course=cohort.course, cohort=cohort)
    assistant = AssistantFactory(villages=[village])
    client = Client()
    client.force_login(assistant)
    assert client.post(url, {"confirm": "yes"}).status_code == 403
    client.force_login(InstructorFactory())
    assert client.post(url, {"confirm": "yes"}).status_code == 404
    client.force_login(InstructorFactory(balai=cohort.course.balai))
    page = client.get(url)
    assert page.status_code == 200 and "1 peserta" not in page.content.decode()
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    cohort.refresh_from_db()
    assert cohort.closed_at is not None
