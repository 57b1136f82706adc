from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from django.views.i18n import set_language

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .admin_i18n import admin_js_catalog

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    # Wagtail's script catalogue, completed in Indonesian (lms/admin_i18n.py).
    path(
        "admin/jsi18n/",
        admin_js_catalog,
        name="wagtailadmin_javascript_catalog",
    ),
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

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page tree last: it serves every URL not matched above.
urlpatterns.append(path("", include(wagtail_urls)))
