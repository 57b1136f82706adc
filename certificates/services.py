"""Issuing, revoking, reissuing and regenerating certificates; bulk jobs.

Issuing runs in two short transactions so that numbering stays gapless without
holding the issuer's sequence lock while a PDF is drawn and uploaded:

1. `certificate_reserve`: lock the enrolment; if it has a certificate, return it;
   otherwise take the issuer's next number (row lock on `IssuerSequence`) and
   insert the certificate as PENDING. The number and the record commit together,
   and a record is never deleted, so numbers have no gaps and no duplicates (the
   unique constraints on enrolment, number and (issuer, year, seq) are the last word).
2. `_certificate_finish`: lock the PENDING record, draw the PDF, upload it to the
   certificate's own folder ``certificates/<code>/``, then mark it VALID with its
   file, in the same transaction as the Dinas counter. If anything fails the
   upload is deleted and the record stays PENDING for the task's retry; a crash
   between upload and commit leaves a file in the PENDING certificate's folder,
   which the retry's commit prunes. A VALID or REVOKED record always has its file.
"""

from __future__ import annotations

import logging
import secrets
import tempfile
import zipfile

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import CoursePage, Enrollment
from lms import events
from lms.models import User

from .layouts import (
    certificate_data,
    certificate_layout,
    holder_facts,
    local_date,
)
from .models import (
    DEFAULT_NUMBER_PATTERN,
    Certificate,
    CertificateEvent,
    CertificateJob,
    CertificateTemplate,
    IssuerSequence,
    number_format,
    private_storage,
)
from .notifiers import Message, notify
from .rendering import render_certificate
from .selectors import job_certificates, template_for_course
from .uploads import Uploader

logger = logging.getLogger(__name__)

JOB_CHUNK = 100


# ------------------------------------------------------------------ numbering


def issuer_sequence_next(*, issuer_key: str, year: int) -> int:
    """The issuer's next number in the year; call inside the issuing transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("issuer_sequence_next must run inside a transaction")
    sequence = (
        IssuerSequence.objects.select_for_update()
        .filter(issuer_key=issuer_key, year=year)
        .first()
    )
    if sequence is None:
        try:
            with transaction.atomic():
                sequence = IssuerSequence.objects.create(
                    issuer_key=issuer_key, year=year
                )
        except IntegrityError:  # created meanwhile by another transaction
            sequence = IssuerSequence.objects.select_for_update().get(
                issuer_key=issuer_key, year=year
            )
    IssuerSequence.objects.filter(pk=sequence.pk).update(last_value=F("last_value") + 1)
    return sequence.last_value + 1


def _storage_key(certificate: Certificate) -> str:
    return f"certificates/{certificate.code}/v{certificate.version}.pdf"


# ------------------------------------------------------------------ issuing


@transaction.atomic
def certificate_reserve(*, enrollment_id: int) -> Certificate | None:
    """The enrolment's certificate, created PENDING with its number if it has none.

    None when the enrolment is not complete. (Small queries on purpose: a many-way
    join costs PostgreSQL more to plan than to run, thousands of times a batch.)
    """
    locked = (
        Enrollment.objects.select_for_update()
        .filter(pk=enrollment_id)
        .values_list("completed_at", "course_id", "user_id")
        .first()
    )
    if locked is None:
        raise Enrollment.DoesNotExist(enrollment_id)
    existing = Certificate.objects.filter(enrollment_id=enrollment_id).first()
    if existing is not None:
        return existing
    completed_at, course_id, user_id = locked
    if completed_at is None:
        return None
    course = CoursePage.objects.select_related("balai").get(pk=course_id)
    user = User.objects.select_related("village__regency", "cooperative").get(
        pk=user_id
    )
    template = template_for_course(course=course)
    if template is not None:
        issuer_key = template.issuer_key
        issuer_name = template.issuer_display_name
        pattern, digits = template.number_pattern, template.seq_digits
    else:
        issuer_key = f"balai-{course.balai.code}"
        issuer_name = course.balai.name
        pattern, digits = DEFAULT_NUMBER_PATTERN, 4
    completed_on = local_date(completed_at)
    seq = issuer_sequence_next(issuer_key=issuer_key, year=completed_on.year)
    village = user.village
    number = number_format(
        pattern=pattern,
        values={
            "seq": str(seq).zfill(digits),
            "course_code": course.code,
            "region": village.regency_id if village else "00",
            "province": village.province_id if village else "00",
            "issuer": issuer_key.split("-", 1)[1].upper(),
            "year": completed_on.year,
        },
    )
    return Certificate.objects.create(
        enrollment_id=enrollment_id,
        template=template,
        number=number,
        code=secrets.token_urlsafe(16),
        issuer_key=issuer_key,
        seq=seq,
        year=completed_on.year,
        issuer_name=issuer_name,
        completed_on=completed_on,
        **holder_facts(user=user, course=course),
    )


def _render(certificate: Certificate) -> bytes:
    return render_certificate(
        certificate_layout(certificate=certificate),
        certificate_data(certificate=certificate),
    )


def _locked_certificate(certificate_id: int) -> Certificate:
    certificate = Certificate.objects.select_for_update().get(pk=certificate_id)
    if certificate.template_id:
        certificate.template = CertificateTemplate.objects.select_related("balai").get(
            pk=certificate.template_id
        )
    return certificate


def _prune_folder(*, code: str, keep: str) -> None:
    """Delete every file of the certificate's folder but its current one."""
    storage = private_storage()
    folder = f"certificates/{code}"
    try:
        _dirs, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        path = f"{folder}/{name}"
        if path != keep:
            storage.delete(path)


