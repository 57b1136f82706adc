"""Production: every secret comes from the environment, with no default.

A missing DJANGO_SECRET_KEY, DATABASE_URL or DJANGO_ALLOWED_HOSTS stops the boot.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import H5P_FILES_URL, cache_config, env

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must name at least one host")
if H5P_FILES_URL:  # the H5P content origin (docs/operations.md)
    ALLOWED_HOSTS += [urlsplit(H5P_FILES_URL).hostname]
CACHES = {"default": cache_config(env("CACHE_URL", default="redis://127.0.0.1:6379/1"))}
CELERY_TASK_ALWAYS_EAGER = False

# `manage.py check --deploy`: each warning silenced here has its reason.
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = [
    # security.W019 (X-Frame-Options SAMEORIGIN, not DENY): Wagtail's page and
    # snippet previews show the site's own pages in a frame of the admin. Other
    # sites still cannot frame it (also CSP frame-ancestors 'self').
    "security.W019",
]
if not SECURE_HSTS_PRELOAD:
    # security.W021 (no HSTS preload): preloading commits the whole registrable
    # domain and every subdomain to HTTPS in browsers for months, a decision for
    # whoever owns the domain (DJANGO_SECURE_HSTS_PRELOAD=true). HSTS itself is
    # on (a year, subdomains included).
    SILENCED_SYSTEM_CHECKS.append("security.W021")
