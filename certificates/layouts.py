"""From the database to the renderer: a template's layout and a certificate's data.

`certificates.pdf` knows nothing of Django; this module turns a
`CertificateTemplate` (or the built-in layout, when a Balai has no template) into
a `CertificateLayout`, and a certificate's record into `CertificateData`. A layout
is built once per template version per process (its images are read from storage
once), because one template serves thousands of certificates.

It reads the records it is given and imports no model, so `certificates.models`
can use it (the template's preview).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import timezone

from .numbering import certificate_issuer, number_format
from .pdf import (
    CertificateData,
    CertificateLayout,
    Signatory,
    render_certificate,
)

if TYPE_CHECKING:
    from courses.models import CoursePage
    from lms.models import Regency, User

    from .models import Certificate, CertificateTemplate

_cache: dict[tuple[int, str], CertificateLayout] = {}
_cache_lock = threading.Lock()


def _image_bytes(image) -> bytes | None:
    if image is None:
        return None
    with image.file.open("rb") as handle:
        return handle.read()


def builtin_layout(*, issuer_name: str) -> CertificateLayout:
    """The layout used when a course's Balai has no default template."""
    return CertificateLayout(issuer_name=issuer_name)


def template_layout(*, template: CertificateTemplate) -> CertificateLayout:
    """The template's layout, built once per template version per process."""
    key = (template.pk, template.updated_at.isoformat())
    layout = _cache.get(key)
    if layout is None:
        layout = _build_layout(template)
        with _cache_lock:
            # Older versions of this template are of no further use.
            for old in [k for k in _cache if k[0] == template.pk]:
                del _cache[old]
            _cache[key] = layout
    return layout


def _build_layout(template: CertificateTemplate) -> CertificateLayout:
    signatories = [
        Signatory(
            name=template.signatory_1_name,
            title=template.signatory_1_title,
            nip=template.signatory_1_nip,
            signature_image=_image_bytes(template.signatory_1_signature),
        )
    ]
    if template.signatory_2_name:
        signatories.append(
            Signatory(
                name=template.signatory_2_name,
                title=template.signatory_2_title,
                nip=template.signatory_2_nip,
                signature_image=_image_bytes(template.signatory_2_signature),
            )
        )
    logos = tuple(
        data
        for data in (_image_bytes(template.logo_1), _image_bytes(template.logo_2))
        if data
    )
    return CertificateLayout(
        orientation=template.orientation,
        title=template.title,
        body=template.body,
        issuer_name=certificate_issuer(balai=template.balai, template=template).name,
        background_image=_image_bytes(template.background_image),
        logos=logos,
        signatories=tuple(signatories),
    )


def sample_data(
    *, template: CertificateTemplate, holder: dict | None = None
) -> CertificateData:
    """The preview's holder: a real completion of the template's Balai when there
    is one (`holder`: `holder_facts` plus `completed_on` and `course_code`), else a
    made-up one; numbered as the template would number it."""
    today = timezone.localdate()
    facts = holder or {
        "holder_name": "Siti Rahmawati Noor",
        "position": "Bendahara",
        "cooperative_name": "Koperasi Desa Merah Putih Sungai Tabuk",
        "village_name": "Sungai Tabuk Kota",
        "regency_name": "Kabupaten Banjar",
        "course_title": "Akuntansi Koperasi Dasar (SAK EP)",
        "jp": 16,
        "completed_on": today,
        "course_code": "AK",
    }
    return CertificateData(
        number=number_format(
            issuer=certificate_issuer(balai=template.balai, template=template),
            seq=1,
            course_code=facts.get("course_code") or "AK",
            regency_code="63.03",
            province_code="63",
            year=facts["completed_on"].year,
        ),
        holder_name=facts["holder_name"],
        position=facts["position"],
        cooperative=facts["cooperative_name"],
        village=facts["village_name"],
        regency=facts["regency_name"],
        course_title=facts["course_title"],
        jp=facts["jp"],
        completed_on=facts["completed_on"],
        verify_url=settings.SITE_URL.rstrip("/") + "/verifikasi/contoh/",
    )


def template_preview_pdf(
    *, template: CertificateTemplate, holder: dict | None = None
) -> bytes:
    """The template, perhaps with unsaved edits, drawn with sample data."""
    return render_certificate(
        _build_layout(template), sample_data(template=template, holder=holder)
    )


def certificate_data(*, certificate: Certificate) -> CertificateData:
    """What a certificate says, from its record (filled in when it was numbered)."""
    return CertificateData(
        number=certificate.number,
        holder_name=certificate.holder_name,
        position=certificate.position,
        cooperative=certificate.cooperative_name,
        village=certificate.village_name,
        regency=certificate.regency_name,
        course_title=certificate.course_title,
        jp=certificate.jp,
        completed_on=certificate.completed_on,
        verify_url=certificate.verify_url,
    )


def certificate_layout(*, certificate: Certificate) -> CertificateLayout:
    if certificate.template_id:
        return template_layout(template=certificate.template)
    return builtin_layout(issuer_name=certificate.issuer_name)


def certificate_pdf(*, certificate: Certificate) -> bytes:
    """The certificate's PDF, drawn from its record on its template's layout."""
    return render_certificate(
        certificate_layout(certificate=certificate),
        certificate_data(certificate=certificate),
    )


def holder_facts(*, user: User, course: CoursePage) -> dict:
    """The record's copy of what the PDF says about the holder and the course."""
    village = user.village
    cooperative = user.cooperative
    return {
        "holder_name": user.full_name,
        "position": user.get_position_display() if user.position else "",
        "cooperative_name": cooperative.name if cooperative else "",
        "village_name": village.name if village else "",
        "regency_name": regency_name(village.regency) if village else "",
        "course_title": course.title,
        "jp": course.jp,
    }


def regency_name(regency: Regency) -> str:
    name = regency.name
    if name.upper().startswith(("KAB", "KOTA")):
        return name.title()
    prefix = "Kota" if regency.kind == "kota" else "Kabupaten"
    return f"{prefix} {name.title()}"
