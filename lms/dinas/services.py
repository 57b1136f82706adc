"""Writes of the Dinas programmes: bulk registration, assistants' villages, exports."""

import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import scoping
from lms.models import Cooperative, Position, Role, User, Village
from lms.models.regions import province_timezone
from lms.phones import normalize_phone

from . import counters
from .importing import FileRefused, Row, normalize_village_code, read_rows
from .models import ExportJob, JobStatus, ProgrammeImport
from .moves import counters_participant_moved

logger = logging.getLogger(__name__)

PROGRESS_EVERY = 500
_CHUNK = 900  # under SQLite's limit on query parameters


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
    full_name: str
    phone: str
    email: str
    position: str
    cooperative_name: str
    legal_number: str
    village: dict  # {"code", "district_id", "regency_id", "province_id"}


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


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _position(raw: str) -> str | None:
    value = " ".join(raw.split()).casefold()
    return value if value in Position.values else None


def _villages(codes: set[str], officer: User) -> tuple[dict, set[str]]:
    """Known villages by code, and the codes the officer may register in."""
    known: dict[str, dict] = {}
    allowed: set[str] = set()
    codes_list = sorted(codes)
    for chunk in _chunks(codes_list):
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


def programme_rows_validate(
    *, rows: list[Row], officer: User, on_progress=None
) -> tuple[list[GoodRow], list[dict]]:
    """Check every row; return the good ones and, for the others, why they fail."""
    codes = {normalize_village_code(r.values["kode_desa"]) for r in rows}
    known, allowed = _villages(codes - {""}, officer)
    good: list[GoodRow] = []
    refused: list[dict] = []
    phone_lines: dict[str, int] = {}
    email_lines: dict[str, int] = {}
    for index, row in enumerate(rows, start=1):
        v = row.values
        problems: list[RowProblem] = []
        code = normalize_village_code(v["kode_desa"])
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
        name = " ".join(v["nama"].split())
        if not name:
            problems.append(
                RowProblem("nama", "", "name_empty", _("Nama wajib diisi."))
            )
        phone = ""
        try:
            phone = normalize_phone(v["nomor_hp"])
        except ValidationError:
            problems.append(
                RowProblem(
                    "nomor_hp",
                    v["nomor_hp"],
                    "phone_invalid",
                    _("Bukan nomor HP Indonesia yang valid."),
                )
            )
        position = _position(v["jabatan"])
        if position is None:
            problems.append(
                RowProblem(
                    "jabatan",
                    v["jabatan"],
                    "position_invalid",
                    _("Jabatan tidak diizinkan; pilih salah satu: %(choices)s.")
                    % {"choices": ", ".join(Position.values)},
                )
            )
        email = v["email"].strip().lower()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                problems.append(
                    RowProblem(
                        "email", v["email"], "email_invalid", _("Format email salah.")
                    )
                )
                email = ""
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
        if phone and phone in phone_lines:
            problems.append(
                RowProblem(
                    "nomor_hp",
                    v["nomor_hp"],
                    "phone_repeated",
                    _("Nomor HP sama dengan baris %(line)s.")
                    % {"line": phone_lines[phone]},
                )
            )
        if email and email in email_lines:
            problems.append(
                RowProblem(
                    "email",
                    v["email"],
                    "email_repeated",
                    _("Email sama dengan baris %(line)s.")
                    % {"line": email_lines[email]},
                )
            )
        if phone:
            phone_lines.setdefault(phone, row.line)
        if email:
            email_lines.setdefault(email, row.line)
        if problems:
            refused.append(
                {"line": row.line, "problems": [p.__dict__ for p in problems]}
            )
        else:
            good.append(
                GoodRow(
                    line=row.line,
                    full_name=name,
                    phone=phone,
                    email=email,
                    position=position,
                    cooperative_name=cooperative_name,
                    legal_number=v["nomor_badan_hukum"].strip(),
                    village=known[code],
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
                    "nomor_hp",
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
                    "email",
                    row.email,
                    "email_taken",
                    _("Email sudah dipakai akun lain."),
                ),
            )
            continue
        kept.append(row)
    return kept, by_phone


