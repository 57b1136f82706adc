"""After issuing: an administrator revokes or reissues a certificate; a changed
template redraws one. Every action writes a `CertificateEvent` (who, what, when,
which version); revocation and reinstatement tell the layers above
(`lms.events`), so the Dinas counters move with them.

A new version keeps the number and the code and is drawn with the holder's and
the course's data as they are now; its file goes to its own key and the older
files of the certificate are deleted once it commits.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import CoursePage, Enrollment
from lms import events
from lms.models import User

from ..layouts import certificate_pdf, holder_facts
from ..models import Certificate, CertificateEvent, private_storage
from ..numbering import certificate_issuer
from ..selectors import certificate_for_update
from ..storage import certificate_file_save, certificate_folder_prune
from .notify import certificates_notification_owe


def _reason_required(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Tuliskan alasannya."))
    return reason


@transaction.atomic
def certificate_revoke(
    *, certificate_id: int, actor: User | None, reason: str
) -> Certificate:
    reason = _reason_required(reason)
    certificate = certificate_for_update(certificate_id=certificate_id)
    if certificate.status != Certificate.Status.VALID:
        raise ValidationError(_("Hanya sertifikat yang sah dapat dicabut."))
    certificate.status = Certificate.Status.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason
    certificate.save(update_fields=["status", "revoked_at", "revoked_reason"])
    events.publish(
        events.CertificatesRevoked(enrollment_ids=(certificate.enrollment_id,))
    )
    CertificateEvent.objects.create(
        certificate=certificate,
        action=CertificateEvent.Action.REVOKED,
        actor=actor,
        version=certificate.version,
        details={"reason": reason},
    )
    return certificate


def _rerender(
    *,
    certificate_id: int,
    action: str,
    actor: User | None,
    details: dict,
    reinstate: bool,
) -> Certificate:
    """Draw a new version (same number, same code), keep only its file."""
    certificate = certificate_for_update(certificate_id=certificate_id)
    if certificate.status == Certificate.Status.PENDING:
        raise ValidationError(_("Sertifikat ini masih dibuat."))
    previous_status = certificate.status
    enrollment = Enrollment.objects.get(pk=certificate.enrollment_id)
    certificate.version += 1
    # A new version carries corrections: the holder's and the course's data now.
    facts = holder_facts(
        user=User.objects.select_related("village__regency", "cooperative").get(
            pk=enrollment.user_id
        ),
        course=CoursePage.objects.get(pk=enrollment.course_id),
    )
    for field, value in facts.items():
        setattr(certificate, field, value)
    if certificate.template_id:
        certificate.issuer_name = certificate_issuer(
            balai=certificate.template.balai, template=certificate.template
        ).name
    name = certificate_file_save(certificate, certificate_pdf(certificate=certificate))
    try:
        certificate.file = name
        certificate.rendered_at = timezone.now()
        fields = ["version", "issuer_name", "file", "rendered_at", *facts]
        if reinstate:
            certificate.status = Certificate.Status.VALID
            certificate.revoked_at = None
            certificate.revoked_reason = ""
            certificate.issued_at = certificate.rendered_at
            certificate.notified_at = None
            fields += ["status", "revoked_at", "revoked_reason", "issued_at"]
            fields += ["notified_at"]
            if previous_status == Certificate.Status.REVOKED:
                events.publish(
                    events.CertificatesIssued(enrollment_ids=(enrollment.pk,))
                )
        certificate.save(update_fields=fields)
        CertificateEvent.objects.create(
            certificate=certificate,
            action=action,
            actor=actor,
            version=certificate.version,
            details={**details, "previous_status": previous_status},
        )
        if reinstate:
            certificates_notification_owe(certificate_ids=[certificate.pk])
    except BaseException:
        private_storage().delete(name)
        raise
    code = certificate.code
    transaction.on_commit(
        lambda: certificate_folder_prune(code=code, keep=name), robust=True
    )
    return certificate


@transaction.atomic
def certificate_reissue(
    *, certificate_id: int, actor: User | None, reason: str
) -> Certificate:
    """A new version with the same number; valid again if it was revoked."""
    return _rerender(
        certificate_id=certificate_id,
        action=CertificateEvent.Action.REISSUED,
        actor=actor,
        details={"reason": _reason_required(reason)},
        reinstate=True,
    )


@transaction.atomic
def certificate_regenerate(
    *, certificate_id: int, actor: User | None = None
) -> Certificate:
    """Draw the certificate again from its (changed) template; status unchanged."""
    return _rerender(
        certificate_id=certificate_id,
        action=CertificateEvent.Action.REGENERATED,
        actor=actor,
        details={},
        reinstate=False,
    )
