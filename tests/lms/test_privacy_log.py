"""The personal-data access log (UU 27/2022): who viewed or exported whose data,
read by administrators only, kept for the documented retention period."""

import datetime

import pytest

from django.urls import reverse
from django.utils import timezone

from lms.factories import AdminFactory, InstructorFactory, UserFactory
from lms.models import PersonalDataAccess
from lms.privacy import access_log_prune, access_record
from lms.tasks import access_log_prune_task

pytestmark = pytest.mark.django_db


def test_an_export_is_recorded_with_who_whose_and_why():
    officer = AdminFactory(full_name="Siti Petugas")
    people = UserFactory.create_batch(3)
    note = access_record(
        actor=officer,
        action=PersonalDataAccess.Action.EXPORT_FULL_PHONE,
        what="Ekspor peserta Kab. Banjar",
        subjects=people,
        reason="Undangan pelatihan lewat WhatsApp",
    )
    assert note.subject_count == 3
    assert sorted(note.subject_ids) == sorted(p.pk for p in people)
    assert note.actor_label.startswith("Siti Petugas")


def test_notes_past_the_retention_period_are_pruned_by_the_beat_job(settings):
    settings.PERSONAL_DATA_ACCESS_RETENTION_DAYS = 30
    old = access_record(actor=None, action="view", what="Detail peserta")
    old.at = timezone.now() - datetime.timedelta(days=31)
    old.save()
    kept = access_record(actor=None, action="view", what="Detail peserta")
    assert access_log_prune_task() == 1
    assert list(PersonalDataAccess.objects.all()) == [kept]
    assert access_log_prune() == 0
    assert "access-log-prune" in settings.CELERY_BEAT_SCHEDULE


def test_administrators_read_the_log_and_nobody_else_does(client):
    access_record(actor=None, action="export", what="Ekspor peserta Kab. Tapin")
    url = reverse("log_akses_data:index")
    client.force_login(InstructorFactory())
    assert client.get(url).status_code in (302, 403)
    client.force_login(AdminFactory())
    page = client.get(url)
    assert page.status_code == 200
    assert "Ekspor peserta Kab. Tapin" in page.content.decode()
    add = client.get(reverse("log_akses_data:add"))
    assert add.status_code in (302, 403)
