from django.urls import path

from . import cohort_views, views

app_name = "certificates"

urlpatterns = [
    path("sertifikat/", views.my_certificates, name="mine"),
    path("sertifikat/<int:certificate_id>/unduh/", views.download, name="download"),
    path("verifikasi/", views.verify_form, name="verify_form"),
    path("verifikasi/<str:code>/", views.verify, name="verify"),
    path(
        "angkatan/<int:pk>/tutup/",
        cohort_views.cohort_close_page,
        name="cohort_close",
    ),
]
