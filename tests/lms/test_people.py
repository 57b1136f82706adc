"""One rule for how a participant is created and validated, one for how a
cooperative is identified: self-registration and the Dinas import both call them."""

import pytest

from django.core.exceptions import ValidationError

from lms.factories import DinasOfficerFactory
from lms.models import Cooperative, Province, Regency, Village
from lms.services import (
    CooperativeWanted,
    cooperative_get_or_create,
    cooperatives_get_or_create,
    participant_build,
    participant_register,
)

BAKAMBAT = "63.03.01.2001"
NEIGHBOUR = "63.03.01.2002"  # same district (Aluh Aluh)
TANAH_LAUT = "63.01.01.2001"  # another regency


@pytest.fixture
def villages(db):
    return {c: Village.objects.get(pk=c) for c in (BAKAMBAT, NEIGHBOUR, TANAH_LAUT)}


def test_a_cooperative_is_its_name_within_the_district_spaces_and_case_ignored(
    villages,
):
    """Settled: self-registration used the exact name in the home village, the
    import the normalised name in the district; both now follow the import's rule,
    so members of a merged village typing the name their own way join the same
    cooperative, which then serves their village too."""
    first = cooperative_get_or_create(
        name="Koperasi Desa Merah Putih Bakambat", village=villages[BAKAMBAT]
    )
    again = cooperative_get_or_create(
        name="  koperasi desa merah  putih BAKAMBAT ", village=villages[NEIGHBOUR]
    )
    assert again == first
    assert set(first.villages.values_list("code", flat=True)) == {BAKAMBAT, NEIGHBOUR}
    elsewhere = cooperative_get_or_create(
        name="Koperasi Desa Merah Putih Bakambat", village=villages[TANAH_LAUT]
    )
    assert elsewhere != first


def test_self_registration_joins_the_cooperative_the_import_created(client, villages):
    officer = DinasOfficerFactory(scope_province=Province.objects.get(pk="63"))
    (imported,) = cooperatives_get_or_create(
        wanted=[CooperativeWanted(name="KDMP Sungai", village_code=BAKAMBAT)],
        officer=officer,
    )
    response = client.post(
        "/akun/daftar/",
        {
            "full_name": "Siti Rahmah",
            "phone": "0812-7777-1234",
            "position": "bendahara",
            "cooperative_name": "kdmp  sungai",
            "village_code": NEIGHBOUR,
            "password1": "ruang-belajar-77",
            "password2": "ruang-belajar-77",
        },
    )
    assert response.status_code == 302
    assert Cooperative.objects.get() == imported
    assert imported.members.get().full_name == "Siti Rahmah"


def test_a_legal_number_outside_the_officers_scope_is_never_attached(villages):
    """Issue 12, item 5: another province's cooperative is neither attached to a
    village of the officer's nor revealed to them."""
    kaltim = Cooperative.objects.create(
        name="Koperasi Kaltim", legal_number="AHU-64", home_village=villages[TANAH_LAUT]
    )
    kaltim.villages.add(villages[TANAH_LAUT])
    officer = DinasOfficerFactory(scope_regency=Regency.objects.get(pk="63.03"))
    (found,) = cooperatives_get_or_create(
        wanted=[
            CooperativeWanted(
                name="KDMP Baru", village_code=BAKAMBAT, legal_number="AHU-64"
            )
        ],
        officer=officer,
    )
    assert found is None
    assert list(kaltim.villages.values_list("code", flat=True)) == [TANAH_LAUT]
    with pytest.raises(ValidationError) as refused:
        cooperative_get_or_create(
            name="KDMP Baru",
            village=villages[BAKAMBAT],
            legal_number="AHU-64",
            officer=officer,
        )
    assert "Koperasi Kaltim" not in str(refused.value)
    # Within scope, the number is the cooperative, whatever it is called.
    province = DinasOfficerFactory(scope_province=Province.objects.get(pk="63"))
    (same,) = cooperatives_get_or_create(
        wanted=[
            CooperativeWanted(
                name="Nama lain", village_code=BAKAMBAT, legal_number="AHU-64"
            )
        ],
        officer=province,
    )
    assert same == kaltim


def test_a_participant_is_validated_the_same_way_wherever_it_is_created(villages):
    with pytest.raises(ValidationError) as refused:
        participant_build(
            full_name="N" * 151,
            village_code=BAKAMBAT,
            position="bendahara",
            phone="0812-3456-7890",
        )
    assert set(refused.value.error_dict) == {"full_name"}
    with pytest.raises(ValidationError) as refused:
        participant_build(
            full_name="  ",
            village_code="63.03",
            position="direktur",
            phone="0812",
            email="bukan-email",
        )
    assert set(refused.value.error_dict) == {
        "full_name",
        "village",
        "position",
        "phone",
        "email",
    }
    user = participant_build(
        full_name="  Siti   Aminah ",
        village_code=BAKAMBAT,
        position="bendahara",
        phone="0812-3456-7890",
        email=" Siti@Contoh.ID ",
    )
    assert (user.full_name, user.phone, user.email) == (
        "Siti Aminah",
        "+6281234567890",
        "siti@contoh.id",
    )
    assert user.timezone == "Asia/Makassar" and user.pk is None


def test_registering_one_participant_checks_that_the_phone_is_free(villages):
    kwargs = {
        "full_name": "Siti",
        "password": None,
        "village": villages[BAKAMBAT],
        "position": "bendahara",
        "phone": "0812-3456-7890",
    }
    participant_register(**kwargs)
    with pytest.raises(ValidationError):
        participant_register(**kwargs)
