import random
from datetime import timedelta

import pytest

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments.factories import (
    SAMPLE_RIGHT,
    QuestionCategoryFactory,
    QuestionFactory,
    QuizFactory,
    quiz_with_questions,
)
from assessments.models import Answer, Attempt, Question, QuizSlot
from assessments.questions import KINDS
from assessments.services import (
    GRACE,
    answer_save,
    attempt_expire,
    attempt_start,
    attempt_submit,
    quiz_paper_draw,
)
from lms.models import OwedWork
from lms.outbox import outbox_sweep

pytestmark = pytest.mark.django_db

ALL_BUT_ESSAY = [k for k in KINDS if k != "essay"]


def test_starting_twice_resumes_the_same_open_attempt(course, enrollment):
    quiz = quiz_with_questions(course=course, kinds=["single", "numeric"])
    first = attempt_start(quiz=quiz, enrollment=enrollment)
    again = attempt_start(quiz=quiz, enrollment=enrollment)
    assert again.pk == first.pk
    assert Answer.objects.filter(attempt=first).count() == 2


def test_all_right_answers_score_100_and_pass(course, enrollment):
    quiz = quiz_with_questions(course=course, kinds=ALL_BUT_ESSAY)
    attempt = attempt_start(quiz=quiz, enrollment=enrollment)
    for answer in attempt.answers.select_related("question"):
        answer_save(
            attempt=attempt,
            question=answer.question,
            response=SAMPLE_RIGHT[answer.question.kind],
        )
    attempt, graded = attempt_submit(attempt=attempt)
    assert graded is True
    assert attempt.status == Attempt.Status.GRADED
    assert attempt.score == 100
    assert attempt.passed is True


def test_score_is_the_weighted_share_of_points(course, enrollment):
    quiz = quiz_with_questions(course=course, kinds=["single", "truefalse"])
    Question.objects.filter(kind="single", bank__course=course).update(points=3)
    attempt = attempt_start(quiz=quiz, enrollment=enrollment)
    single = attempt.answers.get(question__kind="single").question
    answer_save(attempt=attempt, question=single, response=0)
    attempt, _ = attempt_submit(attempt=attempt)
    assert attempt.score == 75
    assert attempt.passed is True


def test_submitting_twice_grades_once(course, enrollment):
    quiz = quiz_with_questions(course=course, kinds=["single"])
    attempt = attempt_start(quiz=quiz, enrollment=enrollment)
    first, graded_first = attempt_submit(attempt=attempt)
    second, graded_second = attempt_submit(attempt=attempt)
    assert (graded_first, graded_second) == (True, False)
    assert second.submitted_at == first.submitted_at


def test_saving_an_answer_is_one_update(course, enrollment):
    quiz = quiz_with_questions(course=course, kinds=["single"])
    attempt = attempt_start(quiz=quiz, enrollment=enrollment)
    question = attempt.answers.get().question
    with CaptureQueriesContext(connection) as ctx:
        answer_save(attempt=attempt, question=question, response=1)
    writes = [
        q["sql"] for q in ctx.captured_queries if not q["sql"].startswith("SELECT")
    ]
    assert len(ctx.captured_queries) == 1
    assert writes[0].startswith("UPDATE")
    assert attempt.answers.get().response == 1


def test_an_answer_after_the_deadline_is_refused_and_the_saved_ones_are_graded(
    course, enrollment
):
    quiz = quiz_with_questions(
        course=course, kinds=["single", "truefalse"], time_limit_minutes=10
    )
    start = timezone.now()
    attempt = attempt_start(quiz=quiz, enrollment=enrollment, now=start)
    assert attempt.deadline == start + timedelta(minutes=10)
    single = attempt.answers.get(question__kind="single").question
    truefalse = attempt.answers.get(question__kind="truefalse").question
    answer_save(attempt=attempt, question=single, response=0, now=start)
    late = start + timedelta(minutes=11)
    with pytest.raises(ValidationError, match="Waktu mengerjakan sudah habis"):
        answer_save(attempt=attempt, question=truefalse, response=True, now=late)
    assert attempt_expire(attempt_id=attempt.pk, now=late) is True
    assert attempt_expire(attempt_id=attempt.pk, now=late) is False
    attempt.refresh_from_db()
    assert attempt.auto_submitted is True
    assert attempt.score == 50


def test_the_deadline_task_before_the_deadline_does_nothing(course, enrollment):
    quiz = quiz_with_questions(course=course, kinds=["single"], time_limit_minutes=5)
    attempt = attempt_start(quiz=quiz, enrollment=enrollment)
    assert attempt_expire(attempt_id=attempt.pk) is False
    attempt.refresh_from_db()
    assert attempt.is_open


