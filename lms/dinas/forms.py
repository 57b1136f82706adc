from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from courses.models import Cohort
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


class AssistantVillagesForm(forms.Form):
    assistant = forms.ModelChoiceField(
        label=_("Business assistant"), queryset=User.objects.none()
    )
    village_codes = forms.CharField(
        label=_("Kode desa (satu per baris atau dipisah koma)"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assistant"].queryset = User.objects.filter(
            role=Role.ASSISTANT, is_active=True
        ).order_by("full_name")

    def codes(self) -> list[str]:
        raw = self.cleaned_data["village_codes"].replace(",", "\n")
        return [c.strip() for c in raw.splitlines() if c.strip()]
