"""Reminders: participants who stopped studying, and the assistants' weekly summary.

Celery beat runs `reminders_send` daily and `assistant_summaries_send` weekly
(`CELERY_BEAT_SCHEDULE`). They only decide who is owed a message and owe it, in
chunks, through `lms.outbox` (one transaction); the workers deliver each chunk
(`reminders_deliver`, `assistant_summaries_deliver`) and record every message
sent (`ReminderSent`), so a chunk delivered twice, or again after a worker died,
tells nobody twice. Messages go out through the platform's one notifier
(`lms.notifications.notify`: email, or WhatsApp/SMS for those without one).
Who is inactive is one rule: `selectors.inactive_participants`. An assistant's
"Kirim pengingat" (`nudge_send`) is owed the same way and delivered by
`nudge_deliver`.
"""

import datetime
import logging
from urllib.parse import quote

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.models import Role, User
from lms.notifications import Message, notify, reachable
from lms.outbox import work_owe

from . import selectors
from .models import ReminderSent

logger = logging.getLogger(__name__)

CHUNK = 200  # people per owed delivery


def _told_since(kind: str, since: datetime.datetime):
    return Exists(
        ReminderSent.objects.filter(user=OuterRef("pk"), kind=kind, sent_at__gte=since)
    )


def participants_to_remind(*, days: int, now: datetime.datetime) -> QuerySet[User]:
    """Inactive participants (the one rule) not told since their idle spell began."""
    cutoff = now - datetime.timedelta(days=days)
    return (
        selectors.inactive_participants(days=days, now=now)
        .exclude(_told_since(ReminderSent.Kind.INACTIVE, cutoff))
        .order_by("pk")
    )


def _owe(*, task: str, name: str, ids: list[int], key: str, **kwargs) -> None:
    with transaction.atomic():
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            work_owe(
                task=task,
                kwargs={name: chunk, **kwargs},
                key=f"{key}:{chunk[0]}-{chunk[-1]}",
            )


def reminders_send(*, days: int | None = None, now=None) -> int:
    """Owe a reminder to every participant who needs one; returns how many."""
    days = selectors.inactive_days() if days is None else days
    now = now or timezone.now()
    ids = list(participants_to_remind(days=days, now=now).values_list("pk", flat=True))
    _owe(
        task="lms.dinas.tasks.reminders_deliver_task",
        name="user_ids",
        ids=ids,
        key=f"dinas-reminders:{now:%Y-%m-%d}",
        days=days,
    )
    return len(ids)


def reminders_deliver(*, user_ids: list[int], days: int, now=None) -> int:
    """Tell these participants to come back, unless they no longer need it or were
    told already; returns how many were told."""
    now = now or timezone.now()
    sent = 0
    due = participants_to_remind(days=days, now=now).filter(pk__in=user_ids)
    for user in due:
        body = render_to_string(
            "dinas/email/reminder.txt",
            {"user": user, "days": days, "site_url": settings.SITE_URL},
        )
        try:
            channels = notify(
                user=user,
                message=Message(subject=_("Lanjutkan pelatihan Anda"), text=body),
            )
        except Exception:
            logger.exception("reminder to user %s failed", user.pk)
            continue
        if channels:
            ReminderSent.objects.create(
                user=user, kind=ReminderSent.Kind.INACTIVE, channel=channels[0]
            )
            sent += 1
    return sent


def _assistants_due(now: datetime.datetime) -> QuerySet[User]:
    week_ago = now - datetime.timedelta(days=6)
    has_villages = Exists(
        User.assigned_villages.through.objects.filter(user_id=OuterRef("pk"))
    )
    return (
        User.objects.filter(has_villages, role=Role.ASSISTANT, is_active=True)
        .exclude(_told_since(ReminderSent.Kind.ASSISTANT_SUMMARY, week_ago))
        .order_by("pk")
    )


def assistant_summaries_send(*, now=None) -> int:
    """Owe each business assistant the week's summary of their villages."""
    now = now or timezone.now()
    ids = list(_assistants_due(now).values_list("pk", flat=True))
    _owe(
        task="lms.dinas.tasks.assistant_summaries_deliver_task",
        name="assistant_ids",
        ids=ids,
        key=f"dinas-summaries:{now:%G-%V}",
    )
    return len(ids)


