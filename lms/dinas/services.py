"""Writes of the Dinas programmes: bulk registration, assistants' villages, exports.

The import reads a file and checks every row, then writes the good rows through
the platform's own services (`lms.services`: one rule for how a participant is
created and validated, one for how a cooperative is identified); the ledger moves
the figures from the events they publish. Imports and exports are owed work
(`lms.outbox`): written in the transaction that creates their row, claimed by one
worker at a time, and finished in one transaction, so a worker that dies leaves
a job that the next delivery restarts safely.
"""

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from rest_framework.authtoken.models import Token

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Cohort, Enrollment
from courses.services import cohort_enroll
from lms import scoping
from lms.models import Cooperative, User, Village
from lms.outbox import work_owe
from lms.phones import normalize_phone
from lms.regions import codes
from lms.services import (
    COOPERATIVE_NUMBER_TAKEN,
    CooperativeWanted,
    cooperatives_get_or_create,
    participant_build,
    participants_create,
    participants_update,
)

from .exports import TABLES, export_bytes
from .importing import COLUMN_LABELS, FileRefused, Row, read_rows
from .models import (
    ExportJob,
    FullPhoneExport,
    ImportStage,
    JobStatus,
    ProgrammeImport,
)

logger = logging.getLogger(__name__)

PROGRESS_EVERY = 500
_CHUNK = 900  # under SQLite's limit on query parameters
# A job claimed longer ago than this is taken over: longer than the hard time
# limit of the import and export tasks (660 s), so its worker is gone.
JOB_CLAIM_EXPIRES = datetime.timedelta(seconds=720)


class JobBusy(Exception):
    """Another worker is running this job now."""


def job_claim(model: type[models.Model], *, pk: int) -> bool:
    """Take a pending (or failed, or abandoned) import or export job for this
    worker; False when it is done or another worker is running it."""
    now = timezone.now()
    claimable = Q(status__in=[JobStatus.PENDING, JobStatus.FAILED]) | Q(
        Q(started_at__isnull=True) | Q(started_at__lt=now - JOB_CLAIM_EXPIRES),
        status=JobStatus.RUNNING,
    )
    return bool(
        model.objects.filter(claimable, pk=pk).update(
            status=JobStatus.RUNNING, started_at=now
        )
    )


# ---------------------------------------------------------------- import


@dataclass
class RowProblem:
    field: str
    value: str
    code: str
    reason: str


@dataclass
class GoodRow:
    line: int
    participant: User  # built and validated by `lms.services.participant_build`
    cooperative_name: str
    legal_number: str
    village: dict  # {"code", "district_id", "regency_id", "province_id"}
    headers: dict = field(default_factory=dict)  # column → the file's header

    def header(self, column: str) -> str:
        return self.headers.get(column) or COLUMN_LABELS.get(column, column)

    @property
    def phone(self) -> str:
        return self.participant.phone

    @property
    def email(self) -> str:
        return self.participant.email or ""


@dataclass
class ImportOutcome:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    enrolled: int = 0
    refused: list[dict] = field(default_factory=list)
    user_ids: list[int] = field(default_factory=list)


def _chunks(items: list, size: int = _CHUNK) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _villages(village_codes: set[str], officer: User) -> tuple[dict, set[str]]:
    """Known villages by code, and the codes the officer may register in."""
    known: dict[str, dict] = {}
    allowed: set[str] = set()
    for chunk in _chunks(sorted(village_codes)):
        for row in Village.objects.filter(code__in=chunk).values(
            "code", "district_id", "regency_id", "province_id"
        ):
            known[row["code"]] = row
        allowed.update(
            scoping.visible_villages(officer)
            .filter(code__in=chunk)
            .values_list("code", flat=True)
        )
    return known, allowed


# The participant's fields as the file's columns, and the import's codes for them.
_COLUMNS = {
    "full_name": ("nama", "name_invalid"),
    "phone": ("nomor_hp", "phone_invalid"),
    "position": ("jabatan", "position_invalid"),
    "email": ("email", "email_invalid"),
}


