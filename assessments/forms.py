"""Forms of the assessments app (admin)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .imports import MAX_BYTES
from .models import QuestionBank
from .selectors import courses_taught


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
