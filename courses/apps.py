from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Kursus")

    def ready(self) -> None:
        # Models are ready only now: the signal module imports them.
        from . import signals

        signals.connect()

        # Before any admin view asks Wagtail's policy registry for pages.
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from . import privacy  # noqa: F401  (its part of the personal-data download)
        from .permissions import BalaiPagePermissionPolicy

        register_permission_policy(Page, BalaiPagePermissionPolicy())
