"""Forms of the assessments app (admin).

The question form has one set of fields per kind (options as rows with a "Benar"
tick, a true/false choice, a number with tolerance and unit, accepted answers,
items in order, pairs, an essay's guidance and rubric): the author never writes
JSON. It builds `Question.data` and checks it by the kind's rules
(`assessments.questions`), showing each message beside the field it is about.
"""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from lms.widgets import FollowingSelect, select_in_place

from .imports import MAX_BYTES
from .models import Question, QuestionBank, QuestionCategory
from .questions import kind_for, parse_number
from .selectors import courses_taught
from .widgets import Column, RowsField


def category_select(follows: str = "bank") -> FollowingSelect:
    """Categories offered by the chosen bank, named without their bank."""
    return FollowingSelect(
        follows=follows,
        parent_of=lambda category: category.bank_id,
        label_of=lambda category: category.name,
    )


def _question_label(question) -> str:
    where = f" · {question.category.name}" if question.category_id else ""
    text = question.text if len(question.text) <= 90 else question.text[:89] + "…"
    return f"{text} [{question.get_kind_display()}{where}]"


class ScopedForm(WagtailAdminModelForm):
    """Course and bank choices limited to what the user teaches."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is None:
            return
        courses = courses_taught(user=for_user)
        if "course" in self.fields:
            self.fields["course"].queryset = courses
        if "bank" in self.fields:
            self.fields["bank"].queryset = QuestionBank.objects.filter(
                course__in=courses
            ).select_related("course")
        if "category" in self.fields:
            self.fields["category"].queryset = QuestionCategory.objects.filter(
                bank__course__in=courses
            ).select_related("bank")


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


# Which form field shows the kind's message, and which fields each kind reads.
KIND_FIELDS = {
    "single": ("options",),
    "multiple": ("options",),
    "truefalse": ("truefalse",),
    "numeric": ("numeric_answer", "numeric_tolerance", "numeric_unit"),
    "short": ("answers",),
    "ordering": ("items",),
    "matching": ("pairs",),
    "essay": ("guide", "rubric"),
}


class QuestionForm(ScopedForm):
    options = RowsField(
        [
            Column("text", _("Pilihan jawaban")),
            Column("correct", _("Benar"), "check"),
            Column("feedback", _("Umpan balik jika dipilih (boleh kosong)")),
        ],
        label=_("Pilihan jawaban"),
        extra=2,
        add_label=_("Tambah pilihan"),
        movable=True,
        help_text=_(
            "Satu pilihan per baris. Centang “Benar” pada jawaban yang benar "
            "(pilihan ganda satu jawaban: tepat satu). Baris kosong diabaikan."
        ),
    )
    truefalse = forms.ChoiceField(
        label=_("Pernyataan di atas"),
        choices=[("true", _("Benar")), ("false", _("Salah"))],
        widget=forms.RadioSelect,
        required=False,
    )
    numeric_answer = forms.CharField(
        label=_("Jawaban yang benar"),
        required=False,
        help_text=_("Tulis seperti biasa: 12.500.000 atau 26.666,67."),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    numeric_tolerance = forms.CharField(
        label=_("Toleransi (±)"),
        required=False,
        help_text=_(
            "Selisih yang masih dianggap benar, misalnya 1. Kosongkan jika harus tepat."
        ),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    numeric_unit = forms.CharField(
        label=_("Satuan"),
        required=False,
        max_length=20,
        help_text=_("Misalnya Rp, %, orang. Boleh kosong."),
    )
    answers = RowsField(
        [Column("text", _("Jawaban yang diterima"))],
        label=_("Jawaban yang diterima"),
        extra=2,
        add_label=_("Tambah jawaban"),
        help_text=_(
            "Huruf besar-kecil, tanda baca dan spasi berlebih tidak dihitung. "
            "Tulis setiap ejaan lain yang juga benar."
        ),
    )
    items = RowsField(
        [Column("text", _("Butir"))],
        label=_("Butir dalam urutan yang benar"),
        extra=2,
        add_label=_("Tambah butir"),
        movable=True,
        help_text=_("Tulis dari yang pertama; peserta melihatnya dalam urutan acak."),
    )
    pairs = RowsField(
        [Column("prompt", _("Pernyataan")), Column("answer", _("Pasangannya"))],
        label=_("Pasangan"),
        extra=2,
        add_label=_("Tambah pasangan"),
        help_text=_("Peserta memilih pasangan setiap pernyataan dari daftar acak."),
    )
    guide = forms.CharField(
        label=_("Pedoman penilaian"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Untuk penilai: apa yang diharapkan dari jawaban."),
    )
    rubric = RowsField(
        [Column("criterion", _("Kriteria")), Column("points", _("Skor"), "number")],
        label=_("Rubrik"),
        extra=1,
        add_label=_("Tambah kriteria"),
        help_text=_("Boleh kosong. Skor tiap kriteria membantu penilai esai."),
    )

    class Media:
        js = ["js/question-form.js"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        select_in_place(self.fields["bank"])
        select_in_place(self.fields["category"], category_select())
        if self.instance.pk and not self.is_bound:
            self.initial.update(self._initial_from_data(self.instance.data or {}))

    @staticmethod
    def _initial_from_data(data: dict) -> dict:
        options = data.get("options") or []
        correct = data.get("correct")
        chosen = set(correct) if isinstance(correct, list) else {correct}
        feedback = data.get("feedback") or [""] * len(options)
        tolerance = data.get("tolerance")
        return {
            "options": [
                {"text": text, "correct": i in chosen, "feedback": feedback[i]}
                for i, text in enumerate(options)
            ],
            "truefalse": (
                {True: "true", False: "false"}.get(correct)
                if isinstance(correct, bool)
                else None
            ),
            "numeric_answer": _shown(data.get("answer")),
            "numeric_tolerance": _shown(tolerance) if tolerance else "",
            "numeric_unit": data.get("unit", ""),
            "answers": [{"text": a} for a in data.get("answers") or []],
            "items": [{"text": i} for i in data.get("items") or []],
            "pairs": [{"prompt": a, "answer": b} for a, b in data.get("pairs") or []],
            "guide": data.get("guide", ""),
            "rubric": [
                {"criterion": r["criterion"], "points": _shown(r["points"])}
                for r in data.get("rubric") or []
            ],
        }

    def clean(self):
        cleaned = super().clean()
        bank, category = cleaned.get("bank"), cleaned.get("category")
        if bank and category and category.bank_id != bank.pk:
            self.add_error("category", _("Kategori harus dari bank soal yang sama."))
        kind = cleaned.get("kind")
        if not kind:
            return cleaned
        try:
            data = self._data_for(kind, cleaned)
            self.instance.data = kind_for(kind).validate(data)
        except ValidationError as exc:
            self.instance.data = {}
            field = getattr(exc, "field", None) or KIND_FIELDS[kind][0]
            if not self.has_error(field):
                self.add_error(field, exc.messages)
        return cleaned

    def _data_for(self, kind: str, cleaned: dict) -> dict:
        if kind in ("single", "multiple"):
            rows = cleaned.get("options") or []
            ticked = [i for i, row in enumerate(rows) if row["correct"]]
            if kind == "single" and len(ticked) > 1:
                raise ValidationError(
                    _("Centang tepat satu pilihan yang benar (sekarang %(n)s).")
                    % {"n": len(ticked)}
                )
            return {
                "options": [row["text"] for row in rows],
                "correct": (ticked[0] if ticked else None)
                if kind == "single"
                else ticked,
                "feedback": [row["feedback"] for row in rows],
            }
        if kind == "truefalse":
            return {
                "correct": {"true": True, "false": False}.get(cleaned.get("truefalse"))
            }
        if kind == "numeric":
            return self._numeric(cleaned)
        if kind == "short":
            return {"answers": [row["text"] for row in cleaned.get("answers") or []]}
        if kind == "ordering":
            return {"items": [row["text"] for row in cleaned.get("items") or []]}
        if kind == "matching":
            pairs = cleaned.get("pairs") or []
            if any(not (p["prompt"] and p["answer"]) for p in pairs):
                raise ValidationError(
                    _("Setiap pasangan perlu pernyataan dan pasangannya.")
                )
            return {"pairs": [[p["prompt"], p["answer"]] for p in pairs]}
        if kind == "essay":
            return self._essay(cleaned)
        return {}

    def _numeric(self, cleaned: dict) -> dict:
        text = cleaned.get("numeric_answer", "")
        answer = parse_number(text) if text else None
        if answer is None:
            error = ValidationError(
                _("Isi jawaban berupa angka, misalnya 12.500.000 atau 2,5.")
            )
            error.field = "numeric_answer"
            raise error
        tolerance_text = cleaned.get("numeric_tolerance", "")
        tolerance = parse_number(tolerance_text) if tolerance_text else Decimal(0)
        if tolerance is None or tolerance < 0:
            error = ValidationError(_("Toleransi harus angka 0 atau lebih."))
            error.field = "numeric_tolerance"
            raise error
        return {
            "answer": _number(answer),
            "tolerance": _number(tolerance),
            "unit": cleaned.get("numeric_unit", ""),
        }

    def _essay(self, cleaned: dict) -> dict:
        rubric = []
        for row in cleaned.get("rubric") or []:
            points = parse_number(row["points"]) if row["points"] else None
            if not row["criterion"] or points is None or points < 0:
                error = ValidationError(
                    _("Setiap kriteria rubrik perlu uraian dan skor 0 atau lebih.")
                )
                error.field = "rubric"
                raise error
            rubric.append({"criterion": row["criterion"], "points": _number(points)})
        return {"guide": cleaned.get("guide", ""), "rubric": rubric}

    def _update_errors(self, errors):
        # Question.clean checks `data` again; this form has no such field: its
        # messages were already shown beside the kind's own fields.
        if hasattr(errors, "error_dict"):
            errors.error_dict.pop("data", None)
            if not errors.error_dict:
                return
        super()._update_errors(errors)


def _shown(value) -> str:
    """A number as an Indonesian writes it: 12.500.000, 26.666,67."""
    if value is None or value == "":
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        whole = float(value).is_integer()
        text = f"{value:,.0f}" if whole else f"{value:,}"
        return text.replace(",", "_").replace(".", ",").replace("_", ".")
    return str(value)


class QuestionImportForm(forms.Form):
    """Upload a Moodle XML or GIFT file into one of the user's banks."""

    bank = forms.ModelChoiceField(
        label=_("Bank soal tujuan"), queryset=QuestionBank.objects.none()
    )
    file = forms.FileField(
        label=_("Berkas soal"),
        help_text=_("Moodle XML (.xml) atau GIFT (.gift, .txt), paling besar 5 MB."),
    )
    fmt = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("auto", _("Kenali otomatis")),
            ("xml", "Moodle XML"),
            ("gift", "GIFT"),
        ],
        initial="auto",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bank"].queryset = QuestionBank.objects.filter(
            course__in=courses_taught(user=user)
        ).select_related("course")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("Berkas terlalu besar (paling besar 5 MB)."))
        return upload


