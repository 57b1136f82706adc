"""System checks of the H5P content origin (`manage.py check --deploy`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register

from .origin import shares_no_cookies


@register(Tags.security, deploy=True)
def h5p_origin_check(app_configs, **kwargs) -> list[Error]:
    url = settings.H5P_FILES_URL
    if not url:
        if settings.H5P_LOCAL_PORT:
            return []
        return [
            Error(
                "H5P activities have no origin of their own to play from.",
                hint="Set H5P_FILES_URL to a host name of its own, e.g. "
                "https://h5p.balaidaring.id/ (docs/operations.md).",
                id="content.E001",
            )
        ]
    parts = urlsplit(url)
    errors = []
    if parts.scheme not in ("http", "https") or parts.path not in ("", "/"):
        errors.append(
            Error(
                "H5P_FILES_URL must be an origin: scheme and host name, no path.",
                hint=f"Got {url!r}.",
                id="content.E002",
            )
        )
    platform_host = urlsplit(settings.SITE_URL).netloc
    if not shares_no_cookies(url, platform_host):
        errors.append(
            Error(
                "H5P_FILES_URL shares cookies with the platform.",
                hint="Use a host name that differs from SITE_URL's and is outside "
                "SESSION_COOKIE_DOMAIN and CSRF_COOKIE_DOMAIN.",
                id="content.E003",
            )
        )
    return errors