def assistant_summaries_deliver(*, assistant_ids: list[int], now=None) -> int:
    """Send these assistants their summary, unless sent this week; how many."""
    now = now or timezone.now()
    sent = 0
    for assistant in _assistants_due(now).filter(pk__in=assistant_ids):
        villages = selectors.assistant_overview(user=assistant)
        if not villages:
            continue
        body = render_to_string(
            "dinas/email/assistant_summary.txt",
            {
                "assistant": assistant,
                "villages": villages,
                "to_nudge": list(selectors.participants_to_nudge(user=assistant)[:50]),
                "days": selectors.inactive_days(),
                "site_url": settings.SITE_URL,
            },
        )
        channels = notify(
            user=assistant,
            message=Message(subject=_("Ringkasan mingguan desa dampingan"), text=body),
        )
        if channels:
            ReminderSent.objects.create(
                user=assistant,
                kind=ReminderSent.Kind.ASSISTANT_SUMMARY,
                channel=channels[0],
            )
            sent += 1
    return sent


# ---------------------------------------------------------------- an assistant's nudge

NUDGE_AGAIN_AFTER = datetime.timedelta(hours=24)


class NudgeRefused(Exception):
    """The message is not sent; the text says why, for the person."""


def nudge_text(*, participant: User, sender: User) -> str:
    """The Indonesian message an assistant sends (WhatsApp link or notifier)."""
    return render_to_string(
        "dinas/email/nudge.txt",
        {
            "user": participant,
            "sender": sender,
            "site_url": settings.SITE_URL,
        },
    ).strip()


def whatsapp_link(*, participant: User, sender: User) -> str:
    """wa.me click-to-chat with the message prefilled ("" without a phone)."""
    digits = "".join(ch for ch in str(participant.phone or "") if ch.isdigit())
    if not digits:
        return ""
    return f"https://wa.me/{digits}?text=" + quote(
        nudge_text(participant=participant, sender=sender)
    )


def nudge_send(*, sender: User, participant_id: int) -> list[str]:
    """An assistant (or officer) tells one participant who needs a nudge (the one
    rule, within what the sender sees) to come back, through the notifier: email,
    or WhatsApp/SMS for those without one; the channel it goes on. Counts as the
    reminder of this idle spell, so the daily job does not tell them again; once a
    day at most.

    The message is owed work (`nudge_deliver`), written with its `ReminderSent` in
    one transaction: a mail server or gateway that is down or slow holds no
    request, and the message goes out once it is back."""
    participant = (
        selectors.participants_to_nudge(user=sender).filter(pk=participant_id).first()
    )
    if participant is None:
        raise NudgeRefused(_("Peserta ini tidak perlu diingatkan."))
    channels = reachable(participant)[:1]
    if not channels:
        raise NudgeRefused(
            _("%(name)s tidak punya email maupun nomor HP.")
            % {"name": participant.full_name}
        )
    since = timezone.now() - NUDGE_AGAIN_AFTER
    with transaction.atomic():
        # One nudge at a time per participant: a double tap owes one message.
        User.objects.select_for_update().filter(pk=participant.pk).first()
        if ReminderSent.objects.filter(
            user=participant, kind=ReminderSent.Kind.INACTIVE, sent_at__gte=since
        ).exists():
            raise NudgeRefused(
                _("%(name)s sudah diingatkan dalam 24 jam terakhir.")
                % {"name": participant.full_name}
            )
        reminder = ReminderSent.objects.create(
            user=participant, kind=ReminderSent.Kind.INACTIVE, channel=channels[0]
        )
        work_owe(
            task="lms.dinas.tasks.nudge_deliver_task",
            kwargs={"reminder_id": reminder.pk, "sender_id": sender.pk},
            key=f"dinas-nudge:{reminder.pk}",
        )
    return channels


def nudge_deliver(*, reminder_id: int, sender_id: int) -> bool:
    """Send the nudge this `ReminderSent` records; False when there is nobody to
    send it to any more (the participant or sender is gone)."""
    reminder = (
        ReminderSent.objects.select_related("user").filter(pk=reminder_id).first()
    )
    sender = User.objects.filter(pk=sender_id).first()
    if reminder is None or sender is None:
        return False
    participant = reminder.user
    notify(
        user=participant,
        message=Message(
            subject=_("Lanjutkan pelatihan Anda"),
            text=nudge_text(participant=participant, sender=sender),
        ),
    )
    return True
