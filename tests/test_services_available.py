"""The real services the integration tests stand on are there and usable."""

import time
import urllib.request
import uuid

import pytest
import redis

from django.core.files.base import ContentFile
from django.core.files.storage import storages

from lms.celery import app


@app.task(name="tests.remember_sum")
def remember_sum(key: str, x: int, y: int) -> None:
    redis.Redis(host="127.0.0.1", port=6379, db=14).set(key, x + y, ex=60)


def test_a_real_celery_worker_on_redis_runs_a_task(celery_worker):
    key = f"test-sum-{uuid.uuid4().hex}"
    remember_sum.delay(key, 2, 3)
    store = redis.Redis(host="127.0.0.1", port=6379, db=14)
    deadline = time.monotonic() + 20
    while store.get(key) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert store.get(key) == b"5"


@pytest.mark.django_db
def test_private_files_go_to_s3_and_are_reached_only_by_a_presigned_link(s3_storage):
    private = storages["private"]
    name = private.save("sertifikat/uji.pdf", ContentFile(b"%PDF-1.4 uji"))
    listed = s3_storage["client"].list_objects_v2(Bucket=s3_storage["bucket"])
    assert [o["Key"] for o in listed["Contents"]] == [f"private/{name}"]
    url = private.url(name)
    assert "Signature=" in url or "X-Amz-Signature=" in url
    with urllib.request.urlopen(url) as response:  # noqa: S310 (loopback moto)
        assert response.read() == b"%PDF-1.4 uji"


def test_ci_runs_on_postgresql(settings):
    import os

    engine = settings.DATABASES["default"]["ENGINE"]
    if os.environ.get("CI") or "postgres" in os.environ.get("DATABASE_URL", ""):
        assert engine == "django.db.backends.postgresql"
    else:
        assert engine == "django.db.backends.sqlite3"
