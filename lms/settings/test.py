"""Settings for the test suite: PostgreSQL when DATABASE_URL names it, else SQLite."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="redis://127.0.0.1:6379/15")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The H5P content origin of the test client; browser tests use the live server
# under its other loopback name.
H5P_FILES_URL = "http://h5p.testserver/"

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = BASE_DIR / ".test-media" / "public"
PRIVATE_MEDIA_ROOT = BASE_DIR / ".test-media" / "private"
STORAGES["private"]["OPTIONS"] = {"location": PRIVATE_MEDIA_ROOT, "base_url": None}  # noqa: F405
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
