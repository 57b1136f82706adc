from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Sertifikat")

    def ready(self) -> None:
        # Imported here, not at the top: the subscribers use the models, which
        # Django loads only after every app's configuration (this module).
        from .subscribers import subscribe_all

        subscribe_all()

        from . import privacy  # noqa: F401  (its part of the personal-data download)
