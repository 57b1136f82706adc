"""The platform's H5P endpoints: what the lesson page posts for the player.
The player and the H5P files are on the H5P origin (content/h5p_urls.py)."""

from django.urls import path

from . import views

app_name = "content"

urlpatterns = [
    path("h5p/<int:activity_id>/xapi/", views.statement, name="statement"),
    path("h5p/<int:activity_id>/status/", views.state, name="state"),
]
