"""Importing a programme's participant list: the Kalimantan Selatan file and the shapes
spreadsheets really produce."""

import csv
import io

import pytest
from openpyxl import Workbook

from lms.dinas.importing import read_rows
from lms.dinas.reconcile import counters_differences
from lms.dinas.services import (
    _database_conflicts,
    programme_rows_apply,
    programme_rows_validate,
)
from lms.models import Cooperative, Role, User

# The reasons of the faults file, as the importer's codes.
WHY_TO_CODE = {
    "village code does not exist": "village_unknown",
    "village is outside": "village_outside",
    "not a valid Indonesian mobile number": "phone_invalid",
    "name is empty": "name_empty",
    "position is not one of the allowed positions": "position_invalid",
    "email is malformed": "email_invalid",
    "phone number repeats row": "phone_repeated",
}


def _import(data: bytes, officer):
    rows = read_rows(data)
    good, refused = programme_rows_validate(rows=rows, officer=officer)
    good, existing = _database_conflicts(good=good, officer=officer, refused=refused)
    outcome = programme_rows_apply(good=good, existing=existing, officer=officer)
    refused.sort(key=lambda r: r["line"])
    return rows, outcome, refused


def _faults(shared_dir):
    path = shared_dir / "data" / "programme" / "kalsel-peserta-faults.csv"
    faults = {}
    for row in csv.DictReader(path.open(encoding="utf-8")):
        code = next(c for why, c in WHY_TO_CODE.items() if row["why"].startswith(why))
        faults[int(row["line"])] = (code, row)
    return faults


@pytest.mark.django_db
def test_the_kalsel_file_imports_refusing_exactly_its_faulty_rows(
    shared_dir, province_officer, kaltim_regions
):
    data = (shared_dir / "data" / "programme" / "kalsel-peserta.csv").read_bytes()
    rows, outcome, refused = _import(data, province_officer)
    assert len(rows) == 6039
    faults = _faults(shared_dir)
    got = {r["line"]: r["problems"][0]["code"] for r in refused}
    assert len(got) == len(faults) == 32
    # A repeated phone is refused on the later of the two rows: the first row that
    # uses a number keeps it. The faults file names the copy, which in one case
    # (line 32 copying line 403) comes first; either row of a pair may go, not both.
    repeats = {
        line: int(row["why"].rsplit(" ", 1)[1])
        for line, (code, row) in faults.items()
        if code == "phone_repeated"
    }
    for line, (code, _row) in faults.items():
        if code == "phone_repeated":
            pair = {line, repeats[line]}
            assert len(pair & set(got)) == 1
            assert got[max(pair)] == "phone_repeated"
        else:
            assert got[line] == code, line
    good = 6039 - 32
    assert outcome.created == good
    assert User.objects.filter(role=Role.PARTICIPANT).count() == good
    assert Cooperative.objects.count() == 2013


@pytest.mark.django_db
def test_importing_the_same_file_twice_changes_nothing(
    shared_dir, province_officer, kaltim_regions
):
    data = (shared_dir / "data" / "programme" / "kalsel-peserta.csv").read_bytes()
    _import(data, province_officer)
    snapshot = sorted(
        User.objects.filter(role=Role.PARTICIPANT).values_list(
            "phone", "full_name", "email", "position", "village_id", "cooperative_id"
        )
    )
    coops = Cooperative.objects.count()
    _rows, outcome, refused = _import(data, province_officer)
    assert (outcome.created, outcome.updated) == (0, 0)
    assert outcome.unchanged == 6039 - 32
    assert len(refused) == 32
    assert Cooperative.objects.count() == coops
    # The per-village tallies moved with the first import, not the second.
    assert counters_differences() == []
    assert snapshot == sorted(
        User.objects.filter(role=Role.PARTICIPANT).values_list(
            "phone", "full_name", "email", "position", "village_id", "cooperative_id"
        )
    )


HEADERS = ["Nama Lengkap", "No. HP", "E-mail", "Jabatan", "Nama Koperasi", "Kode Desa"]
ROWS = [
    [
        "Siti Aminah",
        "0812-3456-7890",
        "siti@contoh.id",
        "Bendahara",
        "KDMP Sungai",
        "63.03.01.2001",
    ],
    ["Budi Santoso", "+62 813 1111 2222", "", "ketua", "KDMP Sungai", "63.03.01.2001"],
]


def test_a_semicolon_csv_with_bom_crlf_and_human_headers_is_read():
    text = "\r\n".join(";".join(r) for r in [HEADERS, *ROWS]) + "\r\n"
    rows = read_rows(("\ufeff" + text).encode("utf-8"))
    assert [r.line for r in rows] == [2, 3]
    assert rows[0].values["nama"] == "Siti Aminah"
    assert rows[0].values["nomor_hp"] == "0812-3456-7890"
    assert rows[1].values["kode_desa"] == "63.03.01.2001"


