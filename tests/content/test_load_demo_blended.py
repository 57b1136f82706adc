"""The demo holds a blended cohort with past and upcoming sessions (loaded from
`lms/data/demo/cohorts.yaml`, idempotently)."""

import io

import pytest

from django.core.management import call_command
from django.utils import timezone

from courses.models import Attendance, Cohort, Session


@pytest.mark.django_db
def test_the_demo_holds_a_blended_cohort_with_past_and_upcoming_sessions(h5p_media):
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())  # idempotent
    cohort = Cohort.objects.get(name__contains="blended")
    now = timezone.now()
    sessions = Session.objects.filter(cohort=cohort)
    assert sessions.count() == 3
    assert sessions.filter(ends_at__lt=now).exists()
    assert sessions.filter(starts_at__gt=now).exists()
    assert {s.kind for s in sessions} == {"tatap_muka", "kunjungan", "webinar"}
    assert cohort.enrollments.count() == 3
    assert Attendance.objects.filter(session__cohort=cohort).count() == 3
    assert cohort.speakers.count() == 4
    assert cohort.funding_source == "dekon" and cohort.budget_year == 2026
