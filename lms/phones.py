"""Indonesian mobile numbers: whatever shape they are typed in, stored as +62…."""

import re

import phonenumbers
from phonenumbers import PhoneNumberType

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_SEPARATORS = re.compile(r"[\s\-().]")
_MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}


def normalize_phone(raw: str) -> str:
    """Return the number as +62… or raise ValidationError if it is not an Indonesian mobile.

    Accepts 0812…, +62812…, 62812…, 812…, 0812-3456-7890 and +62 812 3456 7890.
    """
    text = _SEPARATORS.sub("", str(raw or "").strip())
    if not text:
        raise ValidationError(_("Nomor HP wajib diisi."), code="required")
    if text.startswith("62"):
        text = "+" + text
    elif text.startswith("8"):
        text = "0" + text
    try:
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            _("Nomor HP tidak dikenali: %(value)s"),
            code="invalid",
            params={"value": raw},
        ) from exc
    if number.country_code != 62 or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("Nomor HP tidak valid: %(value)s"), code="invalid", params={"value": raw}
        )
    if phonenumbers.number_type(number) not in _MOBILE_TYPES:
        raise ValidationError(
            _("Bukan nomor HP (seluler): %(value)s"),
            code="not_mobile",
            params={"value": raw},
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def looks_like_phone(text: str) -> bool:
    return bool(text) and "@" not in text and bool(re.fullmatch(r"[+\d\s\-().]+", text))


def phone_masked(phone: str | None) -> str:
    """+6281234567890 → +62812••••7890: enough to recognise a number, not to call
    it. Exports show phones this way unless full numbers are asked for."""
    phone = str(phone or "")
    if len(phone) < 10:
        return "•" * len(phone)
    return phone[:6] + "•" * (len(phone) - 10) + phone[-4:]
