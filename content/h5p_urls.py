"""Everything the H5P origin serves (see content/origin.py): the player document
and the H5P files. Nothing else is routed there. (Static files are served before
routing, by WhiteNoise or the development server, on every host.)"""

from django.urls import path

from . import views

# The root URLconf of that origin: names without a namespace, reversed with
# reverse(name, urlconf="content.h5p_urls").
urlpatterns = [
    path("h5p/<int:activity_id>/pemutar/", views.player, name="h5p-player"),
    path("h5p/berkas/<path:name>", views.file, name="h5p-file"),
]

# Errors there are plain text: the platform's error pages link to the platform.
handler400 = "content.views.h5p_origin_error"
handler403 = "content.views.h5p_origin_error"
handler404 = "content.views.h5p_origin_error"
handler500 = "content.views.h5p_origin_server_error"
