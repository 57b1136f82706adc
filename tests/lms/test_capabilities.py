"""What a person may do is computed once (`lms.scoping.person_can`); menus and
pages read its flags and never test a role themselves."""

import re
from pathlib import Path

import pytest

from lms import scoping
from lms.factories import (
    AdminFactory,
    AssistantFactory,
    DinasOfficerFactory,
    InstructorFactory,
    ParticipantFactory,
)

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
ROLE_TEST = re.compile(
    r"{%[^%]*\buser\.(role|is_admin|is_participant|is_staff|is_superuser)\b"
)

MENU = {
    "participant": {"/belajar/", "/katalog/", "/sertifikat/"},
    "instructor": {"/angkatan/", "/admin/"},
    "dinas": {"/wilayah/peserta/", "/dinas/", "/angkatan/", "/dinas/impor/"},
    "assistant": {"/wilayah/peserta/", "/dinas/pendamping/", "/angkatan/"},
    "admin": {"/wilayah/peserta/", "/dinas/", "/angkatan/", "/dinas/impor/", "/admin/"},
}
FACTORIES = {
    "participant": ParticipantFactory,
    "instructor": InstructorFactory,
    "dinas": DinasOfficerFactory,
    "assistant": AssistantFactory,
    "admin": AdminFactory,
}


def test_no_template_tests_a_role():
    offenders = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if ROLE_TEST.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.django_db
@pytest.mark.parametrize("role", sorted(MENU))
def test_the_menu_shows_what_the_person_may_do(client, role):
    client.force_login(FACTORIES[role]())
    nav = client.get("/").content.decode()
    nav = nav[nav.index("<nav") : nav.index("</nav>")]
    links = set(re.findall(r'href="([^"]+)"', nav)) - {"/", "/akun/profil/"}
    assert links == MENU[role]


@pytest.mark.django_db
def test_visitors_and_disabled_accounts_may_do_nothing():
    from django.contrib.auth.models import AnonymousUser

    assert scoping.person_can(AnonymousUser()) == scoping.Capabilities()
    assert scoping.person_can(AdminFactory(is_active=False)) == scoping.Capabilities()
