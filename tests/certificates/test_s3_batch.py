"""The batch path writes to S3 exactly what a single issue writes (over HTTP to the
S3 endpoint), concurrently, and cleans up after a failed upload."""

import pytest

from certificates import uploads
from certificates.factories import (
    CertificateTemplateFactory,
    CompletedEnrollmentFactory,
)
from certificates.models import Certificate
from certificates.services.issuing import certificate_issue, certificates_issue_many

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrollments():
    template = CertificateTemplateFactory()
    first = CompletedEnrollmentFactory(course__balai=template.balai)
    return [first] + [CompletedEnrollmentFactory(course=first.course) for _ in range(9)]


def _object(s3, name):
    key = f"private/{name}"
    head = s3["client"].head_object(Bucket=s3["bucket"], Key=key)
    acl = s3["client"].get_object_acl(Bucket=s3["bucket"], Key=key)
    return head, acl


def test_batch_uploads_have_the_single_issue_key_acl_and_content_type(
    s3_storage, enrollments
):
    single = certificate_issue(enrollment_id=enrollments[0].pk)
    ids = [e.pk for e in enrollments[1:]]
    assert certificates_issue_many(enrollment_ids=ids) == 9

    single_head, single_acl = _object(s3_storage, single.file.name)
    for certificate in Certificate.objects.exclude(pk=single.pk):
        assert certificate.file.name == f"certificates/{certificate.code}/v1.pdf"
        head, acl = _object(s3_storage, certificate.file.name)
        assert head["ContentType"] == single_head["ContentType"] == "application/pdf"
        assert acl["Grants"] == single_acl["Grants"]
        assert head["ContentLength"] > 10_000
        body = (
            s3_storage["client"]
            .get_object(
                Bucket=s3_storage["bucket"], Key=f"private/{certificate.file.name}"
            )["Body"]
            .read()
        )
        assert body.startswith(b"%PDF")
    # Private: the object is not readable without a signature.
    import urllib.error
    import urllib.request

    some = Certificate.objects.exclude(pk=single.pk).first()
    url = f"{s3_storage['endpoint']}/{s3_storage['bucket']}/private/{some.file.name}"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url)  # noqa: S310 - loopback test server
    assert refused.value.code == 403


def test_a_failed_put_deletes_the_other_uploads_of_the_batch(
    s3_storage, enrollments, monkeypatch
):
    real_put = uploads.Uploader._put
    calls = {"n": 0}

    def put_fails_on_the_sixth(self, ident, key, pdf):
        calls["n"] += 1
        if calls["n"] == 6:
            raise ConnectionError("S3 endpoint went away")
        return real_put(self, ident, key, pdf)

    monkeypatch.setattr(uploads.Uploader, "_put", put_fails_on_the_sixth)
    ids = [e.pk for e in enrollments]
    with pytest.raises(ConnectionError):
        certificates_issue_many(enrollment_ids=ids)
    listed = s3_storage["client"].list_objects_v2(
        Bucket=s3_storage["bucket"], Prefix="private/certificates/"
    )
    assert listed.get("KeyCount", 0) == 0
    assert set(Certificate.objects.values_list("status", flat=True)) == {"pending"}

    monkeypatch.setattr(uploads.Uploader, "_put", real_put)
    assert certificates_issue_many(enrollment_ids=ids) == 10
    listed = s3_storage["client"].list_objects_v2(
        Bucket=s3_storage["bucket"], Prefix="private/certificates/"
    )
    assert listed["KeyCount"] == 10
