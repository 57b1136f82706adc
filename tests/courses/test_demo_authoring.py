"""The demo set-up gives the demo instructor and admin a working authoring flow."""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import WorkflowPage

from courses.authoring import INSTRUCTORS_GROUP, REVIEWERS_GROUP
from courses.demo import demo_courses_load
from courses.models import CourseIndexPage, CoursePage
from lms.demo import demo_people_load
from lms.models import User

pytestmark = pytest.mark.django_db


def test_demo_load_is_idempotent_and_sets_up_authoring(client):
    demo_people_load()
    first = demo_courses_load()
    second = demo_courses_load()

    assert [c.pk for c in first] == [c.pk for c in second]
    assert CoursePage.objects.count() == len(first)
    catalogue = CourseIndexPage.objects.get()
    assert WorkflowPage.objects.get(page=catalogue).workflow.name == (
        "Moderators approval"
    )
    assert Group.objects.filter(name=REVIEWERS_GROUP).exists()
    instructor = User.objects.get(email="instruktur@balaidaring.test")
    assert instructor.groups.filter(name=INSTRUCTORS_GROUP).exists()
    client.force_login(instructor)
    assert client.get(f"/admin/pages/{first[0].pk}/edit/").status_code == 200
    listing = client.get(f"/admin/pages/{catalogue.pk}/").content.decode()
    assert first[0].title in listing