def _participant_problems(exc: ValidationError, values: dict) -> list[RowProblem]:
    """`participant_build`'s refusals as problems of the file's columns (the
    village is judged by the import itself, against the officer's scope)."""
    problems = []
    for name, (column, code) in _COLUMNS.items():
        for error in exc.error_dict.get(name, ())[:1]:
            if name == "full_name" and error.code == "required":
                code = "name_empty"
            problems.append(
                RowProblem(column, values.get(column, ""), code, error.messages[0])
            )
    for name, errors in exc.error_dict.items():
        if name not in _COLUMNS and name != "village":
            problems.append(
                RowProblem(name, "", "participant_invalid", errors[0].messages[0])
            )
    return problems


def _phone_key(raw: str) -> str:
    """The phone as compared for repeats within a file ("" when it is no phone)."""
    try:
        return normalize_phone(raw)
    except ValidationError:
        return ""


def _lines_text(lines: list[int]) -> str:
    """ "222", "222 dan 678", "12, 222 dan 678"."""
    names = [str(n) for n in lines]
    if len(names) == 1:
        return names[0]
    return _("%(some)s dan %(last)s") % {
        "some": ", ".join(names[:-1]),
        "last": names[-1],
    }


def _repeats(rows: list[Row], key) -> dict[str, list[int]]:
    """Value → the lines using it, for values on more than one line."""
    lines: dict[str, list[int]] = {}
    for row in rows:
        value = key(row)
        if value:
            lines.setdefault(value, []).append(row.line)
    return {value: found for value, found in lines.items() if len(found) > 1}


def programme_rows_validate(
    *, rows: list[Row], officer: User, on_progress=None
) -> tuple[list[GoodRow], list[dict]]:
    """Check every row; return the good ones and, for the others, why they fail.

    The participant is built and validated by `lms.services.participant_build`,
    as on self-registration; the import adds what only a file has: the village
    within the officer's scope, the cooperative's name, repeats within the file.
    Rows sharing a phone (or an email) are all refused, each naming the others,
    so the officer decides who it belongs to. Problems name the file's own
    column headers.
    """
    header = getattr(rows, "header", None) or (lambda c: COLUMN_LABELS.get(c, c))
    village_codes = {codes.village_code_normalize(r.values["kode_desa"]) for r in rows}
    known, allowed = _villages(village_codes - {""}, officer)
    good: list[GoodRow] = []
    refused: list[dict] = []
    phone_repeats = _repeats(rows, lambda r: _phone_key(r.values["nomor_hp"]))
    email_repeats = _repeats(rows, lambda r: r.values["email"].strip().lower())
    for index, row in enumerate(rows, start=1):
        v = row.values
        problems: list[RowProblem] = []
        code = codes.village_code_normalize(v["kode_desa"])
        if not code:
            problems.append(
                RowProblem("kode_desa", "", "village_missing", _("Kode desa kosong."))
            )
        elif code not in known:
            problems.append(
                RowProblem(
                    "kode_desa",
                    v["kode_desa"],
                    "village_unknown",
                    _("Kode desa tidak dikenal."),
                )
            )
        elif code not in allowed:
            problems.append(
                RowProblem(
                    "kode_desa",
                    v["kode_desa"],
                    "village_outside",
                    _("Desa/kelurahan di luar wilayah tugas Anda."),
                )
            )
        participant = None
        try:
            participant = participant_build(
                full_name=v["nama"],
                village_code=code,
                position=" ".join(v["jabatan"].split()).casefold(),
                phone=v["nomor_hp"],
                email=v["email"],
            )
        except ValidationError as exc:
            problems.extend(_participant_problems(exc, v))
        cooperative_name = " ".join(v["nama_koperasi"].split())
        if not cooperative_name:
            problems.append(
                RowProblem(
                    "nama_koperasi",
                    "",
                    "cooperative_missing",
                    _("Nama koperasi wajib diisi."),
                )
            )
        phone = _phone_key(v["nomor_hp"])
        email_refused = any(p.field == "email" for p in problems)
        email = "" if email_refused else v["email"].strip().lower()
        if phone in phone_repeats:
            others = [n for n in phone_repeats[phone] if n != row.line]
            problems.append(
                RowProblem(
                    "nomor_hp",
                    v["nomor_hp"],
                    "phone_repeated",
                    _("Nomor HP dipakai juga di baris %(lines)s.")
                    % {"lines": _lines_text(others)},
                )
            )
        if email and email in email_repeats:
            others = [n for n in email_repeats[email] if n != row.line]
            problems.append(
                RowProblem(
                    "email",
                    v["email"],
                    "email_repeated",
                    _("Email dipakai juga di baris %(lines)s.")
                    % {"lines": _lines_text(others)},
                )
            )
        if problems:
            for problem in problems:
                problem.field = header(problem.field)
            refused.append(
                {"line": row.line, "problems": [p.__dict__ for p in problems]}
            )
        else:
            good.append(
                GoodRow(
                    line=row.line,
                    participant=participant,
                    cooperative_name=cooperative_name,
                    legal_number=v["nomor_badan_hukum"].strip(),
                    village=known[code],
                    headers={
                        c: header(c) for c in ("nomor_hp", "email", "nomor_badan_hukum")
                    },
                )
            )
        if on_progress and index % PROGRESS_EVERY == 0:
            on_progress(index)
    return good, refused


