"""The admin's JavaScript catalogue: Wagtail's, completed by the project's.

Wagtail 8.0.1's Indonesian leaves strings of its scripts English ("Collapse all",
"Insert a block", "Main menu"). `locale/id/LC_MESSAGES/djangojs.po` (the project's
locale folder) gives them in Indonesian; served in place of Wagtail's catalogue at
the same URL (lms/urls.py, before the admin's own patterns), the project's entries
winning.
"""

from django.conf import settings
from django.views.i18n import JavaScriptCatalog

from wagtail.admin.localization import get_localized_response


class AdminJavaScriptCatalog(JavaScriptCatalog):
    """Wagtail's admin catalogue, then the project's locale folder (merged last)."""

    def get_paths(self, packages):
        return [*super().get_paths(packages), *map(str, settings.LOCALE_PATHS)]


_catalog = AdminJavaScriptCatalog.as_view(packages=["wagtail.admin"])


def admin_js_catalog(request, *args, **kwargs):
    """In the user's admin language, as Wagtail's own view does."""
    return get_localized_response(_catalog, request, *args, **kwargs)
