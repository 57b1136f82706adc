import pytest

from django.core.exceptions import ValidationError

from lms.phones import normalize_phone


@pytest.mark.parametrize(
    "typed",
    [
        "081234567890",
        "+6281234567890",
        "6281234567890",
        "0812-3456-7890",
        "+62 812 3456 7890",
        "81234567890",
        " 0812 3456 7890 ",
    ],
)
def test_indonesian_mobile_numbers_are_normalised_to_plus_62(typed):
    assert normalize_phone(typed) == "+6281234567890"


@pytest.mark.parametrize("typed", ["0511-3352211", "+62 21 5551234"])
def test_a_landline_is_not_accepted_as_a_mobile_number(typed):
    with pytest.raises(ValidationError) as exc:
        normalize_phone(typed)
    assert exc.value.code in {"not_mobile", "invalid"}


@pytest.mark.parametrize("typed", ["12345", "abc", "+1 415 555 2671", "0812"])
def test_garbage_and_foreign_numbers_are_refused_with_a_message(typed):
    with pytest.raises(ValidationError) as exc:
        normalize_phone(typed)
    assert "Nomor HP" in str(exc.value.messages[0]) or "nomor HP" in str(
        exc.value.messages[0]
    )
