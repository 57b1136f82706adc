"""URLs of blended programmes, in the `courses` namespace (courses/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("angkatan/", views.cohort_list, name="cohort_list"),
    path("angkatan/<int:pk>/", views.cohort_detail, name="cohort_detail"),
    path(
        "angkatan/<int:pk>/pengaturan/", views.cohort_settings, name="cohort_settings"
    ),
    path("angkatan/<int:pk>/sesi/baru/", views.session_create, name="session_create"),
    path("angkatan/sesi/<int:pk>/ubah/", views.session_edit, name="session_edit"),
    path("angkatan/sesi/<int:pk>/hapus/", views.session_delete, name="session_delete"),
    path(
        "angkatan/sesi/<int:pk>/presensi/",
        views.attendance_take,
        name="attendance_take",
    ),
    path(
        "angkatan/sesi/<int:pk>/presensi/tandai/",
        views.attendance_mark,
        name="attendance_mark",
    ),
    path("angkatan/sesi/<int:pk>/qr/", views.checkin_qr, name="checkin_qr"),
    path(
        "angkatan/<int:pk>/nilai-luring/",
        views.offline_components,
        name="offline_components",
    ),
    path(
        "angkatan/nilai-luring/<int:pk>/",
        views.offline_results,
        name="offline_results",
    ),
    path(
        "angkatan/<int:pk>/evaluasi/hasil/",
        views.evaluation_results,
        name="evaluation_results",
    ),
    path("belajar/angkatan/<int:pk>/", views.my_cohort, name="my_cohort"),
    path(
        "belajar/angkatan/<int:pk>/evaluasi/",
        views.evaluation_answer,
        name="evaluation_answer",
    ),
    path("belajar/jadwal.ics", views.my_calendar, name="my_calendar"),
    path("hadir/<str:token>/", views.checkin, name="checkin"),
]
