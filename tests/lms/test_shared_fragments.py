"""`{% shared_fragment %}`: rendered once, kept per name, language and the values
it varies on, so one visitor's menu never reaches a visitor with other rights."""

import pytest

from django.template import Context, Template
from django.utils import translation

from lms.templatetags.shared_fragments import shared_fragments_clear

TEMPLATE = Template(
    '{% load i18n shared_fragments %}{% shared_fragment "t" role %}'
    '{% translate "Keluar" %} {{ role }} {{ seen }}{% endshared_fragment %}'
)


@pytest.fixture(autouse=True)
def fresh():
    shared_fragments_clear()
    yield
    shared_fragments_clear()


def render(**context):
    return TEMPLATE.render(Context(context))


def test_a_fragment_is_rendered_once_for_the_same_key():
    with translation.override("id"):
        first = render(role="peserta", seen="pertama")
        again = render(role="peserta", seen="kedua")
    assert first == again == "Keluar peserta pertama"


def test_a_fragment_varies_on_its_values_and_the_language():
    with translation.override("id"):
        participant = render(role="peserta", seen="a")
        dinas = render(role="dinas", seen="b")
    with translation.override("en"):
        english = render(role="peserta", seen="c")
    assert participant == "Keluar peserta a"
    assert dinas == "Keluar dinas b"
    assert english.endswith("peserta c") and english != "Keluar peserta c"


@pytest.mark.django_db
def test_the_menu_follows_each_persons_capabilities(client):
    from lms.factories import ParticipantFactory

    staff = ParticipantFactory(is_staff=True)
    participant = ParticipantFactory()
    client.force_login(staff)
    assert 'href="/admin/"' in client.get("/").content.decode()
    client.force_login(participant)
    assert 'href="/admin/"' not in client.get("/").content.decode()