_writers: dict[str, object] = {}


def certificate_writer():
    """The private storage, for writing a certificate's PDF to its own key.

    On S3 it overwrites (no HEAD request first: the key is the certificate's own,
    written only under its row lock, so what is there is a crashed attempt's) and
    uploads small files in the calling thread (no transfer thread pool). Locally
    it is the private storage itself.
    """
    from django.conf import settings
    from django.core.files.storage import storages

    config = settings.STORAGES["private"]
    if not config["BACKEND"].startswith("storages.backends.s3"):
        return private_storage()
    key = repr(sorted(config.get("OPTIONS", {}).items()))
    writer = _writers.get(key)
    if writer is None:
        from boto3.s3.transfer import TransferConfig

        writer = storages.create_storage(
            {
                **config,
                "OPTIONS": {
                    **config.get("OPTIONS", {}),
                    "file_overwrite": True,
                    "transfer_config": TransferConfig(use_threads=False),
                },
            }
        )
        _writers.clear()
        _writers[key] = writer
    return writer


def _upload(certificate: Certificate, pdf: bytes) -> str:
    return certificate_writer().save(_storage_key(certificate), ContentFile(pdf))


@transaction.atomic
def _certificate_finish(*, certificate_id: int) -> Certificate:
    certificate = _locked_certificate(certificate_id)
    if certificate.status != Certificate.Status.PENDING:
        return certificate
    pdf = _render(certificate)
    name = _upload(certificate, pdf)
    try:
        now = timezone.now()
        updated = Certificate.objects.filter(
            pk=certificate.pk, status=Certificate.Status.PENDING
        ).update(
            status=Certificate.Status.VALID,
            file=name,
            issued_at=now,
            rendered_at=now,
        )
        if not updated:  # finished meanwhile (only possible without row locks)
            current = Certificate.objects.get(pk=certificate.pk)
            if current.file.name != name:
                private_storage().delete(name)
            return current
        CertificateEvent.objects.create(
            certificate=certificate,
            action=CertificateEvent.Action.ISSUED,
            version=certificate.version,
            details={"number": certificate.number},
        )
        events.publish(
            events.CertificatesIssued(enrollment_ids=(certificate.enrollment_id,))
        )
    except BaseException:
        private_storage().delete(name)
        raise
    code, pk = certificate.code, certificate.pk
    if name != _storage_key(certificate):  # a crashed attempt left a file
        transaction.on_commit(lambda: _prune_folder(code=code, keep=name), robust=True)
    transaction.on_commit(lambda: _notify_enqueue(pk), robust=True)
    certificate.status = Certificate.Status.VALID
    certificate.file = name
    certificate.issued_at = certificate.rendered_at = now
    return certificate


def _notify_enqueue(certificate_id: int) -> None:
    from .tasks import certificate_notify_task

    certificate_notify_task.delay(certificate_id)


