"""Bulk work with progress: issue many certificates, regenerate a template's, a ZIP.

A job is a `CertificateJob` row; its work is owed (`lms.outbox`) in the same
transaction, in chunks that Celery workers take in parallel (a ZIP is one piece
of work). Nothing is sent before the job commits, a send that fails (the broker
down) is sent again by the outbox's sweeper, and so is a chunk whose worker was
killed. Every chunk is safe to run twice, and a job's progress is counted from
the certificates themselves (`selectors.job_done_count`), under the job's row
lock: a job whose worker died continues where it stopped and ends DONE, never
"running" for ever. A ZIP that is run again builds its archive again (the
half-written one died with its worker).
"""

from __future__ import annotations

import logging
import secrets
import tempfile
import zipfile
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Cohort, Enrollment
from lms.models import Province, Regency, User
from lms.outbox import work_owe

from ..eligibility import certifiable_q
from ..models import Certificate, CertificateJob, CertificateTemplate, private_storage
from ..selectors import job_certificates, job_done_count
from .issuing import certificates_issue_many
from .lifecycle import certificate_regenerate

logger = logging.getLogger(__name__)

ISSUE_BATCH_SIZE = 50  # enrolments per chunk of an issue job
REGENERATE_CHUNK = 100  # certificates per chunk of a regenerate job
PROGRESS_EVERY = 20  # a regenerate chunk reports its progress this often

ISSUE_CHUNK_TASK = "certificates.tasks.certificate_job_issue_task"
REGENERATE_CHUNK_TASK = "certificates.tasks.certificate_job_regenerate_task"
ZIP_TASK = "certificates.tasks.certificate_job_zip_task"


def _chunks(ids: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


# ------------------------------------------------------------------ creating


@transaction.atomic
def certificate_issue_job_create(
    *,
    enrollment_ids: Iterable[int],
    actor: User | None,
    batch_size: int = ISSUE_BATCH_SIZE,
    cohort: Cohort | None = None,
) -> CertificateJob:
    """Issue the certificates of these completed enrolments as one job with progress
    (a cohort's, in one action): chunks of `batch_size` are issued in parallel by
    the workers (`issuing.certificates_issue_many`: consecutive numbers, the Dinas
    counters moved per chunk, one notification per chunk).

    Enrolments that may not have their certificate yet (`eligibility`: not
    complete, or held back by their cohort) are left out; those that already have
    it count as done. None left: a clear error, nothing written. A cohort's job
    names its cohort (its closing page shows the progress).
    """
    completed = list(
        Enrollment.objects.filter(certifiable_q(), pk__in=set(enrollment_ids))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not completed:
        raise ValidationError(_("Belum ada peserta yang menyelesaikan kursusnya."))
    job = CertificateJob.objects.create(
        kind=CertificateJob.Kind.ISSUE,
        requested_by=actor,
        total=len(completed),
        cohort=cohort,
    )
    covered = CertificateJob.enrollments.through
    covered.objects.bulk_create(
        covered(certificatejob_id=job.pk, enrollment_id=enrollment_id)
        for enrollment_id in completed
    )
    for chunk in _chunks(completed, batch_size):
        work_owe(
            task=ISSUE_CHUNK_TASK, kwargs={"job_id": job.pk, "enrollment_ids": chunk}
        )
    return job


@transaction.atomic
def certificate_job_create(
    *,
    kind: str,
    actor: User | None,
    template: CertificateTemplate | None = None,
    cohort: Cohort | None = None,
    regency: Regency | None = None,
    province: Province | None = None,
) -> CertificateJob:
    """An administrator's job: regenerate a template's certificates, or a ZIP of a
    cohort's or a region's valid certificates (within what they may see)."""
    if kind == CertificateJob.Kind.REGENERATE and template is None:
        raise ValidationError(_("Pilih templat yang sertifikatnya dibuat ulang."))
    if kind == CertificateJob.Kind.ZIP and not (cohort or regency or province):
        raise ValidationError(_("Pilih angkatan atau wilayah."))
    if kind not in (CertificateJob.Kind.REGENERATE, CertificateJob.Kind.ZIP):
        raise ValueError(f"not an administrator's job: {kind!r}")
    job = CertificateJob.objects.create(
        kind=kind,
        requested_by=actor,
        template=template if kind == CertificateJob.Kind.REGENERATE else None,
        cohort=cohort,
        regency=regency,
        province=province,
    )
    certificates = job_certificates(job=job)
    if kind == CertificateJob.Kind.ZIP:
        job.total = certificates.count()
        job.save(update_fields=["total"])
        work_owe(task=ZIP_TASK, kwargs={"job_id": job.pk})
        return job
    ids = list(certificates.order_by("pk").values_list("pk", flat=True))
    job.total = len(ids)
    job.save(update_fields=["total"])
    for chunk in _chunks(ids, REGENERATE_CHUNK):
        work_owe(
            task=REGENERATE_CHUNK_TASK,
            kwargs={"job_id": job.pk, "certificate_ids": chunk},
        )
    if not ids:
        return certificate_job_progress(job_id=job.pk)
    return job


# ------------------------------------------------------------------ running


def _job_running(job_id: int) -> None:
    CertificateJob.objects.filter(
        pk=job_id, status=CertificateJob.Status.QUEUED
    ).update(status=CertificateJob.Status.RUNNING)


@transaction.atomic
def certificate_job_progress(*, job_id: int) -> CertificateJob:
    """Count what the job has done (from the certificates) and finish it when all is.

    Under the job's row lock, after the chunk's own commit: of chunks ending at
    once, the last to count sees every other's work, so the job does end DONE.
    """
    job = CertificateJob.objects.select_for_update().get(pk=job_id)
    if job.status in (CertificateJob.Status.DONE, CertificateJob.Status.FAILED):
        return job
    done = job_done_count(job=job)
    job.done = max(job.done, done)
    fields = ["done"]
    if done >= job.total:
        job.status = CertificateJob.Status.DONE
        job.finished_at = timezone.now()
        fields += ["status", "finished_at"]
    job.save(update_fields=fields)
    return job


def certificate_job_issue_chunk(*, job_id: int, enrollment_ids: list[int]) -> int:
    """Issue a chunk of an issue job (safe to run twice); how many it issued now."""
    _job_running(job_id)
    issued = certificates_issue_many(enrollment_ids=enrollment_ids)
    certificate_job_progress(job_id=job_id)
    return issued


def certificate_job_regenerate_chunk(
    *, job_id: int, certificate_ids: list[int]
) -> None:
    """Redraw a chunk of a regenerate job; those already redrawn are skipped."""
    job = CertificateJob.objects.select_related("requested_by").get(pk=job_id)
    _job_running(job_id)
    todo = (
        Certificate.objects.filter(
            pk__in=certificate_ids, rendered_at__lt=job.created_at
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for n, certificate_id in enumerate(todo, start=1):
        certificate_regenerate(certificate_id=certificate_id, actor=job.requested_by)
        if n % PROGRESS_EVERY == 0:
            certificate_job_progress(job_id=job_id)
    certificate_job_progress(job_id=job_id)


def certificate_job_zip(*, job_id: int) -> CertificateJob:
    """Write the ZIP of a job's certificates to the private storage (safe to run
    twice: a finished or failed job is left as it is; otherwise it starts again)."""
    job = CertificateJob.objects.select_related("requested_by").get(pk=job_id)
    if job.status in (CertificateJob.Status.DONE, CertificateJob.Status.FAILED):
        return job
    _job_running(job_id)
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
