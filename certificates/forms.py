from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from courses.models import Cohort
from lms.models import Balai, Province, Regency
from lms.scoping import balai_q
from lms.widgets import FollowingSelect, select_in_place


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


class CertificateTemplateForm(WagtailAdminModelForm):
    """A template of the user's own Balai (an instructor: theirs only); the Dinas
    regency follows the chosen province."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        if user is not None and "balai" in self.fields:
            balais = Balai.objects.filter(balai_q(user, "pk"))
            self.fields["balai"].queryset = balais
            if not self.instance.pk and balais.count() == 1:
                self.initial["balai"] = balais.get().pk
        if "issuer_regency" in self.fields:
            select_in_place(
                self.fields["issuer_regency"],
                FollowingSelect(
                    follows="issuer_province",
                    parent_of=lambda regency: regency.province_id,
                ),
            )
