"""A participant's own data: download it (JSON, XLSX), ask for its deletion."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from lms.models import PersonalDataAccess
from lms.privacy import (
    access_record,
    personal_data,
    personal_data_erase,
    personal_data_xlsx,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@never_cache
def my_data_download(request, fmt: str):
    if fmt not in ("json", "xlsx"):
        raise Http404
    user = request.user
    access_record(
        actor=user,
        action=PersonalDataAccess.Action.OWN_DOWNLOAD,
        what=_("Data pribadi sendiri (%(fmt)s)") % {"fmt": fmt.upper()},
        subjects=[user],
    )
    stamp = timezone.localdate().isoformat()
    if fmt == "xlsx":
        response = HttpResponse(personal_data_xlsx(user=user), content_type=XLSX)
    else:
        body = json.dumps(personal_data(user=user), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="data-saya-balai-daring-{stamp}.{fmt}"'
    )
    return response


class ErasureForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Kata sandi Anda"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    understood = forms.BooleanField(
        label=gettext_lazy(
            "Saya mengerti: akun saya ditutup dan data pribadi saya dihapus. "
            "Ini tidak dapat dibatalkan."
        )
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Kata sandi salah."))
        return password


@login_required
@require_http_methods(["GET", "POST"])
def my_data_erase(request):
    form = ErasureForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        personal_data_erase(user=user, actor=user)
        messages.success(
            request,
            _(
                "Akun Anda sudah ditutup dan data pribadi Anda dihapus. "
                "Sertifikat yang sudah terbit tetap dapat diverifikasi."
            ),
        )
        return redirect("lms:home")
    return render(request, "lms/my_data_erase.html", {"form": form})
