"""Moodle XML question banks, read into our question kinds.

    <quiz>
      <question type="category"><category><text>$course$/top/SHU</text></category>
      </question>
      <question type="multichoice">
        <name><text>…</text></name>
        <questiontext format="html"><text><![CDATA[<p>…</p>]]></text></questiontext>
        <generalfeedback format="html"><text>…</text></generalfeedback>
        <defaultgrade>1.0000000</defaultgrade>
        <single>true</single>
        <answer fraction="100" format="html"><text>…</text><feedback>…</feedback></answer>
        …

Read: multichoice (single and multiple), truefalse, shortanswer, numerical (the
first fully right answer with its tolerance; the unit whose multiplier is 1),
matching (subquestions; those without a question are distractors, dropped),
ordering (the qtype_ordering plug-in: answers in the right order), essay
(graderinfo becomes the marking guide) and category. Other types (description,
cloze, calculated, drag and drop…) are refused with the reason. HTML texts become
plain text; images are not imported (noted). The XML is read with defusedxml.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError  # noqa: S405 (types only)

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .common import (
    ParsedQuestion,
    category_name,
    html_to_text,
    note_images,
    number_read,
    tidy_number,
)

UNSUPPORTED = {
    "description": "deskripsi",
    "multianswer": "cloze (isian berganda)",
    "calculated": "calculated (rumus)",
    "calculatedsimple": "calculated (rumus)",
    "calculatedmulti": "calculated (rumus)",
    "ddwtos": "seret dan lepas ke teks",
    "ddimageortext": "seret dan lepas ke gambar",
    "ddmarker": "penanda seret dan lepas",
    "gapselect": "pilih kata yang hilang",
    "randomsamatch": "menjodohkan acak",
    "random": "soal acak",
}


def _text(element: Element | None, question: ParsedQuestion | None = None) -> str:
    """The text of a Moodle text element (<x format="html"><text>…</text></x>)."""
    if element is None:
        return ""
    node = element.find("text")
    raw = (node.text if node is not None else element.text) or ""
    if element.get("format", "html") in ("html", "moodle_auto_format") and (
        "<" in raw or "&" in raw
    ):
        text, images = html_to_text(raw)
        if question is not None:
            note_images(question, images + len(element.findall("file")))
        return text
    if question is not None:
        note_images(question, len(element.findall("file")))
    return raw.strip()


def _fraction(element: Element) -> float:
    value = number_read(element.get("fraction", "0"))
    return value if value is not None else 0.0


def moodle_xml_parse(text: str) -> list[ParsedQuestion]:
    """Every question of a Moodle XML file, in order; ValidationError if unreadable."""
    try:
        root = fromstring(text.encode("utf-8"))
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else "?"
        raise ValidationError(
            _("Berkas XML tidak dapat dibaca (rusak di sekitar baris %(line)s).")
            % {"line": line}
        ) from exc
    except DefusedXmlException as exc:
        raise ValidationError(
            _("Berkas XML berisi entitas atau DTD yang tidak diizinkan.")
        ) from exc
    if root.tag != "quiz":
        raise ValidationError(
            _("Bukan berkas Moodle XML: elemen utama harus <quiz>, bukan <%(tag)s>.")
            % {"tag": root.tag}
        )
    questions: list[ParsedQuestion] = []
    category = ""
    for element in root.findall("question"):
        kind = element.get("type", "")
        if kind == "category":
            category = category_name(_text(element.find("category")))
            continue
        question = ParsedQuestion(
            number=len(questions) + 1, source_type=kind, category=category
        )
        _question_read(question, element)
        questions.append(question)
    return questions


def _question_read(question: ParsedQuestion, element: Element) -> None:
    question.title = " ".join(_text(element.find("name")).split())[:200]
    question.text = _text(element.find("questiontext"), question)
    question.feedback = _text(element.find("generalfeedback"), question)
    grade = element.findtext("defaultgrade")
    if grade is not None:
        value = number_read(grade)
        if value is None or value < 0:
            question.refuse(_("Bobot soal (defaultgrade) tidak terbaca."))
            return
        question.points = round(value)
        if value != question.points:
            question.notes.append(
                _("Bobot %(grade)s dibulatkan menjadi %(points)s.")
                % {"grade": tidy_number(value), "points": question.points}
            )
    reader = READERS.get(question.source_type)
    if reader is None:
        name = UNSUPPORTED.get(question.source_type, question.source_type or "?")
        question.refuse(
            _("Jenis soal Moodle “%(type)s” belum didukung.") % {"type": name}
        )
        return
    reader(question, element)


def _answers(question: ParsedQuestion, element: Element) -> list[tuple[float, str]]:
    answers = element.findall("answer")
    if any(_text(a.find("feedback")) for a in answers):
        question.notes.append(_("Umpan balik per jawaban tidak ikut diimpor."))
    return [(_fraction(a), _text(a, question)) for a in answers]


def _multichoice(question: ParsedQuestion, element: Element) -> None:
    answers = _answers(question, element)
    options = [text for _fraction_, text in answers]
    single = (element.findtext("single") or "true").strip().lower() in ("true", "1")
    full = [i for i, (fraction, _t) in enumerate(answers) if fraction >= 100]
    positive = [i for i, (fraction, _t) in enumerate(answers) if fraction > 0]
    if not positive:
        question.refuse(_("Tidak ada jawaban yang benar (fraction lebih dari 0)."))
        return
    if single:
        if len(full) != 1:
            question.refuse(
                _(
                    "Pilihan ganda satu jawaban harus punya tepat satu jawaban "
                    "bernilai 100%%; soal ini punya %(n)s."
                )
                % {"n": len(full)}
            )
            return
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
    question.kind = "multiple"
    question.data = {"options": options, "correct": positive}
    if len({round(answers[i][0], 2) for i in positive}) > 1:
        question.notes.append(
            _(
                "Bobot persentase diganti: setiap jawaban benar mendapat bagian yang "
                "sama, setiap pilihan salah mengurangi satu bagian."
            )
        )


def _truefalse(question: ParsedQuestion, element: Element) -> None:
    answers = _answers(question, element)
    right = [text.strip().lower() for fraction, text in answers if fraction >= 100]
    if len(right) != 1 or right[0] not in ("true", "false", "benar", "salah"):
        question.refuse(_("Soal benar/salah tanpa satu jawaban benar yang jelas."))
        return
    question.kind = "truefalse"
    question.data = {"correct": right[0] in ("true", "benar")}


def _shortanswer(question: ParsedQuestion, element: Element) -> None:
    answers = _answers(question, element)
    accepted = []
    for fraction, text in answers:
        if fraction < 100 or not text:
            continue
        if "*" in text:
            question.notes.append(
                _("Jawaban “%(text)s” memakai tanda * (wildcard) dan tidak diimpor.")
                % {"text": text}
            )
            continue
        accepted.append(text)
    if any(0 < fraction < 100 for fraction, _text_ in answers):
        question.notes.append(
            _("Jawaban bernilai sebagian tidak ikut diimpor (hanya yang benar penuh).")
        )
    if (element.findtext("usecase") or "0").strip() == "1":
        question.notes.append(
            _("Huruf besar/kecil tidak dibedakan saat menilai (aturan Balai Daring).")
        )
    question.kind, question.data = "short", {"answers": accepted}


def _numerical(question: ParsedQuestion, element: Element) -> None:
    full = [
        a
        for a in element.findall("answer")
        if _fraction(a) >= 100 and _text(a).strip() not in ("", "*")
    ]
    if not full:
        question.refuse(_("Tidak ada jawaban angka yang benar penuh."))
        return
    answer = number_read(_text(full[0]))
    tolerance = number_read(full[0].findtext("tolerance") or "0")
    if answer is None or tolerance is None:
        question.refuse(
            _("Jawaban angka tidak terbaca: “%(text)s”.") % {"text": _text(full[0])}
        )
        return
    if len(element.findall("answer")) > 1:
        question.notes.append(
            _("Hanya jawaban angka pertama yang benar penuh yang dipakai.")
        )
    unit = ""
    for node in element.findall("units/unit"):
        if number_read(node.findtext("multiplier") or "1") == 1:
            unit = (node.findtext("unit_name") or "").strip()
            break
    question.kind = "numeric"
    question.data = {
        "answer": tidy_number(answer),
        "tolerance": tidy_number(abs(tolerance)),
        "unit": unit,
    }


def _matching(question: ParsedQuestion, element: Element) -> None:
    pairs = []
    for sub in element.findall("subquestion"):
        prompt = _text(sub, question)
        response = _text(sub.find("answer"))
        if not prompt:
            question.notes.append(
                _("Jawaban pengecoh “%(text)s” tidak ikut diimpor.")
                % {"text": response}
            )
            continue
        pairs.append([prompt, response])
    question.kind, question.data = "matching", {"pairs": pairs}


def _ordering(question: ParsedQuestion, element: Element) -> None:
    answers = element.findall("answer")
    ranked = sorted(enumerate(answers), key=lambda pair: (_fraction(pair[1]), pair[0]))
    question.kind = "ordering"
    question.data = {"items": [_text(a, question) for _i, a in ranked]}


def _essay(question: ParsedQuestion, element: Element) -> None:
    question.kind = "essay"
    question.data = {"guide": _text(element.find("graderinfo"))}


READERS = {
    "multichoice": _multichoice,
    "truefalse": _truefalse,
    "shortanswer": _shortanswer,
    "numerical": _numerical,
    "matching": _matching,
    "ordering": _ordering,
    "essay": _essay,
}