def certificate_issue(*, enrollment_id: int) -> Certificate | None:
    """Issue the certificate of a completed enrolment: once, however often called."""
    certificate = certificate_reserve(enrollment_id=enrollment_id)
    if certificate is None or certificate.status != Certificate.Status.PENDING:
        return certificate
    return _certificate_finish(certificate_id=certificate.pk)


BATCH_SIZE = 50


def issuer_sequence_take(*, issuer_key: str, year: int, count: int) -> int:
    """Take `count` consecutive numbers at once; return the first."""
    first = issuer_sequence_next(issuer_key=issuer_key, year=year)
    if count > 1:
        IssuerSequence.objects.filter(issuer_key=issuer_key, year=year).update(
            last_value=F("last_value") + (count - 1)
        )
    return first


@transaction.atomic
def certificates_reserve_many(*, enrollment_ids: list[int]) -> list[Certificate]:
    """`certificate_reserve` for many enrolments in one transaction.

    The enrolments are locked in id order (no deadlock with single issues); each
    issuer's numbers are taken in one step, so they stay consecutive and gapless.
    """
    locked = list(
        Enrollment.objects.select_for_update()
        .filter(pk__in=enrollment_ids, completed_at__isnull=False)
        .order_by("pk")
        .values_list("pk", "completed_at", "course_id", "user_id")
    )
    done = set(
        Certificate.objects.filter(
            enrollment_id__in=[row[0] for row in locked]
        ).values_list("enrollment_id", flat=True)
    )
    todo = [row for row in locked if row[0] not in done]
    if not todo:
        return list(
            Certificate.objects.filter(
                enrollment_id__in=enrollment_ids, status=Certificate.Status.PENDING
            )
        )
    courses = CoursePage.objects.select_related("balai").in_bulk(
        {row[2] for row in todo}
    )
    users = User.objects.select_related("village__regency", "cooperative").in_bulk(
        {row[3] for row in todo}
    )
    templates = {cid: template_for_course(course=c) for cid, c in courses.items()}
    plans = []
    for enrollment_id, completed_at, course_id, user_id in todo:
        course, template = courses[course_id], templates[course_id]
        if template is not None:
            issuer = (template.issuer_key, template.issuer_display_name)
            pattern = (template.number_pattern, template.seq_digits)
        else:
            issuer = (f"balai-{course.balai.code}", course.balai.name)
            pattern = (DEFAULT_NUMBER_PATTERN, 4)
        completed_on = local_date(completed_at)
        plans.append(
            (
                enrollment_id,
                course,
                users[user_id],
                template,
                issuer,
                pattern,
                completed_on,
            )
        )
    groups: dict[tuple[str, int], int] = {}
    for plan in plans:
        key = (plan[4][0], plan[6].year)
        groups[key] = groups.get(key, 0) + 1
    next_seq = {
        key: issuer_sequence_take(issuer_key=key[0], year=key[1], count=count)
        for key, count in sorted(groups.items())
    }
    certificates = []
    for enrollment_id, course, user, template, issuer, pattern, completed_on in plans:
        key = (issuer[0], completed_on.year)
        seq = next_seq[key]
        next_seq[key] += 1
        village = user.village
        certificates.append(
            Certificate(
                enrollment_id=enrollment_id,
                template=template,
                number=number_format(
                    pattern=pattern[0],
                    values={
                        "seq": str(seq).zfill(pattern[1]),
                        "course_code": course.code,
                        "region": village.regency_id if village else "00",
                        "province": village.province_id if village else "00",
                        "issuer": issuer[0].split("-", 1)[1].upper(),
                        "year": completed_on.year,
                    },
                ),
                code=secrets.token_urlsafe(16),
                issuer_key=issuer[0],
                seq=seq,
                year=completed_on.year,
                issuer_name=issuer[1],
                completed_on=completed_on,
                **holder_facts(user=user, course=course),
            )
        )
    Certificate.objects.bulk_create(certificates)
    return list(
        Certificate.objects.filter(
            enrollment_id__in=enrollment_ids, status=Certificate.Status.PENDING
        ).select_related("template__balai")
    )


