"""Admin forms of the courses app: cohorts and bulk enrolment."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from lms.models import Role, User
from lms.widgets import FollowingSelect, select_in_place

from .selectors import cohort_candidates, cohort_courses


class CohortForm(WagtailAdminModelForm):
    """A cohort's course and instructors are limited to what the user manages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "regency" in self.fields:
            # Only the chosen province's regencies (static/js/follow-parent.js).
            self.fields["regency"].queryset = self.fields["regency"].queryset.order_by(
                "name"
            )
            select_in_place(
                self.fields["regency"],
                FollowingSelect(
                    follows="province", parent_of=lambda regency: regency.province_id
                ),
            )
        user = getattr(self, "for_user", None)
        if user is None:
            return
        if "course" in self.fields:
            self.fields["course"].queryset = cohort_courses(user=user)
        if "instructors" in self.fields:
            instructors = User.objects.filter(role=Role.INSTRUCTOR, is_active=True)
            if not user.is_admin:
                instructors = instructors.filter(balai_id=user.balai_id)
            self.fields["instructors"].queryset = instructors.order_by("full_name")
            self.fields["instructors"].widget = forms.CheckboxSelectMultiple()
            self.fields["instructors"].widget.choices = self.fields[
                "instructors"
            ].choices

    def clean(self):
        cleaned = super().clean()
        province, regency = cleaned.get("province"), cleaned.get("regency")
        if regency and province and regency.province_id != province.pk:
            self.add_error(
                "regency",
                _("Kabupaten/kota ini tidak berada di provinsi yang dipilih."),
            )
        return cleaned


_SPLIT = re.compile(r"[\n,;]+")


class CohortEnrollForm(forms.Form):
    """Participants to enrol: ticked from a list, or pasted as phone numbers/emails."""

    participants = forms.ModelMultipleChoiceField(
        label=_("Pilih peserta"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    identifiers = forms.CharField(
        label=_("Atau tempel nomor HP / email"),
        help_text=_("Satu per baris, atau dipisah koma. Contoh: 0812-3456-7890"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, user: User, query: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        candidates = cohort_candidates(user=user, query=query)
        if self.is_bound:
            # Validate the ticked ids against everything the user may pick (and
            # render only those again if the form comes back with an error).
            ticked = [
                pk
                for pk in self.data.getlist(self.add_prefix("participants"))
                if str(pk).isdigit()
            ]
            self.fields["participants"].queryset = candidates.filter(pk__in=ticked)
        else:
            ids = list(candidates.values_list("pk", flat=True)[:50])
            self.fields["participants"].queryset = User.objects.filter(
                pk__in=ids
            ).order_by("full_name")

    def clean_identifiers(self) -> list[str]:
        text = self.cleaned_data.get("identifiers") or ""
        return [part.strip() for part in _SPLIT.split(text) if part.strip()]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("participants") and not cleaned.get("identifiers"):
            raise forms.ValidationError(
                _("Pilih peserta atau tempel nomor HP/email mereka.")
            )
        return cleaned
