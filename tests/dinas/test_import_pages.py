"""The upload page: a file goes to a real Celery worker, progress is polled, the
refused rows come back as a download."""

import time

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from lms.models import Role, User

CSV = (
    "\ufeffNama Lengkap;No. HP;Email;Jabatan;Nama Koperasi;Kode Desa\r\n"
    "Siti Aminah;0812-3456-7890;siti@contoh.id;Bendahara;KDMP Sungai;63.03.01.2001\r\n"
    "Budi;0812345;;ketua;KDMP Sungai;63.03.01.2001\r\n"
).encode()


@pytest.mark.celery_worker
def test_an_upload_is_imported_by_the_worker_and_reports_its_refused_rows(
    client, celery_worker, province_officer
):
    client.force_login(province_officer)
    response = client.post(
        "/dinas/impor/",
        {"file": SimpleUploadedFile("peserta.csv", CSV, content_type="text/csv")},
    )
    assert response.status_code == 302
    status_url = response.url + "status/"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        status = client.get(status_url).json()
        if status["status"] in ("done", "failed"):
            break
        time.sleep(0.2)
    assert status["status"] == "done" and status["percent"] == 100
    assert status["stage"] == "saving"  # its last stage: no cohort to enrol into
    assert User.objects.filter(role=Role.PARTICIPANT).get().phone == "+6281234567890"
    page = client.get(response.url).content.decode()
    assert "Bukan nomor HP Indonesia yang valid." in page
    report = client.get(response.url + "ditolak.csv").content.decode("utf-8-sig")
    # Semicolons for Excel in Indonesian; the column as the file names it.
    assert report.splitlines()[1].startswith("3;No. HP;0812345;")


def test_a_bad_upload_is_refused_with_a_message_and_nothing_is_stored(
    client, province_officer
):
    from lms.dinas.models import ProgrammeImport

    client.force_login(province_officer)
    response = client.post(
        "/dinas/impor/",
        {"file": SimpleUploadedFile("peserta.pdf", b"%PDF", content_type="x/pdf")},
    )
    assert "Unggah berkas .csv atau .xlsx." in response.content.decode()
    assert not ProgrammeImport.objects.exists()


def test_a_file_missing_columns_fails_with_the_reason(
    province_officer, django_capture_on_commit_callbacks
):
    from lms.dinas.services import programme_import_create

    with django_capture_on_commit_callbacks(execute=True):
        job = programme_import_create(
            officer=province_officer,
            uploaded_file=SimpleUploadedFile("x.csv", b"nama;hp\nA;0812\n"),
        )
    job.refresh_from_db()
    assert job.status == "failed" and "Kolom wajib" in job.error


def test_participants_and_assistants_cannot_upload(client, db):
    from lms.factories import AssistantFactory, ParticipantFactory

    for person in (ParticipantFactory(), AssistantFactory()):
        client.force_login(person)
        assert client.get("/dinas/impor/").status_code == 403


def test_the_templates_download_with_human_headers(client, province_officer):
    client.force_login(province_officer)
    body = client.get("/dinas/impor/templat.csv").content.decode("utf-8-sig")
    assert body.startswith("Nama Lengkap;No. HP;")
    xlsx = client.get("/dinas/impor/templat.xlsx")
    from lms.dinas.importing import read_rows

    assert read_rows(xlsx.content)[0].values["kode_desa"] == "63.03.01.2001"


def test_imported_participants_are_enrolled_into_the_chosen_cohort(
    province_officer, course
):
    import datetime

    from courses.models import Cohort, Enrollment
    from lms.dinas.importing import read_rows
    from lms.dinas.services import (
        _database_conflicts,
        programme_rows_apply,
        programme_rows_validate,
    )

    cohort = Cohort.objects.create(
        course=course,
        name="Angkatan 1",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 3, 1),
    )
    rows = read_rows(CSV)
    good, refused = programme_rows_validate(rows=rows, officer=province_officer)
    good, existing = _database_conflicts(
        good=good, officer=province_officer, refused=refused
    )
    outcome = programme_rows_apply(
        good=good, existing=existing, officer=province_officer, cohort=cohort
    )
    assert outcome.enrolled == 1
    assert Enrollment.objects.get().cohort == cohort
    again = programme_rows_apply(
        good=good,
        existing=_database_conflicts(good=good, officer=province_officer, refused=[])[
            1
        ],
        officer=province_officer,
        cohort=cohort,
    )
    assert again.enrolled == 0 and Enrollment.objects.count() == 1


def test_an_officer_assigns_an_assistant_to_villages_of_their_region_only(
    client, banjar_officer
):
    from lms.factories import AssistantFactory

    assistant = AssistantFactory(full_name="Dewi Pendamping")
    other = AssistantFactory(full_name="Eko Pendamping")
    other.assigned_villages.add("63.03.01.2001")
    client.force_login(banjar_officer)
    response = client.post(
        "/dinas/pendamping/tugaskan/",
        {"pendamping": assistant.pk, "desa": ["63.01.01.2001"]},
        follow=True,
    )
    assert "di luar wilayah Anda" in response.content.decode()
    assert not assistant.assigned_villages.exists()
    # Villages are found by name, each with the assistants it already has.
    found = client.get(
        "/dinas/pendamping/tugaskan/",
        {"pendamping": assistant.pk, "q": "Bakambat"},
    ).content.decode()
    assert 'value="63.03.01.2001"' in found and "Eko Pendamping" in found
    assert "Pendamping desa (business assistant)" in found
    client.post(
        "/dinas/pendamping/tugaskan/",
        {"pendamping": assistant.pk, "desa": ["63.03.01.2001", "63.03.01.2002"]},
    )
    assert assistant.assigned_villages.count() == 2
    client.post(
        "/dinas/pendamping/tugaskan/",
        {"pendamping": assistant.pk, "lepas": ["63.03.01.2002"]},
    )
    assert list(assistant.assigned_villages.values_list("code", flat=True)) == [
        "63.03.01.2001"
    ]
