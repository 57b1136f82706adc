"""An H5P activity belongs to a Balai: an instructor's new activity is their own
Balai's, an administrator chooses it, and the migration gives existing activities
the Balai of the course placing them."""

import importlib

import pytest

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from content.factories import H5PActivityFactory, h5p_block_body
from content.models import H5PActivity
from courses.authoring import INSTRUCTORS_GROUP, authoring_setup
from courses.factories import catalogue_get_or_create, course_tree
from courses.models import LessonPage
from courses.services import lesson_activities_sync
from lms.factories import AdminFactory, BalaiFactory, InstructorFactory
from tests.fixtures.h5p import builder

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_content_h5pactivity:add"
EDIT = "wagtailsnippets_content_h5pactivity:edit"
COPY = "wagtailsnippets_content_h5pactivity:copy"

migration = importlib.import_module("content.migrations.0004_activity_balai")


@pytest.fixture
def instructor():
    authoring_setup(catalogue=catalogue_get_or_create())
    user = InstructorFactory(balai=BalaiFactory(name="Balai Kalsel", code="kalsel"))
    user.groups.add(Group.objects.get(name=INSTRUCTORS_GROUP))
    return user


def _package(tmp_path) -> SimpleUploadedFile:
    path = builder.build_score_demo(tmp_path)
    return SimpleUploadedFile(path.name, path.read_bytes(), "application/zip")


def test_an_instructors_new_activity_is_their_balais_whatever_is_posted(
    client, instructor, h5p_media, tmp_path
):
    elsewhere = BalaiFactory(name="Balai Kaltim", code="kaltim")
    client.force_login(instructor)

    form = client.get(reverse(ADD)).content.decode()
    response = client.post(
        reverse(ADD),
        {
            "title": "Simulasi SHU",
            "balai": elsewhere.pk,
            "pass_score": 60,
            "package": _package(tmp_path),
        },
    )

    assert response.status_code == 302
    activity = H5PActivity.objects.get()
    assert activity.balai == instructor.balai
    assert "Balai Kalsel" in form
    assert "Balai Kaltim" not in form  # not offered either


def test_an_instructor_cannot_move_their_activity_to_another_balai(client, instructor):
    activity = H5PActivityFactory(
        balai=instructor.balai, content_key="abc", title="Kuis"
    )
    elsewhere = BalaiFactory(name="Balai Kaltim", code="kaltim")
    client.force_login(instructor)

    response = client.post(
        reverse(EDIT, args=[activity.pk]),
        {"title": "Kuis baru", "balai": elsewhere.pk, "pass_score": 70},
    )

    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.balai) == ("Kuis baru", instructor.balai)


def test_an_instructors_copy_stays_in_their_balai(client, instructor, h5p_media):
    activity = H5PActivityFactory(
        balai=instructor.balai, content_key="abc", title="Kuis"
    )
    client.force_login(instructor)

    page = client.get(reverse(COPY, args=[activity.pk]))

    assert page.status_code == 200
    assert page.context["form"]["balai"].value() == instructor.balai.pk
    assert page.context["form"].fields["balai"].disabled


def test_an_administrator_chooses_the_balai(client, h5p_media, tmp_path):
    balai = BalaiFactory(name="Balai Kaltim", code="kaltim")
    client.force_login(AdminFactory())

    missing = client.post(
        reverse(ADD),
        {"title": "Tanpa balai", "pass_score": 60, "package": _package(tmp_path)},
    )
    chosen = client.post(
        reverse(ADD),
        {
            "title": "Simulasi",
            "balai": balai.pk,
            "pass_score": 60,
            "package": _package(tmp_path),
        },
    )

    assert missing.status_code == 200
    assert "balai" in missing.context["form"].errors
    assert chosen.status_code == 302
    assert H5PActivity.objects.get().balai == balai


def test_an_activity_without_a_balai_is_the_administrators_alone(client, instructor):
    H5PActivityFactory(balai=None, title="Aktivitas tanpa balai")
    listing = reverse("wagtailsnippets_content_h5pactivity:list")

    client.force_login(instructor)
    assert "Aktivitas tanpa balai" not in client.get(listing).content.decode()
    client.force_login(AdminFactory())
    assert "Aktivitas tanpa balai" in client.get(listing).content.decode()


def test_the_migration_gives_an_activity_the_balai_of_the_course_placing_it():
    kalsel = BalaiFactory(name="Balai Kalsel", code="kalsel")
    course = course_tree(balai=kalsel)
    placed = H5PActivityFactory(balai=None)
    unplaced = H5PActivityFactory(balai=None)
    lesson = LessonPage.objects.descendant_of(course).last()
    lesson.body = h5p_block_body(placed)
    lesson.save_revision().publish()
    lesson_activities_sync(lesson=lesson)

    migration.activities_take_their_courses_balai(apps, None)

    placed.refresh_from_db()
    unplaced.refresh_from_db()
    assert placed.balai == kalsel
    assert unplaced.balai is None
