from django.urls import path

from . import views

app_name = "programme"

urlpatterns = [
    path(
        "angkatan/<int:pk>/laporan.<str:file_format>",
        views.report_download,
        name="report",
    ),
]
