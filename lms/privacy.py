"""Personal data (UU 27/2022 on personal data protection): the one place.

- `access_record`: note who viewed or exported which participants' personal data
  (every participant list, detail page, export and API read calls it).
- `access_log_prune`: delete the notes older than the retention period.
- `registration_attempt_notify`: tell an account holder that someone registered
  with their phone or email (the registration page itself tells nobody).

See docs/privacy.md for the retention periods and who sees what.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
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
    """Delete access notes older than the retention period; how many went."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.PERSONAL_DATA_ACCESS_RETENTION_DAYS)
    deleted, _ = PersonalDataAccess.objects.filter(at__lt=cutoff).delete()
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
