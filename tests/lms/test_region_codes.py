"""How region codes relate: one module knows their shape (lms.regions.codes)."""

import pytest

from lms.models import Village
from lms.regions import codes

VILLAGE = "63.03.05.2001"


def test_a_codes_length_names_its_level():
    assert [codes.level_of(c) for c in ("", "63", "63.03", "63.03.05", VILLAGE)] == [
        codes.COUNTRY,
        codes.PROVINCE,
        codes.REGENCY,
        codes.DISTRICT,
        codes.VILLAGE,
    ]
    for bad in ("6", "63.3", "63.03.05.20", "x", "63-03"):
        assert not codes.is_code(bad)
        with pytest.raises(ValueError):
            codes.level_of(bad)
    assert codes.is_code("", country=True) and not codes.is_code("")


def test_ancestors_parents_and_lineage_follow_the_prefix():
    assert codes.province_of(VILLAGE) == "63"
    assert codes.regency_of(VILLAGE) == "63.03"
    assert codes.district_of(VILLAGE) == "63.03.05"
    assert codes.parent_of(VILLAGE) == "63.03.05"
    assert codes.parent_of("63") == ""
    assert codes.lineage("63.03") == ["", "63", "63.03"]
    assert codes.child_level(codes.COUNTRY) == codes.PROVINCE
    assert codes.child_level(codes.DISTRICT) == codes.VILLAGE
    with pytest.raises(ValueError):
        codes.child_level(codes.VILLAGE)


def test_within_is_a_prefix_at_a_dot_and_a_region_lies_in_itself():
    assert codes.is_within(VILLAGE, "63.03")
    assert codes.is_within("63.03", "63.03")
    assert codes.is_within("63.03", "")
    assert not codes.is_within("63.30.01", "63.3")  # not a prefix at a dot
    assert not codes.is_within("63", "63.03")


def test_the_common_root_of_several_villages():
    assert codes.common_root([VILLAGE, "63.03.05.2002"]) == "63.03.05"
    assert codes.common_root([VILLAGE, "63.01.01.2001"]) == "63"
    assert codes.common_root([VILLAGE, "64.01.01.2001"]) == ""
    assert codes.common_root([VILLAGE]) == VILLAGE


def test_a_village_code_typed_without_dots_is_normalised():
    assert codes.village_code_normalize(" 6303052001 ") == VILLAGE
    assert codes.village_code_normalize("63.03.05.2001") == VILLAGE


@pytest.mark.django_db
def test_the_query_filters_agree_with_the_code_rules():
    within = set(
        Village.objects.filter(codes.villages_within_q("code", "63.03.01")).values_list(
            "code", flat=True
        )
    )
    everything = Village.objects.values_list("code", flat=True)
    assert within == {c for c in everything if codes.is_within(c, "63.03.01")}
    assert within and all(codes.district_of(c) == "63.03.01" for c in within)
