"""The read-only monitoring API: token authentication, scoped like the pages."""

import pytest
from rest_framework.authtoken.models import Token

from courses.services import enrollment_create
from lms.factories import AdminFactory, ParticipantFactory
from lms.models import Village


@pytest.fixture
def enrolled(db, course):
    for code in ("63.03.01.2001", "63.01.01.2001"):
        participant = ParticipantFactory(village=Village.objects.get(pk=code))
        enrollment_create(user=participant, course=course)
    return course


def _get(client, user, url):
    token = Token.objects.create(user=user)
    return client.get(url, HTTP_AUTHORIZATION=f"Token {token.key}")


def test_a_regency_token_sees_only_its_regency(client, enrolled, banjar_officer):
    response = _get(client, banjar_officer, "/api/v1/completion/regions/")
    assert response.status_code == 200
    codes = {row["code"] for row in response.json()}
    assert codes and all(code.startswith("63.03.") for code in codes)
    assert sum(row["enrolled"] for row in response.json()) == 1
    wider = client.get(
        "/api/v1/completion/regions/?parent=63",
        HTTP_AUTHORIZATION=response.request["HTTP_AUTHORIZATION"],
    )
    assert wider.status_code == 404
    coops = client.get(
        "/api/v1/completion/cooperatives/",
        HTTP_AUTHORIZATION=response.request["HTTP_AUTHORIZATION"],
    ).json()
    assert coops["count"] == 1
    assert coops["results"][0]["home_village"] == "63.03.01.2001"
    assert coops["results"][0]["enrolled"] == 1


def test_a_national_token_lists_provinces(client, enrolled):
    rows = _get(client, AdminFactory(), "/api/v1/completion/regions/").json()
    assert [r["code"] for r in rows] == ["63"]
    assert rows[0]["enrolled"] == 2


def test_without_a_token_the_api_refuses(client, enrolled):
    assert client.get("/api/v1/completion/regions/").status_code == 401


def test_a_participants_token_is_refused(client, enrolled):
    participant = ParticipantFactory()
    response = _get(client, participant, "/api/v1/completion/regions/")
    assert response.status_code == 403


def test_the_openapi_schema_documents_the_endpoints(client, db):
    response = client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/completion/regions/" in paths
    assert "/api/v1/completion/cooperatives/" in paths


def test_a_token_made_with_drf_create_token_opens_the_api(
    client, enrolled, province_officer
):
    from django.core.management import call_command

    call_command("drf_create_token", province_officer.email)
    key = Token.objects.get(user=province_officer).key
    response = client.get(
        "/api/v1/completion/regions/?parent=63", HTTP_AUTHORIZATION=f"Token {key}"
    )
    assert response.status_code == 200
    assert {row["code"] for row in response.json()} >= {"63.01", "63.03"}


def test_the_schema_holds_only_this_api(client, db):
    """Issue 12: the public schema listed Wagtail's admin endpoints."""
    paths = client.get("/api/v1/schema/?format=json").json()["paths"]
    assert paths and all(p.startswith("/api/v1/") for p in paths)
    assert "/api/v1/completion/villages/" in paths
    assert "/api/v1/courses/" in paths


def test_a_whole_province_per_village_in_a_few_paged_calls(
    client, enrolled, province_officer
):
    first = _get(client, province_officer, "/api/v1/completion/villages/?region=63")
    body = first.json()
    assert first.status_code == 200
    assert body["count"] == 2016 and len(body["results"]) == 1000
    assert -(-body["count"] // 1000) == 3  # the whole province in three calls
    big = client.get(
        "/api/v1/completion/villages/?region=63&page_size=5000",
        HTTP_AUTHORIZATION=first.request["HTTP_AUTHORIZATION"],
    ).json()
    assert big["next"] is None and len(big["results"]) == 2016
    by_code = {row["code"]: row for row in big["results"]}
    assert by_code["63.03.01.2001"]["enrolled"] == 1


def test_filters_work_or_are_refused(client, enrolled, province_officer):
    token = Token.objects.create(user=province_officer)
    auth = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    url = "/api/v1/completion/regions/?parent=63"
    later = client.get(url + "&from=2999-01-01", **auth).json()
    assert sum(row["enrolled"] for row in later) == 0
    today = client.get(url + "&from=2000-01-01", **auth).json()
    assert sum(row["enrolled"] for row in today) == 2
    unknown = client.get(url + "&since=2025-01-01", **auth)
    assert unknown.status_code == 400 and "since" in unknown.json()
    bad = client.get(url + "&from=kemarin", **auth)
    assert bad.status_code == 400
    assert client.get(url + "&cohort=999999", **auth).status_code == 400


def test_courses_root_and_errors_are_json(client, enrolled, province_officer):
    courses = _get(client, province_officer, "/api/v1/courses/")
    assert [c["id"] for c in courses.json()] == [enrolled.pk]
    root = client.get("/api/v1/")
    assert root.status_code == 200 and "completion_villages" in root.json()["endpoints"]
    missing = client.get("/api/v1/tidak-ada/")
    assert missing.status_code == 404 and "detail" in missing.json()


def test_an_officer_creates_and_revokes_their_own_token(client, province_officer):
    client.force_login(province_officer)
    page = client.post("/dinas/token-api/", {"action": "create"}).content.decode()
    key = Token.objects.get(user=province_officer).key
    assert key in page
    assert key not in client.get("/dinas/token-api/").content.decode()  # once
    client.post("/dinas/token-api/", {"action": "revoke"})
    assert not Token.objects.filter(user=province_officer).exists()
