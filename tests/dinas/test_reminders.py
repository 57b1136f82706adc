"""Reminders to idle participants and the assistants' weekly summary."""

import datetime

from django.conf import settings
from django.core import mail
from django.utils import timezone

from courses.services import enrollment_create
from lms.dinas.reminders import assistant_summaries_send, reminders_send
from lms.factories import AssistantFactory, ParticipantFactory
from lms.models import User, Village


def _idle(course, days: int, **kwargs):
    person = ParticipantFactory(**kwargs)
    enrollment_create(user=person, course=course)
    User.objects.filter(pk=person.pk).update(
        last_studied_at=timezone.now() - datetime.timedelta(days=days)
    )
    return person


def test_idle_participants_are_reminded_once_per_idle_spell(db, course):
    idle = _idle(course, days=10, full_name="Peserta Diam")
    _idle(course, days=2, full_name="Peserta Aktif")
    assert reminders_send(days=7) == 1
    assert [m.to for m in mail.outbox] == [[idle.email]]
    assert "Peserta Diam" in mail.outbox[0].body
    assert reminders_send(days=7) == 0  # already told in this idle spell


def test_the_beat_schedule_runs_the_reminders_and_summaries():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "lms.dinas.tasks.reminders_send_task" in tasks
    assert "lms.dinas.tasks.assistant_summaries_send_task" in tasks


def test_an_assistant_gets_a_weekly_summary_of_their_villages(db, course):
    village = Village.objects.get(pk="63.03.01.2001")
    _idle(course, days=10, full_name="Peserta Diam", village=village)
    _idle(course, days=10, full_name="Peserta Lain", village_id="63.01.01.2001")
    assistant = AssistantFactory(villages=[village])
    assert assistant_summaries_send() == 1
    body = mail.outbox[0].body
    assert mail.outbox[0].to == [assistant.email]
    assert "Peserta Diam" in body and "Peserta Lain" not in body
    assert assistant_summaries_send() == 0


def test_another_notifier_can_deliver_the_reminders(db, course, settings):
    settings.DINAS_NOTIFIER = "tests.dinas.test_reminders.RecordingNotifier"
    RecordingNotifier.sent = []
    _idle(course, days=30, email=None)
    assert reminders_send(days=7) == 1
    assert RecordingNotifier.sent and not mail.outbox


class RecordingNotifier:
    channel = "sms"
    sent: list = []

    def send(self, *, user, subject, body) -> bool:
        RecordingNotifier.sent.append((user.phone, body))
        return True
