"""Reads of the certificates app."""

from __future__ import annotations

from django.db.models import QuerySet

from courses.models import Cohort
from lms.models import User
from lms.scoping import region_q

from .models import Certificate, CertificateJob, CertificateTemplate


def template_for_course(*, course) -> CertificateTemplate | None:
    """The default template of the course's Balai (None: the built-in layout)."""
    return (
        CertificateTemplate.objects.filter(balai_id=course.balai_id, is_default=True)
        .select_related("balai")
        .first()
    )


def certificates_shown() -> QuerySet[Certificate]:
    """Certificates that exist for people: issued (valid or revoked), never pending."""
    return Certificate.objects.exclude(status=Certificate.Status.PENDING)


def certificates_of_user(*, user: User) -> QuerySet[Certificate]:
    if not user.is_authenticated:
        return Certificate.objects.none()
    return (
        certificates_shown()
        .filter(enrollment__user=user)
        .select_related("enrollment__course")
        .order_by("-issued_at")
    )


def certificate_for_enrollment(*, enrollment) -> Certificate | None:
    if enrollment is None:
        return None
    return certificates_shown().filter(enrollment=enrollment).first()


def certificate_by_code(*, code: str) -> Certificate | None:
    return certificates_shown().filter(code=code).first()


def _name_key(name: str) -> str:
    """A name as people type it: case, spaces and punctuation do not count."""
    return "".join(ch for ch in (name or "").casefold() if ch.isalnum())


def certificate_by_number(*, number: str, holder_name: str) -> Certificate | None:
    """The certificate of this number *and* this holder's name, or None.

    Numbers follow a guessable pattern ({seq}/{course}/{regency}/{year}), so a
    number alone finds nothing: whoever checks a certificate has it in hand, name
    and all. A wrong name answers exactly as an unknown number does. The QR
    code's link (`certificate_by_code`, an unguessable code) needs nothing else.
    """
    key = _name_key(holder_name)
    if not key:
        return None
    for certificate in certificates_shown().filter(number=number.strip()):
        if _name_key(certificate.holder_name) == key:
            return certificate
    return None


def can_download(*, user: User, certificate: Certificate) -> bool:
    """The holder downloads their own; an administrator any."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_admin:
        return True
    return certificate.enrollment.user_id == user.pk


def certificate_for_update(*, certificate_id: int) -> Certificate:
    """The certificate, its row locked until the transaction ends (with its template)."""
    certificate = Certificate.objects.select_for_update().get(pk=certificate_id)
    if certificate.template_id:
        certificate.template = CertificateTemplate.objects.select_related("balai").get(
            pk=certificate.template_id
        )
    return certificate


def job_certificates(*, job: CertificateJob) -> QuerySet[Certificate]:
    """The certificates a bulk job covers (issued ones), within what its requester
    may see."""
    if job.kind == CertificateJob.Kind.REGENERATE:
        return certificates_shown().filter(template=job.template)
    if job.kind == CertificateJob.Kind.ISSUE:
        return certificates_shown().filter(
            enrollment_id__in=job.enrollments.values("pk")
        )
    certificates = certificates_shown().filter(status=Certificate.Status.VALID)
    if job.cohort_id:
        certificates = certificates.filter(enrollment__cohort_id=job.cohort_id)
    if job.regency_id:
        certificates = certificates.filter(
            enrollment__user__village__regency_id=job.regency_id
        )
    if job.province_id:
        certificates = certificates.filter(
            enrollment__user__village__province_id=job.province_id
        )
    if job.requested_by is not None:
        certificates = certificates.filter(
            region_q(job.requested_by, "enrollment__user__village__code")
        )
    return certificates


def job_done_count(*, job: CertificateJob) -> int:
    """How much of a regenerate or issue job is done, from the certificates
    themselves (so a job that is run again continues where it stopped): redrawn
    since the job was created, or issued."""
    if job.kind == CertificateJob.Kind.REGENERATE:
        return job_certificates(job=job).filter(rendered_at__gte=job.created_at).count()
    return job_certificates(job=job).count()


def cohort_issue_job(*, cohort: Cohort) -> CertificateJob | None:
    """The issue job that closing the cohort started, if any."""
    return (
        CertificateJob.objects.filter(kind=CertificateJob.Kind.ISSUE, cohort=cohort)
        .order_by("-created_at")
        .first()
    )
