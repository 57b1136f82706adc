"""A participant's courses in their personal-data download (lms.privacy)."""

from django.utils.translation import gettext_lazy as _

from lms.privacy import personal_data_section

from .models import Enrollment


@personal_data_section(_("Kursus"))
def enrollments(user) -> list[dict]:
    rows = Enrollment.objects.filter(user=user).select_related("course", "cohort")
    return [
        {
            _("Kursus"): e.course.title,
            _("Angkatan"): e.cohort.name if e.cohort_id else "",
            _("Status"): e.get_status_display(),
            _("Kemajuan (%)"): e.progress_percent,
            _("Terdaftar"): e.enrolled_at,
            _("Mulai"): e.started_at,
            _("Selesai"): e.completed_at,
        }
        for e in rows.order_by("enrolled_at")
    ]
