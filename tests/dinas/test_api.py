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
