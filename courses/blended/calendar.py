"""A participant's sessions as an iCalendar file (RFC 5545), for the phone's
calendar: each session an event in its own zone (with its VTIMEZONE), its place
or meeting link, its narasumber and JP, and an alarm the evening before."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import icalendar

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Session


def sessions_ics(*, sessions: Iterable[Session], name: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Balai Daring//Jadwal sesi//ID")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    for session in sessions:
        tz = ZoneInfo(session.timezone)
        event = icalendar.Event()
        event.add("uid", f"sesi-{session.pk}@balaidaring")
        event.add("dtstamp", stamp)
        event.add("dtstart", session.starts_at.astimezone(tz))
        event.add("dtend", session.ends_at.astimezone(tz))
        event.add("summary", session.title)
        event.add("location", session.place or session.meeting_url)
        url = f"{settings.SITE_URL}/belajar/angkatan/{session.cohort_id}/"
        if session.meeting_url:
            event.add("url", session.meeting_url)
        lines = [f"{session.cohort.name} · {session.get_kind_display()}"]
        speakers = [str(s) for s in session.speakers.all()]
        if speakers:
            lines.append(_("Narasumber: %(names)s") % {"names": "; ".join(speakers)})
        lines.append(_("%(jp)s JP") % {"jp": session.jp})
        lines.append(url)
        event.add("description", "\n".join(lines))
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", session.title)
        alarm.add("trigger", datetime.timedelta(hours=-12))
        event.add_component(alarm)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
