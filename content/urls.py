from django.urls import path

from . import views

app_name = "content"

urlpatterns = [
    path("h5p/<int:activity_id>/pemutar/", views.player, name="player"),
    path("h5p/<int:activity_id>/xapi/", views.statement, name="statement"),
    path("h5p/<int:activity_id>/status/", views.state, name="state"),
    path("h5p/berkas/<path:name>", views.file, name="file"),
]
