"""Settings for the field benchmarks only: production-like serving on loopback.

DEBUG off, production's cache (Redis: `BENCH_CACHE_URL`, database 14 of the local
Redis by default), WhiteNoise with CompressedManifestStaticFilesStorage (hashed names, gzip
and brotli), GZipMiddleware, the production middleware stack, but plain HTTP
(loopback) and cookies without the Secure flag. The urlconf adds the
benchmark-only trivial views (`benchmarks.bench_urls`); the product never sees them.
"""

import tempfile
from pathlib import Path

from lms.settings.base import *  # noqa: F403
from lms.settings.base import cache_config, env

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY", default="benchmark-only-key-not-for-production")
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "benchmarks.bench_urls"
STATIC_ROOT = env.path(
    "BENCH_STATIC_ROOT",
    default=Path(tempfile.gettempdir()) / "balai-bench-field" / "static",
)
CACHES = {
    "default": cache_config(env("BENCH_CACHE_URL", default="redis://127.0.0.1:6379/14"))
}
CELERY_TASK_ALWAYS_EAGER = True
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