def test_an_xlsx_file_is_read():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    rows = read_rows(out.getvalue())
    assert rows[1].values["nomor_hp"] == "+62 813 1111 2222"
    assert rows[0].values["email"] == "siti@contoh.id"


def test_a_file_without_the_required_columns_is_refused_with_a_reason():
    from lms.dinas.importing import FileRefused

    with pytest.raises(FileRefused, match="Kolom wajib"):
        read_rows(b"nama,telepon\nSiti,0812\n")


@pytest.mark.django_db
def test_a_regency_officer_cannot_register_people_in_another_regency(banjar_officer):
    text = "\n".join(
        ",".join(r)
        for r in [
            HEADERS,
            ["A", "081211112222", "", "ketua", "K", "63.03.01.2001"],
            ["B", "081211113333", "", "ketua", "K2", "63.01.01.2001"],
        ]
    )
    _rows, outcome, refused = _import(text.encode(), banjar_officer)
    assert outcome.created == 1
    assert [(r["line"], r["problems"][0]["code"]) for r in refused] == [
        (3, "village_outside")
    ]


@pytest.mark.django_db
def test_a_phone_or_email_of_someone_else_in_the_database_is_refused(
    province_officer,
):
    from lms.factories import UserFactory

    UserFactory(email="ada@contoh.id", phone="+6281299998888", role=Role.INSTRUCTOR)
    text = "\n".join(
        ",".join(r)
        for r in [
            HEADERS,
            ["A", "081299998888", "", "ketua", "K", "63.03.01.2001"],
            ["B", "081211113333", "ada@contoh.id", "ketua", "K", "63.03.01.2001"],
        ]
    )
    _rows, outcome, refused = _import(text.encode(), province_officer)
    assert outcome.created == 0
    assert [r["problems"][0]["code"] for r in refused] == ["phone_taken", "email_taken"]


@pytest.mark.django_db
def test_villages_of_one_district_naming_the_same_cooperative_share_it(
    province_officer,
):
    text = "\n".join(
        ",".join(r)
        for r in [
            HEADERS,
            ["A", "081211112222", "", "ketua", "KDMP Gabungan", "63.03.01.2001"],
            ["B", "081211113333", "", "bendahara", "KDMP Gabungan", "63.03.01.2002"],
            ["C", "081211114444", "", "ketua", "KDMP Gabungan", "63.01.01.2001"],
        ]
    )
    _import(text.encode(), province_officer)
    shared = Cooperative.objects.get(home_village_id="63.03.01.2001")
    assert sorted(shared.villages.values_list("code", flat=True)) == [
        "63.03.01.2001",
        "63.03.01.2002",
    ]
    assert User.objects.get(full_name="B").cooperative == shared
    assert User.objects.get(full_name="C").cooperative != shared


@pytest.mark.django_db
def test_a_row_the_participant_rules_refuse_is_refused_with_its_reason(
    province_officer,
):
    """Settled: the import validates each participant with the same function as
    self-registration (`lms.services.participant_build`); a name too long for the
    model used to stop the whole import with a database error."""
    text = "\n".join(
        ",".join(r)
        for r in [
            HEADERS,
            ["N" * 151, "081211112222", "", "ketua", "K", "63.03.01.2001"],
            ["Budi", "081211113333", "", "ketua", "K", "63.03.01.2001"],
        ]
    )
    _rows, outcome, refused = _import(text.encode(), province_officer)
    assert outcome.created == 1
    assert [(r["line"], r["problems"][0]["code"]) for r in refused] == [
        (2, "name_invalid")
    ]
    assert refused[0]["problems"][0]["field"] == "nama"


@pytest.mark.django_db
def test_another_provinces_cooperative_number_is_refused_and_not_revealed(
    banjar_officer, kaltim_regions
):
    """Issue 12, item 5: matching by legal number never reaches outside the
    officer's scope."""
    from lms.models import Village
    from lms.services import cooperative_get_or_create

    kaltim_village = Village.objects.filter(province_id="64").first()
    other = cooperative_get_or_create(
        name="Koperasi Rahasia Kaltim", village=kaltim_village, legal_number="AHU-0064"
    )
    text = "\n".join(
        ",".join(r)
        for r in [
            [*HEADERS, "Nomor Badan Hukum"],
            ["A", "081211112222", "", "ketua", "KDMP A", "63.03.01.2001", "AHU-0064"],
            ["B", "081211113333", "", "ketua", "KDMP B", "63.03.01.2001", ""],
        ]
    )
    _rows, outcome, refused = _import(text.encode(), banjar_officer)
    refused += outcome.refused
    assert outcome.created == 1
    assert [(r["line"], r["problems"][0]["code"]) for r in refused] == [
        (2, "legal_number_taken")
    ]
    assert "Rahasia" not in str(refused)
    assert list(other.villages.all()) == [kaltim_village]
    assert not User.objects.filter(cooperative=other).exists()
    assert counters_differences() == []
