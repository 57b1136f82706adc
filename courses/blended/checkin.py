"""The QR check-in token: signed with a timestamp, naming one session.

The code shown at a session is `/hadir/<token>/`, with a token from Django's
signing (`TimestampSigner` under `signing.dumps`), redrawn every
`CHECKIN_QR_REFRESH_SECONDS` and valid for `CHECKIN_TOKEN_SECONDS`: a photo of
the code passed around goes stale within minutes. Whether the person who opens
it may check in (enrolled in the session's cohort, within its time window) is
decided by `services.attendance_checkin`.
"""

from django.conf import settings
from django.core import signing

SALT = "courses.blended.checkin"


class TokenInvalid(Exception):
    """Not a check-in token of ours (tampered, or another kind of string)."""


class TokenExpired(TokenInvalid):
    """A genuine token, older than `CHECKIN_TOKEN_SECONDS`."""


def checkin_token(*, session_id: int) -> str:
    return signing.dumps({"s": session_id}, salt=SALT, compress=True)


def checkin_session_id(*, token: str) -> int:
    """The session a token names; `TokenExpired` or `TokenInvalid` otherwise."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.CHECKIN_TOKEN_SECONDS)
    except signing.SignatureExpired as exc:
        raise TokenExpired from exc
    except signing.BadSignature as exc:
        raise TokenInvalid from exc
    if not isinstance(data, dict) or not isinstance(data.get("s"), int):
        raise TokenInvalid
    return data["s"]