def certificates_issue_many(*, enrollment_ids: list[int]) -> int:
    """Issue the certificates of many completed enrolments (a cohort, a programme).

    The same two phases as `certificate_issue`, each done for the whole batch:
    one transaction numbers them all (PENDING); then each PDF is drawn and handed
    to a small upload pool (on S3: concurrent PutObjects on one client) while the
    next one is drawn; then one transaction marks them VALID, locking them first,
    with their events and the counters moved in bulk. A failure deletes this
    batch's uploads and leaves the records PENDING for the retry. Returns how
    many this call issued.
    """
    pending = certificates_reserve_many(enrollment_ids=enrollment_ids)
    if not pending:
        return 0
    uploader = Uploader(certificate_writer())
    try:
        try:
            for certificate in pending:
                uploader.put(
                    certificate.pk, _storage_key(certificate), _render(certificate)
                )
        except BaseException:
            uploader.abort()
            raise
        uploaded = uploader.finish()
        return _certificates_finish_many(uploaded=uploaded)
    except BaseException:
        _delete_unrecorded(uploader.stored)
        raise


def _delete_unrecorded(uploaded: dict[int, str]) -> None:
    """Delete the uploads no record points to (a failed batch's)."""
    if not uploaded:
        return
    recorded = set(
        Certificate.objects.filter(pk__in=list(uploaded)).values_list("pk", "file")
    )
    storage = private_storage()
    for pk, name in uploaded.items():
        if (pk, name) not in recorded:
            storage.delete(name)


@transaction.atomic
def _certificates_finish_many(*, uploaded: dict[int, str]) -> int:
    locked = list(
        Certificate.objects.select_for_update()
        .filter(pk__in=list(uploaded), status=Certificate.Status.PENDING)
        .order_by("pk")
        .only("pk", "enrollment_id", "version", "number")
    )
    _mark_valid(
        {certificate.pk: uploaded[certificate.pk] for certificate in locked},
        now=timezone.now(),
    )
    CertificateEvent.objects.bulk_create(
        CertificateEvent(
            certificate_id=c.pk,
            action=CertificateEvent.Action.ISSUED,
            version=c.version,
            details={"number": c.number},
        )
        for c in locked
    )
    events.publish(
        events.CertificatesIssued(enrollment_ids=tuple(c.enrollment_id for c in locked))
    )
    ids = [c.pk for c in locked]
    if ids:
        transaction.on_commit(lambda: _notify_enqueue_many(ids), robust=True)
    # Issued meanwhile by a single task: keep its file, drop ours if it differs.
    extra = {pk: name for pk, name in uploaded.items() if pk not in set(ids)}
    if extra:
        transaction.on_commit(lambda: _drop_unused(extra), robust=True)
    return len(locked)


def _mark_valid(files: dict[int, str], *, now) -> None:
    """PENDING → VALID with its file, for locked rows: one UPDATE for the batch."""
    if not files:
        return
    from django.db.models import Case, Value, When

    Certificate.objects.filter(pk__in=list(files)).update(
        status=Certificate.Status.VALID,
        file=Case(*(When(pk=pk, then=Value(name)) for pk, name in files.items())),
        issued_at=now,
        rendered_at=now,
    )


def _drop_unused(uploaded: dict[int, str]) -> None:
    current = dict(
        Certificate.objects.filter(pk__in=list(uploaded)).values_list("pk", "file")
    )
    for pk, name in uploaded.items():
        if current.get(pk) != name:
            private_storage().delete(name)


def _notify_enqueue_many(certificate_ids: list[int]) -> None:
    from .tasks import certificates_notify_many_task

    certificates_notify_many_task.delay(certificate_ids)


def certificates_issue_enqueue(*, enrollment_ids: list[int]) -> int:
    """Enqueue batch issue tasks of BATCH_SIZE enrolments; returns the task count."""
    from .tasks import certificates_issue_many_task

    ids = sorted(enrollment_ids)
    for start in range(0, len(ids), BATCH_SIZE):
        certificates_issue_many_task.delay(ids[start : start + BATCH_SIZE])
    return (len(ids) + BATCH_SIZE - 1) // BATCH_SIZE


