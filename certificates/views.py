"""Participant pages (my certificates, download) and the public verification page."""

from django_ratelimit.decorators import ratelimit

from django.contrib.auth.decorators import login_required
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .models import Certificate, private_storage
from .selectors import (
    can_download,
    certificate_by_code,
    certificate_by_number,
    certificates_of_user,
    certificates_shown,
)

VERIFY_RATE = "20/m"


@login_required
def my_certificates(request):
    return render(
        request,
        "certificates/my_certificates.html",
        {"certificates": certificates_of_user(user=request.user)},
    )


@login_required
@never_cache
def download(request, certificate_id: int):
    """The PDF, for its holder (or an administrator) only."""
    certificate = (
        certificates_shown()
        .select_related("enrollment")
        .filter(pk=certificate_id)
        .first()
    )
    if certificate is None or not can_download(
        user=request.user, certificate=certificate
    ):
        raise Http404
    storage = private_storage()
    filename = f"sertifikat-{certificate.number.replace('/', '-')}.pdf"
    if isinstance(storage, FileSystemStorage):
        return FileResponse(
            storage.open(certificate.file.name, "rb"),
            as_attachment=True,
            filename=filename,
            content_type="application/pdf",
        )
    # Object storage: a short-lived presigned link (AWS_QUERYSTRING_EXPIRE).
    url = storage.url(
        certificate.file.name,
        parameters={"ResponseContentDisposition": f'attachment; filename="{filename}"'},
    )
    return HttpResponseRedirect(url)


def _limited(request) -> bool:
    return getattr(request, "limited", False)


@ratelimit(key="ip", rate=VERIFY_RATE, block=False)
def verify(request, code: str):
    if _limited(request):
        return _too_many(request)
    certificate = certificate_by_code(code=code)
    return _verification_page(request, certificate)


@ratelimit(key="ip", rate=VERIFY_RATE, method="GET", block=False)
def verify_form(request):
    number = request.GET.get("nomor", "").strip()
    name = request.GET.get("nama", "").strip()
    if not number and not name:
        return render(request, "certificates/verify_form.html", {})
    if _limited(request):
        return _too_many(request)
    shown = {"number": number[:120], "name": name[:150]}
    if len(number) > 120 or len(name) > 150:
        return render(
            request,
            "certificates/verify_form.html",
            {**shown, "error": _("Nomor atau nama terlalu panjang.")},
        )
    if not number or not name:
        return render(
            request,
            "certificates/verify_form.html",
            {
                **shown,
                "error": _(
                    "Isi nomor sertifikat dan nama pemegang persis seperti tercetak "
                    "pada sertifikat."
                ),
            },
        )
    certificate = certificate_by_number(number=number, holder_name=name)
    if certificate is None:
        return render(
            request,
            "certificates/verify_form.html",
            {
                **shown,
                "error": _(
                    "Tidak ada sertifikat dengan nomor dan nama pemegang ini. "
                    "Periksa kembali keduanya."
                ),
            },
            status=404,
        )
    return redirect("certificates:verify", code=certificate.code)


def _verification_page(request, certificate: Certificate | None):
    status = 200 if certificate is not None else 404
    response = render(
        request,
        "certificates/verify.html",
        {"certificate": certificate},
        status=status,
    )
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _too_many(request):
    return render(
        request,
        "certificates/verify_form.html",
        {"error": _("Terlalu banyak pencarian. Coba lagi sebentar lagi.")},
        status=429,
    )
