"""The URLs the OpenAPI schema describes: this API's endpoints and nothing else."""

from django.urls import include, path

from .api import endpoints

urlpatterns = [path("api/v1/", include(endpoints))]


def only_our_api(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: whatever URLconf a schema is generated
    from (the schema view's, or the root one in `manage.py check`), it describes
    `/api/v1/` only, never Wagtail's admin API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
