"""The admin form of an H5P activity: title, its Balai, the package, the score that
counts."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from courses.permissions import balai_field_lock

from .h5p import PackageInvalid, validate_package
from .selectors import stored_libraries


class H5PActivityForm(WagtailAdminModelForm):
    package = forms.FileField(
        label=_("Paket H5P (.h5p)"),
        required=False,
        help_text=_(
            "Unggah berkas .h5p. Pada aktivitas yang sudah ada, kosongkan untuk "
            "mempertahankan paket sekarang; mengunggah paket baru menggantinya."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        balai_field_lock(self)  # the create view sets it too

    def clean_package(self):
        upload = self.cleaned_data.get("package")
        if upload is None:
            has_package = self.instance.content_key or self.instance.pending_upload
            if not has_package:
                raise forms.ValidationError(_("Pilih berkas paket H5P (.h5p)."))
            return None
        if not upload.name.lower().endswith(".h5p"):
            raise forms.ValidationError(_("Berkas harus berekstensi .h5p."))
        if upload.size <= settings.H5P_SYNC_MAX_BYTES:
            # Small packages are checked now, so the form can say what is wrong;
            # large ones are checked by the task and the activity shows why.
            try:
                validate_package(upload, stored_libraries=stored_libraries())
            except PackageInvalid as exc:
                raise forms.ValidationError(
                    [_("Paket H5P ditolak:"), *exc.messages]
                ) from exc
            finally:
                upload.seek(0)
        return upload
