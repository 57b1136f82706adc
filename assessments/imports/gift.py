"""Moodle's GIFT text format, read into our question kinds.

    // a comment line
    $CATEGORY: $course$/top/Akuntansi

    ::Judul::Teks soal {=benar ~salah ~%50%setengah#umpan balik ####umpan balik umum}

Questions are separated by blank lines. Answer blocks: `{}` essay; `{T}`/`{F}`
(or TRUE/FALSE) true/false; `{#12.5:0.5}`, `{#10..20}`, `{#=12:0 =%50%11:1}`
numeric; `{=a -> b =c -> d}` matching; `{=a =b}` short answer; any `~` multiple
choice (one `=` right answer: single; `~%n%` weights: several right answers).
Text after the answer block makes a "missing word" question (a _____ in the text).
Escapes: `\\ \\: \\~ \\= \\# \\{ \\}` and `\\n` for a line break. A `[html]` text is
reduced to plain text; `[moodle]`, `[plain]` and `[markdown]` are kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .common import (
    ParsedQuestion,
    category_name,
    html_to_text,
    note_images,
    number_read,
    tidy_number,
)

# Escaped characters are swapped for private-use characters while parsing.
_ESCAPES = [
    ("\\\\", "\ue000", "\\"),
    ("\\:", "\ue001", ":"),
    ("\\~", "\ue002", "~"),
    ("\\=", "\ue003", "="),
    ("\\#", "\ue004", "#"),
    ("\\{", "\ue005", "{"),
    ("\\}", "\ue006", "}"),
]
_FORMAT = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_TRUE_FALSE = re.compile(r"^(T|F|TRUE|FALSE)\s*(#.*)?$", re.IGNORECASE | re.DOTALL)
_WEIGHT = re.compile(r"^\s*%(-?\d+(?:[.,]\d+)?)%")


def _protect(text: str) -> str:
    for escaped, placeholder, _plain in _ESCAPES:
        text = text.replace(escaped, placeholder)
    return text.replace("\\n", "\n")


def _restore(text: str) -> str:
    for _escaped, placeholder, plain in _ESCAPES:
        text = text.replace(placeholder, plain)
    return text


@dataclass
class _Answer:
    marker: str
    text: str
    weight: float | None
    feedback: str

    @property
    def fraction(self) -> float:
        if self.weight is not None:
            return self.weight
        return 100.0 if self.marker == "=" else 0.0


def _answers(text: str) -> tuple[list[_Answer], str]:
    """The `=`/`~` answers of a block, and any text before the first one."""
    first = re.search(r"[=~]", text)
    before = text[: first.start()] if first else text
    answers = []
    for match in re.finditer(r"([=~])([^=~]*)", text):
        marker, body = match.groups()
        weight = None
        found = _WEIGHT.match(body)
        if found:
            weight = float(found.group(1).replace(",", "."))
            body = body[found.end() :]
        body, _hash, feedback = body.partition("#")
        answers.append(_Answer(marker, body.strip(), weight, feedback.strip()))
    return answers, before.strip()


def gift_parse(text: str) -> list[ParsedQuestion]:
    """Every question of a GIFT file, in order (refused ones carry the reason)."""
    text = _protect(text)
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip().startswith("//"):
            continue
        if not line.strip():
            if blocks[-1]:
                blocks.append([])
            continue
        blocks[-1].append(line)
    questions: list[ParsedQuestion] = []
    category = ""
    for lines in blocks:
        if lines and lines[0].strip().upper().startswith("$CATEGORY:"):
            category = category_name(_restore(lines[0].strip()[len("$CATEGORY:") :]))
            lines = lines[1:]
        if not lines:
            continue
        question = ParsedQuestion(number=len(questions) + 1, category=category)
        _question_read(question, "\n".join(lines).strip())
        questions.append(question)
    return questions


def _render(question: ParsedQuestion, text: str, fmt: str) -> str:
    text = _restore(text)
    if fmt == "html":
        text, images = html_to_text(text)
        note_images(question, images)
    return text.strip()


def _question_read(question: ParsedQuestion, text: str) -> None:
    if text.startswith("::"):
        end = text.find("::", 2)
        if end == -1:
            question.text = _restore(text)
            question.refuse(_("Judul soal ::…:: tidak ditutup."))
            return
        question.title = " ".join(_restore(text[2:end]).split())[:200]
        text = text[end + 2 :].strip()
    fmt = "moodle"
    found = _FORMAT.match(text)
    if found:
        fmt = found.group(1).lower()
        text = text[found.end() :]
    start = text.find("{")
    if start == -1:
        question.source_type = "description"
        question.text = _render(question, text, fmt)
        question.refuse(
            _("Tidak ada blok jawaban {…}: teks tanpa jawaban tidak diimpor.")
        )
        return
    end = text.find("}", start)
    question.text = _render(question, text[:start], fmt)
    if end == -1:
        question.refuse(_("Kurung kurawal { tidak ditutup dengan }."))
        return
    after = text[end + 1 :]
    if "{" in after:
        question.refuse(
            _(
                "Soal berisi lebih dari satu blok jawaban {…}; soal isian berganda "
                "(cloze) belum didukung."
            )
        )
        return
    if after.strip():  # the "missing word" form
        question.text = _render(
            question, text[:start].rstrip() + " _____ " + after.lstrip(), fmt
        )
    answer, _sep, general = text[start + 1 : end].partition("####")
    answer = answer.strip()
    if general.strip():
        question.feedback = _render(question, general, fmt)
    if answer == "":
        question.source_type = "essay"
        question.kind, question.data = "essay", {"guide": ""}
    elif answer.startswith("#"):
        _numeric(question, answer[1:])
    elif "~" in answer:
        _choice(question, answer)
    elif "=" in answer and "->" in answer:
        _matching(question, answer)
    elif _TRUE_FALSE.match(answer):
        _true_false(question, answer)
    elif answer.startswith("="):
        _short(question, answer)
    else:
        question.refuse(
            _("Blok jawaban {%(answer)s} tidak dikenali.")
            % {"answer": _restore(answer)[:60]}
        )


def _feedback_note(question: ParsedQuestion, answers: list[_Answer]) -> None:
    if any(a.feedback for a in answers):
        question.notes.append(_("Umpan balik per jawaban tidak ikut diimpor."))


def _choice(question: ParsedQuestion, block: str) -> None:
    question.source_type = "multichoice"
    answers, stray = _answers(block)
    if stray:
        question.refuse(
            _("Ada teks di luar pilihan jawaban: “%(text)s”.")
            % {"text": _restore(stray)[:60]}
        )
        return
    options = [_restore(a.text) for a in answers]
    full = [i for i, a in enumerate(answers) if a.fraction >= 100]
    positive = [i for i, a in enumerate(answers) if a.fraction > 0]
    _feedback_note(question, answers)
    if not positive:
        question.refuse(_("Tidak ada jawaban yang benar (tanda = atau bobot %n%)."))
        return
    if len(full) == 1:
        question.kind = "single"
        question.data = {"options": options, "correct": full[0]}
        if len(positive) > 1:
            question.notes.append(
                _(
                    "Nilai sebagian untuk pilihan lain diabaikan: hanya jawaban benar "
                    "penuh yang mendapat nilai."
                )
            )
        return
    if len(full) > 1 and all(answers[i].weight is None for i in full):
        question.refuse(
            _(
                "Lebih dari satu jawaban bertanda = pada pilihan ganda; tulis bobot "
                "~%%50%% untuk soal dengan beberapa jawaban benar."
            )
        )
        return
    question.kind = "multiple"
    question.data = {"options": options, "correct": positive}
    weights = {round(answers[i].fraction, 2) for i in positive}
    if len(weights) > 1:
        question.notes.append(
            _(
                "Bobot persentase diganti: setiap jawaban benar mendapat bagian yang "
                "sama, setiap pilihan salah mengurangi satu bagian."
            )
        )


def _numeric_value(text: str) -> tuple[float, float] | None:
    text = _restore(text).strip()
    if ".." in text:
        low, _dots, high = text.partition("..")
        low_value, high_value = number_read(low), number_read(high)
        if low_value is None or high_value is None:
            return None
        low_value, high_value = sorted((low_value, high_value))
        return (
            round((low_value + high_value) / 2, 10),
            round((high_value - low_value) / 2, 10),
        )
    value, _colon, tolerance = text.partition(":")
    number = number_read(value)
    margin = number_read(tolerance) if tolerance.strip() else 0.0
    if number is None or margin is None:
        return None
    return number, abs(margin)


def _numeric(question: ParsedQuestion, block: str) -> None:
    question.source_type = "numerical"
    if "=" in block:
        answers, stray = _answers(block)
        if stray:
            question.refuse(
                _("Ada teks di luar jawaban angka: “%(text)s”.")
                % {"text": _restore(stray)[:60]}
            )
            return
        answers = [a for a in answers if a.marker == "=" and a.text]
    else:
        value, _hash, feedback = block.partition("#")
        answers = [_Answer("=", value.strip(), None, feedback.strip())]
    _feedback_note(question, answers)
    full = [a for a in answers if a.fraction >= 100]
    if not full:
        question.refuse(_("Tidak ada jawaban angka yang benar penuh."))
        return
    value = _numeric_value(full[0].text)
    if value is None:
        question.refuse(
            _("Jawaban angka tidak terbaca: “%(text)s”.")
            % {"text": _restore(full[0].text)[:40]}
        )
        return
    if len(answers) > 1:
        question.notes.append(
            _("Hanya jawaban angka pertama yang benar penuh yang dipakai.")
        )
    question.kind = "numeric"
    question.data = {
        "answer": tidy_number(value[0]),
        "tolerance": tidy_number(value[1]),
        "unit": "",
    }


def _matching(question: ParsedQuestion, block: str) -> None:
    question.source_type = "matching"
    answers, stray = _answers(block)
    if stray:
        question.refuse(
            _("Ada teks di luar pasangan: “%(text)s”.") % {"text": _restore(stray)[:60]}
        )
        return
    pairs = []
    for answer in answers:
        if "->" not in answer.text:
            question.refuse(
                _("Pasangan harus ditulis =pernyataan -> jawaban: “%(text)s”.")
                % {"text": _restore(answer.text)[:60]}
            )
            return
        prompt, _arrow, response = answer.text.partition("->")
        prompt, response = _restore(prompt).strip(), _restore(response).strip()
        if not prompt:
            question.notes.append(
                _("Jawaban pengecoh “%(text)s” tidak ikut diimpor.")
                % {"text": response}
            )
            continue
        pairs.append([prompt, response])
    question.kind, question.data = "matching", {"pairs": pairs}


def _true_false(question: ParsedQuestion, block: str) -> None:
    question.source_type = "truefalse"
    found = _TRUE_FALSE.match(block)
    if found.group(2) and found.group(2).strip("# \n"):
        question.notes.append(_("Umpan balik per jawaban tidak ikut diimpor."))
    question.kind = "truefalse"
    question.data = {"correct": found.group(1).upper().startswith("T")}


def _short(question: ParsedQuestion, block: str) -> None:
    question.source_type = "shortanswer"
    answers, _stray = _answers(block)
    _feedback_note(question, answers)
    accepted = [_restore(a.text) for a in answers if a.fraction >= 100 and a.text]
    if len(accepted) < len([a for a in answers if a.fraction > 0]):
        question.notes.append(
            _("Jawaban bernilai sebagian tidak ikut diimpor (hanya yang benar penuh).")
        )
    question.kind, question.data = "short", {"answers": accepted}
