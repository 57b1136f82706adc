from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DinasConfig(AppConfig):
    """Dinas programmes: bulk registration, per-village tracking, dashboards."""

    name = "lms.dinas"
    label = "dinas"
    verbose_name = _("Program Dinas")

    def ready(self) -> None:
        # Imported here, not at module level: the ledger reads the models of
        # courses and certificates, which exist only once every app is loaded.
        from .ledger import subscribe

        subscribe()
