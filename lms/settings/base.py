"""Settings shared by every environment; safe for production by default.

Every environment variable is read here, through the one `env` reader.
"""

from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY", default=None)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Project apps first, so their templates and commands take precedence.
    "lms",
    "lms.dinas",
    "courses",
    "assessments",
    "content",
    "certificates",
    "wagtail.contrib.forms",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files straight after security, as WhiteNoise asks (they are our own
    # files: scripts, styles, the player; no page of the site).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Content-Security-Policy on every response that has none of its own.
    "lms.middleware.SiteCSPMiddleware",
    # On the H5P content origin: its own URLs only, no cookie in or out (before
    # the session, CSRF and authentication middleware).
    "content.origin.H5POriginMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Bahasa Indonesia unless chosen otherwise (not by Accept-Language).
    "lms.language.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lms.middleware.UserTimezoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The course tree's pages without Wagtail's per-request site and
    # view-restriction reads (courses/routing.py).
    "courses.routing.PageRouteMiddleware",
    # Last: answers a locked-out login with lms/locked_out.html (django-axes).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "lms.context_processors.capabilities",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections (a minute), checked before each request reuses them: a
# connection PostgreSQL closed (a restart, a failover, pg_terminate_backend) is
# replaced instead of failing the request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "lms.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out account or client before any password is tried.
    "axes.backends.AxesStandaloneBackend",
    "lms.auth.EmailOrPhoneBackend",
]

# Login lockout (django-axes, in the database: a cache outage cannot lift it).
# Every login (the site's and the admin's) counts failures per account (the login
# as typed, normalised by lms.auth.login_key) and, separately, per client address
# (lms.clients.client_ip, behind TRUSTED_PROXIES); either one past its limit is
# refused until the cool-off ends, with an Indonesian page (lms/locked_out.html).
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_CALLABLE = "lms.auth.login_key"
AXES_CLIENT_IP_CALLABLE = "lms.clients.client_ip"
AXES_LOCKOUT_TEMPLATE = "lms/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Failed attempts only (a login's address and browser are personal data:
# docs/privacy.md); they are pruned with the access log.
AXES_DISABLE_ACCESS_LOG = True

# The reverse proxies whose X-Forwarded-For is believed (addresses or networks,
# comma-separated): rate limits and the login lockout key on the client behind
# them (lms.clients.client_ip, docs/operations.md). Empty: REMOTE_ADDR.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
RATELIMIT_IP_META_KEY = "lms.clients.client_ip"
# Password-reset emails: per account and per client (lms.views.accounts).
PASSWORD_RESET_RATE_ACCOUNT = env("PASSWORD_RESET_RATE_ACCOUNT", default="3/h")
PASSWORD_RESET_RATE_CLIENT = env("PASSWORD_RESET_RATE_CLIENT", default="20/h")
REGISTER_RATE_CLIENT = env("REGISTER_RATE_CLIENT", default="20/h")
# Pastes of phones/emails into a cohort's enrolment form, per staff member.
COHORT_ENROL_IDENTIFIER_RATE = env("COHORT_ENROL_IDENTIFIER_RATE", default="30/h")
LOGIN_URL = "lms:login"
LOGIN_REDIRECT_URL = "lms:home"
LOGOUT_REDIRECT_URL = "lms:home"
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time: Bahasa Indonesia first, English available; each person sees
# times in their own zone (WIB, WITA, WIT).
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = [("id", _("Bahasa Indonesia"))]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
NODE_MODULES_DIR = BASE_DIR / "node_modules"
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
PRIVATE_MEDIA_ROOT = env.path(
    "DJANGO_PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private_media"
)

