"""Tickets that let the H5P origin open a player for one person.

The H5P origin has no session: the lesson page (on the platform, with the
session) writes a signed, short-lived ticket into the player's URL, naming the
activity, the lesson, the person, the page's origin (the only one the player
may talk to and be framed by) and the language. The player view trusts nothing
else. A ticket opens that one player with that person's resume state; it
records nothing (statements and state go through the lesson page, with its
session and CSRF token).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

SALT = "content.h5p-player-ticket"


@dataclass(frozen=True)
class PlayerTicket:
    activity_id: int
    lesson_id: int | None
    user_id: int
    parent_origin: str
    language: str


class TicketInvalid(Exception):
    """Not a ticket this platform signed."""


class TicketExpired(Exception):
    """A ticket this platform signed, too old to use: the page must be reloaded."""

    def __init__(self, ticket: PlayerTicket) -> None:
        super().__init__("H5P player ticket expired")
        self.ticket = ticket


def player_ticket_issue(
    *,
    user_id: int,
    activity_id: int,
    lesson_id: int | None,
    parent_origin: str,
    language: str,
) -> str:
    return signing.dumps(
        {
            "a": activity_id,
            "l": lesson_id,
            "u": user_id,
            "o": parent_origin,
            "g": language,
        },
        salt=SALT,
        compress=True,
    )


def _ticket(data) -> PlayerTicket:
    try:
        return PlayerTicket(
            activity_id=int(data["a"]),
            lesson_id=None if data["l"] is None else int(data["l"]),
            user_id=int(data["u"]),
            parent_origin=str(data["o"]),
            language=str(data["g"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise TicketInvalid from exc


def player_ticket_read(token: str) -> PlayerTicket:
    """The ticket's contents; raises TicketInvalid or TicketExpired."""
    try:
        data = signing.loads(
            token, salt=SALT, max_age=settings.H5P_PLAYER_TICKET_SECONDS
        )
    except signing.SignatureExpired as exc:
        raise TicketExpired(_ticket(signing.loads(token, salt=SALT))) from exc
    except signing.BadSignature as exc:
        raise TicketInvalid from exc
    return _ticket(data)
