"""Question kinds: the one module that knows each kind's rules.

Each kind knows how to
- `validate(data)`: check the authoring data (raises ValidationError in Bahasa Indonesia),
- `shuffle(data, rng)`: the display order of its options (a permutation), frozen per attempt,
- `public(data, order)`: what the participant's form needs, WITHOUT the answers,
- `response_from_form(data, order, values)`: a response from posted form values
  (positions on screen are translated back to the author's indexes),
- `response_clean(data, response)`: check a JSON response (from the page's script),
- `grade(data, response)`: a fraction 0..1, or None when a person must grade it (essay),
- `correct_text(data)`: the correct answer, for the results page when the quiz allows.

Responses are stored in the author's indexes, never in screen positions, so a
shuffled option order never reaches the grading.
"""

from __future__ import annotations

import random
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_TEXT = 5000


class Kind:
    name = ""
    label = ""

    def validate(self, data: dict) -> dict:
        return data

    def shuffle(self, data: dict, rng: random.Random) -> list[int]:
        return []

    def public(self, data: dict, order: list[int]) -> dict:
        return {}

    def response_from_form(self, data: dict, order: list[int], values: list[str]):
        return values[0].strip() if values and values[0].strip() else None

    def response_clean(self, data: dict, response):
        return response

    def grade(self, data: dict, response) -> float | None:
        raise NotImplementedError

    def correct_text(self, data: dict) -> str:
        return ""

    def display_values(self, data: dict, order: list[int], response) -> list[str]:
        """The form values (screen positions) that show a saved response again."""
        if response is None:
            return []
        return [str(response)]


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ValidationError(message)


def _options(data: dict, minimum: int = 2) -> list[str]:
    options = data.get("options")
    _require(
        isinstance(options, list)
        and len(options) >= minimum
        and all(isinstance(o, str) and o.strip() for o in options),
        _("Isi sekurang-kurangnya %(n)s pilihan jawaban yang tidak kosong.")
        % {"n": minimum},
    )
    return options


def _position_to_index(order: list[int], value: str) -> int | None:
    try:
        position = int(value)
    except (TypeError, ValueError):
        return None
    if 0 <= position < len(order):
        return order[position]
    return None