def _cooperatives(*, good: list[GoodRow]) -> dict[int, Cooperative]:
    """The cooperative of each good row (by line), created when new.

    A cooperative is its legal number when given, else its name within a district:
    merged villages of one kecamatan that share a cooperative list the same name
    with their own village codes, and the cooperative serves both villages (its
    home village is the first one seen).
    """
    districts = sorted({r.village["district_id"] for r in good})
    by_name: dict[tuple[str, str], Cooperative] = {}
    for chunk in _chunks(districts):
        for coop in Cooperative.objects.filter(
            home_village__district_id__in=chunk
        ).select_related("home_village"):
            by_name.setdefault(
                (coop.home_village.district_id, _name_key(coop.name)), coop
            )
    legal_numbers = sorted({r.legal_number for r in good if r.legal_number})
    by_number: dict[str, Cooperative] = {}
    for chunk in _chunks(legal_numbers):
        for coop in Cooperative.objects.filter(legal_number__in=chunk):
            by_number[coop.legal_number] = coop
    new: list[Cooperative] = []
    chosen: dict[int, Cooperative] = {}
    for row in good:
        key = (row.village["district_id"], _name_key(row.cooperative_name))
        coop = by_number.get(row.legal_number) if row.legal_number else None
        coop = coop or by_name.get(key)
        if coop is None:
            coop = Cooperative(
                name=row.cooperative_name,
                home_village_id=row.village["code"],
                legal_number=row.legal_number or None,
            )
            new.append(coop)
            by_name[key] = coop
            if row.legal_number:
                by_number[row.legal_number] = coop
        chosen[row.line] = coop
    Cooperative.objects.bulk_create(new, batch_size=500)
    # Every village a cooperative is named with is one it serves.
    links = {
        (coop.pk, good_row.village["code"])
        for good_row in good
        for coop in [chosen[good_row.line]]
    }
    links |= {(coop.pk, coop.home_village_id) for coop in new}
    through = Cooperative.villages.through
    known = {coop.pk for coop in chosen.values()} - {coop.pk for coop in new}
    existing_links: set[tuple[int, str]] = set()
    for chunk in _chunks(sorted(known)):
        existing_links.update(
            through.objects.filter(cooperative_id__in=chunk).values_list(
                "cooperative_id", "village_id"
            )
        )
    through.objects.bulk_create(
        [through(cooperative_id=c, village_id=v) for c, v in sorted(links)],
        batch_size=1000,
        ignore_conflicts=True,
    )
    counters.counters_registrations_moved(
        cooperatives=Counter(coop.home_village_id for coop in new)
    )
    counters.counters_cooperative_villages_added(links=links - existing_links)
    return chosen


UPDATABLE = ("full_name", "email", "position", "village_id", "cooperative_id")


@transaction.atomic
def programme_rows_apply(
    *, good: list[GoodRow], existing: dict[str, User], cohort=None
) -> ImportOutcome:
    """Create or update the participants and their cooperatives; all or nothing."""
    outcome = ImportOutcome()
    chosen = _cooperatives(good=good)
    moved: Counter[str] = Counter()  # participants gained (lost) per village
    relocated: list[tuple[int, str | None, int | None]] = []  # pk, old village, coop
    new_users: list[User] = []
    changed: list[User] = []
    for row in good:
        coop = chosen[row.line]
        user = existing.get(row.phone)
        wanted = {
            "full_name": row.full_name,
            "email": row.email or (user.email if user else None) or None,
            "position": row.position,
            "village_id": row.village["code"],
            "cooperative_id": coop.pk,
        }
        if user is None:
            new_users.append(
                User(
                    phone=row.phone,
                    role=Role.PARTICIPANT,
                    timezone=province_timezone(row.village["province_id"]),
                    password=make_password(None),
                    **wanted,
                )
            )
            continue
        if all(getattr(user, name) == value for name, value in wanted.items()):
            outcome.unchanged += 1
        else:
            if user.village_id != wanted["village_id"]:
                moved[user.village_id] -= 1
                moved[wanted["village_id"]] += 1
            if (user.village_id, user.cooperative_id) != (
                wanted["village_id"],
                wanted["cooperative_id"],
            ):
                relocated.append((user.pk, user.village_id, user.cooperative_id))
            for name, value in wanted.items():
                setattr(user, name, value)
            changed.append(user)
        outcome.user_ids.append(user.pk)
    User.objects.bulk_create(new_users, batch_size=500)
    User.objects.bulk_update(changed, UPDATABLE, batch_size=500)
    moved.update(user.village_id for user in new_users)
    counters.counters_registrations_moved(participants=moved)
    now_at = {user.pk: (user.village_id, user.cooperative_id) for user in changed}
    for pk, old_village, old_cooperative in relocated:
        counters_participant_moved(
            user_id=pk,
            old_village=old_village,
            new_village=now_at[pk][0],
            old_cooperative=old_cooperative,
            new_cooperative=now_at[pk][1],
        )
    outcome.created = len(new_users)
    outcome.updated = len(changed)
    outcome.user_ids.extend(u.pk for u in new_users)
    if cohort is not None:
        from courses.services import cohort_enroll

        outcome.enrolled = cohort_enroll(
            cohort=cohort, users=User.objects.filter(pk__in=outcome.user_ids)
        )
    return outcome


