from django.urls import path

from . import views
from .blended import urls as blended_urls

app_name = "courses"

urlpatterns = [
    path("belajar/", views.my_learning, name="my_learning"),
    path("kursus/<int:course_id>/daftar/", views.enroll, name="enroll"),
    path(
        "pelajaran/<int:lesson_id>/selesai/", views.lesson_finish, name="lesson_finish"
    ),
]

urlpatterns += blended_urls.urlpatterns
