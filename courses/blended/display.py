"""How a session's time is written for people: in its own zone, with its name."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from django.utils import dateformat, timezone

from lms.regions import zones

from ..models import Session


def session_when(session: Session) -> str:
    """`Senin, 7 Desember 2026 · 09.00–12.00 WITA` (in the active language)."""
    tz = ZoneInfo(session.timezone)
    start = timezone.localtime(session.starts_at, tz)
    end = timezone.localtime(session.ends_at, tz)
    day = dateformat.format(start, "l, j F Y")
    return f"{day} · {start:%H.%M}–{end:%H.%M} {zones.abbreviation(session.timezone)}"


def session_day(session: Session) -> str:
    """`7 Des 2026` in the session's own zone (tables, the report)."""
    tz = ZoneInfo(session.timezone)
    return dateformat.format(timezone.localtime(session.starts_at, tz), "j M Y")


def session_hours(session: Session) -> str:
    """`09.00–12.00 WITA`."""
    tz = ZoneInfo(session.timezone)
    start = timezone.localtime(session.starts_at, tz)
    end = timezone.localtime(session.ends_at, tz)
    return f"{start:%H.%M}–{end:%H.%M} {zones.abbreviation(session.timezone)}"
