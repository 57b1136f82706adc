from django import forms
from django.utils.translation import gettext_lazy as _

from courses.models import Cohort
from lms.models import Province, Regency


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )


class ZipJobForm(forms.Form):
    cohort = forms.ModelChoiceField(
        label=_("Angkatan"), queryset=Cohort.objects.all(), required=False
    )
    regency = forms.ModelChoiceField(
        label=_("Kabupaten/kota"), queryset=Regency.objects.all(), required=False
    )
    province = forms.ModelChoiceField(
        label=_("Provinsi"), queryset=Province.objects.all(), required=False
    )

    def clean(self):
        data = super().clean()
        if not (data.get("cohort") or data.get("regency") or data.get("province")):
            raise forms.ValidationError(_("Pilih angkatan atau wilayah."))
        return data
