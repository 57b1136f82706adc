"""Exports a Dinas office can put in a report as they are, and that are safe to open:
formula-safe cells, a semicolon CSV with a BOM, a stamped and filtered sheet with
typed cells, masked phones unless full numbers are asked for with a reason."""

import csv
import io

import pytest
from openpyxl import load_workbook

from courses.services import enrollment_create
from lms.dinas.factories import registered_participant
from lms.dinas.models import FullPhoneExport
from lms.factories import AssistantFactory
from lms.models import Village
from lms.spreadsheets import Column, Table, cell_safe, csv_bytes, xlsx_bytes

VILLAGE = "63.03.01.2001"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_starting_like_a_formula_is_written_as_text(start):
    """Issue 12: formula injection (OWASP) is neutralised in CSV and XLSX."""
    value = f"{start}HYPERLINK(1)"
    assert cell_safe(value) == "'" + value
    table = Table("T", [Column("Nama")], [[value]])
    text = csv_bytes(table)[0].decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))[1] == [
        "'" + value
    ]
    sheet = load_workbook(io.BytesIO(xlsx_bytes(table)[0])).active
    cell = sheet["A2"]
    assert cell.data_type == "s" and cell.value.startswith("'" + start.strip())


@pytest.fixture
def participant(db, course):
    village = Village.objects.get(pk=VILLAGE)
    person = registered_participant(full_name="=HYPERLINK(1)", village=village)
    enrollment_create(user=person, course=course)
    return person


def test_the_participant_export_is_report_ready_and_masks_phones(
    client, participant, banjar_officer
):
    client.force_login(banjar_officer)
    body = client.get("/dinas/wilayah/63.03/unduh/participants.csv").content
    assert body.startswith("\ufeff".encode())  # Excel reads UTF-8
    text = body.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[0].startswith("Data per ") and lines[0].endswith(("WIB", "WITA"))
    assert "Wilayah: " in lines[1] and "Kursus: semua" in lines[1]
    header = next(line for line in lines if line.startswith("Nama;"))
    assert "Jabatan;Koperasi" in header  # semicolons, Excel in Indonesian
    assert ": terdaftar;" in header and ": sertifikat terbit" in header
    assert "'=HYPERLINK(1)" in text  # the name never runs as a formula
    assert participant.phone not in text
    assert participant.phone[-4:] in text  # masked: +62812••••7890


def test_the_regions_xlsx_has_a_frozen_filtered_header_and_typed_cells(
    client, participant, banjar_officer
):
    client.force_login(banjar_officer)
    response = client.get("/dinas/wilayah/63.03/unduh/regions.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value.startswith("Data per ")
    header_row = int(sheet.freeze_panes[1:]) - 1
    assert sheet.auto_filter.ref.startswith(f"A{header_row}:")
    header = [c.value for c in sheet[header_row]]
    assert "Desa terjangkau (ada peserta)" in header
    data = sheet[header_row + 1]
    percent = data[header.index("Penyelesaian")]
    assert percent.number_format == "0.0%" and isinstance(percent.value, int | float)
    assert isinstance(data[header.index("Peserta terdaftar")].value, int)
    assert sheet.column_dimensions["B"].width >= 20


def test_the_regions_export_of_a_village_lists_its_cooperatives(
    client, participant, banjar_officer
):
    """Issue 12: the village-level regions export was a 500 (KeyError: 13)."""
    client.force_login(banjar_officer)
    response = client.get(f"/dinas/wilayah/{VILLAGE}/unduh/regions.csv")
    assert response.status_code == 200
    assert participant.cooperative.name in response.content.decode("utf-8-sig")


def test_full_phones_need_a_reason_that_is_recorded(
    client, participant, banjar_officer
):
    client.force_login(banjar_officer)
    url = "/dinas/wilayah/63.03/unduh/participants.csv?hp=lengkap"
    refused = client.get(url + "&alasan=x")
    assert refused.status_code == 302 and not FullPhoneExport.objects.exists()
    body = client.get(url + "&alasan=menelepon peserta yang belum mulai").content
    assert participant.phone in body.decode("utf-8-sig")
    record = FullPhoneExport.objects.get()
    assert (record.user, record.region) == (banjar_officer, "63.03")
    assert record.reason == "menelepon peserta yang belum mulai"


def test_an_assistant_cannot_download_full_phones(client, participant):
    assistant = AssistantFactory()
    assistant.assigned_villages.add(VILLAGE)
    client.force_login(assistant)
    response = client.get(
        f"/dinas/wilayah/{VILLAGE}/unduh/participants.csv"
        "?hp=lengkap&alasan=menelepon semua peserta"
    )
    assert response.status_code == 403