def _refuse(refused: list[dict], row: GoodRow, problem: RowProblem) -> None:
    refused.append({"line": row.line, "problems": [problem.__dict__]})


def _database_conflicts(
    *, good: list[GoodRow], officer: User, refused: list[dict]
) -> tuple[list[GoodRow], dict[str, User]]:
    """Rows whose phone or email belongs to someone the officer may not change."""
    phones = [r.phone for r in good]
    emails = [r.email for r in good if r.email]
    by_phone: dict[str, User] = {}
    for chunk in _chunks(phones):
        for user in User.objects.filter(phone__in=chunk):
            by_phone[user.phone] = user
    by_email: dict[str, User] = {}
    for chunk in _chunks(emails):
        for user in User.objects.filter(email__in=chunk):
            by_email[user.email] = user
    visible_ids = set()
    candidate_ids = [u.pk for u in by_phone.values()]
    for chunk in _chunks(candidate_ids):
        visible_ids.update(
            scoping.visible_participants(officer)
            .filter(pk__in=chunk)
            .values_list("pk", flat=True)
        )
    kept: list[GoodRow] = []
    for row in good:
        owner = by_phone.get(row.phone)
        if owner is not None and owner.pk not in visible_ids:
            _refuse(
                refused,
                row,
                RowProblem(
                    row.header("nomor_hp"),
                    row.phone,
                    "phone_taken",
                    _("Nomor HP sudah dipakai akun lain di luar wilayah Anda."),
                ),
            )
            continue
        email_owner = by_email.get(row.email) if row.email else None
        if email_owner is not None and (owner is None or email_owner.pk != owner.pk):
            _refuse(
                refused,
                row,
                RowProblem(
                    row.header("email"),
                    row.email,
                    "email_taken",
                    _("Email sudah dipakai akun lain."),
                ),
            )
            continue
        kept.append(row)
    return kept, by_phone


UPDATABLE = ("full_name", "email", "position", "village_id", "cooperative_id")


