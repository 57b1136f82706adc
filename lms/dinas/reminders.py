"""Reminders: participants who stopped studying, and the assistants' weekly summary.

Run by Celery beat (`CELERY_BEAT_SCHEDULE` in settings). Messages go out through a
notifier (email today); `DINAS_NOTIFIER` names another class with the same `send`
(SMS, WhatsApp) without touching the callers.
"""

import datetime
import logging
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from lms.models import Role, User

from . import selectors
from .models import ReminderSent

logger = logging.getLogger(__name__)


class Notifier(Protocol):
    channel: str

    def send(self, *, user: User, subject: str, body: str) -> bool:
        """Deliver one message; False when the person cannot be reached this way."""


class EmailNotifier:
    channel = "email"

    def send(self, *, user: User, subject: str, body: str) -> bool:
        if not user.email:
            return False
        send_mail(subject, body, None, [user.email])
        return True


def notifier() -> Notifier:
    path = getattr(settings, "DINAS_NOTIFIER", "lms.dinas.reminders.EmailNotifier")
    return import_string(path)()


def inactive_participants(*, days: int, now: datetime.datetime) -> QuerySet[User]:
    """Participants with an unfinished course, idle `days` days, not told since."""
    from courses.models import Enrollment

    cutoff = now - datetime.timedelta(days=days)
    unfinished = Enrollment.objects.filter(
        user=OuterRef("pk"), completed_at__isnull=True
    )
    told = ReminderSent.objects.filter(
        user=OuterRef("pk"), kind=ReminderSent.Kind.INACTIVE, sent_at__gte=cutoff
    )
    return (
        User.objects.filter(role=Role.PARTICIPANT, is_active=True)
        .filter(
            Q(last_studied_at__lt=cutoff)
            | Q(last_studied_at__isnull=True, date_joined__lt=cutoff)
        )
        .filter(Exists(unfinished))
        .exclude(Exists(told))
        .order_by("pk")
    )


def reminders_send(*, days: int | None = None, now=None) -> int:
    """Tell idle participants to come back; returns how many were told."""
    days = selectors.inactive_days() if days is None else days
    now = now or timezone.now()
    channel = notifier()
    sent = 0
    for user in inactive_participants(days=days, now=now).iterator(chunk_size=500):
        body = render_to_string(
            "dinas/email/reminder.txt",
            {"user": user, "days": days, "site_url": settings.SITE_URL},
        )
        try:
            delivered = channel.send(
                user=user, subject=_("Lanjutkan pelatihan Anda"), body=body
            )
        except Exception:
            logger.exception("reminder to user %s failed", user.pk)
            continue
        if delivered:
            ReminderSent.objects.create(
                user=user, kind=ReminderSent.Kind.INACTIVE, channel=channel.channel
            )
            sent += 1
    return sent


def assistant_summaries_send(*, now=None) -> int:
    """Send each business assistant the week's summary of their villages."""
    now = now or timezone.now()
    week_ago = now - datetime.timedelta(days=6)
    channel = notifier()
    sent = 0
    assistants = User.objects.filter(role=Role.ASSISTANT, is_active=True).exclude(
        Exists(
            ReminderSent.objects.filter(
                user=OuterRef("pk"),
                kind=ReminderSent.Kind.ASSISTANT_SUMMARY,
                sent_at__gte=week_ago,
            )
        )
    )
    for assistant in assistants.iterator(chunk_size=200):
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
        if channel.send(
            user=assistant, subject=_("Ringkasan mingguan desa dampingan"), body=body
        ):
            ReminderSent.objects.create(
                user=assistant,
                kind=ReminderSent.Kind.ASSISTANT_SUMMARY,
                channel=channel.channel,
            )
            sent += 1
    return sent
