"""Personal data (UU 27/2022 on personal data protection): the one place.

- `access_record`: note who viewed or exported which participants' personal data
  (every participant list, detail page, export and API read calls it).
- `access_log_prune`: delete the notes older than the retention period.
- `registration_attempt_notify`: tell an account holder that someone registered
  with their phone or email (the registration page itself tells nobody).
- `personal_data` / `personal_data_xlsx`: everything the platform holds about a
  participant, for them to download (JSON and XLSX). Each app adds its part
  with `@personal_data_section` (its `privacy.py`, imported by its AppConfig),
  so this layer imports none of them.
- `personal_data_erase`: a participant's deletion request. What the law lets go
  goes (name, phone, email, position, cooperative, login, H5P saved states …
  through each app's `@personal_data_eraser`); what must stay stays anonymised
  (learning records for the programme's counts) or as issued (certificates:
  their number, holder's name and course stay verifiable, UU 27/2022 art. 16(2)
  legal obligation).

See docs/privacy.md for the retention periods and who sees what.
"""

import datetime
import io
from collections.abc import Callable, Iterable

from axes.models import AccessAttempt

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import PersonalDataAccess, User

Action = PersonalDataAccess.Action


def _subject_ids(subjects) -> list[int]:
    if isinstance(subjects, QuerySet):
        return list(subjects.order_by().values_list("pk", flat=True))
    if isinstance(subjects, User):
        return [subjects.pk]
    ids: list[int] = []
    for subject in subjects or ():
        ids.append(subject if isinstance(subject, int) else subject.pk)
    return ids


def access_record(
    *,
    actor: User | None,
    action: str,
    what: str,
    subjects: QuerySet | Iterable | User | None = None,
    reason: str = "",
) -> PersonalDataAccess:
    """Record that `actor` viewed or exported (`action`, one of
    `PersonalDataAccess.Action`) the personal data of `subjects` (users, their ids,
    or a queryset of users), described by `what` (e.g. "Ekspor peserta Kab.
    Banjar"); `reason` is required by the caller for a full-phone export."""
    ids = _subject_ids(subjects)
    label = ""
    if actor is not None and actor.is_authenticated:
        label = (
            f"{actor.full_name or actor.get_username()} ({actor.get_role_display()})"
        )
    else:
        actor = None
    return PersonalDataAccess.objects.create(
        actor=actor,
        actor_label=label[:200],
        action=action,
        what=what[:300],
        reason=reason,
        subject_ids=ids,
        subject_count=len(ids),
    )


def access_log_prune(*, now: datetime.datetime | None = None) -> int:
    """Delete access notes older than the retention period, and failed login
    attempts older than LOGIN_ATTEMPT_RETENTION_DAYS; how many notes went."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.PERSONAL_DATA_ACCESS_RETENTION_DAYS)
    deleted, _kinds = PersonalDataAccess.objects.filter(at__lt=cutoff).delete()
    attempts_cutoff = now - datetime.timedelta(
        days=settings.LOGIN_ATTEMPT_RETENTION_DAYS
    )
    AccessAttempt.objects.filter(attempt_time__lt=attempts_cutoff).delete()
    return deleted


def registration_attempt_notify(*, user_id: int) -> None:
    # lms.notifications imports the models; the task module imports this one.
    from .notifications import Message, notify

    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    notify(
        user=user,
        message=Message(
            subject=_("Percobaan pendaftaran dengan nomor/email Anda"),
            text=_(
                "Seseorang mencoba mendaftar di Balai Daring dengan nomor HP atau "
                "email Anda. Jika itu Anda, silakan masuk; jika lupa kata sandi, "
                "aturlah ulang. Jika bukan Anda, abaikan pesan ini."
            ),
            url=settings.SITE_URL.rstrip("/") + reverse("lms:login"),
        ),
    )


# ------------------------------------------------------------ the data subject

Rows = list[dict[str, object]]
_SECTIONS: list[tuple[str, Callable[[User], Rows]]] = []
_ERASERS: list[Callable[[User], None]] = []


def personal_data_section(title: str):
    """Declare a part of a participant's data: `fn(user) -> list of rows`."""

    def register(fn: Callable[[User], Rows]) -> Callable[[User], Rows]:
        if all(existing is not fn for _, existing in _SECTIONS):
            _SECTIONS.append((title, fn))
        return fn

    return register


def personal_data_eraser(fn: Callable[[User], None]) -> Callable[[User], None]:
    """Declare what an app deletes or anonymises on a deletion request."""
    if fn not in _ERASERS:
        _ERASERS.append(fn)
    return fn


def _text(value) -> object:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="minutes")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def personal_data(*, user: User) -> dict[str, Rows]:
    """Everything held about this person, section by section (title → rows)."""
    data = {}
    for title, fn in _SECTIONS:
        data[str(title)] = [
            {str(k): _text(v) for k, v in row.items()} for row in fn(user)
        ]
    return data


def personal_data_xlsx(*, user: User) -> bytes:
    """The same data as a workbook, one sheet per section."""
    from openpyxl import Workbook  # only this download needs it

    book = Workbook()
    book.remove(book.active)
    for title, rows in personal_data(user=user).items():
        sheet = book.create_sheet(title[:31])
        if not rows:
            sheet.append([_("Tidak ada data.")])
            continue
        headings = list(rows[0])
        sheet.append(headings)
        for row in rows:
            sheet.append([_cell(row.get(h)) for h in headings])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(value):
    # A value typed by a person never becomes a formula (OWASP CSV injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@personal_data_section(_("Profil"))
def _profile(user: User) -> Rows:
    return [
        {
            _("Nama lengkap"): user.full_name,
            _("Nomor HP"): user.phone,
            _("Email"): user.email,
            _("Peran"): user.get_role_display(),
            _("Jabatan"): user.get_position_display() if user.position else "",
            _("Koperasi"): user.cooperative.name if user.cooperative_id else "",
            _("Desa/kelurahan"): user.village_id,
            _("Zona waktu"): user.timezone,
            _("Tanggal bergabung"): user.date_joined,
            _("Terakhir belajar"): user.last_studied_at,
        }
    ]


@personal_data_section(_("Akses data Anda"))
def _accesses(user: User) -> Rows:
    notes = PersonalDataAccess.objects.filter(subject_ids__contains=[user.pk])
    return [
        {
            _("Waktu"): note.at,
            _("Oleh"): note.actor_label,
            _("Tindakan"): note.get_action_display(),
            _("Data"): note.what,
        }
        for note in notes[:1000]
    ]


@transaction.atomic
def personal_data_erase(*, user: User, actor: User | None = None) -> None:
    """Anonymise a participant's account at their request (see the module doc).

    Their certificates stay as issued; their learning records stay, tied to an
    account that names nobody; they can no longer log in (every session ends:
    the password is gone)."""
    anonymous = _("Peserta terhapus #%(id)s") % {"id": user.pk}
    access_record(
        actor=actor if actor is not None and actor.pk != user.pk else None,
        action=Action.ERASURE,
        what=_("Permintaan hapus data oleh peserta"),
        subjects=[user],
    )
    # Their own downloads were noted under their name: no longer.
    PersonalDataAccess.objects.filter(actor=user).update(actor_label=anonymous)
    for eraser in _ERASERS:
        eraser(user)
    user.full_name = anonymous
    # An account must hold an email or a phone: one that reaches nobody (the
    # reserved .invalid domain, RFC 2606).
    user.email = f"terhapus-{user.pk}@terhapus.invalid"
    user.phone = None
    user.position = ""
    user.cooperative = None
    user.password = make_password(None)
    user.is_active = False
    user.save()