@transaction.atomic
def programme_rows_apply(
    *,
    good: list[GoodRow],
    existing: dict[str, User],
    officer: User,
    cohort: Cohort | None = None,
) -> ImportOutcome:
    """Create or update the participants and their cooperatives; all or nothing.

    A row naming a cooperative by a legal number the officer may not see is
    refused (`outcome.refused`), never attached to it."""
    outcome = ImportOutcome()
    chosen = cooperatives_get_or_create(
        wanted=[
            CooperativeWanted(
                name=row.cooperative_name,
                village_code=row.village["code"],
                legal_number=row.legal_number,
            )
            for row in good
        ],
        officer=officer,
    )
    new_users: list[User] = []
    changed: list[User] = []
    for row, cooperative in zip(good, chosen, strict=True):
        if cooperative is None:
            outcome.refused.append(
                {
                    "line": row.line,
                    "problems": [
                        RowProblem(
                            row.header("nomor_badan_hukum"),
                            row.legal_number,
                            "legal_number_taken",
                            str(COOPERATIVE_NUMBER_TAKEN),
                        ).__dict__
                    ],
                }
            )
            continue
        built = row.participant
        user = existing.get(row.phone)
        if user is None:
            built.cooperative_id = cooperative.pk
            new_users.append(built)
            continue
        wanted = {
            "full_name": built.full_name,
            "email": built.email or user.email or None,
            "position": built.position,
            "village_id": built.village_id,
            "cooperative_id": cooperative.pk,
        }
        if all(getattr(user, name) == value for name, value in wanted.items()):
            outcome.unchanged += 1
        else:
            for name, value in wanted.items():
                setattr(user, name, value)
            changed.append(user)
        outcome.user_ids.append(user.pk)
    participants_create(users=new_users)
    participants_update(users=changed, fields=UPDATABLE)
    outcome.created = len(new_users)
    outcome.updated = len(changed)
    outcome.user_ids.extend(u.pk for u in new_users)
    if cohort is not None:
        outcome.enrolled = cohort_enroll(
            cohort=cohort, users=User.objects.filter(pk__in=outcome.user_ids)
        )
    return outcome


# Written rows from which the planner's statistics are refreshed after an import.
ANALYZE_AFTER = 200


def statistics_refresh() -> None:
    """ANALYZE the tables a bulk import writes, so the planner knows the new rows
    at once (autovacuum would take minutes, and filtering a cohort of thousands
    fresh enrolments took 1.5 s meanwhile). PostgreSQL only."""
    if connection.vendor != "postgresql":
        return
    tables = [
        User._meta.db_table,
        Cooperative._meta.db_table,
        Cooperative.villages.through._meta.db_table,
        Enrollment._meta.db_table,
    ]
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in tables)
            )
    except DatabaseError:  # the import is done; the planner catches up later
        logger.exception("ANALYZE after an import failed")


def programme_import_create(
    *, officer: User, uploaded_file, cohort: Cohort | None = None
) -> ProgrammeImport:
    """Store the upload and owe its import to a worker, in one transaction."""
    if not scoping.person_can(officer).run_programmes:
        raise PermissionError
    with transaction.atomic():
        job = ProgrammeImport(
            uploaded_by=officer,
            original_name=uploaded_file.name[:255],
            cohort=cohort,
        )
        job.file.save(uploaded_file.name, uploaded_file, save=False)
        job.save()
        work_owe(
            task="lms.dinas.tasks.programme_import_task",
            kwargs={"import_id": job.pk},
            key=f"dinas-import:{job.pk}",
        )
    return job


