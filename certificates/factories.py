"""Factories for the certificates app."""

import factory

from django.utils import timezone

from courses.factories import EnrollmentFactory
from courses.models import Enrollment
from lms.factories import BalaiFactory

from .models import CertificateTemplate


class CertificateTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificateTemplate

    name = factory.Sequence(lambda n: f"Templat {n}")
    balai = factory.SubFactory(BalaiFactory)
    is_default = True
    title = "SERTIFIKAT"
    signatory_1_name = "Dr. Ir. H. Ahmad Fauzi, M.Si."
    signatory_1_title = "Kepala Balai Pelatihan"
    signatory_1_nip = "197001011995031001"


class CompletedEnrollmentFactory(EnrollmentFactory):
    """An enrolment whose course is complete (as `courses.progress` records it)."""

    status = Enrollment.Status.COMPLETED
    progress_percent = 100
    started_at = factory.LazyFunction(timezone.now)
    completed_at = factory.LazyFunction(timezone.now)
