"""A participant's H5P results in their personal-data download, and what a
deletion request removes here (their saved activity states) (lms.privacy)."""

from django.utils.translation import gettext_lazy as _

from lms.privacy import personal_data_eraser, personal_data_section

from .models import H5PResult, H5PUserData


@personal_data_section(_("Aktivitas H5P"))
def results(user) -> list[dict]:
    rows = H5PResult.objects.filter(enrollment__user=user).select_related("activity")
    return [
        {
            _("Aktivitas"): r.activity.title,
            _("Percobaan"): r.attempts,
            _("Skor terbaik (0–1)"): r.best_scaled,
        }
        for r in rows.order_by("pk")
    ]


@personal_data_eraser
def saved_states(user) -> None:
    H5PUserData.objects.filter(user=user).delete()