def programme_import_run(*, import_id: int) -> ProgrammeImport:
    """Import one upload; safe to run twice, and to run again after a worker died.

    One worker at a time holds the job (`job_claim`); the rows and the job's
    "done" commit together, so a run that dies before the end leaves nothing
    behind and the next delivery starts again. Raises JobBusy while another
    worker holds it."""
    if not job_claim(ProgrammeImport, pk=import_id):
        job = ProgrammeImport.objects.get(pk=import_id)
        if job.status == JobStatus.DONE:
            return job
        raise JobBusy(import_id)
    job = ProgrammeImport.objects.select_related("uploaded_by", "cohort").get(
        pk=import_id
    )
    jobs = ProgrammeImport.objects.filter(pk=job.pk)
    try:
        jobs.update(stage=ImportStage.READING, error="")
        with job.file.open("rb") as f:
            data = f.read()
        rows = read_rows(data)
        jobs.update(stage=ImportStage.CHECKING, total_rows=len(rows), processed_rows=0)

        def progress(done: int) -> None:
            jobs.update(processed_rows=done)

        good, refused = programme_rows_validate(
            rows=rows, officer=job.uploaded_by, on_progress=progress
        )
        good, existing = _database_conflicts(
            good=good, officer=job.uploaded_by, refused=refused
        )
        # Its own stage: the page says the rows are checked and what is written now.
        jobs.update(
            stage=ImportStage.ENROLLING if job.cohort_id else ImportStage.SAVING,
            processed_rows=len(rows),
            good_rows=len(good),
        )
        with transaction.atomic():
            outcome = programme_rows_apply(
                good=good,
                existing=existing,
                officer=job.uploaded_by,
                cohort=job.cohort,
            )
            refused = sorted(refused + outcome.refused, key=lambda r: r["line"])
            jobs.update(
                status=JobStatus.DONE,
                processed_rows=len(rows),
                created_count=outcome.created,
                updated_count=outcome.updated,
                unchanged_count=outcome.unchanged,
                refused_count=len(refused),
                enrolled_count=outcome.enrolled,
                refused_rows=refused,
                participant_ids=sorted(outcome.user_ids),
                finished_at=timezone.now(),
            )
        if outcome.created + outcome.updated + outcome.enrolled >= ANALYZE_AFTER:
            statistics_refresh()
    except FileRefused as exc:
        jobs.update(status=JobStatus.FAILED, error=str(exc), finished_at=timezone.now())
    except Exception:
        logger.exception("programme import %s failed", job.pk)
        jobs.update(
            status=JobStatus.FAILED,
            error=_("Terjadi kesalahan saat mengimpor; tidak ada data yang disimpan."),
            finished_at=timezone.now(),
        )
        raise
    job.refresh_from_db()
    return job


@transaction.atomic
def import_enroll(*, officer: User, job: ProgrammeImport, cohort: Cohort) -> int:
    """Enrol the participants of a finished import into a cohort the officer may
    use; returns how many were newly enrolled in it (in bulk, seconds for
    thousands)."""
    if not Cohort.objects.filter(scoping.officer_cohorts_q(officer), pk=cohort.pk):
        raise ValidationError(_("Angkatan ini tidak dapat Anda gunakan."))
    if job.status != JobStatus.DONE:
        raise ValidationError(_("Impor belum selesai."))
    people = scoping.visible_participants(officer).filter(pk__in=job.participant_ids)
    enrolled = cohort_enroll(cohort=cohort, users=people)
    ProgrammeImport.objects.filter(pk=job.pk).update(
        cohort=cohort, enrolled_count=enrolled
    )
    return enrolled


# ---------------------------------------------------------------- API tokens


@transaction.atomic
def api_token_create(*, user: User) -> Token:
    """A new API token for the person (replacing any they had)."""
    if not scoping.person_can(user).run_programmes:
        raise PermissionError
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)


def api_token_revoke(*, user: User) -> None:
    Token.objects.filter(user=user).delete()


# ---------------------------------------------------------------- cohorts


def cohort_save(*, officer: User, cohort: Cohort) -> Cohort:
    """Create or update a cohort run by the officer's region: it is held in their
    province or regency (the officer's scope root), whatever the form said."""
    if not scoping.person_can(officer).run_programmes:
        raise PermissionError
    root = scoping.scope_root(officer)
    if (
        cohort.pk
        and not Cohort.objects.filter(
            scoping.officer_cohorts_q(officer, own=True), pk=cohort.pk
        ).exists()
    ):
        raise PermissionError
    if codes.is_code(root) and codes.level_of(root) == codes.REGENCY:
        cohort.regency_id, cohort.province_id = root, codes.province_of(root)
    elif codes.is_code(root) and codes.level_of(root) == codes.PROVINCE:
        cohort.regency_id, cohort.province_id = None, root
    cohort.full_clean()
    cohort.save()
    return cohort