class QuizSlotForm(WagtailAdminModelForm):
    """One place of a quiz: a fixed question OR questions drawn from a category,
    never both. A bank dropdown narrows the questions and categories offered."""

    FIXED, RANDOM = "fixed", "random"

    mode = forms.ChoiceField(
        label=_("Isi slot"),
        choices=[
            (FIXED, _("Satu soal tetap")),
            (RANDOM, _("Soal acak dari satu kategori")),
        ],
        widget=forms.RadioSelect,
        initial=FIXED,
    )
    bank = forms.ModelChoiceField(
        label=_("Bank soal"),
        queryset=QuestionBank.objects.none(),
        required=False,
        help_text=_("Soal dan kategori di bawah mengikuti bank yang dipilih."),
    )

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        banks = QuestionBank.objects.select_related("course")
        if for_user is not None:
            banks = banks.filter(course__in=courses_taught(user=for_user))
        self.fields["bank"].queryset = banks
        select_in_place(self.fields["bank"])
        question = self.fields["question"]
        question.queryset = Question.objects.filter(bank__in=banks).select_related(
            "category"
        )
        select_in_place(
            question,
            FollowingSelect(
                follows="bank",
                parent_of=lambda q: q.bank_id,
                label_of=_question_label,
                search=_("Cari soal (kata dalam soal, jenis, kategori)…"),
            ),
        )
        category = self.fields["category"]
        category.queryset = QuestionCategory.objects.filter(bank__in=banks)
        select_in_place(category, category_select())
        self.fields["count"].required = False
        slot = self.instance
        if not slot.pk and not self.is_bound:
            only = list(banks.values_list("pk", flat=True)[:2])
            if len(only) == 1:
                self.initial["bank"] = only[0]
        if slot.pk and not self.is_bound:
            self.initial["mode"] = self.RANDOM if slot.category_id else self.FIXED
            self.initial["bank"] = (
                slot.category.bank_id if slot.category_id else slot.question.bank_id
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("DELETE"):
            return cleaned
        if cleaned.get("mode") == self.RANDOM:
            cleaned["question"] = None
            if not cleaned.get("category"):
                self.add_error("category", _("Pilih kategori untuk soal acak."))
            if not cleaned.get("count"):
                self.add_error(
                    "count", _("Isi jumlah soal acak, sekurang-kurangnya 1.")
                )
        else:
            cleaned["category"] = None
            cleaned["count"] = 1
            if not cleaned.get("question"):
                self.add_error("question", _("Pilih soal untuk slot ini."))
        return cleaned


class QuizForm(ScopedForm):
    """The quiz builder: the quiz's rules and its slots (`QuizSlotForm`)."""

    class Media:
        js = ["js/follow-parent.js", "js/quiz-builder.js"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        select_in_place(self.fields["course"])
