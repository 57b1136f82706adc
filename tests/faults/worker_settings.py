"""Settings of the Celery worker processes the fault tests start and kill:
the suite's, with Celery for real on the test's own broker and queue, owed work
on the test's short lease, and, for the S3 faults, the test's own S3 server."""

from lms.settings.test import *  # noqa: F403
from lms.settings.test import STORAGES, env

CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_DEFAULT_QUEUE = env("FAULT_QUEUE")

if env("FAULT_S3_ENDPOINT", default=""):
    _s3 = {
        "bucket_name": env("FAULT_S3_BUCKET"),
        "endpoint_url": env("FAULT_S3_ENDPOINT"),
        "region_name": "us-east-1",
        "access_key": "testing",
        "secret_key": "testing",
        "file_overwrite": False,
    }
    STORAGES = {
        **STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**_s3, "location": "media", "querystring_auth": False},
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**_s3, "location": "private", "default_acl": "private"},
        },
    }
