from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("belajar/", views.my_learning, name="my_learning"),
    path("kursus/<int:course_id>/daftar/", views.enroll, name="enroll"),
    path(
        "pelajaran/<int:lesson_id>/selesai/", views.lesson_finish, name="lesson_finish"
    ),
]
