import pytest

from certificates.demo import demo_certificate_templates_load
from certificates.models import CertificateTemplate
from lms.factories import BalaiFactory

pytestmark = pytest.mark.django_db


def test_demo_template_is_the_kalsel_balais_default_and_loads_once():
    balai = BalaiFactory(code="bplk-kalsel", name="Balai Pelatihan Koperasi Kalsel")
    template = demo_certificate_templates_load()
    assert template.balai == balai
    assert template.is_default
    template.full_clean()
    template.title = "SERTIFIKAT PELATIHAN"
    template.save()
    again = demo_certificate_templates_load()
    assert again.pk == template.pk
    assert again.title == "SERTIFIKAT PELATIHAN"
    assert CertificateTemplate.objects.count() == 1
