"""Revocation and reissue by administrators, with an audit trail."""

import pytest

from django.core.exceptions import ValidationError
from django.core.files.storage import storages

from certificates.factories import CompletedEnrollmentFactory
from certificates.models import Certificate
from certificates.services.issuing import certificate_issue
from certificates.services.lifecycle import certificate_reissue, certificate_revoke
from lms.factories import AdminFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate():
    return certificate_issue(enrollment_id=CompletedEnrollmentFactory().pk)


def test_revoke_records_reason_actor_and_time(certificate):
    admin = AdminFactory()
    revoked = certificate_revoke(
        certificate_id=certificate.pk, actor=admin, reason="Data peserta palsu"
    )
    assert revoked.status == Certificate.Status.REVOKED
    assert revoked.revoked_reason == "Data peserta palsu"
    event = revoked.events.last()
    assert (event.action, event.actor, event.details["reason"]) == (
        "revoked",
        admin,
        "Data peserta palsu",
    )


def test_revoke_needs_a_reason_and_changes_nothing_without_one(certificate):
    with pytest.raises(ValidationError):
        certificate_revoke(certificate_id=certificate.pk, actor=None, reason="  ")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID
    assert certificate.events.count() == 1


def test_reissue_keeps_number_and_code_draws_a_new_version_and_drops_the_old_file(
    certificate, django_capture_on_commit_callbacks
):
    admin = AdminFactory()
    user = certificate.enrollment.user
    user.full_name = "Siti Rahmawati Noor"
    user.save()
    certificate_revoke(certificate_id=certificate.pk, actor=admin, reason="Nama salah")
    old_file = certificate.file.name
    with django_capture_on_commit_callbacks(execute=True):
        reissued = certificate_reissue(
            certificate_id=certificate.pk, actor=admin, reason="Nama diperbaiki"
        )
    assert reissued.number == certificate.number
    assert reissued.code == certificate.code
    assert reissued.version == 2
    assert reissued.status == Certificate.Status.VALID
    assert reissued.holder_name == "Siti Rahmawati Noor"
    assert reissued.file.name.endswith("/v2.pdf")
    storage = storages["private"]
    assert storage.exists(reissued.file.name)
    assert not storage.exists(old_file)
    assert [e.action for e in reissued.events.all()] == [
        "issued",
        "revoked",
        "reissued",
    ]
    assert reissued.events.last().details == {
        "reason": "Nama diperbaiki",
        "previous_status": "revoked",
    }


def test_only_a_valid_certificate_can_be_revoked(certificate):
    certificate_revoke(certificate_id=certificate.pk, actor=None, reason="x")
    with pytest.raises(ValidationError):
        certificate_revoke(certificate_id=certificate.pk, actor=None, reason="y")


def test_revoking_and_reinstating_move_the_certified_counter(certificate):
    from lms.dinas.models import VillageCourseCounter

    enrollment = certificate.enrollment

    def certified():
        return VillageCourseCounter.objects.get(
            village_id=enrollment.user.village_id, course_id=enrollment.course_id
        ).certified

    assert certified() == 1
    certificate_revoke(certificate_id=certificate.pk, actor=None, reason="salah")
    assert certified() == 0
    certificate_reissue(certificate_id=certificate.pk, actor=None, reason="benar")
    assert certified() == 1