def certificates_pending_resume() -> int:
    """Enqueue the issue task again for certificates left PENDING (after retries ran out)."""
    from .tasks import certificate_issue_task

    stale = timezone.now() - timezone.timedelta(minutes=30)
    ids = list(
        Certificate.objects.filter(
            status=Certificate.Status.PENDING, created_at__lt=stale
        ).values_list("enrollment_id", flat=True)
    )
    for enrollment_id in ids:
        certificate_issue_task.delay(enrollment_id)
    return len(ids)


def _ready_message(certificate: Certificate) -> Message:
    from django.conf import settings
    from django.urls import reverse

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


def certificate_notify(*, certificate_id: int) -> bool:
    """Tell the holder their certificate is ready (once per version)."""
    certificate = Certificate.objects.select_related("enrollment__user").get(
        pk=certificate_id
    )
    if certificate.status != Certificate.Status.VALID or certificate.notified_at:
        return False
    notify(user=certificate.enrollment.user, message=_ready_message(certificate))
    Certificate.objects.filter(pk=certificate.pk).update(notified_at=timezone.now())
    return True


def certificates_notify_many(*, certificate_ids: list[int]) -> int:
    """`certificate_notify` for a batch's certificates: one task, two queries.

    Safe to run twice: certificates already notified for their version are
    skipped; if a send fails, those sent before it are marked before the error
    goes up (so the task's retry tells only the others). Returns how many were
    notified now.
    """
    certificates = (
        Certificate.objects.select_related("enrollment__user")
        .filter(
            pk__in=certificate_ids,
            status=Certificate.Status.VALID,
            notified_at__isnull=True,
        )
        .order_by("pk")
    )
    sent: list[int] = []
    try:
        for certificate in certificates:
            notify(
                user=certificate.enrollment.user, message=_ready_message(certificate)
            )
            sent.append(certificate.pk)
    finally:
        if sent:
            Certificate.objects.filter(pk__in=sent).update(notified_at=timezone.now())
    return len(sent)


# ------------------------------------------------------------------ lifecycle


def _reason_required(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Tuliskan alasannya."))
    return reason


@transaction.atomic
def certificate_revoke(*, certificate_id: int, actor, reason: str) -> Certificate:
    reason = _reason_required(reason)
    certificate = _locked_certificate(certificate_id)
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
    actor,
    details: dict,
    reinstate: bool,
) -> Certificate:
    """Draw a new version (same number, same code), keep only its file."""
    certificate = _locked_certificate(certificate_id)
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
        certificate.issuer_name = certificate.template.issuer_display_name
    name = _upload(certificate, _render(certificate))
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
    except BaseException:
        private_storage().delete(name)
        raise
    code, pk = certificate.code, certificate.pk
    transaction.on_commit(lambda: _prune_folder(code=code, keep=name), robust=True)
    if reinstate:
        transaction.on_commit(lambda: _notify_enqueue(pk), robust=True)
    return certificate


@transaction.atomic
def certificate_reissue(*, certificate_id: int, actor, reason: str) -> Certificate:
    """A new version with the same number; valid again if it was revoked."""
    return _rerender(
        certificate_id=certificate_id,
        action=CertificateEvent.Action.REISSUED,
        actor=actor,
        details={"reason": _reason_required(reason)},
        reinstate=True,
    )


@transaction.atomic
def certificate_regenerate(*, certificate_id: int, actor=None) -> Certificate:
    """Draw the certificate again from its (changed) template; status unchanged."""
    return _rerender(
        certificate_id=certificate_id,
        action=CertificateEvent.Action.REGENERATED,
        actor=actor,
        details={},
        reinstate=False,
    )


# ------------------------------------------------------------------ bulk jobs


@transaction.atomic
def certificate_job_create(
    *,
    kind: str,
    actor,
    template: CertificateTemplate | None = None,
    cohort=None,
    regency=None,
    province=None,
) -> CertificateJob:
    if kind == CertificateJob.Kind.REGENERATE and template is None:
        raise ValidationError(_("Pilih templat yang sertifikatnya dibuat ulang."))
    if kind == CertificateJob.Kind.ZIP and not (cohort or regency or province):
        raise ValidationError(_("Pilih angkatan atau wilayah."))
    job = CertificateJob.objects.create(
        kind=kind,
        requested_by=actor,
        template=template if kind == CertificateJob.Kind.REGENERATE else None,
        cohort=cohort,
        regency=regency,
        province=province,
    )
    job.total = job_certificates(job=job).count()
    job.save(update_fields=["total"])
    from .tasks import certificate_job_run_task

    job_id = job.pk
    transaction.on_commit(lambda: certificate_job_run_task.delay(job_id))
    return job


