"""Telling a person something: one notifier, a channel per medium.

Certificates ("your certificate is ready"), the Dinas reminders and the assistants'
summaries, and anything else that tells a person something call `notify`. Channels:

- `email`: Django's mail (console in the embedded default, SMTP in production);
- `phone`: a WhatsApp or SMS message through an adapter named by
  `NOTIFY_PHONE_ADAPTER`: `LogPhoneAdapter` (the embedded default and tests: the
  message goes to the log), or `HttpGatewayPhoneAdapter` (production: a JSON POST
  to `NOTIFY_PHONE_GATEWAY_URL` with a bearer token, the shape most Indonesian
  WhatsApp/SMS gateways accept).

`NOTIFY_CHANNELS` lists the channels in order of preference; a message goes out on
the first one that reaches the person (most imported participants have a phone and
no email), or on every one that reaches them with `every=True`.
"""

from __future__ import annotations

import json
import logging
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import send_mail
from django.utils.module_loading import import_string

from .models import User

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Message:
    subject: str
    text: str
    url: str = ""  # the one link the message is about, if any

    def as_text(self) -> str:
        return f"{self.text}\n\n{self.url}\n" if self.url else f"{self.text}\n"


class Channel(Protocol):
    name: str

    def can_reach(self, user: User) -> bool: ...

    def send(self, *, user: User, message: Message) -> None: ...


class EmailChannel:
    name = "email"

    def can_reach(self, user: User) -> bool:
        return bool(user.email)

    def send(self, *, user: User, message: Message) -> None:
        send_mail(
            subject=message.subject,
            message=message.as_text(),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )


class PhoneAdapter(Protocol):
    def send(self, *, phone: str, text: str) -> None: ...


class LogPhoneAdapter:
    """The embedded default: the WhatsApp/SMS message is written to the log."""

    sent: list[tuple[str, str]] = []  # what was sent in this process (for tests)

    def send(self, *, phone: str, text: str) -> None:
        logger.info("WhatsApp/SMS to %s:\n%s", phone, text)
        LogPhoneAdapter.sent.append((phone, text))


class HttpGatewayPhoneAdapter:
    """A WhatsApp/SMS HTTP gateway: POST {"to": "+62…", "text": "…"} as JSON."""

    def __init__(self) -> None:
        self.url = settings.NOTIFY_PHONE_GATEWAY_URL
        self.token = settings.NOTIFY_PHONE_GATEWAY_TOKEN
        if not self.url.startswith(("https://", "http://")):
            raise ImproperlyConfigured(
                "NOTIFY_PHONE_GATEWAY_URL must be an http(s) URL"
            )

    def send(self, *, phone: str, text: str) -> None:
        request = urllib.request.Request(  # noqa: S310 (an http(s) URL, checked above)
            self.url,
            data=json.dumps({"to": phone, "text": text}).encode(),
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {self.token}",
            },
            method="POST",
        )
        timeout = settings.NOTIFY_PHONE_GATEWAY_TIMEOUT
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            if response.status >= 300:
                raise RuntimeError(f"phone gateway answered {response.status}")


class PhoneChannel:
    name = "phone"

    def can_reach(self, user: User) -> bool:
        return bool(user.phone)

    def send(self, *, user: User, message: Message) -> None:
        adapter: PhoneAdapter = import_string(settings.NOTIFY_PHONE_ADAPTER)()
        adapter.send(
            phone=str(user.phone), text=f"*{message.subject}*\n{message.as_text()}"
        )


CHANNELS: dict[str, Channel] = {"email": EmailChannel(), "phone": PhoneChannel()}


def reachable(user: User) -> list[str]:
    """The configured channels that reach this person, in order of preference."""
    return [name for name in settings.NOTIFY_CHANNELS if CHANNELS[name].can_reach(user)]


def notify(*, user: User, message: Message, every: bool = False) -> list[str]:
    """Send the message on the first channel that reaches the person (or on every
    one with `every`); the channels used, none when nobody can be reached."""
    names = reachable(user)
    if not every:
        names = names[:1]
    for name in names:
        CHANNELS[name].send(user=user, message=message)
    return names
