"""A participant's quiz attempts in their personal-data download (lms.privacy)."""

from django.utils.translation import gettext_lazy as _

from lms.privacy import personal_data_section

from .models import Attempt


@personal_data_section(_("Kuis"))
def attempts(user) -> list[dict]:
    rows = Attempt.objects.filter(enrollment__user=user).select_related("quiz")
    return [
        {
            _("Kuis"): a.quiz.title,
            _("Percobaan ke"): a.number,
            _("Status"): a.get_status_display(),
            _("Mulai"): a.started_at,
            _("Dikirim"): a.submitted_at,
            _("Nilai"): a.score,
            _("Lulus"): a.passed,
        }
        for a in rows.order_by("started_at")
    ]
