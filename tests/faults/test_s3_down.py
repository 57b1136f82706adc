"""S3 is away for more than a minute (longer than the issue task's five retries,
ten seconds apart) while certificates are owed: once it is back every certificate
is issued once, with one file each in the bucket and gapless numbers, within
seconds, instead of waiting for a lease."""

import time
import uuid

import boto3
import pytest

from django.core.files import storage as storage_module
from django.db import transaction

from certificates.factories import (
    CertificateTemplateFactory,
    CompletedEnrollmentFactory,
)
from certificates.models import Certificate, CertificateEvent
from certificates.services.issuing import certificate_owe
from lms.models import OwedWork

from .services import CeleryWorker, S3Server, report, sweeper_running, wait_for, workers

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("page_root"),
]

COUNT = 10
OUTAGE_SECONDS = 65


@pytest.fixture
def s3_of_our_own(settings):
    server = S3Server()
    server.start()
    bucket = f"balai-fault-{uuid.uuid4().hex[:8]}"
    client = boto3.client(
        "s3",
        endpoint_url=server.url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=bucket)
    common = {
        "bucket_name": bucket,
        "endpoint_url": server.url,
        "region_name": "us-east-1",
        "access_key": "testing",
        "secret_key": "testing",
        "file_overwrite": False,
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**common, "location": "private", "default_acl": "private"},
        },
    }
    storage_module.storages._storages = {}
    storage_module.storages._backends = None
    yield server, client, bucket
    server.stop()
    storage_module.storages._storages = {}
    storage_module.storages._backends = None


def test_s3_away_for_more_than_a_minute_delays_certificates_and_loses_none(
    redis_server, broker_queue, s3_of_our_own, tmp_path
):
    server, client, bucket = s3_of_our_own
    template = CertificateTemplateFactory()
    first = CompletedEnrollmentFactory(course__balai=template.balai)
    enrollments = [first] + [
        CompletedEnrollmentFactory(course=first.course) for _ in range(COUNT - 1)
    ]
    worker = CeleryWorker(
        broker_url=redis_server.url,
        queue=broker_queue,
        log=tmp_path / "worker.log",
        env={"FAULT_S3_ENDPOINT": server.url, "FAULT_S3_BUCKET": bucket},
    )
    with workers(worker), sweeper_running():
        worker.start()
        server.stop()
        with transaction.atomic():
            for enrollment in enrollments:
                certificate_owe(enrollment_id=enrollment.pk)
        time.sleep(OUTAGE_SECONDS)
        assert not Certificate.objects.filter(status="valid").exists()
        assert "Retry in 10s" in worker.log.read_text()

        server.start()
        back = time.monotonic()
        wait_for(
            lambda: (
                Certificate.objects.filter(status="valid").count() == COUNT
                and not OwedWork.objects.filter(done_at__isnull=True).exists()
            ),
            seconds=60,
            what=worker.tail(),
        )
        recovery = time.monotonic() - back

    certificates = list(Certificate.objects.order_by("seq"))
    stored = client.list_objects_v2(Bucket=bucket, Prefix="private/certificates/")
    files = [item["Key"] for item in stored.get("Contents", [])]
    issued = CertificateEvent.objects.filter(action="issued").count()
    lost = COUNT - len({c.enrollment_id for c in certificates if c.status == "valid"})
    duplicated = (len(certificates) - COUNT) + (issued - COUNT) + (len(files) - COUNT)
    report(
        "S3 down for more than a minute",
        requests=COUNT,
        errors_500=0,
        lost=lost,
        duplicated=duplicated,
        recovery_seconds=recovery,
        note=(
            f"requests = certificates owed; S3 away {OUTAGE_SECONDS} s (the issue "
            "task's retries run out after 50 s); files counted in the bucket"
        ),
    )
    assert (lost, duplicated) == (0, 0)
    assert [c.seq for c in certificates] == list(range(1, COUNT + 1))
    assert sorted(files) == sorted(f"private/{c.file.name}" for c in certificates)
