from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from courses.models import Cohort, CoursePage
from lms import scoping
from lms.models import Role, User

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def cohorts_for(user: User) -> QuerySet[Cohort]:
    """Cohorts an officer may enrol an import into (`scoping.officer_cohorts_q`)."""
    return Cohort.objects.select_related("course").filter(
        scoping.officer_cohorts_q(user)
    )


class ProgrammeUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas daftar peserta (CSV atau XLSX)"),
        help_text=_("Kolom: nama, nomor HP, email, jabatan, nama koperasi, kode desa."),
    )
    cohort = forms.ModelChoiceField(
        label=_("Daftarkan ke angkatan (boleh dikosongkan)"),
        queryset=None,
        required=False,
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = cohorts_for(user)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Unggah berkas .csv atau .xlsx."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Berkas terlalu besar (maksimal 10 MB)."))
        return upload


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class OfficerCohortForm(forms.ModelForm):
    """A cohort run by the officer's region: course, name, dates."""

    class Meta:
        model = Cohort
        fields = ["course", "name", "starts_on", "ends_on"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}
        labels = {
            "course": _("Kursus"),
            "name": _("Nama angkatan"),
            "starts_on": _("Mulai"),
            "ends_on": _("Selesai"),
        }
        help_texts = {"name": _("Misalnya: Angkatan 1 Kalimantan Selatan 2026")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = CoursePage.objects.live().order_by("title")

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("Tanggal selesai tidak boleh sebelum mulai."))
        return data

    def validate_constraints(self, exclude=None):
        pass  # the dates are checked in clean(), with a message in Indonesian


class ImportEnrollForm(forms.Form):
    cohort = forms.ModelChoiceField(label=_("Angkatan"), queryset=None)

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = cohorts_for(user)


class AssistantVillagesForm(forms.Form):
    """Which assistant the assignment page works on (villages are chosen from
    the search results, by name)."""

    pendamping = forms.ModelChoiceField(
        label=_("Pendamping desa (business assistant)"),
        queryset=User.objects.none(),
        empty_label=_("— pilih pendamping —"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pendamping"].queryset = User.objects.filter(
            role=Role.ASSISTANT, is_active=True
        ).order_by("full_name")
