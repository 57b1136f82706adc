"""Serving a lesson fast keeps it right: the published revision only, Wagtail's
view restrictions on the lesson and its ancestors, and few queries."""

import json

import pytest

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from courses.factories import course_tree
from courses.models import LessonPage, LessonProgress
from courses.services import enrollment_create
from lms.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def text_body(text: str) -> str:
    return json.dumps([{"type": "text", "value": f"<p>{text}</p>"}])


@pytest.fixture
def lesson():
    cache.clear()
    course = course_tree(modules=1, lessons=3, title="Akuntansi Dasar")
    lesson = LessonPage.objects.descendant_of(course).order_by("path")[1]
    lesson.body = text_body("Versi satu")
    lesson.save_revision().publish()
    return lesson


@pytest.fixture
def reader(client, lesson):
    participant = ParticipantFactory()
    course = lesson.get_parent().get_parent().specific
    enrollment_create(user=participant, course=course, self_service=True)
    client.force_login(participant)
    return client


def test_a_draft_is_never_served_and_a_publication_is_served_at_once(reader, lesson):
    assert "Versi satu" in reader.get(lesson.url).content.decode()

    lesson.body = text_body("Versi dua")
    revision = lesson.save_revision()  # a draft: the live page is unchanged
    page = reader.get(lesson.url).content.decode()
    assert "Versi satu" in page and "Versi dua" not in page

    revision.publish()
    page = reader.get(lesson.url).content.decode()
    assert "Versi dua" in page and "Versi satu" not in page


def test_a_preview_of_a_draft_does_not_reach_what_participants_are_served(
    reader, lesson, admin_client
):
    lesson.body = text_body("Versi rahasia")
    lesson.save_revision()
    preview = admin_client.get(f"/admin/pages/{lesson.pk}/edit/preview/")
    assert preview.status_code in (200, 405)

    page = reader.get(lesson.url).content.decode()
    assert "Versi rahasia" not in page and "Versi satu" in page


@pytest.mark.parametrize("level", [0, 1, 2], ids=["lesson", "module", "course"])
def test_a_view_restriction_on_the_lesson_or_an_ancestor_still_refuses(
    reader, lesson, level
):
    assert reader.get(lesson.url).status_code == 200  # served (and cached) before
    page = lesson
    for _ in range(level):
        page = page.get_parent()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Penguji"))

    response = reader.get(lesson.url)

    assert response.status_code == 302
    assert "Versi satu" not in response.content.decode()


def test_an_unpublished_lesson_is_not_served_after_it_was_cached(reader, lesson):
    assert reader.get(lesson.url).status_code == 200
    lesson.unpublish()

    assert reader.get(lesson.url).status_code == 404


def test_a_lesson_read_again_takes_three_queries_and_writes_nothing(reader, lesson):
    """Session, user, the page (with whether it has view restrictions, its module
    and neighbours, and the reader's enrolment with this lesson's progress and
    whether it has counting activities); the body comes from its cache."""
    reader.get(lesson.url)

    with CaptureQueriesContext(connection) as queries:
        response = reader.get(lesson.url)

    assert response.status_code == 200
    statements = [q["sql"] for q in queries.captured_queries]
    assert len(statements) <= 3, "\n".join(statements)
    assert not [s for s in statements if not s.startswith("SELECT")]
    assert LessonProgress.objects.filter(lesson=lesson).count() == 1


def test_the_enrolment_read_with_the_route_is_only_its_readers(reader, lesson):
    """The route query reads the visitor's enrolment with the page; the visit hook
    takes it only for that same user, and reads another's itself."""
    from courses.models import Enrollment
    from courses.routing import course_page_route, site_for
    from courses.selectors import lesson_enrollment

    participant = Enrollment.objects.get(course__path=lesson.path[:-8]).user
    stranger = ParticipantFactory()
    site = site_for("testserver", 80)
    path = lesson.url_path[len(site.root_page.url_path) :]

    page = course_page_route(site, path, participant).page
    assert page.route_enrollment[0] == participant.pk
    assert page.route_enrollment[1].user_id == participant.pk
    assert lesson_enrollment(lesson=page, user=participant) is page.route_enrollment[1]
    assert lesson_enrollment(lesson=page, user=stranger) is None

    assert course_page_route(site, path, stranger).page.route_enrollment == (
        stranger.pk,
        None,
    )


def test_the_route_looks_pages_up_by_an_indexed_url_path():
    """With many pages (a province's courses), the route query must not read
    them all: what it looks a page up by, the URL path, is indexed."""
    from courses.routing import MODEL_BY_LEVEL, _route_rows

    for model in MODEL_BY_LEVEL.values():
        _rows, sql = _route_rows(model)
        assert sql.endswith("WHERE wagtailcore_page.url_path = %s LIMIT 1")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'wagtailcore_page'"
        )
        indexes = [row[0] for row in cursor.fetchall()]
    assert any(index.endswith("USING btree (url_path)") for index in indexes)