def test_an_answer_to_a_submitted_attempt_is_refused(course, enrollment):
    quiz = quiz_with_questions(course=course, kinds=["single"])
    attempt = attempt_start(quiz=quiz, enrollment=enrollment)
    attempt_submit(attempt=attempt)
    with pytest.raises(ValidationError, match="sudah dikirim"):
        answer_save(
            attempt=attempt, question=attempt.answers.get().question, response=0
        )


def test_the_attempt_limit_is_kept(course, enrollment):
    quiz = quiz_with_questions(course=course, kinds=["single"], max_attempts=1)
    attempt_submit(attempt=attempt_start(quiz=quiz, enrollment=enrollment))
    with pytest.raises(ValidationError, match="sudah habis"):
        attempt_start(quiz=quiz, enrollment=enrollment)


def test_a_quiz_is_only_taken_while_it_is_open(course, enrollment):
    now = timezone.now()
    quiz = quiz_with_questions(
        course=course, kinds=["single"], opens_at=now + timedelta(days=1)
    )
    with pytest.raises(ValidationError, match="belum dibuka"):
        attempt_start(quiz=quiz, enrollment=enrollment, now=now)
    with pytest.raises(ValidationError, match="sudah ditutup"):
        quiz.opens_at, quiz.closes_at = None, now - timedelta(hours=1)
        quiz.save()
        attempt_start(quiz=quiz, enrollment=enrollment, now=now)


def test_a_quiz_of_another_course_cannot_be_started(course, enrollment):
    quiz = QuizFactory()
    QuizSlot.objects.create(
        quiz=quiz, question=QuestionFactory(bank__course=quiz.course)
    )
    with pytest.raises(ValidationError, match="bukan bagian"):
        attempt_start(quiz=quiz, enrollment=enrollment)


def test_random_slots_draw_distinct_questions_from_their_category(course, enrollment):
    category = QuestionCategoryFactory(bank__course=course)
    questions = [
        QuestionFactory(bank=category.bank, category=category) for _ in range(6)
    ]
    quiz = QuizFactory(course=course)
    QuizSlot.objects.create(quiz=quiz, question=questions[0], sort_order=0)
    QuizSlot.objects.create(quiz=quiz, category=category, count=4, sort_order=1)
    drawn = quiz_paper_draw(quiz=quiz, rng=random.Random(7))
    assert drawn[0] == questions[0]
    assert len(drawn) == 5
    assert len({q.pk for q in drawn}) == 5
    papers = {
        tuple(q.pk for q in quiz_paper_draw(quiz=quiz, rng=random.Random(seed)))
        for seed in range(10)
    }
    assert len(papers) > 1


def test_the_paper_and_option_order_are_frozen_in_the_attempt(course, enrollment):
    quiz = quiz_with_questions(course=course, kinds=["single", "matching"])
    attempt = attempt_start(quiz=quiz, enrollment=enrollment, rng=random.Random(3))
    attempt.refresh_from_db()
    assert [entry["q"] for entry in attempt.layout] == list(
        attempt.answers.values_list("question_id", flat=True)
    )
    assert all(sorted(entry["o"]) == list(range(3)) for entry in attempt.layout)


def test_a_timed_attempts_expiry_is_owed_with_it_and_swept_when_due(course, enrollment):
    """No ETA message to lose: the expiry is an owed row, due at the deadline, that
    the outbox sweeper sends once it is due (lms.outbox)."""
    quiz = quiz_with_questions(course=course, kinds=["single"], time_limit_minutes=10)
    start = timezone.now() - timedelta(minutes=11)
    attempt = attempt_start(quiz=quiz, enrollment=enrollment, now=start)
    question = attempt.answers.get().question
    answer_save(attempt=attempt, question=question, response=0, now=start)

    owed = OwedWork.objects.get(task="assessments.tasks.attempt_expire_task")
    assert owed.kwargs == {"attempt_id": attempt.pk}
    assert owed.due_at == attempt.deadline + GRACE
    assert outbox_sweep(now=owed.due_at - timedelta(seconds=1)) == 0

    assert outbox_sweep() == 1

    attempt.refresh_from_db()
    assert (attempt.status, attempt.auto_submitted, attempt.score) == (
        Attempt.Status.GRADED,
        True,
        100,
    )
    owed.refresh_from_db()
    assert owed.done_at is not None
    assert outbox_sweep() == 0  # done: never sent again


def test_an_untimed_attempt_owes_nothing(course, enrollment):
    quiz = quiz_with_questions(course=course, kinds=["single"])
    attempt_start(quiz=quiz, enrollment=enrollment)
    assert not OwedWork.objects.exists()
