"""xAPI statements and resume state from the player: checked, stored, scored."""

import json

import pytest

from django.test import Client
from django.urls import reverse

from content.factories import activity_with_package
from content.models import H5PResult, H5PUserData, XAPIStatement
from content.selectors import activity_scores
from courses.factories import EnrollmentFactory
from courses.models import CoursePage, LessonProgress
from courses.progress import lesson_reached_end
from lms.factories import ParticipantFactory
from tests.content.conftest import h5p_get, player_src
from tests.fixtures.h5p import builder

pytestmark = pytest.mark.django_db

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"


def statement(raw=3, maximum=5, *, verb=ANSWERED, parent=False, **score):
    data = {
        "actor": {"name": "anonymous"},
        "verb": {"id": verb, "display": {"en-US": "answered"}},
        "object": {"id": "http://127.0.0.1:8000/h5p/1/", "objectType": "Activity"},
        "context": {"contextActivities": {}},
        "result": {
            "score": {"min": 0, "raw": raw, "max": maximum, **score},
            "completion": True,
        },
    }
    if parent:
        data["context"]["contextActivities"]["parent"] = [{"id": "http://x/h5p/1/"}]
    return data


@pytest.fixture
def played(h5p_media, tmp_path, lesson_with):
    """An enrolled participant, logged in, and a lesson with a ScoreDemo activity."""
    activity = activity_with_package(builder.build_score_demo(tmp_path))
    lesson = lesson_with(activity)
    course = lesson.get_parent().get_parent().specific
    enrollment = EnrollmentFactory(user=ParticipantFactory(), course=course)
    client = Client()
    client.force_login(enrollment.user)
    return {
        "activity": activity,
        "lesson": lesson,
        "enrollment": enrollment,
        "client": client,
    }


def post(played, body, *, url_name="content:statement", client=None, **extra):
    client = client or played["client"]
    return client.post(
        reverse(url_name, args=[played["activity"].pk]),
        json.dumps(body),
        content_type=extra.pop("content_type", "application/json"),
        **extra,
    )


def send(played, data):
    return post(played, {"lesson": played["lesson"].pk, "statement": data})


def test_a_statement_is_stored_as_received_and_its_score_recorded(played):
    data = statement(3, 5, scaled=0.6)

    response = send(played, data)

    assert response.status_code == 201
    assert response.json()["score"] == 60.0
    row = XAPIStatement.objects.get()
    assert row.data == data
    assert (row.user, row.enrollment) == (
        played["enrollment"].user,
        played["enrollment"],
    )
    assert row.about_whole_activity
    result = H5PResult.objects.get()
    assert (result.best_raw, result.best_max, result.best_scaled) == (3, 5, 0.6)
    assert result.attempts == 1


def test_a_sub_question_statement_is_stored_but_not_scored(played):
    response = send(played, statement(1, 1, parent=True))

    assert response.status_code == 201
    assert XAPIStatement.objects.get().about_whole_activity is False
    assert not H5PResult.objects.exists()


@pytest.mark.parametrize(
    ("raw", "maximum", "extra"),
    [
        (6, 5, {}),  # more than the maximum
        (-1, 5, {}),
        (3, 5, {"scaled": 1.5}),
        (True, 5, {}),
        ("3", 5, {}),
        (3, 5, {"min": -10}),
        (3, float("nan"), {}),
    ],
)
def test_an_impossible_score_is_refused_and_nothing_stored(played, raw, maximum, extra):
    body = json.loads(
        json.dumps(statement(raw, maximum, **extra)).replace("NaN", "1e999")
    )

    response = send(played, body)

    assert response.status_code == 400
    assert response.json()["error"]
    assert not XAPIStatement.objects.exists()
    assert not H5PResult.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {"statement": "bukan objek"},
        {"statement": {"verb": {"id": "answered"}, "object": {}}},
        {"statement": {"verb": {"id": ANSWERED}}},
    ],
)
def test_a_malformed_statement_is_refused(played, body):
    body["lesson"] = played["lesson"].pk

    response = post(played, body)

    assert response.status_code == 400
    assert not XAPIStatement.objects.exists()