# ---------------------------------------------------------------- assistants


@transaction.atomic
def assistant_villages_assign(
    *, officer: User, assistant: User, village_codes: list[str]
) -> int:
    """Give a business assistant villages of the officer's region; returns how many."""
    if not scoping.person_can(assistant).accompany_villages:
        raise ValidationError(_("Pengguna ini bukan business assistant."))
    wanted = {codes.village_code_normalize(c) for c in village_codes if c.strip()}
    villages = list(scoping.visible_villages(officer).filter(code__in=wanted))
    outside = wanted - {v.code for v in villages}
    if outside:
        raise ValidationError(
            _("Desa di luar wilayah Anda atau tidak dikenal: %(codes)s")
            % {"codes": ", ".join(sorted(outside))}
        )
    assistant.assigned_villages.add(*villages)
    return len(villages)


@transaction.atomic
def assistant_villages_unassign(
    *, officer: User, assistant: User, village_codes: list[str]
) -> int:
    """Take villages of the officer's region from an assistant; returns how many."""
    villages = list(
        scoping.visible_villages(officer).filter(
            code__in=[codes.village_code_normalize(c) for c in village_codes]
        )
    )
    assistant.assigned_villages.remove(*villages)
    return len(villages)


# ---------------------------------------------------------------- exports


FULL_PHONE_REASON_MIN = 10


def full_phone_export_record(
    *, user: User, table: str, code: str, reason: str
) -> FullPhoneExport:
    """Record why someone downloads full phone numbers; refuses without a reason."""
    reason = " ".join(reason.split())
    if len(reason) < FULL_PHONE_REASON_MIN:
        raise ValidationError(
            _(
                "Tuliskan alasan mengunduh nomor HP lengkap (minimal %(n)s huruf), "
                'misalnya "menelepon peserta yang belum mulai".'
            )
            % {"n": FULL_PHONE_REASON_MIN}
        )
    return FullPhoneExport.objects.create(
        user=user, table=table, region=code, reason=reason[:300]
    )


def export_job_create(
    *, user: User, table: str, file_format: str, params: dict
) -> ExportJob:
    """Record an export and owe its building to a worker, in one transaction."""
    if table not in TABLES or file_format not in ("csv", "xlsx"):
        raise ValidationError(_("Jenis unduhan tidak dikenal."))
    with transaction.atomic():
        job = ExportJob.objects.create(
            requested_by=user, table=table, file_format=file_format, params=params
        )
        work_owe(
            task="lms.dinas.tasks.export_build_task",
            kwargs={"job_id": job.pk},
            key=f"dinas-export:{job.pk}",
        )
    return job


def export_job_build(*, job_id: int) -> ExportJob:
    """Build the file of an export job; safe to run twice, and again after a
    worker died (the file is written under the job's own name, replacing any left
    by a run that did not finish). Raises JobBusy while another worker holds it."""
    if not job_claim(ExportJob, pk=job_id):
        job = ExportJob.objects.get(pk=job_id)
        if job.status == JobStatus.DONE:
            return job
        raise JobBusy(job_id)
    job = ExportJob.objects.select_related("requested_by").get(pk=job_id)
    try:
        data, rows = export_bytes(
            user=job.requested_by,
            table=job.table,
            file_format=job.file_format,
            params=job.params,
        )
        name = f"{job.table}-{job.pk}.{job.file_format}"
        storage = job.file.storage
        left = job.file.field.generate_filename(job, name)
        if storage.exists(left):
            storage.delete(left)
        job.file.save(name, ContentFile(data), save=False)
        job.status = JobStatus.DONE
        job.rows = rows
        job.error = ""
        job.finished_at = timezone.now()
        job.save(update_fields=["file", "status", "rows", "error", "finished_at"])
    except Exception:
        logger.exception("export %s failed", job.pk)
        ExportJob.objects.filter(pk=job.pk).update(
            status=JobStatus.FAILED, error=_("Gagal membuat berkas unduhan.")
        )
        raise
    return job
