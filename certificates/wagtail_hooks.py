from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from lms.admin_scoping import BalaiScopedViewSet

from . import admin_views
from .models import CertificateTemplate


class CertificateTemplateViewSet(BalaiScopedViewSet):
    model = CertificateTemplate
    balai_field = "balai_id"
    icon = "doc-full-inverse"
    menu_label = _("Templat sertifikat")
    menu_name = "templat-sertifikat"
    add_to_admin_menu = True
    menu_order = 400
    list_display = ["name", "balai", "is_default", "orientation", "updated_at"]
    list_filter = ["balai", "is_default"]


register_snippet(CertificateTemplateViewSet)

admin_urlpatterns = [
    path("", admin_views.CertificateListView.as_view(), name="list"),
    path("<int:pk>/", admin_views.CertificateDetailView.as_view(), name="detail"),
    path("pekerjaan/", admin_views.JobListView.as_view(), name="jobs"),
    path("pekerjaan/<int:pk>/unduh/", admin_views.job_download, name="job_download"),
    path(
        "templat/<int:pk>/buat-ulang/",
        admin_views.template_regenerate,
        name="template_regenerate",
    ),
]


@hooks.register("register_admin_urls")
def certificate_admin_urls():
    return [
        path(
            "sertifikat/",
            include(
                (admin_urlpatterns, "certificates_admin"),
                namespace="certificates_admin",
            ),
        )
    ]


class AdminOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_authenticated and request.user.is_admin


@hooks.register("register_admin_menu_item")
def certificates_menu_item():
    return AdminOnlyMenuItem(
        _("Sertifikat terbit"),
        reverse("certificates_admin:list"),
        icon_name="doc-full",
        order=401,
    )


@hooks.register("register_admin_menu_item")
def certificate_jobs_menu_item():
    return AdminOnlyMenuItem(
        _("Sertifikat massal"),
        reverse("certificates_admin:jobs"),
        icon_name="download",
        order=402,
    )