def programme_import_create(
    *, officer: User, uploaded_file, cohort=None
) -> ProgrammeImport:
    """Store the upload and ask Celery to import it after this transaction commits."""
    if not scoping.can_monitor_regions(officer) or officer.role == Role.ASSISTANT:
        raise PermissionError
    with transaction.atomic():
        job = ProgrammeImport(
            uploaded_by=officer,
            original_name=uploaded_file.name[:255],
            cohort=cohort,
        )
        job.file.save(uploaded_file.name, uploaded_file, save=False)
        job.save()
        from .tasks import programme_import_task

        job_id = job.pk
        transaction.on_commit(lambda: programme_import_task.delay(job_id))
    return job


def programme_import_run(*, import_id: int) -> ProgrammeImport:
    """Import one upload; safe to run twice (a finished import is left alone)."""
    job = ProgrammeImport.objects.select_related("uploaded_by", "cohort").get(
        pk=import_id
    )
    if job.status == JobStatus.DONE:
        return job
    ProgrammeImport.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)
    try:
        with job.file.open("rb") as f:
            data = f.read()
        rows = read_rows(data)
        ProgrammeImport.objects.filter(pk=job.pk).update(total_rows=len(rows))

        def progress(done: int) -> None:
            ProgrammeImport.objects.filter(pk=job.pk).update(processed_rows=done)

        good, refused = programme_rows_validate(
            rows=rows, officer=job.uploaded_by, on_progress=progress
        )
        good, existing = _database_conflicts(
            good=good, officer=job.uploaded_by, refused=refused
        )
        outcome = programme_rows_apply(good=good, existing=existing, cohort=job.cohort)
    except FileRefused as exc:
        ProgrammeImport.objects.filter(pk=job.pk).update(
            status=JobStatus.FAILED, error=str(exc), finished_at=timezone.now()
        )
        job.refresh_from_db()
        return job
    except Exception:
        logger.exception("programme import %s failed", job.pk)
        ProgrammeImport.objects.filter(pk=job.pk).update(
            status=JobStatus.FAILED,
            error=_("Terjadi kesalahan saat mengimpor; tidak ada data yang disimpan."),
            finished_at=timezone.now(),
        )
        raise
    refused.sort(key=lambda r: r["line"])
    ProgrammeImport.objects.filter(pk=job.pk).update(
        status=JobStatus.DONE,
        processed_rows=len(rows),
        created_count=outcome.created,
        updated_count=outcome.updated,
        unchanged_count=outcome.unchanged,
        refused_count=len(refused),
        enrolled_count=outcome.enrolled,
        refused_rows=refused,
        finished_at=timezone.now(),
    )
    job.refresh_from_db()
    return job


# ---------------------------------------------------------------- assistants


@transaction.atomic
def assistant_villages_assign(
    *, officer: User, assistant: User, village_codes: list[str]
) -> int:
    """Give a business assistant villages of the officer's region; returns how many."""
    if assistant.role != Role.ASSISTANT:
        raise ValidationError(_("Pengguna ini bukan business assistant."))
    codes = {normalize_village_code(c) for c in village_codes if c.strip()}
    villages = list(scoping.visible_villages(officer).filter(code__in=codes))
    outside = codes - {v.code for v in villages}
    if outside:
        raise ValidationError(
            _("Desa di luar wilayah Anda atau tidak dikenal: %(codes)s")
            % {"codes": ", ".join(sorted(outside))}
        )
    assistant.assigned_villages.add(*villages)
    return len(villages)


# ---------------------------------------------------------------- exports


def export_job_create(
    *, user: User, table: str, file_format: str, params: dict
) -> ExportJob:
    from .exports import TABLES

    if table not in TABLES or file_format not in ("csv", "xlsx"):
        raise ValidationError(_("Jenis unduhan tidak dikenal."))
    with transaction.atomic():
        job = ExportJob.objects.create(
            requested_by=user, table=table, file_format=file_format, params=params
        )
        from .tasks import export_build_task

        job_id = job.pk
        transaction.on_commit(lambda: export_build_task.delay(job_id))
    return job


def export_job_build(*, job_id: int) -> ExportJob:
    """Build the file of an export job; a finished job is left alone."""
    from .exports import export_bytes

    job = ExportJob.objects.select_related("requested_by").get(pk=job_id)
    if job.status == JobStatus.DONE:
        return job
    ExportJob.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)
    try:
        data, rows = export_bytes(
            user=job.requested_by,
            table=job.table,
            file_format=job.file_format,
            params=job.params,
        )
    except Exception:
        logger.exception("export %s failed", job.pk)
        ExportJob.objects.filter(pk=job.pk).update(
            status=JobStatus.FAILED, error=_("Gagal membuat berkas unduhan.")
        )
        raise
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    job.file.save(f"{job.table}-{stamp}.{job.file_format}", ContentFile(data), False)
    job.status = JobStatus.DONE
    job.rows = rows
    job.finished_at = timezone.now()
    job.save(update_fields=["file", "status", "rows", "finished_at"])
    return job
