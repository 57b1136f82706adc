from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Konten H5P")

    def ready(self) -> None:
        from . import (
            checks,  # noqa: F401  (registers the system checks)
            privacy,  # noqa: F401  (its part of the personal-data download)
        )
