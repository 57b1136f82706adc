"""xAPI is idempotent by statement id: a statement posted again (a retry from the
offline queue, a double send) stores one row and counts one attempt, and the repeat
answers with the stored result. The unique statement id is the last word."""

import json
import threading
import uuid

import pytest

from django.db import connection
from django.test import Client
from django.urls import reverse

from content.factories import activity_with_package
from content.models import H5PResult, XAPIStatement
from courses.factories import EnrollmentFactory
from lms.factories import ParticipantFactory
from tests.fixtures.h5p import builder

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"


def statement(raw=3, maximum=5, **fields):
    return {
        "verb": {"id": ANSWERED},
        "object": {"id": "http://127.0.0.1:8000/h5p/1/", "objectType": "Activity"},
        "result": {"score": {"min": 0, "raw": raw, "max": maximum}},
        **fields,
    }


def _setup(tmp_path, lesson_with):
    activity = activity_with_package(builder.build_score_demo(tmp_path))
    lesson = lesson_with(activity)
    enrollment = EnrollmentFactory(
        user=ParticipantFactory(), course=lesson.get_parent().get_parent().specific
    )
    return activity, lesson, enrollment


def _post(client, activity, lesson, data, key=None):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post(
        reverse("content:statement", args=[activity.pk]),
        json.dumps({"lesson": lesson.pk, "statement": data}),
        content_type="application/json",
        **headers,
    )


@pytest.fixture
def played(h5p_media, tmp_path, lesson_with):
    activity, lesson, enrollment = _setup(tmp_path, lesson_with)
    client = Client()
    client.force_login(enrollment.user)
    return activity, lesson, enrollment, client


@pytest.mark.django_db
def test_the_same_statement_id_posted_three_times_is_stored_and_counted_once(played):
    activity, lesson, enrollment, client = played
    data = statement(4, 5, id=str(uuid.uuid4()))

    answers = [_post(client, activity, lesson, data) for _ in range(3)]

    assert [a.status_code for a in answers] == [201, 201, 201]
    assert len({json.dumps(a.json(), sort_keys=True) for a in answers}) == 1
    assert answers[0].json() == {
        "ok": True,
        "id": data["id"],
        "score": 80.0,
        "done": True,
    }
    row = XAPIStatement.objects.get()
    assert str(row.uuid) == data["id"]
    result = H5PResult.objects.get(enrollment=enrollment, activity=activity)
    assert result.attempts == 1


@pytest.mark.django_db
def test_the_same_idempotency_key_posted_three_times_is_stored_and_counted_once(
    played,
):
    activity, lesson, enrollment, client = played

    answers = [
        _post(client, activity, lesson, statement(2, 5), key="antrean-17")
        for _ in range(3)
    ]

    assert [a.status_code for a in answers] == [201, 201, 201]
    assert len({a.json()["id"] for a in answers}) == 1
    assert XAPIStatement.objects.count() == 1
    assert H5PResult.objects.get(enrollment=enrollment).attempts == 1
    # Another key is another statement.
    _post(client, activity, lesson, statement(5, 5), key="antrean-18")
    assert XAPIStatement.objects.count() == 2
    assert H5PResult.objects.get(enrollment=enrollment).attempts == 2


@pytest.mark.django_db
def test_statements_without_an_id_or_a_key_are_each_stored(played):
    activity, lesson, enrollment, client = played
    for _ in range(2):
        assert _post(client, activity, lesson, statement()).status_code == 201
    assert XAPIStatement.objects.count() == 2
    assert H5PResult.objects.get(enrollment=enrollment).attempts == 2


@pytest.mark.django_db
def test_a_statement_id_of_another_participant_is_refused(played, lesson_with):
    activity, lesson, enrollment, client = played
    data = statement(id=str(uuid.uuid4()))
    assert _post(client, activity, lesson, data).status_code == 201
    other = EnrollmentFactory(user=ParticipantFactory(), course=enrollment.course)
    stranger = Client()
    stranger.force_login(other.user)

    response = _post(stranger, activity, lesson, data)

    assert response.status_code == 400
    assert "sudah dipakai" in response.json()["error"]
    assert XAPIStatement.objects.get().user_id == enrollment.user_id
    assert not H5PResult.objects.filter(enrollment=other).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("bad_id", ["bukan-uuid", 17, ""])
def test_a_statement_id_that_is_not_a_uuid_is_refused(played, bad_id):
    activity, lesson, _enrollment, client = played

    response = _post(client, activity, lesson, statement(id=bad_id))

    assert response.status_code == 400
    assert "UUID" in response.json()["error"]
    assert not XAPIStatement.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_same_statement_posted_at_once_three_times_is_stored_once(
    page_root, h5p_media, tmp_path, lesson_with
):
    activity, lesson, enrollment = _setup(tmp_path, lesson_with)
    data = statement(5, 5, id=str(uuid.uuid4()))
    start = threading.Barrier(3)
    statuses = []

    def send():
        client = Client()
        client.force_login(enrollment.user)
        start.wait()
        try:
            statuses.append(_post(client, activity, lesson, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [201, 201, 201]
    assert XAPIStatement.objects.count() == 1
    assert H5PResult.objects.get(enrollment=enrollment).attempts == 1
