"""An owed certificate is issued in the end: the outbox's sweeper (Celery beat,
every minute) sends an owed issue again, and completions that nothing owed (from
before the outbox) are found and owed once."""

import datetime

import pytest

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from certificates import tasks
from certificates.factories import CompletedEnrollmentFactory
from certificates.models import Certificate
from certificates.services import jobs
from certificates.services.issuing import (
    ISSUE_TASK,
    certificate_issue,
    certificate_owe,
    certificate_reserve,
)
from certificates.services.notify import NOTIFY_TASK
from lms.models import OwedWork
from lms.outbox import outbox_sweep


@pytest.mark.parametrize(
    "name",
    [
        ISSUE_TASK,
        NOTIFY_TASK,
        jobs.ISSUE_CHUNK_TASK,
        jobs.REGENERATE_CHUNK_TASK,
        jobs.ZIP_TASK,
    ],
)
def test_the_work_the_certificates_owe_names_their_tasks(name):
    """Services owe tasks by name (no import of the tasks module): each name is a
    task of certificates.tasks."""
    module, _dot, function = name.rpartition(".")
    assert module == tasks.__name__
    assert getattr(tasks, function).name == name


def test_beat_sweeps_owed_work_every_minute_and_certificates_need_no_sweep_of_their_own():
    tasks = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    sweeps = [
        entry
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if entry["task"] == "lms.tasks.outbox_sweep_task"
    ]
    assert len(sweeps) == 1
    assert sweeps[0]["schedule"] <= 60
    assert not [task for task in tasks if task.startswith("certificates.")]


@pytest.mark.django_db
def test_the_sweeper_issues_a_certificate_whose_worker_died_after_reserving_it():
    enrollment = CompletedEnrollmentFactory()
    owed = certificate_owe(enrollment_id=enrollment.pk)
    # As if its worker died after the reservation, an hour ago.
    pending = certificate_reserve(enrollment_id=enrollment.pk)
    OwedWork.objects.filter(pk=owed.pk).update(
        sent_at=timezone.now() - datetime.timedelta(hours=1), sends=1
    )
    # Another one, owed just now: within its lease, left alone.
    fresh_enrollment = CompletedEnrollmentFactory(course=enrollment.course)
    fresh = certificate_owe(enrollment_id=fresh_enrollment.pk)
    OwedWork.objects.filter(pk=fresh.pk).update(sent_at=timezone.now(), sends=1)

    assert outbox_sweep() == 1  # eager in tests: the issue runs here

    pending.refresh_from_db()
    assert pending.status == Certificate.Status.VALID
    owed.refresh_from_db()
    assert owed.done_at is not None
    assert not Certificate.objects.filter(enrollment=fresh_enrollment).exists()


@pytest.mark.django_db
def test_a_completion_that_nothing_owed_is_found_owed_once_and_issued():
    # The factory records a completion without the event: as before the outbox.
    forgotten = CompletedEnrollmentFactory()
    issued = CompletedEnrollmentFactory(course=forgotten.course)
    certificate_issue(enrollment_id=issued.pk)
    assert not OwedWork.objects.filter(task=ISSUE_TASK).exists()

    call_command("certificates_owe_missing")
    call_command("certificates_owe_missing")

    owed = OwedWork.objects.filter(task=ISSUE_TASK)
    assert [o.kwargs["enrollment_id"] for o in owed] == [forgotten.pk]
    outbox_sweep()  # eager in tests: the issue runs here
    assert Certificate.objects.get(enrollment=forgotten).status == "valid"
    assert owed.get().done_at is not None