# Files: local folders by default; S3 (through django-storages and boto3) when a
# bucket is named. "private" holds what must never be public (certificates,
# uploaded participant lists); it is served only through the platform or by
# short-lived presigned links.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default="ap-southeast-3")
AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID", default=None)
AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY", default=None)
AWS_QUERYSTRING_EXPIRE = env.int("AWS_QUERYSTRING_EXPIRE", default=300)
if AWS_STORAGE_BUCKET_NAME:
    _s3 = {
        "bucket_name": AWS_STORAGE_BUCKET_NAME,
        "endpoint_url": AWS_S3_ENDPOINT_URL,
        "region_name": AWS_S3_REGION_NAME,
        "access_key": AWS_ACCESS_KEY_ID,
        "secret_key": AWS_SECRET_ACCESS_KEY,
        "file_overwrite": False,
    }
    STORAGES = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**_s3, "location": "media", "querystring_auth": False},
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **_s3,
                "location": "private",
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": AWS_QUERYSTRING_EXPIRE,
            },
        },
    }
else:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
        },
    }
STORAGES["staticfiles"] = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
WHITENOISE_MAX_AGE = 31536000

# H5P activities (content/): the player from npm, served as static files (not
# committed); packages up to H5P_SYNC_MAX_BYTES are extracted in the request,
# larger ones by a Celery task. The player and the H5P files are served on an
# origin of their own (content/origin.py): H5P_FILES_URL names it in production
# (e.g. https://h5p.balaidaring.id/, a host name under no cookie domain of the
# platform); the embedded default serves it on H5P_LOCAL_PORT (dev.py).
STATICFILES_DIRS += [("h5p-standalone", NODE_MODULES_DIR / "h5p-standalone" / "dist")]
H5P_SYNC_MAX_BYTES = env.int("H5P_SYNC_MAX_BYTES", default=8 * 1024 * 1024)
H5P_USER_DATA_MAX_BYTES = env.int("H5P_USER_DATA_MAX_BYTES", default=64 * 1024)
H5P_FILES_URL = env("H5P_FILES_URL", default="")
H5P_LOCAL_PORT = env.int("H5P_LOCAL_PORT", default=0)
if H5P_FILES_URL:
    ALLOWED_HOSTS += [urlsplit(H5P_FILES_URL).hostname]
# How long an activity may take to show something before its box says it
# cannot start (and what to do).
H5P_START_SECONDS = env.int("H5P_START_SECONDS", default=15)
# How long the player link a lesson page writes stays usable.
H5P_PLAYER_TICKET_SECONDS = env.int("H5P_PLAYER_TICKET_SECONDS", default=12 * 3600)
# Video players H5P content may embed (H5P.Video: YouTube through its IFrame API
# on www.youtube.com, Vimeo): the player's CSP allows their scripts and frames.
H5P_VIDEO_HOSTS = env.list(
    "H5P_VIDEO_HOSTS",
    default=[
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
        "https://player.vimeo.com",
    ],
)
# An external xAPI 1.0.3 LRS receiving every statement (off when empty).
XAPI_LRS_ENDPOINT = env("XAPI_LRS_ENDPOINT", default="")
XAPI_LRS_USERNAME = env("XAPI_LRS_USERNAME", default="")
XAPI_LRS_PASSWORD = env("XAPI_LRS_PASSWORD", default="")

