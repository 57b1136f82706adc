from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DinasConfig(AppConfig):
    """Dinas programmes: bulk registration, per-village tracking, dashboards."""

    name = "lms.dinas"
    label = "dinas"
    verbose_name = _("Program Dinas")

    def ready(self) -> None:
        from .subscribers import subscribe_all

        subscribe_all()
