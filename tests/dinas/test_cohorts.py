"""An officer runs cohorts of their region from the Dinas area, and enrols an
import into one."""

import datetime

from courses.models import Cohort, Enrollment
from lms.dinas.factories import registered_participant
from lms.dinas.models import JobStatus, ProgrammeImport
from lms.models import Village


def test_an_officer_creates_a_cohort_held_by_their_region(
    client, course, banjar_officer
):
    client.force_login(banjar_officer)
    assert "Belum ada angkatan" in client.get("/dinas/impor/").content.decode()
    response = client.post(
        "/dinas/angkatan/baru/",
        {
            "course": course.pk,
            "name": "Angkatan 1 Banjar",
            "starts_on": "2026-12-01",
            "ends_on": "2026-12-31",
        },
    )
    assert response.status_code == 302
    cohort = Cohort.objects.get()
    assert (cohort.regency_id, cohort.province_id) == ("63.03", "63")
    assert "Angkatan 1 Banjar" in client.get("/dinas/impor/").content.decode()
    client.post(
        f"/dinas/angkatan/{cohort.pk}/ubah/",
        {
            "course": course.pk,
            "name": "Angkatan 1 Banjar (ubah)",
            "starts_on": "2026-12-01",
            "ends_on": "2026-11-01",
        },
    )
    cohort.refresh_from_db()
    assert cohort.name == "Angkatan 1 Banjar"  # the end before the start: refused


def test_another_regions_cohort_cannot_be_edited(client, course, banjar_officer):
    other = Cohort.objects.create(
        course=course,
        name="Tanah Laut",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 2, 1),
        regency_id="63.01",
        province_id="63",
    )
    client.force_login(banjar_officer)
    assert client.get(f"/dinas/angkatan/{other.pk}/ubah/").status_code == 404
    assert "Tanah Laut" not in client.get("/dinas/angkatan/").content.decode()


def test_a_finished_import_is_enrolled_into_a_cohort(client, course, banjar_officer):
    village = Village.objects.get(pk="63.03.01.2001")
    people = [registered_participant(village=village) for _ in range(3)]
    job = ProgrammeImport.objects.create(
        uploaded_by=banjar_officer,
        original_name="peserta.csv",
        status=JobStatus.DONE,
        participant_ids=[p.pk for p in people],
    )
    cohort = Cohort.objects.create(
        course=course,
        name="Angkatan Banjar",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 2, 1),
        regency_id="63.03",
        province_id="63",
    )
    client.force_login(banjar_officer)
    response = client.post(
        f"/dinas/impor/{job.pk}/", {"cohort": cohort.pk}, follow=True
    )
    assert "3 peserta baru terdaftar di angkatan Angkatan Banjar" in (
        response.content.decode()
    )
    assert Enrollment.objects.filter(cohort=cohort).count() == 3
