"""Learning pages stay small and cheap: bounded queries and bytes on a phone."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.factories import course_tree
from courses.models import LessonPage
from courses.services import enrollment_create
from lms.factories import ParticipantFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = {"lesson": 30, "course": 25}  # measured: 23 and 20
MAX_BYTES = 20_000


@pytest.mark.parametrize("kind", ["lesson", "course"])
def test_learning_pages_have_bounded_queries_and_size(client, kind):
    course = course_tree(modules=3, lessons=5)
    participant = ParticipantFactory()
    enrollment_create(user=participant, course=course)
    client.force_login(participant)
    lesson = LessonPage.objects.descendant_of(course).order_by("path")[7]
    url = lesson.url if kind == "lesson" else course.url
    client.get(url)  # warm caches (site root paths)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert response.status_code == 200
    assert len(queries) <= MAX_QUERIES[kind], len(queries)
    assert len(response.content) <= MAX_BYTES, len(response.content)
