"""Statements forwarded to an external xAPI 1.0.3 LRS by a Celery task, with retries."""

import base64
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from django.test import Client
from django.urls import reverse

from content.factories import activity_with_package
from content.models import XAPIStatement
from content.services import statement_record
from courses.factories import EnrollmentFactory
from lms.factories import ParticipantFactory
from lms.models import OwedWork
from lms.outbox import outbox_sweep
from tests.fixtures.h5p import builder


class TinyLRS:
    """An LRS on a loopback port: answers 503 `failures` times, then 204."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.requests: list[dict] = []
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            def do_PUT(self):  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                lrs.requests.append(
                    {
                        "path": self.path,
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                        "body": body,
                    }
                )
                status = 503 if len(lrs.requests) <= lrs.failures else 204
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/xapi"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def test_a_statement_reaches_the_lrs_after_a_failure(
    celery_worker, settings, h5p_media, tmp_path, lesson_with
):
    activity = activity_with_package(builder.build_score_demo(tmp_path))
    lesson = lesson_with(activity)
    enrollment = EnrollmentFactory(
        user=ParticipantFactory(), course=lesson.get_parent().get_parent().specific
    )
    client = Client()
    client.force_login(enrollment.user)

    with TinyLRS(failures=1) as lrs:
        settings.XAPI_LRS_ENDPOINT = lrs.url
        settings.XAPI_LRS_USERNAME = "balai"
        settings.XAPI_LRS_PASSWORD = "rahasia"
        sent = {
            "actor": {"name": "siapa saja"},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
            "object": {"id": "http://127.0.0.1:8000/h5p/1/"},
            "result": {"score": {"min": 0, "raw": 1, "max": 2}},
        }
        response = client.post(
            reverse("content:statement", args=[activity.pk]),
            json.dumps({"lesson": lesson.pk, "statement": sent}),
            content_type="application/json",
        )
        assert response.status_code == 201
        row = XAPIStatement.objects.get()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            row.refresh_from_db()
            if row.forwarded_at:
                break
            time.sleep(0.2)

    assert row.forwarded_at is not None
    assert len(lrs.requests) == 2  # a 503, then the retry
    request = lrs.requests[-1]
    assert request["path"] == f"/xapi/statements?statementId={row.uuid}"
    assert request["headers"]["x-experience-api-version"] == "1.0.3"
    assert (
        request["headers"]["authorization"]
        == "Basic " + base64.b64encode(b"balai:rahasia").decode()
    )
    body = json.loads(request["body"])
    assert body["id"] == str(row.uuid)
    # The participant is the actor, not what the player claimed.
    assert body["actor"]["account"]["name"] == str(enrollment.user_id)
    assert body["result"] == sent["result"]


@pytest.mark.django_db
def test_forwarding_is_owed_with_the_statement_and_swept_if_its_message_is_lost(
    settings, h5p_media, tmp_path, lesson_with
):
    """The forward is an owed row written with the statement (lms.outbox): when the
    message never reaches a worker (here: never sent), the sweeper delivers it, once."""
    activity = activity_with_package(builder.build_score_demo(tmp_path))
    lesson = lesson_with(activity)
    enrollment = EnrollmentFactory(
        user=ParticipantFactory(), course=lesson.get_parent().get_parent().specific
    )
    with TinyLRS() as lrs:
        settings.XAPI_LRS_ENDPOINT = lrs.url
        row = statement_record(
            user=enrollment.user,
            activity=activity,
            lesson=lesson,
            statement={
                "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
                "object": {"id": "http://127.0.0.1:8000/h5p/1/"},
            },
        )
        owed = OwedWork.objects.get(task="content.tasks.statement_forward_task")
        assert owed.kwargs == {"statement_id": row.pk}
        assert lrs.requests == []

        assert outbox_sweep() == 1
        assert outbox_sweep() == 0

    row.refresh_from_db()
    assert row.forwarded_at is not None
    assert [r["path"] for r in lrs.requests] == [
        f"/xapi/statements?statementId={row.uuid}"
    ]
    owed.refresh_from_db()
    assert owed.done_at is not None
