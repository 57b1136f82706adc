"""Every dashboard table as CSV or XLSX, built from the same selectors as the pages,
written by `lms.spreadsheets` (formula-safe cells, semicolon CSV with a BOM, report-
ready sheets)."""

from django.utils.translation import gettext as _

from courses.models import Cohort, CoursePage, Enrollment
from lms import scoping
from lms.models import Position, Role, User
from lms.phones import phone_masked
from lms.regions import codes
from lms.spreadsheets import (
    DATE,
    NUMBER,
    PERCENT,
    Column,
    Table,
    csv_bytes,
    stamp,
    xlsx_bytes,
)

from . import selectors
from .selectors import Filters
from .selectors.filters import region_rows_q

# Exports of these tables at province level or wider are built in Celery.
BIG_TABLES = {"participants"}


def is_big(*, table: str, code: str) -> bool:
    """Whether the export of `table` for region `code` is built in the background."""
    return table in BIG_TABLES and codes.level_of(code) <= codes.PROVINCE


def describe_filters(*, code: str, filters: Filters) -> str:
    """The filters of an export in words, for the line under the stamp."""
    parts = [_("Wilayah: %(name)s") % {"name": selectors.region_name(code)}]
    if filters.course_ids is not None:
        titles = CoursePage.objects.filter(pk__in=filters.course_ids).values_list(
            "title", flat=True
        )
        parts.append(_("Kursus: %(names)s") % {"names": ", ".join(titles) or "-"})
    else:
        parts.append(_("Kursus: semua"))
    if filters.cohort_id:
        cohort = Cohort.objects.filter(pk=filters.cohort_id).first()
        parts.append(_("Angkatan: %(name)s") % {"name": cohort or "-"})
    if filters.since or filters.until:
        parts.append(
            _("Periode: %(since)s s.d. %(until)s")
            % {
                "since": filters.since.strftime("%d/%m/%Y") if filters.since else "…",
                "until": filters.until.strftime("%d/%m/%Y") if filters.until else "…",
            }
        )
    return " · ".join(parts)


def _region_table(*, user: User, code: str, filters: Filters, **_kw) -> Table:
    if codes.level_of(code) == codes.VILLAGE:
        return _village_table(user=user, code=code, filters=filters)
    table = selectors.region_table(user=user, code=code, filters=filters)
    columns = [
        Column(_("Kode"), width=14),
        Column(_("Wilayah"), width=30),
        Column(_("Desa/kelurahan (semua)"), NUMBER),
        Column(_("Desa terjangkau (ada peserta)"), NUMBER),
        Column(_("Koperasi"), NUMBER),
        Column(_("Peserta terdaftar"), NUMBER),
        Column(_("Terdaftar kursus"), NUMBER),
        Column(_("Mulai belajar"), NUMBER),
        Column(_("Selesai"), NUMBER),
        Column(_("Bersertifikat"), NUMBER),
        Column(_("Desa tuntas"), NUMBER),
        Column(_("Penyelesaian"), PERCENT),
        Column(_("Cakupan desa"), PERCENT),
    ]
    rows = (
        [
            row["code"] or "",
            row["name"],
            row["villages"],
            row.get("reached", ""),
            row["cooperatives"],
            row["participants"],
            row["enrolled"],
            row["started"],
            row["completed"],
            row["certified"],
            row["covered"],
            row["completion_percent"],
            row["coverage_percent"],
        ]
        for row in [*table["rows"], table["total"]]
    )
    return Table(_("Rekap wilayah"), columns, rows)


def _village_table(*, user: User, code: str, filters: Filters) -> Table:
    """A village has no child regions: its table is its cooperatives."""
    columns = [
        Column(_("Koperasi"), width=36),
        Column(_("Nomor badan hukum"), width=20),
        Column(_("Peserta"), NUMBER),
        Column(_("Terdaftar kursus"), NUMBER),
        Column(_("Mulai belajar"), NUMBER),
        Column(_("Selesai"), NUMBER),
        Column(_("Bersertifikat"), NUMBER),
    ]
    rows = (
        [
            r["cooperative"].name,
            r["cooperative"].legal_number or "",
            r["participants"],
            r["enrolled"],
            r["started"],
            r["completed"],
            r["certified"],
        ]
        for r in selectors.village_cooperatives(user=user, code=code, filters=filters)
    )
    return Table(_("Koperasi di desa"), columns, rows)


def _not_started_table(*, user: User, code: str, filters: Filters, **_kw) -> Table:
    columns = [
        Column(_("Kode desa"), width=16),
        Column(_("Desa/kelurahan"), width=26),
        Column(_("Kecamatan"), width=22),
        Column(_("Kabupaten/kota"), width=26),
        Column(_("Peserta terdaftar"), NUMBER),
    ]
    villages = selectors.villages_not_started(user=user, code=code, filters=filters)
    rows = (
        [
            village.code,
            village.name,
            village.district.name,
            village.regency.name,
            village.participant_count,
        ]
        for village in villages.iterator(chunk_size=2000)
    )
    return Table(_("Desa belum mulai"), columns, rows)