# Celery: JSON only, time limits, tasks enqueued after commit by the services.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="redis://127.0.0.1:6379/0")
# kombu's Redis transport, closing cleanly when Redis is gone (lms/broker.py).
CELERY_BROKER_TRANSPORT = "lms.broker:Transport"
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_SOFT_TIME_LIMIT = 300
CELERY_TASK_TIME_LIMIT = 360
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # A send while Redis is down fails at once (lms.outbox keeps the work and the
    # sweeper sends it again) instead of holding a request for seconds.
    "max_retries": 0,
    "socket_connect_timeout": 2,
    # Unacknowledged tasks come back after this long: longer than the longest hard
    # time limit (imports and H5P installs, 660 s), so a running task is not
    # handed out twice. Work lost with Redis itself is sent again by the outbox.
    "visibility_timeout": 900,
}
# Workers outlive a broker outage: they retry connecting for ever (at start and
# after a loss), and a task still running when the connection drops is cancelled
# (its message comes back, and it is safe to run twice) rather than finishing
# with an acknowledgement that can no longer be delivered.
CELERY_BROKER_CONNECTION_RETRY = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE: dict = {}
# Owed work (lms.outbox): sent after commit, swept again when still open after its
# lease (longer than most tasks' hard time limit: a duplicate is harmless), given
# up after OUTBOX_MAX_SENDS handovers.
OUTBOX_LEASE_SECONDS = env.int("OUTBOX_LEASE_SECONDS", default=420)
OUTBOX_MAX_SENDS = env.int("OUTBOX_MAX_SENDS", default=100)
OUTBOX_SWEEP_BATCH = env.int("OUTBOX_SWEEP_BATCH", default=500)
# A task whose retries ran out is due again after this many seconds per send so
# far (capped at the lease).
OUTBOX_RETRY_SECONDS = env.int("OUTBOX_RETRY_SECONDS", default=60)
CELERY_BEAT_SCHEDULE["outbox-sweep"] = {
    "task": "lms.tasks.outbox_sweep_task",
    "schedule": 60,
}
# Dinas programmes: daily reminders to idle participants, weekly assistant summaries.
DINAS_REMINDER_INACTIVE_DAYS = env.int("DINAS_REMINDER_INACTIVE_DAYS", default=7)
DINAS_COVERAGE_PARTICIPANTS = env.int("DINAS_COVERAGE_PARTICIPANTS", default=3)
CELERY_BEAT_SCHEDULE["session-reminders"] = {
    "task": "courses.tasks.session_reminders_owe_task",
    "schedule": 60 * 60,
}
CELERY_BEAT_SCHEDULE["dinas-reminders"] = {
    "task": "lms.dinas.tasks.reminders_send_task",
    "schedule": 24 * 60 * 60,
}
CELERY_BEAT_SCHEDULE["dinas-assistant-summaries"] = {
    "task": "lms.dinas.tasks.assistant_summaries_send_task",
    "schedule": 7 * 24 * 60 * 60,
}
# Personal data (UU 27/2022, docs/privacy.md): the access log (who viewed or
# exported whose data) is kept this many days, then deleted by the daily beat job.
PERSONAL_DATA_ACCESS_RETENTION_DAYS = env.int(
    "PERSONAL_DATA_ACCESS_RETENTION_DAYS", default=730
)
# Failed login attempts (django-axes) are kept at most this many days.
LOGIN_ATTEMPT_RETENTION_DAYS = env.int("LOGIN_ATTEMPT_RETENTION_DAYS", default=30)
CELERY_BEAT_SCHEDULE["access-log-prune"] = {
    "task": "lms.tasks.access_log_prune_task",
    "schedule": 24 * 60 * 60,
}

# Telling people things (lms.notifications): the first channel that reaches them.
# Phone = WhatsApp/SMS through an adapter: the log in the embedded default, an HTTP
# gateway in production (lms.notifications.HttpGatewayPhoneAdapter + its URL).
NOTIFY_CHANNELS = env.list("NOTIFY_CHANNELS", default=["email", "phone"])
NOTIFY_PHONE_ADAPTER = env(
    "NOTIFY_PHONE_ADAPTER", default="lms.notifications.LogPhoneAdapter"
)
NOTIFY_PHONE_GATEWAY_URL = env("NOTIFY_PHONE_GATEWAY_URL", default="")
NOTIFY_PHONE_GATEWAY_TOKEN = env("NOTIFY_PHONE_GATEWAY_TOKEN", default="")
NOTIFY_PHONE_GATEWAY_TIMEOUT = env.int("NOTIFY_PHONE_GATEWAY_TIMEOUT", default=10)

# Caches (rate limits, Wagtail's site lookup; sessions stay in the database).
# A cache outage must degrade, never answer 500: on Redis the backend is
# django-redis with IGNORE_EXCEPTIONS (an error is logged and read as a miss),
# and short socket timeouts so a Redis that does not answer costs a second, not
# a hung request. docs/operations.md, "Failure modes".


def cache_config(url: str) -> dict:
    config = env.cache_url_config(url)
    if config["BACKEND"] in (
        "django.core.cache.backends.redis.RedisCache",
        "django_redis.cache.RedisCache",  # django-environ's choice when installed
    ):
        config["BACKEND"] = "django_redis.cache.RedisCache"
        config["OPTIONS"] = {
            **config.get("OPTIONS", {}),
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 1,
            "SOCKET_TIMEOUT": 1,
        }
    return config


