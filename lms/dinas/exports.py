"""Every dashboard table as CSV or XLSX, built from the same selectors as the pages."""

import csv
import io
from collections.abc import Iterator

from openpyxl import Workbook

from django.utils.translation import gettext as _

from courses.models import CoursePage, Enrollment
from lms import scoping
from lms.models import Role, User
from lms.regions import codes

from . import selectors
from .selectors import Filters
from .selectors.filters import region_rows_q

# Exports of these tables at province level or wider are built in Celery.
BIG_TABLES = {"participants"}


def is_big(*, table: str, code: str) -> bool:
    """Whether the export of `table` for region `code` is built in the background."""
    return table in BIG_TABLES and codes.level_of(code) <= codes.PROVINCE


def _region_rows(*, user: User, code: str, filters: Filters) -> Iterator[list]:
    yield [
        _("Kode"),
        _("Wilayah"),
        _("Desa/kelurahan"),
        _("Koperasi"),
        _("Peserta terdaftar"),
        _("Terdaftar kursus"),
        _("Mulai belajar"),
        _("Selesai"),
        _("Bersertifikat"),
        _("Desa tuntas"),
        _("Penyelesaian (%)"),
        _("Cakupan desa (%)"),
    ]
    table = selectors.region_table(user=user, code=code, filters=filters)
    for row in [*table["rows"], table["total"]]:
        yield [
            row["code"],
            row["name"],
            row["villages"],
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


def _not_started_rows(*, user: User, code: str, filters: Filters) -> Iterator[list]:
    yield [
        _("Kode desa"),
        _("Desa/kelurahan"),
        _("Kecamatan"),
        _("Kabupaten/kota"),
        _("Peserta terdaftar"),
    ]
    villages = selectors.villages_not_started(user=user, code=code, filters=filters)
    for village in villages.iterator(chunk_size=2000):
        yield [
            village.code,
            village.name,
            village.district.name,
            village.regency.name,
            village.participant_count,
        ]


def _participant_rows(*, user: User, code: str, filters: Filters) -> Iterator[list]:
    courses = CoursePage.objects.order_by("path")
    if filters.course_ids is not None:
        courses = courses.filter(pk__in=filters.course_ids)
    courses = list(courses.values_list("pk", "title"))
    status_names = {k: str(v) for k, v in Enrollment.Status.choices}
    statuses: dict[int, dict[int, str]] = {}
    for user_id, course_id, status in (
        selectors.scoped_enrollments(user=user, code=code, filters=filters)
        .values_list("user_id", "course_id", "status")
        .iterator(chunk_size=5000)
    ):
        statuses.setdefault(user_id, {})[course_id] = status
    yield [
        _("Nama"),
        _("Jabatan"),
        _("Koperasi"),
        _("Kode desa"),
        _("Desa/kelurahan"),
        _("Kecamatan"),
        _("Kabupaten/kota"),
        _("Nomor HP"),
        _("Email"),
        *[title for _pk, title in courses],
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
    for pk, *values in people.iterator(chunk_size=5000):
        mine = statuses.get(pk, {})
        yield [
            *(v or "" for v in values),
            *[status_names.get(mine.get(course_pk), "") for course_pk, _t in courses],
        ]


TABLES = {
    "regions": _region_rows,
    "not_started": _not_started_rows,
    "participants": _participant_rows,
}
TITLES = {
    "regions": "rekap-wilayah",
    "not_started": "desa-belum-mulai",
    "participants": "peserta",
}


def _csv(rows: Iterator[list]) -> tuple[bytes, int]:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    count = -1
    for row in rows:
        writer.writerow(row)
        count += 1
    return out.getvalue().encode("utf-8"), max(0, count)


def _xlsx(rows: Iterator[list], title: str) -> tuple[bytes, int]:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    count = -1
    for row in rows:
        sheet.append(row)
        count += 1
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue(), max(0, count)


def export_bytes(
    *, user: User, table: str, file_format: str, params: dict
) -> tuple[bytes, int]:
    """The file's bytes and its number of data rows."""
    code = params.get("code", "")
    if not scoping.can_see_region(user, code):
        raise PermissionError
    filters = Filters.from_params(params.get("filters", {}))
    rows = TABLES[table](user=user, code=code, filters=filters)
    if file_format == "xlsx":
        return _xlsx(rows, TITLES[table])
    return _csv(rows)


def refused_rows_bytes(refused: list[dict], file_format: str) -> bytes:
    """The refused rows of an import, one line per problem, with the reason."""

    def rows():
        yield [_("Baris"), _("Kolom"), _("Nilai"), _("Alasan")]
        for entry in refused:
            for problem in entry["problems"]:
                yield [
                    entry["line"],
                    problem["field"],
                    problem["value"],
                    problem["reason"],
                ]

    if file_format == "xlsx":
        return _xlsx(rows(), "ditolak")[0]
    return _csv(rows())[0]
