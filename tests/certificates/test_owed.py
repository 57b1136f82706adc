"""Certificates left PENDING are resumed on a schedule (Celery beat)."""

from datetime import timedelta

import pytest

from django.conf import settings
from django.utils import timezone

from certificates import services
from certificates.factories import CompletedEnrollmentFactory
from certificates.models import Certificate
from certificates.tasks import certificates_resume_task


def test_beat_schedule_runs_the_resume_task_often():
    entries = [
        entry
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if entry["task"] == "certificates.tasks.certificates_resume_task"
    ]
    assert len(entries) == 1
    assert entries[0]["schedule"] <= 30 * 60
    assert certificates_resume_task.name == entries[0]["task"]


@pytest.mark.django_db
def test_resume_task_issues_a_stale_pending_certificate():
    enrollment = CompletedEnrollmentFactory()
    pending = services.certificate_reserve(enrollment_id=enrollment.pk)
    fresh = services.certificate_reserve(
        enrollment_id=CompletedEnrollmentFactory(course=enrollment.course).pk
    )
    Certificate.objects.filter(pk=pending.pk).update(
        created_at=timezone.now() - timedelta(hours=1)
    )
    assert certificates_resume_task.apply().get() == 1  # eager in tests
    pending.refresh_from_db()
    fresh.refresh_from_db()
    assert pending.status == Certificate.Status.VALID
    assert fresh.status == Certificate.Status.PENDING  # its own task is still due
