import pytest

from django.contrib.auth.models import Group

from assessments.factories import QuestionBankFactory
from courses.authoring import INSTRUCTORS_GROUP, authoring_setup
from courses.factories import EnrollmentFactory, catalogue_get_or_create, course_tree
from lms.factories import InstructorFactory


@pytest.fixture
def course(db):
    return course_tree(modules=1, lessons=2)


@pytest.fixture
def enrollment(course):
    return EnrollmentFactory(course=course)


@pytest.fixture
def instructor(course):
    """An instructor of the course's Balai, in the Instruktur group (authoring set up)."""
    authoring_setup(catalogue=catalogue_get_or_create())
    user = InstructorFactory(balai=course.balai)
    user.groups.add(Group.objects.get(name=INSTRUCTORS_GROUP))
    return user


@pytest.fixture
def bank(course):
    return QuestionBankFactory(course=course, title="Bank Kelembagaan")
