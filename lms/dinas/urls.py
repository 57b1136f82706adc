from django.urls import include, path, register_converter

from lms.regions import codes

from . import api, views

app_name = "dinas"


class FormatConverter:
    regex = "csv|xlsx"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class RegionConverter:
    regex = codes.PATTERN

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FormatConverter, "fmt")
register_converter(RegionConverter, "region")

urlpatterns = [
    path("dinas/impor/", views.import_upload, name="import_upload"),
    path(
        "dinas/impor/templat.<fmt:file_format>",
        views.import_template,
        name="import_template",
    ),
    path("dinas/impor/<int:pk>/", views.import_detail, name="import_detail"),
    path("dinas/impor/<int:pk>/status/", views.import_status, name="import_status"),
    path(
        "dinas/impor/<int:pk>/ditolak.<fmt:file_format>",
        views.import_refused,
        name="import_refused",
    ),
    path("dinas/token-api/", views.api_tokens, name="api_tokens"),
    path("dinas/angkatan/", views.cohort_list, name="cohorts"),
    path("dinas/angkatan/baru/", views.cohort_edit, name="cohort_create"),
    path("dinas/angkatan/<int:pk>/ubah/", views.cohort_edit, name="cohort_edit"),
    path("dinas/", views.dashboard, name="dashboard"),
    path("dinas/wilayah/<region:code>/", views.dashboard, name="region"),
    path("dinas/belum-mulai/", views.not_started, name="not_started_root"),
    path(
        "dinas/wilayah/<region:code>/belum-mulai/",
        views.not_started,
        name="not_started",
    ),
    path("dinas/koperasi/<int:pk>/", views.cooperative_detail, name="cooperative"),
    path(
        "dinas/unduh/<slug:table>.<fmt:file_format>",
        views.export,
        name="export_root",
    ),
    path(
        "dinas/wilayah/<region:code>/unduh/<slug:table>.<fmt:file_format>",
        views.export,
        name="export",
    ),
    path("dinas/unduhan/<int:pk>/", views.export_detail, name="export_detail"),
    path(
        "dinas/unduhan/<int:pk>/berkas/", views.export_download, name="export_download"
    ),
    path("dinas/pendamping/", views.assistant_home, name="assistant_home"),
    path("dinas/pendamping/tugaskan/", views.assistant_assign, name="assistant_assign"),
    path(
        "dinas/pendamping/ingatkan/<int:pk>/",
        views.assistant_nudge,
        name="assistant_nudge",
    ),
    path("api/v1/", include(api.urlpatterns)),
]