def _participant_table(
    *, user: User, code: str, filters: Filters, full_phones: bool = False
) -> Table:
    courses = CoursePage.objects.order_by("path")
    if filters.course_ids is not None:
        courses = courses.filter(pk__in=filters.course_ids)
    courses = list(courses.values_list("pk", "title"))
    status_names = {k: str(v) for k, v in Enrollment.Status.choices}
    facts: dict[int, dict[int, tuple]] = {}
    for user_id, course_id, *values in (
        selectors.scoped_enrollments(user=user, code=code, filters=filters)
        .values_list(
            "user_id",
            "course_id",
            "status",
            "enrolled_at",
            "started_at",
            "completed_at",
            "certificate__issued_at",
        )
        .iterator(chunk_size=5000)
    ):
        facts.setdefault(user_id, {})[course_id] = tuple(values)
    positions = dict(Position.choices)
    columns = [
        Column(_("Nama"), width=28),
        Column(_("Jabatan"), width=16),
        Column(_("Koperasi"), width=32),
        Column(_("Kode desa"), width=16),
        Column(_("Desa/kelurahan"), width=22),
        Column(_("Kecamatan"), width=20),
        Column(_("Kabupaten/kota"), width=24),
        Column(_("Nomor HP"), width=17),
        Column(_("Email"), width=26),
    ]
    for _pk, title in courses:
        columns += [
            Column(f"{title}: " + _("status"), width=16),
            Column(f"{title}: " + _("terdaftar"), DATE),
            Column(f"{title}: " + _("mulai belajar"), DATE),
            Column(f"{title}: " + _("selesai"), DATE),
            Column(f"{title}: " + _("sertifikat terbit"), DATE),
        ]
    people = (
        User.objects.filter(
            scoping.region_q(user, "village__code"),
            region_rows_q(code, field="village__code"),
            role=Role.PARTICIPANT,
        )
        .order_by("village_id", "full_name")
        .values_list(
            "pk",
            "full_name",
            "position",
            "cooperative__name",
            "village_id",
            "village__name",
            "village__district__name",
            "village__regency__name",
            "phone",
            "email",
        )
    )

    def rows():
        for pk, name, position, *values, phone, email in people.iterator(
            chunk_size=5000
        ):
            mine = facts.get(pk, {})
            row = [
                name,
                str(positions.get(position, position or "")),
                *(v or "" for v in values),
                (phone or "") if full_phones else phone_masked(phone),
                email or "",
            ]
            for course_pk, _title in courses:
                status, enrolled, started, completed, certified = mine.get(
                    course_pk, ("", None, None, None, None)
                )
                row += [
                    status_names.get(status, ""),
                    enrolled,
                    started,
                    completed,
                    certified,
                ]
            yield row

    return Table(_("Peserta"), columns, rows())


TABLES = {
    "regions": _region_table,
    "not_started": _not_started_table,
    "participants": _participant_table,
}
TITLES = {
    "regions": "rekap-wilayah",
    "not_started": "desa-belum-mulai",
    "participants": "peserta",
}


def export_bytes(
    *, user: User, table: str, file_format: str, params: dict
) -> tuple[bytes, int]:
    """The file's bytes and its number of data rows. The table carries the time
    the data was read ("Data per …") and its filters above the header; phones
    are masked unless `params["full_phones"]` (see `can_export_full_phones`)."""
    code = params.get("code", "")
    if not scoping.can_see_region(user, code):
        raise PermissionError
    full_phones = bool(params.get("full_phones")) and can_export_full_phones(user)
    filters = Filters.from_params(params.get("filters", {}))
    sheet = TABLES[table](
        user=user, code=code, filters=filters, full_phones=full_phones
    )
    sheet.notes = [stamp(), describe_filters(code=code, filters=filters)]
    if table == "participants":
        sheet.notes.append(
            _("Nomor HP lengkap (diminta dengan alasan tercatat).")
            if full_phones
            else _("Nomor HP disamarkan.")
        )
    if file_format == "xlsx":
        return xlsx_bytes(sheet)
    return csv_bytes(sheet)


def can_export_full_phones(user: User) -> bool:
    """Who may download participants' full phone numbers (with a reason that is
    recorded): the officers who run programmes and contact participants."""
    return scoping.person_can(user).run_programmes


def refused_rows_bytes(refused: list[dict], file_format: str) -> bytes:
    """The refused rows of an import, one line per problem, with the reason."""
    columns = [
        Column(_("Baris"), NUMBER, width=8),
        Column(_("Kolom"), width=18),
        Column(_("Nilai"), width=28),
        Column(_("Alasan"), width=60),
    ]
    rows = (
        [entry["line"], problem["field"], problem["value"], problem["reason"]]
        for entry in refused
        for problem in entry["problems"]
    )
    sheet = Table(_("Ditolak"), columns, rows)
    if file_format == "xlsx":
        return xlsx_bytes(sheet)[0]
    return csv_bytes(sheet)[0]
