from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.templatetags.static import static as static_url
from django.urls import include, path, re_path
from django.views.decorators.cache import never_cache
from django.views.generic import RedirectView
from django.views.i18n import set_language

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from .admin_i18n import admin_js_catalog
from .admin_scoping import ScopedLogEntriesView
from .views.media import media_serve


class FaviconRedirect(RedirectView):
    """`/favicon.ico` → the SVG icon, its static URL looked up per request (the
    production manifest may not exist when the URLconf is imported)."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static_url("favicon.svg")


# The catalogue page's slug (`courses.demo`; the menu links to it).
CATALOGUE_SLUG = "katalog"


def _admin_view(view):
    return never_cache(require_admin_access(view))


urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path(
        "favicon.ico",
        FaviconRedirect.as_view(),
    ),
    # Wagtail's script catalogue, completed in Indonesian (lms/admin_i18n.py).
    path(
        "admin/jsi18n/",
        admin_js_catalog,
        name="wagtailadmin_javascript_catalog",
    ),
    # Wagtail's site-history report, scoped (`lms.admin_scoping`): same paths and
    # names, matched before Wagtail's own.
    path(
        "admin/reports/site-history/",
        _admin_view(ScopedLogEntriesView.as_view()),
    ),
    path(
        "admin/reports/site-history/results/",
        _admin_view(ScopedLogEntriesView.as_view(results_only=True)),
    ),
    # The course tree (the catalogue and every course, module and lesson under
    # it: the pages participants read all day) straight to Wagtail's page view,
    # as its catch-all below would: matched here, a lesson's URL is not tried
    # against every app's patterns first (~0.25 ms a view). No app has a URL
    # under the catalogue (tests/lms/test_urls.py).
    re_path(rf"^({CATALOGUE_SLUG}/(?:[\w\-]+/)*)$", wagtail_views.serve),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumen/", include(wagtaildocs_urls)),
    path("", include("lms.urls_accounts")),
    path("", include("courses.urls")),
    path("", include("assessments.urls")),
    path("", include("content.urls")),
    path("", include("certificates.urls")),
    path("", include("lms.dinas.urls")),
    path("", include("lms.dinas.programme.urls")),
]

# Uploaded files on local disk: served by Django in every settings, sandboxed
# (lms.views.media), never by a bare static handler. With S3 they are on the
# bucket's origin.
if isinstance(storages["default"], FileSystemStorage):
    urlpatterns.append(
        path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media_serve, name="media")
    )

# Wagtail's page tree last: it serves every URL not matched above.
urlpatterns.append(path("", include(wagtail_urls)))
