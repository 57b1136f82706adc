"""Forms of blended programmes. They only read and check input; the services write."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lms.models import TimeZone

from ..models import Cohort, OfflineComponent, Session
from . import evaluation
from .services import SessionInput, speakers_parse


class SessionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis sesi"), choices=Session.Kind.choices)
    title = forms.CharField(label=_("Judul sesi"), max_length=200)
    day = forms.DateField(
        label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"})
    )
    start = forms.TimeField(
        label=_("Mulai"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    end = forms.TimeField(
        label=_("Selesai"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    zone = forms.ChoiceField(
        label=_("Zona waktu tempat sesi"),
        choices=TimeZone.choices,
        help_text=_("Jam diisi menurut waktu setempat di tempat sesi."),
    )
    place = forms.CharField(
        label=_("Tempat"),
        max_length=255,
        required=False,
        help_text=_("Untuk tatap muka dan kunjungan belajar."),
    )
    meeting_url = forms.URLField(
        assume_scheme="https",
        label=_("Tautan pertemuan"),
        required=False,
        help_text=_("Untuk webinar (Zoom, Google Meet …)."),
    )
    jp = forms.IntegerField(label=_("JP"), min_value=1, max_value=24, initial=2)
    speakers = forms.CharField(
        label=_("Narasumber"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Satu per baris: Nama; Instansi"),
    )
    required = forms.BooleanField(label=_("Wajib dihadiri untuk lulus"), required=False)

    def clean_speakers(self) -> tuple[tuple[str, str], ...]:
        return speakers_parse(self.cleaned_data.get("speakers") or "")

    def session_input(self) -> SessionInput:
        data = self.cleaned_data
        return SessionInput(
            kind=data["kind"],
            title=data["title"],
            day=data["day"],
            start=data["start"],
            end=data["end"],
            zone=data["zone"],
            place=data["place"],
            meeting_url=data["meeting_url"],
            jp=data["jp"],
            speakers=data["speakers"],
            required=data["required"],
        )


class CohortRuleForm(forms.ModelForm):
    """A blended cohort's budget, completion by attendance, certificates and the
    report's signatory (the service writes them)."""

    class Meta:
        model = Cohort
        fields = [
            "funding_source",
            "budget_year",
            "budget_line",
            "attendance_min_percent",
            "evaluation_required",
            "certificates_at_close",
            "signatory_name",
            "signatory_title",
            "signatory_nip",
            "report_place",
        ]

    def clean_attendance_min_percent(self) -> int:
        value = self.cleaned_data["attendance_min_percent"]
        if value > 100:
            raise ValidationError(_("Kehadiran minimal antara 0 dan 100%."))
        return value


class OfflineComponentForm(forms.ModelForm):
    class Meta:
        model = OfflineComponent
        fields = ["name", "pass_mark"]


class EvaluationForm(forms.Form):
    """The evaluation: a 1–5 choice per item (per narasumber for theirs), and two
    comments. Field names: `<item>` or `<item>__<speaker id>`."""

    comment_material = forms.CharField(
        label=_("Saran tentang materi"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    comment_organisation = forms.CharField(
        label=_("Saran tentang penyelenggaraan"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, expected: list[tuple[str, int | None]], **kwargs):
        super().__init__(*args, **kwargs)
        self.expected = expected
        for item, speaker in expected:
            self.fields[self.field_name(item, speaker)] = forms.TypedChoiceField(
                choices=evaluation.SCALE,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Pilih satu nilai.")},
            )

    @staticmethod
    def field_name(item: str, speaker: int | None) -> str:
        return f"{item}__{speaker}" if speaker else item

    def scores(self) -> dict[tuple[str, int | None], int]:
        return {
            (item, speaker): self.cleaned_data[self.field_name(item, speaker)]
            for item, speaker in self.expected
        }
