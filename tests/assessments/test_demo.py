import pytest

from assessments.demo import demo_assessments_load, question_data
from assessments.models import Question, Quiz
from assessments.services import answer_save, attempt_start, attempt_submit
from courses.demo import (
    catalogue_get_or_create,
    course_load,
    demo_data_read,
    tracks_load,
)
from courses.factories import EnrollmentFactory
from courses.models import LessonActivity, LessonPage
from lms.factories import BalaiFactory

pytestmark = pytest.mark.django_db

COURSES = demo_data_read().courses
PROMOSI = next(c for c in COURSES if c["slug"] == "promosi-digital-koperasi")


def test_every_demo_question_is_valid_authoring_data():
    count = 0
    for spec in COURSES:
        for item in spec["pretest"] + spec["posttest"]:
            question_data(item)
            count += 1
    assert count >= 60


@pytest.fixture
def demo_course():
    course = course_load(
        spec=PROMOSI,
        catalogue=catalogue_get_or_create(),
        balai=BalaiFactory(code="bplk-kalsel"),
        tracks=tracks_load(),
    )
    demo_assessments_load(course=course, spec=PROMOSI)
    return course


def test_a_demo_course_gets_a_pretest_first_and_a_posttest_last(demo_course):
    pre = Quiz.objects.get(course=demo_course, purpose="pretest")
    post = Quiz.objects.get(course=demo_course, purpose="posttest")
    assert post.pass_mark == 70
    assert Question.objects.filter(bank__course=demo_course).count() == len(
        PROMOSI["pretest"]
    ) + len(PROMOSI["posttest"])
    lessons = list(LessonPage.objects.descendant_of(demo_course).order_by("path"))
    assert lessons[0].title == "Tes awal"
    assert lessons[-1].title == "Tes akhir"
    links = LessonActivity.objects.filter(lesson__in=[lessons[0], lessons[-1]])
    assert sorted(link.object_id for link in links) == sorted([pre.pk, post.pk])
    # Loading again changes nothing.
    demo_assessments_load(course=demo_course, spec=PROMOSI)
    assert Quiz.objects.filter(course=demo_course).count() == 2


def test_the_demo_posttest_answered_as_the_author_wrote_scores_100(demo_course):
    post = Quiz.objects.get(course=demo_course, purpose="posttest")
    enrollment = EnrollmentFactory(course=demo_course)
    attempt = attempt_start(quiz=post, enrollment=enrollment)
    by_text = {item["text"]: item for item in PROMOSI["posttest"]}
    assert len(attempt.layout) == len(PROMOSI["posttest"])
    for answer in attempt.answers.select_related("question"):
        item = by_text[answer.question.text]
        response = {
            "numeric": lambda i: str(i.get("answer")),
            "short": lambda i: i.get("answers", [""])[0],
        }.get(item["type"], lambda i: i["correct"])(item)
        answer_save(attempt=attempt, question=answer.question, response=response)
    attempt, _ = attempt_submit(attempt=attempt)
    assert attempt.score == 100