def test_the_best_score_counts_by_default_and_the_last_when_the_course_says_so(
    played,
):
    send(played, statement(5, 5))
    send(played, statement(1, 5))
    enrollment, activity = played["enrollment"], played["activity"]

    best = activity_scores([enrollment], [activity])[(enrollment.pk, activity.pk)]
    assert (best.percent, best.last_percent, best.attempts, best.done) == (
        100.0,
        20.0,
        2,
        True,
    )

    CoursePage.objects.filter(pk=enrollment.course_id).update(
        score_policy=CoursePage.ScorePolicy.LAST
    )
    last = activity_scores([enrollment.pk], [activity.pk])[(enrollment.pk, activity.pk)]
    assert (last.percent, last.done) == (20.0, False)
    assert (
        activity.is_done(enrollment=enrollment.__class__.objects.get(pk=enrollment.pk))
        is False
    )


def test_a_passing_score_completes_a_lesson_whose_end_was_reached(played):
    enrollment, lesson = played["enrollment"], played["lesson"]
    progress = lesson_reached_end(enrollment=enrollment, lesson=lesson)
    assert progress.status == LessonProgress.Status.IN_PROGRESS  # activity not done

    send(played, statement(2, 5))  # 40 %, under the pass score of 60 %
    progress.refresh_from_db()
    assert progress.status == LessonProgress.Status.IN_PROGRESS

    send(played, statement(4, 5))
    progress.refresh_from_db()
    assert progress.status == LessonProgress.Status.COMPLETED
    enrollment.refresh_from_db()
    assert enrollment.progress_percent == 100


def test_someone_not_enrolled_cannot_post_statements(played):
    stranger = Client()
    stranger.force_login(ParticipantFactory())

    response = post(
        played,
        {"lesson": played["lesson"].pk, "statement": statement()},
        client=stranger,
    )

    assert response.status_code == 403
    assert not XAPIStatement.objects.exists()


def test_a_lesson_that_does_not_hold_the_activity_is_refused(played, lesson_with):
    other = lesson_with()
    EnrollmentFactory(
        user=played["enrollment"].user, course=other.get_parent().get_parent().specific
    )

    response = post(played, {"lesson": other.pk, "statement": statement()})

    assert response.status_code == 403
    assert not XAPIStatement.objects.exists()


def test_a_post_without_the_csrf_token_is_refused(played):
    client = Client(enforce_csrf_checks=True)
    client.force_login(played["enrollment"].user)

    response = post(
        played,
        {"lesson": played["lesson"].pk, "statement": statement()},
        client=client,
        HTTP_ORIGIN="null",
    )

    assert response.status_code == 403
    assert not XAPIStatement.objects.exists()


def test_a_text_plain_post_is_refused(played):
    response = post(
        played,
        {"lesson": played["lesson"].pk, "statement": statement()},
        content_type="text/plain",
    )

    assert response.status_code == 400
    assert not XAPIStatement.objects.exists()


def test_resume_state_is_saved_replaced_and_played_back(played):
    body = {"lesson": played["lesson"].pk, "dataType": "state", "subContentId": "0"}

    assert (
        post(
            played, {**body, "data": '{"answers": [1]}'}, url_name="content:state"
        ).status_code
        == 200
    )
    assert (
        post(
            played, {**body, "data": '{"answers": [2]}'}, url_name="content:state"
        ).status_code
        == 200
    )

    row = H5PUserData.objects.get()
    assert (row.data_type, row.sub_content_id, row.data) == (
        "state",
        "0",
        '{"answers": [2]}',
    )
    player = h5p_get(player_src(played["client"], played["lesson"]))
    config = player.context["config"]["options"]
    assert config["contentUserData"] == {"0": {"state": '{"answers": [2]}'}}

    assert (
        post(played, {**body, "data": None}, url_name="content:state").status_code
        == 200
    )
    assert not H5PUserData.objects.exists()


def test_resume_state_over_the_cap_is_refused(played, settings):
    settings.H5P_USER_DATA_MAX_BYTES = 1024
    body = {
        "lesson": played["lesson"].pk,
        "dataType": "state",
        "subContentId": "0",
        "data": json.dumps({"x": "a" * 2000}),
    }

    response = post(played, body, url_name="content:state")

    assert response.status_code == 400
    assert "terlalu besar" in response.json()["error"]
    assert not H5PUserData.objects.exists()
