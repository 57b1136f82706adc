"""Issuing certificates: owed with the completion, numbered, drawn, stored, valid.

A completion owes its certificate (`certificate_owe`, in the completion's own
transaction, through `lms.outbox`); the worker issues it in two short
transactions, so that numbering stays gapless without holding the issuer's
sequence lock while a PDF is drawn and uploaded:

1. `certificate_reserve`: lock the enrolment; if it has a certificate, return it;
   otherwise number it (`certificates.numbering`) and insert it PENDING. The
   number and the record commit together, and a record is never deleted, so
   numbers have no gaps and no duplicates (the unique constraints on enrolment,
   number and (issuer, year, seq) are the last word).
2. `_certificate_finish`: lock the PENDING record, draw the PDF, upload it to the
   certificate's own key, then mark it VALID with its file, in the same
   transaction as its `issued` event, the `CertificatesIssued` event (the Dinas
   counters move with it) and the owed notification. If anything fails the
   upload is deleted and the record stays PENDING for the retry; a crash between
   upload and commit leaves a file in the certificate's folder, which the
   retry's commit prunes. A VALID or REVOKED record always has its file.

`certificates_issue_many` does the same for a batch (a cohort, a programme): one
transaction numbers them all, the PDFs are drawn and uploaded concurrently, one
transaction marks them VALID. `certificates.services.jobs` runs it in chunks as a
job with progress.
"""

from __future__ import annotations

import datetime
import secrets

from django.db import transaction
from django.db.models import Case, Value, When
from django.utils import timezone

from courses.models import CoursePage, Enrollment
from lms import events
from lms.models import OwedWork, User
from lms.outbox import work_owe

from ..eligibility import certifiable_q, enrollment_certifiable
from ..layouts import certificate_pdf, holder_facts
from ..models import Certificate, CertificateEvent, private_storage
from ..numbering import NumberRequest, certificate_issuer, certificate_numbers
from ..selectors import certificate_for_update, template_for_course
from ..storage import (
    certificate_file_save,
    certificate_folder_prune,
    certificate_key,
    certificate_writer,
    uploads_unrecorded_delete,
)
from ..uploads import Uploader
from .notify import certificates_notification_owe

ISSUE_TASK = "certificates.tasks.certificate_issue_task"


def certificate_owe(*, enrollment_id: int) -> OwedWork:
    """Owe the enrolment's certificate: its issue is sent after this transaction
    commits, and again by the outbox's sweeper until it is done. Owed once however
    often (one open owed issue per enrolment)."""
    return work_owe(
        task=ISSUE_TASK,
        kwargs={"enrollment_id": enrollment_id},
        key=f"certificate-issue:{enrollment_id}",
    )


