import pytest

from lms.models import District, Province, Regency, Village
from lms.services import wilayah_load


@pytest.mark.django_db
def test_kalimantan_selatan_has_its_13_regencies_156_districts_and_2016_villages():
    wilayah_load(province_code="63")
    assert Regency.objects.filter(province_id="63").count() == 13
    assert District.objects.filter(regency__province_id="63").count() == 156
    villages = Village.objects.filter(province_id="63")
    assert villages.count() == 2016
    assert villages.filter(kind="desa").count() == 1872
    assert villages.filter(kind="kelurahan").count() == 144
    assert Province.objects.get(pk="63").timezone == "Asia/Makassar"


@pytest.mark.django_db
def test_the_whole_country_loads_and_loading_twice_changes_nothing():
    first = wilayah_load()
    second = wilayah_load()
    assert (first.provinces, first.regencies, first.districts, first.villages) == (
        38,
        514,
        7285,
        83762,
    )
    assert second == first
    assert Province.objects.count() == 38
    assert Regency.objects.count() == 514
    assert District.objects.count() == 7285
    assert Village.objects.count() == 83762
    village = Village.objects.get(pk="63.03.01.2001")
    assert (village.district_id, village.regency_id, village.province_id) == (
        "63.03.01",
        "63.03",
        "63",
    )
    assert Province.objects.get(pk="94").timezone == "Asia/Jayapura"
    assert Province.objects.get(pk="31").timezone == "Asia/Jakarta"
