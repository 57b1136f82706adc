"""Telling a participant something: a small interface with one channel per medium.

Only email exists today. An SMS or WhatsApp channel is a class with the same
`send()` registered in CHANNELS and named in the CERTIFICATE_NOTIFY_CHANNELS
setting (default: ``["email"]``); nothing else changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail


@dataclass(frozen=True)
class Message:
    subject: str
    text: str
    url: str  # the one link the message is about


class Channel(Protocol):
    name: str

    def can_reach(self, user) -> bool: ...

    def send(self, *, user, message: Message) -> None: ...


class EmailChannel:
    name = "email"

    def can_reach(self, user) -> bool:
        return bool(user.email)

    def send(self, *, user, message: Message) -> None:
        send_mail(
            subject=message.subject,
            message=f"{message.text}\n\n{message.url}\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )


CHANNELS: dict[str, Channel] = {"email": EmailChannel()}


def notify(*, user, message: Message) -> list[str]:
    """Send the message on every configured channel that reaches the user."""
    names = getattr(settings, "CERTIFICATE_NOTIFY_CHANNELS", ["email"])
    sent = []
    for name in names:
        channel = CHANNELS[name]
        if channel.can_reach(user):
            channel.send(user=user, message=message)
            sent.append(name)
    return sent