@transaction.atomic
def certificates_owe_missing() -> int:
    """Owe the certificate of every completed enrolment that has none issued (and
    that its cohort does not hold back: `eligibility.certifiable_q`).

    What the outbox cannot know of: completions recorded before their
    certificate was owed with them (data from before the outbox), or written
    outside the services (a data repair). Work already owed is not owed twice.
    Returns how many enrolments were looked at.
    """
    enrollment_ids = list(
        Enrollment.objects.filter(certifiable_q())
        .exclude(
            certificate__status__in=[
                Certificate.Status.VALID,
                Certificate.Status.REVOKED,
            ]
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for enrollment_id in enrollment_ids:
        certificate_owe(enrollment_id=enrollment_id)
    return len(enrollment_ids)


# ------------------------------------------------------------------ one


@transaction.atomic
def certificate_reserve(*, enrollment_id: int) -> Certificate | None:
    """The enrolment's certificate, created PENDING with its number if it has none.

    None when the enrolment may not have one yet (`eligibility.certifiable_q`:
    not complete, or held back by its cohort).
    """
    locked = (
        Enrollment.objects.select_for_update()
        .filter(pk=enrollment_id)
        .values_list("pk", "completed_at", "course_id", "user_id")
        .first()
    )
    if locked is None:
        raise Enrollment.DoesNotExist(enrollment_id)
    existing = Certificate.objects.filter(enrollment_id=enrollment_id).first()
    if existing is not None:
        return existing
    if locked[1] is None or not enrollment_certifiable(enrollment_id=enrollment_id):
        return None
    return _pending_create([locked])[0]


def _pending_create(
    rows: list[tuple[int, datetime.datetime, int, int]],
) -> list[Certificate]:
    """Number and insert the PENDING certificates of locked, completed enrolments
    without one: (enrolment id, completed at, course id, user id), in that order.

    (Small queries on purpose: a many-way join costs PostgreSQL more to plan than
    to run, thousands of times a batch.)
    """
    courses = CoursePage.objects.select_related("balai").in_bulk(
        {row[2] for row in rows}
    )
    users = User.objects.select_related("village__regency", "cooperative").in_bulk(
        {row[3] for row in rows}
    )
    templates = {pk: template_for_course(course=c) for pk, c in courses.items()}
    issuers = {
        pk: certificate_issuer(balai=c.balai, template=templates[pk])
        for pk, c in courses.items()
    }
    completed_on = [timezone.localdate(row[1]) for row in rows]
    requests = []
    for (_pk, _at, course_id, user_id), day in zip(rows, completed_on, strict=True):
        village = users[user_id].village
        requests.append(
            NumberRequest(
                issuer=issuers[course_id],
                course_code=courses[course_id].code,
                regency_code=village.regency_id if village else None,
                province_code=village.province_id if village else None,
                completed_on=day,
            )
        )
    numbers = certificate_numbers(requests=requests)
    return Certificate.objects.bulk_create(
        Certificate(
            enrollment_id=enrollment_id,
            template=templates[course_id],
            number=number.number,
            code=secrets.token_urlsafe(16),
            issuer_key=number.issuer_key,
            seq=number.seq,
            year=number.year,
            issuer_name=issuers[course_id].name,
            completed_on=day,
            **holder_facts(user=users[user_id], course=courses[course_id]),
        )
        for (enrollment_id, _at, course_id, user_id), day, number in zip(
            rows, completed_on, numbers, strict=True
        )
    )


@transaction.atomic
def _certificate_finish(*, certificate_id: int) -> Certificate:
    certificate = certificate_for_update(certificate_id=certificate_id)
    if certificate.status != Certificate.Status.PENDING:
        return certificate
    name = certificate_file_save(certificate, certificate_pdf(certificate=certificate))
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
        certificates_notification_owe(certificate_ids=[certificate.pk])
    except BaseException:
        private_storage().delete(name)
        raise
    code = certificate.code
    if name != certificate_key(certificate):  # a crashed attempt left a file
        transaction.on_commit(
            lambda: certificate_folder_prune(code=code, keep=name), robust=True
        )
    certificate.status = Certificate.Status.VALID
    certificate.file = name
    certificate.issued_at = certificate.rendered_at = now
    return certificate


def certificate_issue(*, enrollment_id: int) -> Certificate | None:
    """Issue the certificate of a completed enrolment: once, however often called."""
    certificate = certificate_reserve(enrollment_id=enrollment_id)
    if certificate is None or certificate.status != Certificate.Status.PENDING:
        return certificate
    return _certificate_finish(certificate_id=certificate.pk)


# ------------------------------------------------------------------ a batch


@transaction.atomic
def certificates_reserve_many(*, enrollment_ids: list[int]) -> list[Certificate]:
    """`certificate_reserve` for many enrolments in one transaction; the batch's
    PENDING certificates.

    The enrolments are locked in id order (no deadlock with single issues); each
    issuer's numbers are taken in one step, so they stay consecutive and gapless.
    """
    certifiable = Enrollment.objects.filter(certifiable_q(), pk__in=enrollment_ids)
    locked = list(
        Enrollment.objects.select_for_update()
        .filter(pk__in=certifiable.values("pk"))
        .order_by("pk")
        .values_list("pk", "completed_at", "course_id", "user_id")
    )
    done = set(
        Certificate.objects.filter(
            enrollment_id__in=[row[0] for row in locked]
        ).values_list("enrollment_id", flat=True)
    )
    todo = [row for row in locked if row[0] not in done]
    if todo:
        _pending_create(todo)
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
    with their events, the counters moved in bulk and one owed notification. A
    failure deletes this batch's uploads and leaves the records PENDING for the
    retry. Safe to run twice. Returns how many this call issued.
    """
    pending = certificates_reserve_many(enrollment_ids=enrollment_ids)
    if not pending:
        return 0
    uploader = Uploader(certificate_writer())
    try:
        try:
            for certificate in pending:
                uploader.put(
                    certificate.pk,
                    certificate_key(certificate),
                    certificate_pdf(certificate=certificate),
                )
        except BaseException:
            uploader.abort()
            raise
        uploaded = uploader.finish()
        return _certificates_finish_many(uploaded=uploaded)
    except BaseException:
        uploads_unrecorded_delete(uploader.stored)
        raise


@transaction.atomic
def _certificates_finish_many(*, uploaded: dict[int, str]) -> int:
    locked = list(
        Certificate.objects.select_for_update()
        .filter(pk__in=list(uploaded), status=Certificate.Status.PENDING)
        .order_by("pk")
        .only("pk", "enrollment_id", "version", "number", "code")
    )
    files = {certificate.pk: uploaded[certificate.pk] for certificate in locked}
    if files:
        now = timezone.now()
        Certificate.objects.filter(pk__in=list(files)).update(
            status=Certificate.Status.VALID,
            file=Case(*(When(pk=pk, then=Value(name)) for pk, name in files.items())),
            issued_at=now,
            rendered_at=now,
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
            events.CertificatesIssued(
                enrollment_ids=tuple(c.enrollment_id for c in locked)
            )
        )
        certificates_notification_owe(certificate_ids=list(files))
    # A crashed attempt's files (not at the certificate's own key, locally).
    crashed = [
        (c.code, files[c.pk]) for c in locked if files[c.pk] != certificate_key(c)
    ]
    # Issued meanwhile by a single task: keep its file, drop ours if it differs.
    extra = {pk: name for pk, name in uploaded.items() if pk not in files}

    def tidy() -> None:
        for code, name in crashed:
            certificate_folder_prune(code=code, keep=name)
        uploads_unrecorded_delete(extra)

    if crashed or extra:
        transaction.on_commit(tidy, robust=True)
    return len(locked)
