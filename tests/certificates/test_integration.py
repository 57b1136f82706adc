"""End to end: completing a course issues the certificate through a real Celery
worker on Redis into S3 (moto's server), and its QR code opens the verification page.
"""

import subprocess
import time
import urllib.request

import pytest

from django.core import mail
from django.urls import reverse

from certificates.models import Certificate
from courses.factories import EnrollmentFactory, course_tree
from courses.progress import course_lessons, lesson_reached_end

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("page_root"),
    pytest.mark.celery_worker,
    pytest.mark.s3,
]


def _wait_for_certificate(enrollment, timeout=60) -> Certificate:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        certificate = Certificate.objects.filter(
            enrollment=enrollment, status="valid"
        ).first()
        if certificate is not None:
            return certificate
        time.sleep(0.2)
    raise AssertionError("no certificate was issued in time")


def test_completing_a_course_issues_a_certificate_to_s3_whose_qr_opens_verification(
    celery_worker, s3_storage, client, tmp_path
):
    course = course_tree(modules=1, lessons=2, code="AK", title="Akuntansi Koperasi")
    enrollment = EnrollmentFactory(course=course, user__email="peserta@contoh.id")
    for lesson in course_lessons(course):
        lesson_reached_end(enrollment=enrollment, lesson=lesson)

    certificate = _wait_for_certificate(enrollment)

    # The PDF is in the bucket, under the private prefix, not public.
    key = f"private/{certificate.file.name}"
    head = s3_storage["client"].head_object(Bucket=s3_storage["bucket"], Key=key)
    assert head["ContentLength"] > 1000
    public = f"{s3_storage['endpoint']}/{s3_storage['bucket']}/{key}"
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(public)  # noqa: S310 - loopback test server

    # The holder downloads it through a short-lived presigned link.
    client.force_login(enrollment.user)
    response = client.get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 302
    assert (
        "Signature=" in response["Location"]
        or "X-Amz-Signature=" in (response["Location"])
    )
    with urllib.request.urlopen(response["Location"]) as signed:  # noqa: S310
        pdf = signed.read()
    assert pdf.startswith(b"%PDF-")

    # Its QR code carries the verification URL, which says the certificate is valid.
    pdf_path = tmp_path / "sertifikat.pdf"
    pdf_path.write_bytes(pdf)
    subprocess.run(  # noqa: S603  a fixed tool on our own file
        [
            "/usr/bin/pdftoppm",
            "-png",
            "-r",
            "150",
            "-singlefile",
            str(pdf_path),
            str(tmp_path / "halaman"),
        ],
        check=True,
    )
    decoded = (
        subprocess.run(  # noqa: S603  a fixed tool on our own file
            ["/usr/bin/zbarimg", "--quiet", "--raw", str(tmp_path / "halaman.png")],
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .strip()
    )
    assert decoded == certificate.verify_url
    path = decoded.split("://", 1)[1].split("/", 1)[1]
    page = client.get("/" + path)
    assert "Sertifikat ini SAH." in page.content.decode()

    # The holder was told by email (a separate task, after the commit).
    deadline = time.monotonic() + 20
    while not mail.outbox and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [m.to for m in mail.outbox] == [["peserta@contoh.id"]]
