"""The Wagtail admin: template preview, revoke/reissue, bulk jobs with progress."""

import io
import subprocess
import zipfile

import pytest

from django.core.files.storage import storages
from django.urls import reverse

from certificates.factories import (
    CertificateTemplateFactory,
    CompletedEnrollmentFactory,
)
from certificates.models import Certificate, CertificateJob
from certificates.services.issuing import certificate_issue
from courses.factories import CohortFactory
from lms.factories import AdminFactory, InstructorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(AdminFactory())
    return client


def test_template_preview_draws_unsaved_edits_as_a_pdf(admin_client):
    template = CertificateTemplateFactory()
    url = reverse(
        "wagtailsnippets_certificates_certificatetemplate:preview_on_edit",
        args=[template.pk],
    )
    data = {
        "name": template.name,
        "balai": template.balai.pk,
        "is_default": "on",
        "orientation": "portrait",
        "title": "SERTIFIKAT PRATINJAU",
        "body": template.body,
        "issuer_kind": "balai",
        "number_pattern": template.number_pattern,
        "seq_digits": 4,
        "signatory_1_name": "Dra. Hj. Rusmini",
        "signatory_1_title": "Kepala Balai",
        "signatory_1_nip": "196805121990032001",
    }
    posted = admin_client.post(url, data)
    assert posted.json()["is_valid"] is True
    response = admin_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = subprocess.run(
        ["/usr/bin/pdftotext", "-", "-"],
        input=response.content,
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert "SERTIFIKAT PRATINJAU" in text
    assert "Dra. Hj. Rusmini" in text
    template.refresh_from_db()
    assert template.title == "SERTIFIKAT"  # a preview saves nothing


def test_template_rejects_an_unknown_number_placeholder():
    from django.core.exceptions import ValidationError

    template = CertificateTemplateFactory.build(number_pattern="{seq}/{rahasia}")
    with pytest.raises(ValidationError):
        template.full_clean(exclude=["balai"])


def test_admin_revokes_with_a_reason_from_the_detail_page(admin_client):
    certificate = certificate_issue(enrollment_id=CompletedEnrollmentFactory().pk)
    url = reverse("certificates_admin:detail", args=[certificate.pk])
    response = admin_client.post(url, {"action": "revoke", "revoke-reason": ""})
    assert response.status_code == 200
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID
    response = admin_client.post(
        url, {"action": "revoke", "revoke-reason": "Ijazah palsu"}
    )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED


def test_instructor_cannot_reach_the_certificate_admin(client):
    client.force_login(InstructorFactory())
    response = client.get(reverse("certificates_admin:list"))
    assert response.status_code in (302, 403)


def test_regenerate_job_redraws_every_certificate_of_the_template(
    admin_client, django_capture_on_commit_callbacks
):
    template = CertificateTemplateFactory()
    certificates = [
        certificate_issue(
            enrollment_id=CompletedEnrollmentFactory(course__balai=template.balai).pk
        )
        for _ in range(3)
    ]
    template.title = "SERTIFIKAT PELATIHAN"
    template.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("certificates_admin:template_regenerate", args=[template.pk])
        )
    assert response.status_code == 302
    job = CertificateJob.objects.get()
    assert (job.status, job.total, job.done) == ("done", 3, 3)
    for certificate in certificates:
        certificate.refresh_from_db()
        assert certificate.version == 2
        assert certificate.file.name.endswith("/v2.pdf")
        assert certificate.events.last().action == "regenerated"
    page = admin_client.get(reverse("certificates_admin:jobs"))
    assert "3/3" in page.content.decode()


def test_zip_job_bundles_a_cohorts_valid_certificates(
    admin_client, django_capture_on_commit_callbacks
):
    cohort = CohortFactory()
    mine = [
        certificate_issue(
            enrollment_id=CompletedEnrollmentFactory(
                course=cohort.course, cohort=cohort
            ).pk
        )
        for _ in range(2)
    ]
    certificate_issue(enrollment_id=CompletedEnrollmentFactory().pk)  # other cohort
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("certificates_admin:jobs"), {"kind": "zip", "cohort": cohort.pk}
        )
    assert response.status_code == 302
    job = CertificateJob.objects.get()
    assert (job.status, job.total, job.done) == ("done", 2, 2)
    with storages["private"].open(job.result.name, "rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    names = sorted(archive.namelist())
    assert len(names) == 2
    assert names[0].startswith(mine[0].number.replace("/", "-"))
    download = admin_client.get(
        reverse("certificates_admin:job_download", args=[job.pk])
    )
    assert download.status_code == 200


def test_zip_job_needs_a_cohort_or_a_region(admin_client):
    response = admin_client.post(reverse("certificates_admin:jobs"), {"kind": "zip"})
    assert response.status_code == 200
    assert "Pilih angkatan atau wilayah." in response.content.decode()
    assert not CertificateJob.objects.exists()
