"""The score that counts (best or last attempt, by the course's policy): one rule,
`courses.scoring.score_that_counts`, for quizzes and H5P activities alike."""

from decimal import Decimal

import pytest

from assessments.factories import quiz_with_questions
from assessments.selectors import gradebook, quiz_score
from assessments.services import answer_save, attempt_start, attempt_submit
from courses.factories import CohortFactory, EnrollmentFactory, course_tree
from courses.models import CoursePage
from courses.scoring import score_that_counts


def test_the_best_counts_unless_the_course_says_last():
    assert score_that_counts(policy=CoursePage.ScorePolicy.BEST, best=90, last=40) == 90
    assert score_that_counts(policy=CoursePage.ScorePolicy.LAST, best=90, last=40) == 40
    # Whatever describes a score is returned as given (H5P: scaled, raw, maximum).
    assert score_that_counts(
        policy=CoursePage.ScorePolicy.LAST, best=(1.0, 4, 4), last=(0.5, 2, 4)
    ) == (0.5, 2, 4)


def _take(quiz, enrollment, *, right):
    attempt = attempt_start(quiz=quiz, enrollment=enrollment)
    question = attempt.answers.get().question
    answer_save(attempt=attempt, question=question, response=0 if right else 1)
    attempt_submit(attempt=attempt)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("policy", "counts"),
    [(CoursePage.ScorePolicy.BEST, Decimal(100)), (CoursePage.ScorePolicy.LAST, 0)],
)
def test_the_quiz_page_and_the_gradebook_count_the_same_score(policy, counts):
    course = course_tree(modules=1, lessons=1, score_policy=policy)
    cohort = CohortFactory(course=course)
    enrollment = EnrollmentFactory(course=course, cohort=cohort)
    quiz = quiz_with_questions(course=course, purpose="posttest")
    _take(quiz, enrollment, right=True)
    _take(quiz, enrollment, right=False)

    (row,) = gradebook(cohort=cohort)["rows"]

    assert quiz_score(quiz=quiz, enrollment=enrollment) == counts
    assert row["scores"] == [counts]
