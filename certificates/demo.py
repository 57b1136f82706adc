"""The demo's certificate template (idempotent; an administrator's edits survive)."""

from lms.models import Balai

from .models import CertificateTemplate


def demo_certificate_templates_load() -> CertificateTemplate | None:
    balai = Balai.objects.filter(code="bplk-kalsel").first()
    if balai is None:
        return None
    template, _ = CertificateTemplate.objects.get_or_create(
        balai=balai,
        is_default=True,
        defaults={
            "name": "Sertifikat Balai Pelatihan Koperasi Kalimantan Selatan",
            "title": "SERTIFIKAT",
            "issuer_name": balai.name,
            "number_pattern": "{seq}/{course_code}/{region}/{year}",
            "signatory_1_name": "Dr. H. Muhammad Noor, S.E., M.M.",
            "signatory_1_title": "Kepala Balai Pelatihan Koperasi",
            "signatory_1_nip": "197203151998031004",
            "signatory_2_name": "Hj. Siti Aisyah, S.Pd., M.Si.",
            "signatory_2_title": "Koordinator Widyaiswara",
            "signatory_2_nip": "198005202006042012",
        },
    )
    return template
