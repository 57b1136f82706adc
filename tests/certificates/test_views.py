"""Participant pages, downloads and the public verification page."""

import pytest

from django.core.cache import cache
from django.urls import reverse

from certificates.factories import CompletedEnrollmentFactory
from certificates.services.issuing import certificate_issue
from certificates.services.lifecycle import certificate_revoke
from lms.factories import AdminFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def certificate():
    return certificate_issue(enrollment_id=CompletedEnrollmentFactory().pk)


def test_holder_sees_their_certificates_and_downloads_the_pdf(client, certificate):
    client.force_login(certificate.enrollment.user)
    page = client.get(reverse("certificates:mine"))
    assert certificate.number in page.content.decode()
    response = client.get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_another_participant_cannot_download_it(client, certificate):
    client.force_login(ParticipantFactory())
    response = client.get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 404


def test_anonymous_visitor_is_sent_to_log_in(client, certificate):
    response = client.get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 302
    assert "/akun/masuk/" in response["Location"]


def test_administrator_can_download_any(client, certificate):
    client.force_login(AdminFactory())
    response = client.get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 200


def test_verification_page_shows_validity_and_only_public_facts(client, certificate):
    response = client.get(reverse("certificates:verify", args=[certificate.code]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sertifikat ini SAH." in html
    assert certificate.holder_name in html
    assert certificate.course_title in html
    assert certificate.issuer_name in html
    user = certificate.enrollment.user
    assert user.email not in html
    assert user.phone not in html
    assert user.cooperative.name not in html


def test_verification_page_says_revoked_after_revocation(client, certificate):
    certificate_revoke(
        certificate_id=certificate.pk, actor=None, reason="Rahasia internal"
    )
    html = client.get(
        reverse("certificates:verify", args=[certificate.code])
    ).content.decode()
    assert "DICABUT" in html
    assert "SAH." not in html
    assert "Rahasia internal" not in html


def test_unknown_code_is_not_found(client):
    response = client.get(reverse("certificates:verify", args=["tebakan-acak"]))
    assert response.status_code == 404
    assert "tidak ditemukan" in response.content.decode()


def test_lookup_by_number_and_name_leads_to_the_verification_page(client, certificate):
    typed = f"  {certificate.holder_name.upper()} "  # as people type it
    response = client.get(
        reverse("certificates:verify_form"),
        {"nomor": certificate.number, "nama": typed},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "certificates:verify", args=[certificate.code]
    )


def test_guessing_numbers_without_the_holders_name_yields_nothing(client, certificate):
    url = reverse("certificates:verify_form")
    alone = client.get(url, {"nomor": certificate.number})
    assert alone.status_code == 200
    assert "nama pemegang" in alone.content.decode()
    assert certificate.holder_name not in alone.content.decode()
    wrong = client.get(url, {"nomor": certificate.number, "nama": "Budi"})
    unknown = client.get(url, {"nomor": "9999/XX", "nama": "Budi"})
    assert wrong.status_code == unknown.status_code == 404
    for response in (wrong, unknown):
        body = response.content.decode()
        assert "Tidak ada sertifikat dengan nomor dan nama pemegang ini" in body
        assert certificate.holder_name not in body
        assert certificate.course_title not in body


def test_the_qr_codes_link_stays_public(client, certificate):
    response = client.get(reverse("certificates:verify", args=[certificate.code]))
    assert response.status_code == 200
    assert certificate.holder_name in response.content.decode()


def test_the_limit_counts_each_client_behind_the_trusted_proxy(
    client, certificate, settings
):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    url = reverse("certificates:verify", args=[certificate.code])
    via_proxy = {"REMOTE_ADDR": "10.0.0.1"}
    guesser = [
        client.get(url, HTTP_X_FORWARDED_FOR="1.1.1.1", **via_proxy).status_code
        for _ in range(21)
    ]
    assert guesser[-1] == 429
    other = client.get(url, HTTP_X_FORWARDED_FOR="2.2.2.2", **via_proxy)
    assert other.status_code == 200


def test_lookups_are_rate_limited(client, certificate):
    url = reverse("certificates:verify", args=[certificate.code])
    statuses = [client.get(url).status_code for _ in range(21)]
    assert statuses[:20] == [200] * 20
    assert statuses[20] == 429
    assert "Terlalu banyak" in client.get(url).content.decode()


def test_course_page_links_the_certificate(client, certificate):
    client.force_login(certificate.enrollment.user)
    html = client.get(certificate.enrollment.course.url).content.decode()
    assert reverse("certificates:download", args=[certificate.pk]) in html
