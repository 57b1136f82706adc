"""Fixtures for the Dinas programme tests: officers, a course with lessons."""

import pytest

from lms.factories import DinasOfficerFactory
from lms.models import Province, Regency


@pytest.fixture
def province_officer(db):
    return DinasOfficerFactory(scope_province=Province.objects.get(pk="63"))


@pytest.fixture
def banjar_officer(db):
    return DinasOfficerFactory(scope_regency=Regency.objects.get(pk="63.03"))


@pytest.fixture
def kaltim_regions(db):
    """Kalimantan Timur (64), the neighbour some faulty rows point into."""
    from lms.services import wilayah_load

    if not Province.objects.filter(pk="64").exists():
        wilayah_load(province_code="64")


@pytest.fixture
def course(db):
    """A published course with two lessons, under the catalogue."""
    from lms.dinas.factories import course_with_lessons

    return course_with_lessons()
