import random
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError

from assessments.factories import SAMPLE_DATA, SAMPLE_RIGHT
from assessments.questions import KINDS, kind_for, normalise_text, parse_number


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_accepts_its_sample_and_grades_the_right_answer_full(kind):
    data = kind_for(kind).validate(SAMPLE_DATA[kind])
    fraction = kind_for(kind).grade(data, SAMPLE_RIGHT[kind])
    assert fraction == (None if kind == "essay" else 1.0)


@pytest.mark.parametrize("kind", sorted(set(KINDS) - {"essay"}))
def test_an_empty_response_scores_zero(kind):
    assert kind_for(kind).grade(SAMPLE_DATA[kind], None) == 0.0


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("single", {"options": ["A"], "correct": 0}),
        ("single", {"options": ["A", "B"], "correct": 5}),
        ("multiple", {"options": ["A", "B"], "correct": []}),
        ("truefalse", {"correct": "ya"}),
        ("numeric", {"answer": "banyak"}),
        ("numeric", {"answer": 5, "tolerance": -1}),
        ("short", {"answers": ["  "]}),
        ("ordering", {"items": ["satu"]}),
        ("matching", {"pairs": [["a", "b"]]}),
    ],
)
def test_bad_authoring_data_is_refused_in_bahasa_indonesia(kind, data):
    with pytest.raises(ValidationError) as exc:
        kind_for(kind).validate(data)
    assert any(
        word in exc.value.messages[0]
        for word in ("Isi", "Pilih", "Tentukan", "Toleransi")
    )


def test_public_form_data_never_contains_the_answers():
    rng = random.Random(4)
    for name, kind in KINDS.items():
        data = SAMPLE_DATA[name]
        public = kind.public(data, kind.shuffle(data, rng))
        assert "correct" not in public and "answer" not in public
        assert "answers" not in public and "pairs" not in public
        assert "guide" not in public


def test_matching_choices_are_shuffled_so_their_values_do_not_give_the_pairs_away():
    kind = kind_for("matching")
    data = SAMPLE_DATA["matching"]
    order = [2, 0, 1]
    public = kind.public(data, order)
    assert public["choices"] == [
        (0, "kredit bermasalah"),
        (1, "rapat anggota tahunan"),
        (2, "sisa hasil usaha"),
    ]
    # The participant picks by screen position; the response is in the author's indexes.
    response = kind.response_from_form(data, order, ["1", "2", "0"])
    assert response == [0, 1, 2]
    assert kind.grade(data, response) == 1.0


def test_ordering_is_never_shown_in_the_right_order_and_earns_a_share_per_place():
    kind = kind_for("ordering")
    data = SAMPLE_DATA["ordering"]
    for seed in range(20):
        assert kind.shuffle(data, random.Random(seed)) != [0, 1, 2]
    assert kind.grade(data, [0, 2, 1]) == pytest.approx(1 / 3)
    # Ranks given on screen (shown as items 2, 0, 1) back to the author's order.
    assert kind.response_from_form(data, [2, 0, 1], ["3", "1", "2"]) == [0, 1, 2]


def test_multiple_response_gives_partial_credit_and_charges_wrong_choices():
    kind = kind_for("multiple")
    data = SAMPLE_DATA["multiple"]
    assert kind.grade(data, [0]) == 0.5
    assert kind.grade(data, [0, 1]) == 0.0
    assert kind.grade(data, [0, 1, 2, 3]) == 0.0


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12.500.000", Decimal("12500000")),
        ("Rp 12.500.000", Decimal("12500000")),
        ("26.666,67", Decimal("26666.67")),
        ("26666,67", Decimal("26666.67")),
        ("26666.67", Decimal("26666.67")),
        ("4%", Decimal("4")),
        ("12.500", Decimal("12500")),
        ("dua", None),
        ("", None),
    ],
)
def test_numbers_are_read_as_indonesians_write_them(text, value):
    assert parse_number(text) == value


def test_the_float_answer_26666_67_with_tolerance_one_accepts_nearby_answers():
    kind = kind_for("numeric")
    data = {"answer": 26666.67, "tolerance": 1, "unit": "Rp"}
    assert kind.grade(data, "26.667") == 1.0
    assert kind.grade(data, "26665,8") == 1.0
    assert kind.grade(data, "27.000") == 0.0


def test_a_non_number_is_refused_with_a_message():
    with pytest.raises(ValidationError, match="angka"):
        kind_for("numeric").response_clean(SAMPLE_DATA["numeric"], "dua puluh")


def test_short_answers_compare_without_case_accents_or_punctuation():
    assert normalise_text("  Sisa  Hasil-Usaha! ") == "sisa hasil usaha"
    kind = kind_for("short")
    data = {"answers": ["neraca saldo", "trial balance"]}
    assert kind.grade(data, "Trial Balance.") == 1.0
    assert kind.grade(data, "neraca") == 0.0
