"""A Dinas officer sees only their region: by URL, by query string and by export."""

import pytest

from lms import scoping
from lms.factories import (
    AdminFactory,
    AssistantFactory,
    DinasOfficerFactory,
    ParticipantFactory,
)
from lms.models import Province, Regency, Village

BANJAR = "63.03"
TANAH_LAUT = "63.01"


@pytest.fixture
def people(db):
    banjar_village = Village.objects.get(pk="63.03.01.2001")
    tanah_laut_village = Village.objects.get(pk="63.01.01.2001")
    return {
        "banjar_participant": ParticipantFactory(
            full_name="Peserta Banjar", village=banjar_village
        ),
        "tanah_laut_participant": ParticipantFactory(
            full_name="Peserta Tanah Laut", village=tanah_laut_village
        ),
        "banjar_officer": DinasOfficerFactory(
            scope_regency=Regency.objects.get(pk=BANJAR)
        ),
        "province_officer": DinasOfficerFactory(
            scope_province=Province.objects.get(pk="63")
        ),
        "assistant": AssistantFactory(villages=[banjar_village]),
    }


def test_a_regency_officer_sees_only_participants_of_their_regency(people):
    visible = scoping.visible_participants(people["banjar_officer"])
    assert list(visible) == [people["banjar_participant"]]


def test_a_province_officer_sees_every_regency_of_the_province(people):
    visible = set(scoping.visible_participants(people["province_officer"]))
    assert visible == {people["banjar_participant"], people["tanah_laut_participant"]}


def test_an_assistant_sees_only_their_assigned_villages(people):
    assert list(scoping.visible_participants(people["assistant"])) == [
        people["banjar_participant"]
    ]


def test_a_participant_sees_only_themself(people):
    participant = people["banjar_participant"]
    assert list(scoping.visible_participants(participant)) == [participant]


def test_an_administrator_sees_everyone(people):
    assert scoping.visible_participants(AdminFactory()).count() == 2


def test_another_regencys_participant_is_not_found_by_url(client, people):
    client.force_login(people["banjar_officer"])
    other = people["tanah_laut_participant"]
    assert client.get(f"/wilayah/peserta/{other.pk}/").status_code == 404
    own = people["banjar_participant"]
    assert client.get(f"/wilayah/peserta/{own.pk}/").status_code == 200


def test_a_query_string_cannot_widen_a_regency_officers_scope(client, people):
    client.force_login(people["banjar_officer"])
    for query in ("?wilayah=63.01", "?wilayah=63", "?wilayah=", "?q=Tanah"):
        body = client.get(f"/wilayah/peserta/{query}").content.decode()
        assert "Peserta Tanah Laut" not in body


def test_an_export_holds_only_the_officers_region(client, people):
    client.force_login(people["banjar_officer"])
    for query in ("", "?wilayah=63.01", "?wilayah=63"):
        csv_text = client.get(f"/wilayah/peserta/ekspor.csv{query}").content.decode(
            "utf-8-sig"
        )
        assert "Peserta Tanah Laut" not in csv_text
    assert "Peserta Banjar" in client.get("/wilayah/peserta/ekspor.csv").content.decode(
        "utf-8-sig"
    )


def test_participants_cannot_open_region_lists_or_exports(client, people):
    client.force_login(people["banjar_participant"])
    assert client.get("/wilayah/peserta/").status_code == 403
    assert client.get("/wilayah/peserta/ekspor.csv").status_code == 403


def test_anonymous_visitors_are_sent_to_login(client, people):
    response = client.get("/wilayah/peserta/ekspor.csv")
    assert response.status_code == 302
    assert "/akun/masuk/" in response["Location"]


def test_the_list_masks_phone_numbers_on_screen(client, people):
    client.force_login(people["banjar_officer"])
    participant = people["banjar_participant"]
    body = client.get(f"/wilayah/peserta/{participant.pk}/").content.decode()
    assert participant.phone not in body
    assert participant.masked_phone in body
