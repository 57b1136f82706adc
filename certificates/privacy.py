"""A participant's certificates in their personal-data download (lms.privacy).

A deletion request leaves certificates as issued: they are records the issuer
must keep, and a bank or employer must still be able to verify one."""

from django.utils.translation import gettext_lazy as _

from lms.privacy import personal_data_section

from .models import Certificate


@personal_data_section(_("Sertifikat"))
def certificates(user) -> list[dict]:
    rows = Certificate.objects.filter(enrollment__user=user)
    return [
        {
            _("Nomor"): c.number,
            _("Nama pemegang"): c.holder_name,
            _("Kursus"): c.course_title,
            _("Penerbit"): c.issuer_name,
            _("Tanggal selesai"): c.completed_on,
            _("Status"): c.get_status_display(),
            _("Diterbitkan"): c.issued_at,
            _("Tautan verifikasi"): c.verify_url,
        }
        for c in rows.order_by("created_at")
    ]