def _index_in(value, size: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < size


class SingleChoice(Kind):
    name = "single"
    label = gettext_lazy("Pilihan ganda (satu jawaban)")

    def validate(self, data):
        options = _options(data)
        _require(
            _index_in(data.get("correct"), len(options)),
            _("Pilih satu jawaban yang benar."),
        )
        return {"options": options, "correct": data["correct"]}

    def shuffle(self, data, rng):
        order = list(range(len(data["options"])))
        rng.shuffle(order)
        return order

    def public(self, data, order):
        return {"options": [(pos, data["options"][i]) for pos, i in enumerate(order)]}

    def response_from_form(self, data, order, values):
        return _position_to_index(order, values[0]) if values else None

    def response_clean(self, data, response):
        if response is None:
            return None
        _require(_index_in(response, len(data["options"])), _("Pilihan tidak dikenal."))
        return response

    def grade(self, data, response):
        return 1.0 if response == data["correct"] else 0.0

    def correct_text(self, data):
        return data["options"][data["correct"]]

    def display_values(self, data, order, response):
        return [str(order.index(response))] if response in order else []


class MultipleResponse(Kind):
    """Several answers: each right choice earns its share, each wrong one costs one."""

    name = "multiple"
    label = gettext_lazy("Pilihan ganda (beberapa jawaban)")

    def validate(self, data):
        options = _options(data)
        correct = data.get("correct")
        _require(
            isinstance(correct, list)
            and correct
            and all(_index_in(c, len(options)) for c in correct)
            and len(set(correct)) == len(correct),
            _("Pilih sekurang-kurangnya satu jawaban yang benar."),
        )
        return {"options": options, "correct": sorted(correct)}

    shuffle = SingleChoice.shuffle
    public = SingleChoice.public

    def response_from_form(self, data, order, values):
        chosen = {_position_to_index(order, v) for v in values}
        chosen.discard(None)
        return sorted(chosen) if chosen else None

    def response_clean(self, data, response):
        if response is None:
            return None
        _require(
            isinstance(response, list)
            and all(_index_in(r, len(data["options"])) for r in response),
            _("Pilihan tidak dikenal."),
        )
        return sorted(set(response))

    def grade(self, data, response):
        if not response:
            return 0.0
        correct = set(data["correct"])
        chosen = set(response)
        right = len(chosen & correct)
        wrong = len(chosen - correct)
        return max(0.0, (right - wrong) / len(correct))

    def correct_text(self, data):
        return "; ".join(data["options"][i] for i in data["correct"])

    def display_values(self, data, order, response):
        return [str(order.index(i)) for i in (response or []) if i in order]


class TrueFalse(Kind):
    name = "truefalse"
    label = gettext_lazy("Benar/salah")

    def validate(self, data):
        _require(
            isinstance(data.get("correct"), bool), _("Tentukan: benar atau salah.")
        )
        return {"correct": data["correct"]}

    def public(self, data, order):
        return {"options": [("true", _("Benar")), ("false", _("Salah"))]}

    def response_from_form(self, data, order, values):
        value = values[0] if values else ""
        return {"true": True, "false": False}.get(value)

    def response_clean(self, data, response):
        _require(
            response is None or isinstance(response, bool), _("Jawab benar atau salah.")
        )
        return response

    def grade(self, data, response):
        return 1.0 if response is data["correct"] else 0.0

    def correct_text(self, data):
        return _("Benar") if data["correct"] else _("Salah")

    def display_values(self, data, order, response):
        return [] if response is None else ["true" if response else "false"]


_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def parse_number(text: str) -> Decimal | None:
    """A number as Indonesians write it: "12.500.000", "26.666,67", "26666.67", "Rp 5.000".

    A comma is the decimal mark; dots grouping thousands ("12.500") are dropped; a
    single dot followed by other than three digits is a decimal point ("26666.67").
    """
    cleaned = re.sub(r"(?i)rp|%|\s", "", str(text))
    if not cleaned:
        return None
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(".", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


class Numeric(Kind):
    name = "numeric"
    label = gettext_lazy("Angka (dengan toleransi)")

    def validate(self, data):
        answer, tolerance = data.get("answer"), data.get("tolerance", 0)
        _require(
            isinstance(answer, int | float) and not isinstance(answer, bool),
            _("Isi jawaban berupa angka."),
        )
        _require(
            isinstance(tolerance, int | float) and tolerance >= 0,
            _("Toleransi harus angka 0 atau lebih."),
        )
        unit = data.get("unit", "")
        _require(
            isinstance(unit, str) and len(unit) <= 20, _("Satuan terlalu panjang.")
        )
        return {"answer": answer, "tolerance": tolerance, "unit": unit}

    def public(self, data, order):
        return {"unit": data.get("unit", "")}

    def response_clean(self, data, response):
        if response is None or str(response).strip() == "":
            return None
        text = str(response).strip()[:40]
        _require(
            parse_number(text) is not None,
            _("Tulis jawaban berupa angka saja, tanpa Rp dan tanpa huruf."),
        )
        return text

    def response_from_form(self, data, order, values):
        return self.response_clean(data, values[0] if values else None)

    def grade(self, data, response):
        value = parse_number(response) if response is not None else None
        if value is None:
            return 0.0
        answer = Decimal(str(data["answer"]))
        tolerance = Decimal(str(data.get("tolerance", 0)))
        return 1.0 if abs(value - answer) <= tolerance else 0.0

    def correct_text(self, data):
        unit = data.get("unit", "")
        text = f"{data['answer']:,}".replace(",", "_").replace(".", ",")
        text = text.replace("_", ".")
        if data.get("tolerance"):
            text += f" (± {data['tolerance']})"
        return f"{unit} {text}".strip() if unit == "Rp" else f"{text} {unit}".strip()


def normalise_text(text: str) -> str:
    """Short answers compare without case, accents, punctuation or extra spaces."""
    text = unicodedata.normalize("NFKD", str(text)).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


class ShortText(Kind):
    name = "short"
    label = gettext_lazy("Isian singkat")

    def validate(self, data):
        answers = data.get("answers")
        _require(
            isinstance(answers, list)
            and answers
            and all(isinstance(a, str) and normalise_text(a) for a in answers),
            _("Isi sekurang-kurangnya satu jawaban yang diterima."),
        )
        return {"answers": answers}

    def response_clean(self, data, response):
        if response is None or not str(response).strip():
            return None
        return str(response).strip()[:500]

    def response_from_form(self, data, order, values):
        return self.response_clean(data, values[0] if values else None)

    def grade(self, data, response):
        if not response:
            return 0.0
        accepted = {normalise_text(a) for a in data["answers"]}
        return 1.0 if normalise_text(response) in accepted else 0.0

    def correct_text(self, data):
        return " / ".join(data["answers"])


class Ordering(Kind):
    """Put items in order; the author writes them in the right order.

    Each item in its right place earns its share.
    """

    name = "ordering"
    label = gettext_lazy("Mengurutkan")

    def validate(self, data):
        return {"items": _options({"options": data.get("items")})}

    def shuffle(self, data, rng):
        order = list(range(len(data["items"])))
        while len(order) > 1 and order == sorted(order):
            rng.shuffle(order)
        return order

    def public(self, data, order):
        return {
            "items": [(pos, data["items"][i]) for pos, i in enumerate(order)],
            "positions": list(range(1, len(order) + 1)),
        }

    def response_from_form(self, data, order, values):
        # values[p] = the rank (1..n) the participant gave the item shown at p.
        ranked = []
        for position, value in enumerate(values[: len(order)]):
            try:
                ranked.append((int(value), order[position]))
            except (TypeError, ValueError):
                return None
        if len(ranked) != len(order):
            return None
        return [index for _rank, index in sorted(ranked)]

    def response_clean(self, data, response):
        if response is None:
            return None
        size = len(data["items"])
        _require(
            isinstance(response, list)
            and sorted(response) == list(range(size))
            and all(_index_in(r, size) for r in response),
            _("Urutkan semua butir."),
        )
        return response

    def grade(self, data, response):
        if not response or len(response) != len(data["items"]):
            return 0.0
        return sum(1 for pos, i in enumerate(response) if pos == i) / len(response)

    def correct_text(self, data):
        return " → ".join(data["items"])

    def display_values(self, data, order, response):
        if not response:
            return []
        rank = {index: r + 1 for r, index in enumerate(response)}
        return [str(rank.get(i, "")) for i in order]


class Matching(Kind):
    """Match each prompt with its answer: pairs as the author wrote them."""

    name = "matching"
    label = gettext_lazy("Menjodohkan")

    def validate(self, data):
        pairs = data.get("pairs")
        _require(
            isinstance(pairs, list)
            and len(pairs) >= 2
            and all(
                isinstance(p, list | tuple)
                and len(p) == 2
                and all(isinstance(x, str) and x.strip() for x in p)
                for p in pairs
            ),
            _("Isi sekurang-kurangnya dua pasangan pernyataan dan jawaban."),
        )
        return {"pairs": [list(p) for p in pairs]}

    def shuffle(self, data, rng):
        # Never the author's order: answers listed beside their prompts give it away.
        order = list(range(len(data["pairs"])))
        while len(order) > 1 and order == sorted(order):
            rng.shuffle(order)
        return order

    def public(self, data, order):
        # Prompts in the author's order; the answers to choose from, shuffled.
        return {
            "prompts": [p[0] for p in data["pairs"]],
            "choices": [(pos, data["pairs"][i][1]) for pos, i in enumerate(order)],
        }

    def response_from_form(self, data, order, values):
        chosen = [_position_to_index(order, v) for v in values[: len(data["pairs"])]]
        return chosen if any(c is not None for c in chosen) else None

    def response_clean(self, data, response):
        if response is None:
            return None
        size = len(data["pairs"])
        _require(
            isinstance(response, list)
            and len(response) == size
            and all(r is None or _index_in(r, size) for r in response),
            _("Jodohkan setiap pernyataan."),
        )
        return response

    def grade(self, data, response):
        if not response:
            return 0.0
        return sum(1 for i, r in enumerate(response) if r == i) / len(data["pairs"])

    def correct_text(self, data):
        return "; ".join(f"{a} = {b}" for a, b in data["pairs"])

    def display_values(self, data, order, response):
        return [
            str(order.index(r)) if r is not None and r in order else ""
            for r in (response or [])
        ]


class Essay(Kind):
    """Graded by an instructor, with a score and feedback."""

    name = "essay"
    label = gettext_lazy("Esai")

    def validate(self, data):
        guide = data.get("guide", "")
        _require(isinstance(guide, str), _("Pedoman penilaian harus berupa teks."))
        return {"guide": guide}

    def response_clean(self, data, response):
        if response is None or not str(response).strip():
            return None
        text = str(response).strip()
        _require(len(text) <= MAX_TEXT, _("Jawaban esai terlalu panjang."))
        return text

    def response_from_form(self, data, order, values):
        return self.response_clean(data, values[0] if values else None)

    def grade(self, data, response):
        return None if response else 0.0


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        SingleChoice(),
        MultipleResponse(),
        TrueFalse(),
        Numeric(),
        ShortText(),
        Ordering(),
        Matching(),
        Essay(),
    )
}
KIND_CHOICES = [(name, kind.label) for name, kind in KINDS.items()]


def kind_for(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError as exc:
        raise ValidationError(_("Jenis soal tidak dikenal.")) from exc
