"""The drill-down dashboard reads the counters, within the officer's scope."""

import datetime

import pytest

from django.utils import timezone

from courses.models import Enrollment
from courses.progress import course_lessons, lesson_reached_end, lesson_visit
from courses.services import enrollment_create
from lms.dinas import selectors
from lms.dinas.factories import registered_participant
from lms.factories import AssistantFactory
from lms.models import Village

BANJAR_VILLAGE = "63.03.01.2001"
TANAH_LAUT_VILLAGE = "63.01.01.2001"


@pytest.fixture
def programme(db, course):
    """Two participants in Banjar (one completed), one in Tanah Laut (started)."""
    banjar = Village.objects.get(pk=BANJAR_VILLAGE)
    tanah_laut = Village.objects.get(pk=TANAH_LAUT_VILLAGE)
    done = registered_participant(full_name="Peserta Selesai", village=banjar)
    idle = registered_participant(full_name="Peserta Diam", village=banjar)
    other = registered_participant(full_name="Peserta Tanah Laut", village=tanah_laut)
    lessons = list(course_lessons(course))
    enrollment = enrollment_create(user=done, course=course)
    for lesson in lessons:
        lesson_reached_end(enrollment=enrollment, lesson=lesson)
    enrollment_create(user=idle, course=course)
    lesson_visit(
        enrollment=enrollment_create(user=other, course=course), lesson=lessons[0]
    )
    return {"course": course, "done": done, "idle": idle, "other": other}


def test_the_province_table_sums_the_counters_per_regency(programme, province_officer):
    table = selectors.region_table(
        user=province_officer, code="63", filters=selectors.Filters()
    )
    rows = {r["code"]: r for r in table["rows"]}
    assert (rows["63.03"]["enrolled"], rows["63.03"]["started"]) == (2, 1)
    assert rows["63.03"]["completed"] == 1
    assert rows["63.03"]["participants"] == 2
    assert (rows["63.01"]["enrolled"], rows["63.01"]["completed"]) == (1, 0)
    assert table["total"]["enrolled"] == 3
    assert table["total"]["villages"] == 2016
    assert rows["63.03"]["completion_percent"] == 50


def test_drilling_down_reaches_the_district_and_the_village(
    programme, province_officer
):
    districts = selectors.region_table(
        user=province_officer, code="63.03", filters=selectors.Filters()
    )
    assert {r["code"] for r in districts["rows"] if r["enrolled"]} == {"63.03.01"}
    villages = selectors.region_table(
        user=province_officer, code="63.03.01", filters=selectors.Filters()
    )
    row = next(r for r in villages["rows"] if r["code"] == BANJAR_VILLAGE)
    assert (row["enrolled"], row["started"], row["completed"]) == (2, 1, 1)


def test_a_cohort_or_period_filter_reads_the_enrolments_and_agrees(
    programme, province_officer
):
    filters = selectors.Filters(since=datetime.date(2000, 1, 1))
    table = selectors.region_table(user=province_officer, code="63", filters=filters)
    rows = {r["code"]: r for r in table["rows"]}
    assert (rows["63.03"]["enrolled"], rows["63.03"]["completed"]) == (2, 1)


def test_the_weekly_trend_counts_this_weeks_completion(programme, province_officer):
    trend = selectors.weekly_completions(
        user=province_officer, code="63", filters=selectors.Filters()
    )
    assert len(trend) == 12
    assert trend[-1][1] == 1


def test_villages_not_started_lists_the_idle_ones(programme, banjar_officer):
    codes = set(
        selectors.villages_not_started(
            user=banjar_officer, code="63.03", filters=selectors.Filters()
        ).values_list("code", flat=True)
    )
    assert BANJAR_VILLAGE not in codes
    assert TANAH_LAUT_VILLAGE not in codes  # another regency: not theirs to see
    assert "63.03.01.2002" in codes


def test_a_regency_officer_sees_only_their_regency_through_the_pages(
    client, programme, banjar_officer
):
    client.force_login(banjar_officer)
    response = client.get("/dinas/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Banjar" in body and "<svg" in body
    assert client.get("/dinas/wilayah/63/").status_code == 404
    assert client.get("/dinas/wilayah/63.01/").status_code == 404
    assert client.get(f"/dinas/wilayah/{TANAH_LAUT_VILLAGE}/").status_code == 404
    assert client.get("/dinas/wilayah/63.03.01/").status_code == 200
    village = client.get(f"/dinas/wilayah/{BANJAR_VILLAGE}/").content.decode()
    assert programme["done"].cooperative.name in village
    other_coop = programme["other"].cooperative
    assert client.get(f"/dinas/koperasi/{other_coop.pk}/").status_code == 404
    own = client.get(f"/dinas/koperasi/{programme['done'].cooperative.pk}/")
    assert "Peserta Selesai" in own.content.decode()


def test_a_regency_officers_exports_hold_only_their_regency(
    client, programme, banjar_officer
):
    client.force_login(banjar_officer)
    body = client.get("/dinas/wilayah/63.03/unduh/participants.csv").content.decode()
    assert "Peserta Selesai" in body and "Peserta Tanah Laut" not in body
    assert client.get("/dinas/wilayah/63.01/unduh/participants.csv").status_code == 404
    regions = client.get("/dinas/unduh/regions.csv").content.decode("utf-8-sig")
    assert "63.03.01" in regions and "63.01" not in regions.replace("63.03.01", "")
    xlsx = client.get("/dinas/wilayah/63.03/unduh/regions.xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_province_participant_export_runs_in_the_background(
    client, programme, province_officer, django_capture_on_commit_callbacks
):
    from lms.dinas.models import ExportJob

    client.force_login(province_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get("/dinas/wilayah/63/unduh/participants.xlsx")
    job = ExportJob.objects.get()
    assert response.url == f"/dinas/unduhan/{job.pk}/"
    job.refresh_from_db()
    assert job.status == "done" and job.rows == 3
    download = client.get(f"/dinas/unduhan/{job.pk}/berkas/")
    assert download.status_code == 200


def test_an_assistant_sees_their_villages_and_who_to_nudge(client, programme):
    # Enrolled ten days ago and never studied since: inactive (the one rule,
    # `selectors.inactive_participants`); someone enrolled today is not nagged.
    Enrollment.objects.filter(user=programme["idle"]).update(
        enrolled_at=timezone.now() - datetime.timedelta(days=10)
    )
    assistant = AssistantFactory(villages=[Village.objects.get(pk=BANJAR_VILLAGE)])
    client.force_login(assistant)
    body = client.get("/dinas/pendamping/").content.decode()
    assert "Peserta Diam" in body and "Peserta Tanah Laut" not in body
    assert client.get(f"/dinas/wilayah/{TANAH_LAUT_VILLAGE}/").status_code == 404
    assert client.get(f"/dinas/wilayah/{BANJAR_VILLAGE}/").status_code == 200


def test_a_participant_cannot_open_the_dashboard(client, programme):
    client.force_login(programme["done"])
    assert client.get("/dinas/").status_code == 403
