"""Telling the holder: owed with the certificate, sent after the commit, told once;
a broker that is down when an administrator acts never turns the page into a 500."""

import datetime
import threading
import time

import pytest

from django.core import mail
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone

from certificates.factories import (
    CertificateTemplateFactory,
    CompletedEnrollmentFactory,
)
from certificates.models import Certificate, CertificateJob
from certificates.services.issuing import certificate_issue
from certificates.services.lifecycle import certificate_reissue, certificate_revoke
from certificates.services.notify import NOTIFY_TASK, certificates_notify
from certificates.tasks import certificates_notify_task
from lms import events, notifications
from lms.factories import AdminFactory
from lms.models import OwedWork
from lms.outbox import outbox_sweep, work_send
from tests.conftest import celery_worker_running


def _wait_for(predicate, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


@pytest.mark.django_db
def test_a_new_certificate_owes_its_notification_and_the_holder_is_told_once(
    django_capture_on_commit_callbacks,
):
    enrollment = CompletedEnrollmentFactory(user__email="siti@contoh.id")
    with django_capture_on_commit_callbacks() as commit:
        certificate = certificate_issue(enrollment_id=enrollment.pk)

    owed = OwedWork.objects.get(task=NOTIFY_TASK)
    assert owed.kwargs == {"certificate_ids": [certificate.pk]}
    assert mail.outbox == []  # nothing is sent before the commit
    for callback in commit:  # the commit: sent (eager in tests)
        callback()
    assert [m.to for m in mail.outbox] == [["siti@contoh.id"]]
    owed.refresh_from_db()
    assert owed.done_at is not None

    # The message delivered again (the broker's redelivery, a sweeper's resend)
    # and the owed work sent again tell nobody twice.
    certificates_notify_task.apply(
        kwargs={"certificate_ids": [certificate.pk], "owed_id": owed.pk}
    )
    assert work_send(owed_id=owed.pk) is False  # done: not sent again
    assert outbox_sweep(now=timezone.now() + datetime.timedelta(days=1)) == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_an_issue_that_rolls_back_owes_no_notification(monkeypatch):
    enrollment = CompletedEnrollmentFactory(user__email="siti@contoh.id")

    def broken_counter(event):
        raise RuntimeError("database went away")

    # The Dinas ledger, which listens to certificates being issued, fails.
    monkeypatch.setitem(events._handlers, events.CertificatesIssued, [broken_counter])
    with pytest.raises(RuntimeError):
        certificate_issue(enrollment_id=enrollment.pk)
    assert not OwedWork.objects.filter(task=NOTIFY_TASK).exists()
    assert Certificate.objects.get().status == Certificate.Status.PENDING


@pytest.mark.django_db
def test_a_reissued_certificate_owes_a_notification_again(
    django_capture_on_commit_callbacks,
):
    enrollment = CompletedEnrollmentFactory(user__email="siti@contoh.id")
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue(enrollment_id=enrollment.pk)
    certificate_revoke(certificate_id=certificate.pk, actor=None, reason="Salah")
    with django_capture_on_commit_callbacks(execute=True):
        certificate_reissue(certificate_id=certificate.pk, actor=None, reason="Benar")
    assert OwedWork.objects.filter(task=NOTIFY_TASK, done_at__isnull=False).count() == 2
    assert len(mail.outbox) == 2
    assert "Sertifikat nomor " + certificate.number in mail.outbox[1].body


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("page_root")
def test_two_deliveries_of_one_notification_at_once_tell_the_holder_once(
    monkeypatch,
):
    """While the first delivery is sending, a second (a duplicate message) finds
    the certificate locked and skips it."""
    assert connection.vendor == "postgresql", "row locks need PostgreSQL"
    enrollment = CompletedEnrollmentFactory(user__email="siti@contoh.id")
    certificate = certificate_issue(enrollment_id=enrollment.pk)
    Certificate.objects.filter(pk=certificate.pk).update(notified_at=None)
    mail.outbox.clear()
    real_send = notifications.EmailChannel.send
    sending, second_done = threading.Event(), threading.Event()

    def slow_send(self, *, user, message):
        sending.set()
        assert second_done.wait(30)
        return real_send(self, user=user, message=message)

    monkeypatch.setattr(notifications.EmailChannel, "send", slow_send)
    told = {}

    def first():
        try:
            told["first"] = certificates_notify(certificate_ids=[certificate.pk])
        finally:
            connections.close_all()

    thread = threading.Thread(target=first)
    thread.start()
    assert sending.wait(30)
    told["second"] = certificates_notify(certificate_ids=[certificate.pk])
    second_done.set()
    thread.join(30)
    assert told == {"first": 1, "second": 0}
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("page_root")
def test_with_the_broker_down_admin_actions_answer_normally_and_their_work_is_done_later(
    redis_server, settings, client
):
    """Redis is down while an administrator reissues a certificate and starts a
    regenerate and a ZIP job: every page answers (no 500 after the commit), the
    work stays owed with the error, and once Redis is back the sweeper hands it to
    a worker: the holder is told once, both jobs end DONE."""
    template = CertificateTemplateFactory()
    enrollment = CompletedEnrollmentFactory(
        course__balai=template.balai, user__email="siti@contoh.id"
    )
    certificate = certificate_issue(enrollment_id=enrollment.pk)  # told (eager)
    assert len(mail.outbox) == 1
    client.force_login(AdminFactory())

    with celery_worker_running(redis_server.url, settings):
        redis_server.stop()
        pages = [
            client.post(
                reverse("certificates_admin:detail", args=[certificate.pk]),
                {"action": "reissue", "reissue-reason": "Nama diperbaiki"},
            ),
            client.post(
                reverse("certificates_admin:template_regenerate", args=[template.pk])
            ),
            client.post(
                reverse("certificates_admin:jobs"),
                {"kind": "zip", "regency": enrollment.user.village.regency_id},
            ),
        ]
        assert [page.status_code for page in pages] == [302, 302, 302]
        owed = OwedWork.objects.filter(done_at__isnull=True)
        assert sorted(owed.values_list("task", flat=True)) == [
            "certificates.tasks.certificate_job_regenerate_task",
            "certificates.tasks.certificate_job_zip_task",
            NOTIFY_TASK,
        ]
        assert all(owed.values_list("last_error", flat=True))
        assert len(mail.outbox) == 1

        redis_server.start()
        later = timezone.now() + datetime.timedelta(
            seconds=settings.OUTBOX_LEASE_SECONDS + 1
        )
        assert outbox_sweep(now=later) == 3
        assert _wait_for(
            lambda: not OwedWork.objects.filter(done_at__isnull=True).exists()
        )

    assert len(mail.outbox) == 2
    assert mail.outbox[1].to == ["siti@contoh.id"]
    assert set(CertificateJob.objects.values_list("kind", "status")) == {
        ("regenerate", "done"),
        ("zip", "done"),
    }
    certificate.refresh_from_db()
    assert certificate.version == 3  # reissued, then regenerated
