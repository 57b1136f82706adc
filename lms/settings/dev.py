"""The embedded default: SQLite, local files, Celery eager, console email."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env(
    "DJANGO_SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production"
)
ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"]
)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
# The H5P content origin: `manage.py start` also serves the app on this port,
# reached under the other loopback name (content/origin.py).
H5P_LOCAL_PORT = env.int("H5P_LOCAL_PORT", default=8001)

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

# Participants see the project's own 404 and 500 pages (lms.middleware), unless a
# developer asks for Django's debug pages.
if DEBUG and not env.bool("DJANGO_DEBUG_PAGES", default=False):
    MIDDLEWARE = ["lms.middleware.OwnErrorPagesMiddleware", *MIDDLEWARE]  # noqa: F405
