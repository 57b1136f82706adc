"""One notifier tells people things: email when they have one, else WhatsApp/SMS."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from django.core import mail

from lms.factories import ParticipantFactory
from lms.notifications import LogPhoneAdapter, Message, notify

MESSAGE = Message(subject="Sertifikat terbit", text="Selamat!", url="https://x.id/s/")


@pytest.fixture(autouse=True)
def _fresh_log():
    LogPhoneAdapter.sent = []


@pytest.mark.django_db
def test_a_person_with_email_is_told_by_email_only():
    person = ParticipantFactory(email="siti@contoh.id")
    assert notify(user=person, message=MESSAGE) == ["email"]
    assert mail.outbox[0].to == ["siti@contoh.id"]
    assert "https://x.id/s/" in mail.outbox[0].body
    assert LogPhoneAdapter.sent == []


@pytest.mark.django_db
def test_a_person_without_email_is_told_on_their_phone():
    person = ParticipantFactory(email=None)
    assert notify(user=person, message=MESSAGE) == ["phone"]
    [(phone, text)] = LogPhoneAdapter.sent
    assert phone == str(person.phone)
    assert "Sertifikat terbit" in text and "https://x.id/s/" in text
    assert not mail.outbox


@pytest.mark.django_db
def test_every_channel_that_reaches_the_person_when_asked():
    person = ParticipantFactory(email="siti@contoh.id")
    assert notify(user=person, message=MESSAGE, every=True) == ["email", "phone"]


class _Gateway(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        _Gateway.received.append((self.headers["Authorization"], json.loads(body)))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.mark.django_db
def test_the_http_gateway_adapter_posts_the_message_to_the_configured_gateway(
    settings,
):
    server = HTTPServer(("127.0.0.1", 0), _Gateway)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        settings.NOTIFY_PHONE_ADAPTER = "lms.notifications.HttpGatewayPhoneAdapter"
        settings.NOTIFY_PHONE_GATEWAY_URL = (
            f"http://127.0.0.1:{server.server_port}/kirim"
        )
        settings.NOTIFY_PHONE_GATEWAY_TOKEN = "rahasia"
        person = ParticipantFactory(email=None)
        assert notify(user=person, message=MESSAGE) == ["phone"]
    finally:
        server.shutdown()
    [(authorization, payload)] = _Gateway.received
    assert authorization == "Bearer rahasia"
    assert payload["to"] == str(person.phone) and "Selamat!" in payload["text"]
