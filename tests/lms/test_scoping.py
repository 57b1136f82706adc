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


# ---------------------------------------------------------------- cooperatives


@pytest.fixture
def merged(db):
    """A cooperative seated in Bakambat that also serves its merged neighbour."""
    from lms.factories import CooperativeFactory

    home = Village.objects.get(pk="63.03.01.2001")
    neighbour = Village.objects.get(pk="63.03.01.2002")
    return {
        "home": home,
        "neighbour": neighbour,
        "shared": CooperativeFactory(home_village=home, villages=[home, neighbour]),
        "elsewhere": CooperativeFactory(
            home_village=Village.objects.get(pk="63.01.01.2001")
        ),
    }


def test_an_assistant_sees_the_cooperatives_that_serve_their_villages(merged):
    """Settled: a business assistant accompanies the cooperatives serving any of
    their villages, even one seated in the neighbouring village (the Dinas
    selectors used to answer this, overriding scoping's "seated in")."""
    assistant = AssistantFactory(villages=[merged["neighbour"]])
    assert list(scoping.visible_cooperatives(assistant)) == [merged["shared"]]


def test_an_officer_sees_the_cooperatives_seated_in_their_region(merged):
    banjar = DinasOfficerFactory(scope_regency=Regency.objects.get(pk=BANJAR))
    tanah_laut = DinasOfficerFactory(scope_regency=Regency.objects.get(pk=TANAH_LAUT))
    assert list(scoping.visible_cooperatives(banjar)) == [merged["shared"]]
    assert list(scoping.visible_cooperatives(tanah_laut)) == [merged["elsewhere"]]
    assert scoping.visible_cooperatives(AdminFactory()).count() == 2


def test_the_village_page_and_the_cooperative_page_answer_the_same(client, merged):
    """Both Dinas pages ask scoping; neither decides on its own."""
    assistant = AssistantFactory(villages=[merged["neighbour"]])
    client.force_login(assistant)
    village = client.get("/dinas/wilayah/63.03.01.2002/").content.decode()
    assert merged["shared"].name in village
    assert client.get(f"/dinas/koperasi/{merged['shared'].pk}/").status_code == 200
    assert client.get(f"/dinas/koperasi/{merged['elsewhere'].pk}/").status_code == 404


# ---------------------------------------------------------------- one rule each


def test_one_region_rule_filters_villages_and_village_codes_alike(people):
    """`region_q` is the rule for a village row and for any field of village codes."""
    for person in ("banjar_officer", "province_officer", "assistant"):
        user = people[person]
        villages = set(scoping.visible_villages(user).values_list("code", flat=True))
        participants = scoping.visible_participants(user)
        assert {p.village_id for p in participants} <= villages
        assert villages == {
            c
            for c in Village.objects.values_list("code", flat=True)
            if scoping.can_see_region(user, c)
        }


def test_the_instructor_rule_answers_courses_and_assessments_alike(db):
    from assessments.selectors import cohorts_taught, courses_taught
    from courses.factories import CohortFactory, CoursePageFactory
    from courses.selectors import cohort_courses, visible_cohorts
    from lms.factories import InstructorFactory

    instructor = InstructorFactory()
    own = CoursePageFactory(balai=instructor.balai)
    other = CoursePageFactory()
    own_cohort, _other_cohort = CohortFactory(course=own), CohortFactory(course=other)
    assert list(courses_taught(user=instructor)) == [own]
    assert list(cohort_courses(user=instructor)) == [own]
    assert list(visible_cohorts(user=instructor)) == [own_cohort]
    assert list(cohorts_taught(user=instructor)) == [own_cohort]
    assert scoping.teaches(instructor, balai_id=own.balai_id)
    assert not scoping.teaches(instructor, balai_id=other.balai_id)
    for outsider in (DinasOfficerFactory(), ParticipantFactory()):
        assert not courses_taught(user=outsider).exists()
        assert not visible_cohorts(user=outsider).exists()
    assert courses_taught(user=AdminFactory()).count() == 2


def test_an_officer_enrols_into_cohorts_of_their_region_or_wider(db):
    from courses.factories import CohortFactory
    from lms.dinas.forms import cohorts_for

    banjar = Regency.objects.get(pk=BANJAR)
    kalsel = Province.objects.get(pk="63")
    national = CohortFactory(name="Nasional")
    province_wide = CohortFactory(name="Kalsel", province=kalsel)
    own = CohortFactory(name="Banjar", regency=banjar)
    other = CohortFactory(name="Tanah Laut", regency_id=TANAH_LAUT)
    regency_officer = DinasOfficerFactory(scope_regency=banjar)
    province_officer = DinasOfficerFactory(scope_province=kalsel)
    assert set(cohorts_for(regency_officer)) == {national, province_wide, own}
    assert set(cohorts_for(province_officer)) == {national, province_wide, own, other}
    assert not cohorts_for(AssistantFactory()).exists()
