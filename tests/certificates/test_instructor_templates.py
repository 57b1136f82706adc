"""Instructors manage their own Balai's certificate templates: unknown placeholders
are refused by name, and the preview shows a real completion of their Balai."""

import subprocess

import pytest

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from certificates.factories import (
    CertificateTemplateFactory,
    CompletedEnrollmentFactory,
)
from certificates.models import CertificateTemplate
from courses.authoring import INSTRUCTORS_GROUP, authoring_setup
from courses.factories import catalogue_get_or_create, course_tree
from lms.factories import BalaiFactory, InstructorFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/certificates/certificatetemplate/"


@pytest.fixture
def balai():
    return BalaiFactory(name="Balai Kalsel")


@pytest.fixture
def instructor(balai):
    authoring_setup(catalogue=catalogue_get_or_create())
    user = InstructorFactory(balai=balai)
    user.groups.add(Group.objects.get(name=INSTRUCTORS_GROUP))
    return user


def form_data(template, **changes):
    return {
        "name": template.name,
        "balai": template.balai_id,
        "is_default": "on",
        "orientation": "landscape",
        "title": template.title,
        "body": template.body,
        "issuer_kind": "balai",
        "number_pattern": template.number_pattern,
        "seq_digits": 4,
        "signatory_1_name": template.signatory_1_name,
        "signatory_1_title": template.signatory_1_title,
        "signatory_1_nip": template.signatory_1_nip,
        **changes,
    }


def test_an_instructor_manages_only_their_balais_templates(client, balai, instructor):
    own = CertificateTemplateFactory(balai=balai, name="Templat Kalsel")
    theirs = CertificateTemplateFactory(
        balai=BalaiFactory(name="Balai Lain"), name="Templat Lain"
    )
    client.force_login(instructor)
    listing = client.get(LIST)
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "Templat Kalsel" in page and "Templat Lain" not in page
    assert ">True<" not in page
    assert client.get(f"{LIST}edit/{own.pk}/").status_code == 200
    assert client.get(f"{LIST}edit/{theirs.pk}/").status_code == 404
    add = client.get(f"{LIST}add/").content.decode()
    assert "Balai Lain" not in add
    response = client.post(
        f"{LIST}edit/{own.pk}/", form_data(own, title="SERTIFIKAT PELATIHAN")
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.title == "SERTIFIKAT PELATIHAN"
    # Another Balai's template cannot be made theirs, nor theirs given away.
    response = client.post(
        f"{LIST}edit/{own.pk}/", form_data(own, balai=theirs.balai_id)
    )
    assert response.status_code == 200
    assert CertificateTemplate.objects.get(pk=own.pk).balai == balai


def test_an_unknown_placeholder_is_refused_by_name():
    template = CertificateTemplateFactory.build(
        body="Diberikan kepada {nam} atas {kursus} ({Jp} JP) {nomor}"
    )
    with pytest.raises(ValidationError) as error:
        template.full_clean(exclude=["balai", "background_image"])
    message = " ".join(error.value.message_dict["body"])
    assert "Isian tidak dikenal: {nam}, {Jp}." in message
    assert "{nama}" in message and "{tanggal}" in message


def test_the_form_names_the_unknown_placeholder(client, balai, instructor):
    template = CertificateTemplateFactory(balai=balai)
    client.force_login(instructor)
    response = client.post(
        f"{LIST}edit/{template.pk}/", form_data(template, body="Kepada {nam}")
    )
    assert "Isian tidak dikenal: {nam}." in response.content.decode()


def test_the_preview_shows_a_real_completion_of_the_balai(client, balai, instructor):
    course = course_tree(modules=1, lessons=1, balai=balai, title="Kas Harian Koperasi")
    enrollment = CompletedEnrollmentFactory(course=course)
    enrollment.user.full_name = "Zulkifli Rahman"
    enrollment.user.save()
    template = CertificateTemplateFactory(balai=balai)
    client.force_login(instructor)
    url = reverse(
        "wagtailsnippets_certificates_certificatetemplate:preview_on_edit",
        args=[template.pk],
    )
    assert client.post(url, form_data(template)).json()["is_valid"] is True
    pdf = client.get(url).content
    text = subprocess.run(
        ["/usr/bin/pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "Zulkifli Rahman" in text
    assert "Kas Harian Koperasi" in text