def certificate_job_run(*, job_id: int) -> CertificateJob:
    """Run a bulk job (safe to run twice: a regeneration resumes where it stopped)."""
    job = CertificateJob.objects.select_related("requested_by").get(pk=job_id)
    if job.status in (CertificateJob.Status.DONE, CertificateJob.Status.FAILED):
        return job
    CertificateJob.objects.filter(pk=job.pk).update(
        status=CertificateJob.Status.RUNNING
    )
    if job.kind == CertificateJob.Kind.REGENERATE:
        return _job_regenerate_dispatch(job)
    return _job_zip(job)


def _job_regenerate_dispatch(job: CertificateJob) -> CertificateJob:
    from .tasks import certificate_job_chunk_task

    ids = list(
        job_certificates(job=job)
        .filter(rendered_at__lt=job.created_at)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not ids:
        return _job_regenerate_progress(job_id=job.pk)
    for start in range(0, len(ids), JOB_CHUNK):
        certificate_job_chunk_task.delay(job.pk, ids[start : start + JOB_CHUNK])
    return CertificateJob.objects.get(pk=job.pk)


def certificate_job_chunk(*, job_id: int, certificate_ids: list[int]) -> None:
    """Regenerate some of a job's certificates; those already redrawn are skipped."""
    job = CertificateJob.objects.select_related("requested_by").get(pk=job_id)
    todo = Certificate.objects.filter(
        pk__in=certificate_ids, rendered_at__lt=job.created_at
    ).values_list("pk", flat=True)
    for n, certificate_id in enumerate(todo, start=1):
        certificate_regenerate(certificate_id=certificate_id, actor=job.requested_by)
        if n % 20 == 0:
            _job_regenerate_progress(job_id=job_id)
    _job_regenerate_progress(job_id=job_id)


def _job_regenerate_progress(*, job_id: int) -> CertificateJob:
    job = CertificateJob.objects.get(pk=job_id)
    done = job_certificates(job=job).filter(rendered_at__gte=job.created_at).count()
    fields = {"done": done}
    if done >= job.total:
        fields.update(status=CertificateJob.Status.DONE, finished_at=timezone.now())
    CertificateJob.objects.filter(pk=job_id).exclude(
        status=CertificateJob.Status.DONE
    ).update(**fields)
    return CertificateJob.objects.get(pk=job_id)


def _job_zip(job: CertificateJob) -> CertificateJob:
    storage = private_storage()
    certificates = job_certificates(job=job).order_by("number")
    total = certificates.count()
    CertificateJob.objects.filter(pk=job.pk).update(total=total, done=0)
    try:
        with tempfile.TemporaryFile() as spool:
            with zipfile.ZipFile(spool, "w", zipfile.ZIP_STORED) as archive:
                rows = certificates.values_list("number", "holder_name", "file")
                for n, (number, holder, name) in enumerate(list(rows), 1):
                    with storage.open(name, "rb") as handle:
                        archive.writestr(_zip_name(number, holder), handle.read())
                    if n % 50 == 0 or n == total:
                        CertificateJob.objects.filter(pk=job.pk).update(done=n)
            spool.seek(0)
            key = f"certificate-jobs/{job.pk}-{secrets.token_urlsafe(8)}.zip"
            result = storage.save(key, File(spool))
    except Exception as exc:
        logger.exception("certificate ZIP job %s failed", job.pk)
        CertificateJob.objects.filter(pk=job.pk).update(
            status=CertificateJob.Status.FAILED,
            error=str(exc)[:500],
            finished_at=timezone.now(),
        )
        raise
    CertificateJob.objects.filter(pk=job.pk).update(
        status=CertificateJob.Status.DONE,
        result=result,
        done=total,
        finished_at=timezone.now(),
    )
    return CertificateJob.objects.get(pk=job.pk)


def _zip_name(number: str, holder: str) -> str:
    safe_number = number.replace("/", "-")
    safe_holder = "".join(c if c.isalnum() else "_" for c in holder)[:60]
    return f"{safe_number}_{safe_holder}.pdf"
