import json
import re

import pytest

from django.urls import reverse

from assessments.factories import quiz_with_questions
from assessments.models import Attempt
from courses.factories import EnrollmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(course):
    return quiz_with_questions(
        course=course, kinds=["single", "numeric", "matching"], purpose="posttest"
    )


@pytest.fixture
def participant_client(client, enrollment):
    client.force_login(enrollment.user)
    return client


def _start(client, quiz) -> Attempt:
    response = client.post(reverse("assessments:start", args=[quiz.pk]))
    assert response.status_code == 302
    return Attempt.objects.get(quiz=quiz)


def test_the_quiz_page_never_sends_the_answers_or_feedback_before_submission(
    participant_client, quiz
):
    attempt = _start(participant_client, quiz)
    page = participant_client.get(reverse("assessments:attempt", args=[attempt.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Rapat Anggota" in html  # the options are there…
    assert "Lihat materi modul 1." not in html  # …the feedback is not
    assert "26666" not in html and "26.666" not in html
    assert "correct" not in html
    # Matching: the answers to choose from are offered in a shuffled order.
    matching = attempt.layout[2]["o"]
    assert matching != [0, 1, 2]


def test_without_javascript_the_form_saves_and_submits_and_shows_the_grade(
    participant_client, quiz
):
    attempt = _start(participant_client, quiz)
    single, numeric, matching = (entry for entry in attempt.layout)
    form = {
        f"q{single['q']}": str(single["o"].index(0)),
        f"q{numeric['q']}": "26.666,67",
    }
    for prompt in range(3):
        form[f"q{matching['q']}_{prompt}"] = str(matching["o"].index(prompt))
    saved = participant_client.post(
        reverse("assessments:save", args=[attempt.pk]), form
    )
    assert saved.status_code == 302
    attempt.refresh_from_db()
    assert attempt.is_open
    page = participant_client.get(reverse("assessments:attempt", args=[attempt.pk]))
    assert "3 dari 3 jawaban tersimpan" in page.content.decode()
    done = participant_client.post(
        reverse("assessments:save", args=[attempt.pk]),
        {**form, "kirim": "1"},
        follow=True,
    )
    html = done.content.decode()
    assert re.search(r'id="nilai">100<', html)
    assert "Lulus" in html
    assert "Lihat materi modul 1." in html


def test_one_answer_is_saved_as_json_and_bad_input_gets_a_message(
    participant_client, quiz
):
    attempt = _start(participant_client, quiz)
    numeric = attempt.layout[1]["q"]
    url = reverse("assessments:answer_save", args=[attempt.pk])
    ok = participant_client.post(url, {"question": numeric, f"q{numeric}": "12"})
    assert ok.json() == {"ok": True}
    bad = participant_client.post(url, {"question": numeric, f"q{numeric}": "dua"})
    assert bad.status_code == 400
    assert "angka" in bad.json()["message"]
    assert attempt.answers.get(question_id=numeric).response == "12"


def test_a_participant_cannot_see_or_answer_anothers_attempt(client, quiz, course):
    owner = EnrollmentFactory(course=course)
    other = EnrollmentFactory(course=course)
    client.force_login(owner.user)
    attempt = _start(client, quiz)
    client.force_login(other.user)
    for name in ("attempt", "result"):
        assert (
            client.get(reverse(f"assessments:{name}", args=[attempt.pk])).status_code
            == 404
        )
    question = attempt.layout[0]["q"]
    response = client.post(
        reverse("assessments:answer_save", args=[attempt.pk]),
        {"question": question, f"q{question}": "0"},
    )
    assert response.status_code == 404
    assert attempt.answers.get(question_id=question).response is None


def test_answering_after_submission_is_refused_as_closed(participant_client, quiz):
    attempt = _start(participant_client, quiz)
    participant_client.post(reverse("assessments:submit", args=[attempt.pk]))
    question = attempt.layout[0]["q"]
    response = participant_client.post(
        reverse("assessments:answer_save", args=[attempt.pk]),
        {"question": question, f"q{question}": "0"},
    )
    assert response.status_code == 409
    assert json.loads(response.content)["closed"] is True


def test_someone_not_enrolled_is_sent_to_the_course(client, quiz):
    from lms.factories import ParticipantFactory

    client.force_login(ParticipantFactory())
    response = client.get(reverse("assessments:quiz", args=[quiz.pk]))
    assert response.status_code == 302
    assert client.post(reverse("assessments:start", args=[quiz.pk])).status_code == 404


QUEUED = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest", "HTTP_IDEMPOTENCY_KEY": "k"}


def _right_answers(attempt) -> dict:
    single, numeric, matching = (entry for entry in attempt.layout)
    form = {
        f"q{single['q']}": str(single["o"].index(0)),
        f"q{numeric['q']}": "26.666,67",
        "kirim": "1",
    }
    for prompt in range(3):
        form[f"q{matching['q']}_{prompt}"] = str(matching["o"].index(prompt))
    return form


def test_a_submission_from_the_offline_queue_is_graded_once_however_often_it_arrives(
    participant_client, quiz
):
    """ "Kirim jawaban" through the offline queue: every answer comes with it, the
    answer is JSON (a redirect would look like the login page to the queue), and
    the same submission delivered again is answered the same, graded once."""
    attempt = _start(participant_client, quiz)
    url = reverse("assessments:save", args=[attempt.pk])
    result_url = reverse("assessments:result", args=[attempt.pk])
    answers = []
    for _ in range(3):
        response = participant_client.post(url, _right_answers(attempt), **QUEUED)
        answers.append((response.status_code, response.json()))
    assert answers == [(200, {"ok": True, "url": result_url})] * 3
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score) == ("graded", 100)
    assert attempt.answers.filter(fraction=1.0).count() == 3


def test_a_queued_submission_that_cannot_be_read_is_refused_and_saves_nothing(
    participant_client, quiz
):
    attempt = _start(participant_client, quiz)
    form = _right_answers(attempt)
    numeric = attempt.layout[1]["q"]
    form[f"q{numeric}"] = "dua puluh"
    response = participant_client.post(
        reverse("assessments:save", args=[attempt.pk]), form, **QUEUED
    )
    assert response.status_code == 400
    assert response.json()["ok"] is False and response.json()["message"]
    attempt.refresh_from_db()
    assert attempt.status == "in_progress"
    assert not attempt.answers.filter(response__isnull=False).exists()
