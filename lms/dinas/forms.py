from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lms.models import Role, User

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def cohorts_for(user: User):
    """Cohorts an officer may enrol into: those run in their region (or no region)."""
    from courses.models import Cohort

    cohorts = Cohort.objects.select_related("course")
    if user.is_admin:
        return cohorts
    if user.role != Role.DINAS:
        return cohorts.none()
    if user.scope_regency_id:
        return cohorts.filter(
            Q(regency_id=user.scope_regency_id)
            | Q(regency__isnull=True, province_id=user.scope_regency_id[:2])
            | Q(regency__isnull=True, province__isnull=True)
        )
    return cohorts.filter(
        Q(province_id=user.scope_province_id)
        | Q(regency__province_id=user.scope_province_id)
        | Q(regency__isnull=True, province__isnull=True)
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
