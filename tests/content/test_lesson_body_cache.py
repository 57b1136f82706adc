"""The lesson body is rendered once for everybody: what is in the cache is the
same for every participant, and each participant's own parts (their H5P score,
their player ticket, their form token) are rendered for them alone."""

import html
import re

import pytest

from django.core.cache import cache
from django.test import Client

from content.factories import activity_with_package
from content.models import H5PResult
from courses.factories import EnrollmentFactory
from courses.lesson_body import body_cache_key
from lms.factories import ParticipantFactory
from tests.fixtures.h5p import builder

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson_of_two(h5p_media, tmp_path, lesson_with):
    """A lesson (a text block, then an H5P block); two enrolled participants, the
    first with a score of 80% in the activity."""
    cache.clear()
    activity = activity_with_package(builder.build_score_demo(tmp_path))
    lesson = lesson_with(activity)
    course = lesson.get_parent().get_parent().specific
    first, second = (
        EnrollmentFactory(user=ParticipantFactory(full_name=name), course=course)
        for name in ("Siti Scorer", "Budi Baru")
    )
    H5PResult.objects.create(
        enrollment=first,
        activity=activity,
        attempts=1,
        best_scaled=0.8,
        best_raw=4,
        best_max=5,
        last_scaled=0.8,
        last_raw=4,
        last_max=5,
    )
    return lesson, first, second


def page_of(enrollment, lesson) -> str:
    client = Client()
    client.force_login(enrollment.user)
    response = client.get(lesson.url)
    assert response.status_code == 200
    return response.content.decode()


def player_ticket(page: str) -> str:
    src = re.search(r'<iframe class="h5p-player" src="([^"]+)"', page)[1]
    return html.unescape(src).split("?t=", 1)[1]


def test_the_second_participant_gets_the_cached_body_and_only_their_own_parts(
    lesson_of_two,
):
    lesson, first, second = lesson_of_two

    first_page = page_of(first, lesson)
    assert cache.get(body_cache_key(lesson)) is not None  # the body is cached now
    second_page = page_of(second, lesson)

    assert "Isi pelajaran." in first_page and "Isi pelajaran." in second_page
    assert "Skor Anda: 80%" in first_page
    assert "Skor Anda: 80%" not in second_page
    assert "Siti Scorer" not in second_page
    assert player_ticket(first_page) != player_ticket(second_page)
    first_token = re.search(r'data-csrf="([^"]+)"', first_page)[1]
    assert first_token not in second_page


def test_the_cached_body_holds_nothing_of_a_participant(lesson_of_two):
    lesson, first, _second = lesson_of_two
    page = page_of(first, lesson)

    cached = cache.get(body_cache_key(lesson))

    text = "".join(part for part in cached.parts if isinstance(part, str))
    assert "Isi pelajaran." in text
    assert cached.has_activity_blocks  # the H5P block's place, not its HTML
    assert "h5p-player" not in text and "Skor Anda" not in text
    assert player_ticket(page) not in text
    assert re.search(r'data-csrf="([^"]+)"', page)[1] not in text


def test_someone_not_enrolled_sees_no_body_after_it_was_cached(lesson_of_two):
    lesson, first, _second = lesson_of_two
    page_of(first, lesson)
    outsider = Client()
    outsider.force_login(ParticipantFactory())

    page = outsider.get(lesson.url).content.decode()

    assert "Isi pelajaran." not in page
    assert "Daftar ke kursus ini untuk membaca pelajarannya." in page
