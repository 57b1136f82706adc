from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Kursus")

    def ready(self) -> None:
        # Models are ready only now: the signal module imports them.
        from . import signals

        signals.connect()