CACHES = {
    "default": cache_config(env("CACHE_URL", default="locmemcache://balai-daring")),
}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "lms.cache"
RATELIMIT_USE_CACHE = "default"
# While the cache is down, rate limits let requests through (fail open): the
# verification page stays usable for the QR codes on printed certificates, and
# signing in is not refused to every participant at once. Login guessing is held
# by the account lockout in the database (docs/operations.md).
RATELIMIT_FAIL_OPEN = True

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="Balai Daring <noreply@balaidaring.id>"
)

# Wagtail
WAGTAIL_SITE_NAME = "Balai Daring"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_MODERATION_ENABLED = True
# Public address used in certificates' QR codes and emails.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# The domain's own settings.
JP_MINUTES = env.int("BALAI_JP_MINUTES", default=45)
# Blended programmes (courses.blended): the QR check-in code of a session is
# redrawn every CHECKIN_QR_REFRESH_SECONDS and valid for CHECKIN_TOKEN_SECONDS;
# check-in opens CHECKIN_OPENS_MINUTES before a session and is "terlambat" after
# CHECKIN_LATE_MINUTES; the day-before reminder goes out from this local hour.
CHECKIN_TOKEN_SECONDS = env.int("BALAI_CHECKIN_TOKEN_SECONDS", default=300)
CHECKIN_QR_REFRESH_SECONDS = env.int("BALAI_CHECKIN_QR_REFRESH_SECONDS", default=60)
CHECKIN_OPENS_MINUTES = env.int("BALAI_CHECKIN_OPENS_MINUTES", default=30)
CHECKIN_LATE_MINUTES = env.int("BALAI_CHECKIN_LATE_MINUTES", default=15)
SESSION_REMINDER_LOCAL_HOUR = env.int("BALAI_SESSION_REMINDER_HOUR", default=7)
# Evaluation results are shown once this many participants answered (fewer
# answers would let a reader guess who said what).
EVALUATION_MIN_RESPONSES = env.int("BALAI_EVALUATION_MIN_RESPONSES", default=3)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 100,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Balai Daring API",
    "DESCRIPTION": "Read-only monitoring API for national and regional systems.",
    "VERSION": "1.0.0",
    "PREPROCESSING_HOOKS": ["lms.dinas.api_schema_urls.only_our_api"],
}

# Security: production-safe defaults, relaxed in dev.py.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        # Wagtail's background tasks log every run at INFO; keep the console readable.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "modelsearch": {"level": "WARNING"},
    },
}

# The admin login with its password field named in Bahasa Indonesia.
WAGTAILADMIN_USER_LOGIN_FORM = "lms.forms.AdminLoginForm"

# Content-Security-Policy (django-csp, lms.middleware.SiteCSPMiddleware): no inline
# script anywhere on the site (JavaScript lives in static/), an inline <script>
# only with the request's nonce ({{ request.csp_nonce }}); frames only of our own
# pages, the H5P video hosts and, on a page with an H5P block, the H5P origin.
# Inline styles stay allowed: the progress bars set their width in a style
# attribute, and a style cannot run script. The Wagtail admin also allows
# inline scripts (its widgets write them): see SiteCSPMiddleware.
_media_origins = []
if AWS_STORAGE_BUCKET_NAME:
    _media_origins.append(
        f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{AWS_S3_REGION_NAME}.amazonaws.com"
    )
    if AWS_S3_ENDPOINT_URL:
        _endpoint = urlsplit(AWS_S3_ENDPOINT_URL)
        _media_origins.append(f"{_endpoint.scheme}://{_endpoint.netloc}")
CSP_MEDIA_ORIGINS = env.list("CSP_MEDIA_ORIGINS", default=_media_origins)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *CSP_MEDIA_ORIGINS],
        "media-src": [SELF, "blob:", *CSP_MEDIA_ORIGINS],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, *H5P_VIDEO_HOSTS],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "worker-src": [SELF],
        "manifest-src": [SELF],
    }
}
# Wagtail's admin avatars would send every editor's email hash to gravatar.com.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
