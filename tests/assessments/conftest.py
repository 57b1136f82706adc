import pytest

from courses.factories import EnrollmentFactory, course_tree


@pytest.fixture
def course(db):
    return course_tree(modules=1, lessons=2)


@pytest.fixture
def enrollment(course):
    return EnrollmentFactory(course=course)
