"""Telling holders their certificate is ready (a new one, or one reissued).

The notification is owed (`lms.outbox`) in the transaction that makes the
certificate valid, so it is neither lost when the broker is down at that moment
nor sent for a certificate whose transaction rolled back. The task tells each
holder once per version (`notified_at`), so a message sent twice tells nobody
twice.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.models import OwedWork
from lms.notifications import Message, notify
from lms.outbox import work_owe

from ..models import Certificate

NOTIFY_TASK = "certificates.tasks.certificates_notify_task"


def certificates_notification_owe(*, certificate_ids: list[int]) -> OwedWork:
    """Owe the notification of these newly valid certificates (one task)."""
    return work_owe(task=NOTIFY_TASK, kwargs={"certificate_ids": certificate_ids})


def _ready_message(certificate: Certificate) -> Message:
    return Message(
        subject=_("Sertifikat Anda sudah terbit: %(course)s")
        % {"course": certificate.course_title},
        text=_(
            "Selamat, %(name)s! Anda telah menyelesaikan pelatihan %(course)s. "
            "Sertifikat nomor %(number)s dapat diunduh di Balai Daring:"
        )
        % {
            "name": certificate.holder_name,
            "course": certificate.course_title,
            "number": certificate.number,
        },
        url=settings.SITE_URL.rstrip("/") + reverse("certificates:mine"),
    )


def certificates_notify(*, certificate_ids: list[int]) -> int:
    """Tell the holders of these certificates they are ready: each once per version.

    Safe to run twice, even at the same time: the certificates not yet notified
    (and still valid) are locked while they are told, and a second run skips
    them; if a send fails, those sent before it are marked before the error goes
    up (so the retry tells only the others). Returns how many were notified now.
    """
    sent: list[int] = []
    failure: Exception | None = None
    with transaction.atomic():
        certificates = (
            Certificate.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("enrollment__user")
            .filter(
                pk__in=certificate_ids,
                status=Certificate.Status.VALID,
                notified_at__isnull=True,
            )
            .order_by("pk")
        )
        for certificate in certificates:
            try:
                notify(
                    user=certificate.enrollment.user,
                    message=_ready_message(certificate),
                )
            except Exception as exc:  # raised below, once those sent are marked
                failure = exc
                break
            sent.append(certificate.pk)
        if sent:
            Certificate.objects.filter(pk__in=sent).update(notified_at=timezone.now())
    if failure is not None:
        raise failure
    return len(sent)
