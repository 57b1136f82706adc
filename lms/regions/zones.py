"""Indonesia's three time zones, as people name them (WIB, WITA, WIT)."""

from zoneinfo import ZoneInfo

from lms.models import TimeZone

ABBREVIATIONS = {TimeZone.WIB: "WIB", TimeZone.WITA: "WITA", TimeZone.WIT: "WIT"}


def abbreviation(zone: str) -> str:
    """`Asia/Makassar` → `WITA` (the zone's own name for any other)."""
    return ABBREVIATIONS.get(zone, zone)


def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)
