"""The URLs the OpenAPI schema describes: this API's endpoints and nothing else."""

from django.urls import include, path

from .api import endpoints

urlpatterns = [path("api/v1/", include(endpoints))]
