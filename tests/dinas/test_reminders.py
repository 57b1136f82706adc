"""Reminders to idle participants and the assistants' weekly summary: owed
through the outbox by the beat job, delivered by the workers."""

import datetime

import pytest

from django.conf import settings
from django.core import mail
from django.utils import timezone

from courses.models import Enrollment
from courses.services import enrollment_create
from lms.dinas.models import ReminderSent
from lms.dinas.reminders import assistant_summaries_send, reminders_send
from lms.factories import AssistantFactory, ParticipantFactory
from lms.models import OwedWork, User, Village
from lms.notifications import LogPhoneAdapter


@pytest.fixture
def deliver(django_capture_on_commit_callbacks):
    """Run what the beat job owed (eager workers) once its transaction commits."""

    def run(send, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return send(**kwargs)

    return run


def _idle(course, days: int, **kwargs):
    """A participant enrolled `days` days ago who last studied then."""
    person = ParticipantFactory(**kwargs)
    enrollment_create(user=person, course=course)
    then = timezone.now() - datetime.timedelta(days=days)
    Enrollment.objects.filter(user=person).update(enrolled_at=then)
    User.objects.filter(pk=person.pk).update(last_studied_at=then)
    return person


def test_idle_participants_are_reminded_once_per_idle_spell(db, course, deliver):
    idle = _idle(course, days=10, full_name="Peserta Diam")
    _idle(course, days=2, full_name="Peserta Aktif")
    assert deliver(reminders_send, days=7) == 1
    assert [m.to for m in mail.outbox] == [[idle.email]]
    assert "Peserta Diam" in mail.outbox[0].body
    assert deliver(reminders_send, days=7) == 0  # already told in this idle spell


def test_reminders_are_owed_work_and_a_second_delivery_tells_nobody_twice(
    db, course, django_capture_on_commit_callbacks
):
    from lms.dinas.reminders import reminders_deliver

    idle = _idle(course, days=10)
    with django_capture_on_commit_callbacks(execute=False):
        assert reminders_send(days=7) == 1
    owed = OwedWork.objects.get(task="lms.dinas.tasks.reminders_deliver_task")
    assert owed.kwargs == {"user_ids": [idle.pk], "days": 7}
    assert not mail.outbox  # nothing sent before the commit
    # The message was lost (or the worker died): the work is delivered twice.
    assert reminders_deliver(**owed.kwargs) == 1
    assert reminders_deliver(**owed.kwargs) == 0
    assert len(mail.outbox) == 1


def test_the_beat_schedule_runs_the_reminders_and_summaries():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "lms.dinas.tasks.reminders_send_task" in tasks
    assert "lms.dinas.tasks.assistant_summaries_send_task" in tasks


def test_an_assistant_gets_a_weekly_summary_of_their_villages(db, course, deliver):
    village = Village.objects.get(pk="63.03.01.2001")
    _idle(course, days=10, full_name="Peserta Diam", village=village)
    _idle(course, days=10, full_name="Peserta Lain", village_id="63.01.01.2001")
    assistant = AssistantFactory(villages=[village])
    assert deliver(assistant_summaries_send) == 1
    body = mail.outbox[0].body
    assert mail.outbox[0].to == [assistant.email]
    assert "Peserta Diam" in body and "Peserta Lain" not in body
    assert deliver(assistant_summaries_send) == 0


def test_a_participant_without_email_is_reminded_by_phone(db, course, deliver):
    LogPhoneAdapter.sent = []
    idle = _idle(course, days=30, email=None, full_name="Peserta Tanpa Surel")
    assert deliver(reminders_send, days=7) == 1
    assert not mail.outbox
    [(phone, text)] = LogPhoneAdapter.sent
    assert phone == str(idle.phone) and "Peserta Tanpa Surel" in text
    assert ReminderSent.objects.get(user=idle).channel == "phone"


def test_one_rule_decides_who_is_inactive_for_the_list_and_the_reminders(
    db, course, deliver
):
    """Settled (issue 14): the assistant's list used "no study for N days, or
    never" and also listed people enrolled that very day or enrolled in nothing;
    the reminders counted from the account's creation. Both now ask
    `selectors.inactive_participants`: an unfinished course enrolled in at least N
    days ago, and no study in those N days."""
    from lms.dinas.selectors import participants_to_nudge

    village = Village.objects.get(pk="63.03.01.2001")
    idle = _idle(course, days=10, full_name="Lama Diam", village=village)
    fresh = ParticipantFactory(full_name="Baru Daftar", village=village)
    enrollment_create(user=fresh, course=course)  # enrolled today, never studied
    User.objects.filter(pk=fresh.pk).update(
        date_joined=timezone.now() - datetime.timedelta(days=90)
    )
    ParticipantFactory(full_name="Tanpa Kursus", village=village)  # enrolled in nothing
    assistant = AssistantFactory(villages=[village])
    assert list(participants_to_nudge(user=assistant, days=7)) == [idle]
    assert deliver(reminders_send, days=7) == 1
    assert [m.to for m in mail.outbox] == [[idle.email]]


def test_an_assistants_nudge_goes_through_the_notifier_and_counts_as_the_reminder(
    db, course, deliver
):
    from lms.dinas.reminders import NudgeRefused, nudge_send, whatsapp_link

    village = Village.objects.get(pk="63.03.01.2001")
    idle = _idle(course, 10, village=village, email=None)
    fresh = _idle(course, 1, village=village)
    assistant = AssistantFactory(full_name="Dewi")
    assistant.assigned_villages.add(village)
    link = whatsapp_link(participant=idle, sender=assistant)
    assert link.startswith(f"https://wa.me/{idle.phone[1:]}?text=Halo%20")
    sent = len(LogPhoneAdapter.sent)
    assert deliver(nudge_send, sender=assistant, participant_id=idle.pk) == ["phone"]
    assert "Dewi" in LogPhoneAdapter.sent[sent][1]
    with pytest.raises(NudgeRefused, match="24 jam"):
        nudge_send(sender=assistant, participant_id=idle.pk)
    with pytest.raises(NudgeRefused):  # enrolled yesterday: not nagged
        nudge_send(sender=assistant, participant_id=fresh.pk)
    # The daily job does not tell them again in this idle spell.
    deliver(reminders_send)
    assert ReminderSent.objects.filter(user=idle).count() == 1


class GatewayDown:
    """A WhatsApp/SMS gateway that does not answer."""

    def send(self, *, phone: str, text: str) -> None:
        raise TimeoutError("the gateway did not answer")


def test_a_nudge_while_the_gateway_is_down_goes_out_once_when_it_is_back(
    db, course, deliver, settings
):
    """The nudge is owed work: the assistant is answered at once, the message is
    not lost while the gateway is down, and it goes out once, not twice."""
    from lms.dinas.reminders import nudge_send
    from lms.outbox import outbox_sweep

    village = Village.objects.get(pk="63.03.01.2001")
    idle = _idle(course, 10, village=village, email=None)
    assistant = AssistantFactory(villages=[village])
    settings.NOTIFY_PHONE_ADAPTER = "tests.dinas.test_reminders.GatewayDown"
    sent = len(LogPhoneAdapter.sent)
    assert deliver(nudge_send, sender=assistant, participant_id=idle.pk) == ["phone"]
    owed = OwedWork.objects.get(task="lms.dinas.tasks.nudge_deliver_task")
    assert owed.done_at is None and len(LogPhoneAdapter.sent) == sent
    assert ReminderSent.objects.filter(user=idle).count() == 1  # no second nudge

    settings.NOTIFY_PHONE_ADAPTER = "lms.notifications.LogPhoneAdapter"
    later = timezone.now() + datetime.timedelta(hours=1)
    outbox_sweep(now=later)
    outbox_sweep(now=later + datetime.timedelta(hours=1))  # done: not sent again
    owed.refresh_from_db()
    assert owed.done_at is not None
    assert [phone for phone, _text in LogPhoneAdapter.sent[sent:]] == [idle.phone]


def test_a_nudge_outside_the_assistants_villages_is_refused(db, course):
    from lms.dinas.reminders import NudgeRefused, nudge_send

    idle = _idle(course, 10, village=Village.objects.get(pk="63.01.01.2001"))
    assistant = AssistantFactory()
    assistant.assigned_villages.add("63.03.01.2001")
    with pytest.raises(NudgeRefused):
        nudge_send(sender=assistant, participant_id=idle.pk)
