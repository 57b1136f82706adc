"""Redis, the broker, is killed while participants finish lessons, submit quizzes
and post the xAPI statements that complete their courses, and while timed quizzes
are started; then it comes back. A real worker process (prefork) runs through it.

Every request answers without a 500 (their changes committed, their owed work
kept); once Redis is back the same worker, reconnected, issues every certificate
once with gapless numbers and expires every timed attempt, within seconds."""

import json
import time
import uuid

import pytest

from django.urls import reverse
from django.utils import timezone

from assessments.factories import quiz_place_in_lesson, quiz_with_questions
from assessments.models import Attempt
from certificates.factories import CertificateTemplateFactory
from certificates.models import Certificate, CertificateEvent
from content.factories import activity_with_package, h5p_block_body
from courses.factories import EnrollmentFactory, course_tree
from courses.models import Enrollment, LessonPage
from lms.models import OwedWork
from tests.fixtures.h5p import builder

from .services import (
    CeleryWorker,
    CountingClient,
    counters_moved_once,
    report,
    sweeper_running,
    wait_for,
    workers,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("page_root"),
]

EACH = 4  # participants per way of completing a course
ANSWERED = "http://adlnet.gov/expapi/verbs/answered"


def _lesson(course) -> LessonPage:
    return LessonPage.objects.descendant_of(course).get()


def _courses(tmp_path):
    balai = CertificateTemplateFactory().balai
    by_lesson = course_tree(modules=1, lessons=1, balai=balai, title="Tata Kelola")
    by_quiz = course_tree(modules=1, lessons=1, balai=balai, title="Akuntansi")
    quiz = quiz_with_questions(course=by_quiz, kinds=["truefalse"])
    quiz_place_in_lesson(quiz=quiz, lesson=_lesson(by_quiz))
    by_xapi = course_tree(modules=1, lessons=1, balai=balai, title="Simpan Pinjam")
    activity = activity_with_package(builder.build_score_demo(tmp_path))
    lesson = _lesson(by_xapi)
    lesson.body = h5p_block_body(activity)
    lesson.save_revision().publish()
    timed_course = course_tree(modules=1, lessons=1, balai=balai, title="Promosi TI")
    timed = quiz_with_questions(
        course=timed_course, kinds=["truefalse"], time_limit_minutes=1
    )
    quiz_place_in_lesson(quiz=timed, lesson=_lesson(timed_course))
    return by_lesson, (by_quiz, quiz), (by_xapi, activity), (timed_course, timed)


def _clients(course, count):
    clients = []
    for _ in range(count):
        enrollment = EnrollmentFactory(course=course)
        client = CountingClient()
        client.force_login(enrollment.user)
        clients.append((enrollment, client))
    return clients


def test_redis_broker_down_while_courses_complete_loses_nothing(
    redis_server, broker_queue, tmp_path
):
    by_lesson, (by_quiz, quiz), (by_xapi, activity), (timed_course, timed) = _courses(
        tmp_path
    )
    learners = {
        "lesson": _clients(by_lesson, EACH),
        "quiz": _clients(by_quiz, EACH),
        "xapi": _clients(by_xapi, EACH),
        "timed": _clients(timed_course, 2),
    }
    worker = CeleryWorker(
        broker_url=redis_server.url, queue=broker_queue, log=tmp_path / "worker.log"
    )
    clients = [c for group in learners.values() for _e, c in group]
    with workers(worker), sweeper_running():
        worker.start()
        redis_server.stop()  # the broker is gone, the worker keeps trying

        for _enrollment, client in learners["lesson"]:
            lesson = _lesson(by_lesson)
            client.get(lesson.url)
            client.post(reverse("courses:lesson_finish", args=[lesson.pk]))
        for _enrollment, client in learners["quiz"]:
            client.get(_lesson(by_quiz).url)
            client.post(reverse("assessments:start", args=[quiz.pk]))
            attempt = Attempt.objects.get(
                quiz=quiz, enrollment__user_id=client.client.session["_auth_user_id"]
            )
            client.post(
                reverse("assessments:save", args=[attempt.pk]),
                {f"q{attempt.layout[0]['q']}": "true", "kirim": "1"},
            )
        for _enrollment, client in learners["xapi"]:
            client.get(_lesson(by_xapi).url)
            body = {
                "lesson": _lesson(by_xapi).pk,
                "statement": {
                    "id": str(uuid.uuid4()),
                    "verb": {"id": ANSWERED},
                    "object": {"id": "http://127.0.0.1/h5p/1/"},
                    "result": {"score": {"min": 0, "raw": 5, "max": 5}},
                },
            }
            client.post(
                reverse("content:statement", args=[activity.pk]),
                json.dumps(body),
                content_type="application/json",
            )
        for _enrollment, client in learners["timed"]:
            client.post(reverse("assessments:start", args=[timed.pk]))

        completed = Enrollment.objects.filter(status="completed")
        assert completed.count() == 3 * EACH  # committed while the broker was down
        assert not Certificate.objects.filter(status="valid").exists()
        assert OwedWork.objects.filter(done_at__isnull=True).exists()
        # The timed attempts' time runs out while Redis is away.
        timed_attempts = Attempt.objects.filter(quiz=timed)
        timed_attempts.update(deadline=timezone.now() - timezone.timedelta(minutes=5))
        OwedWork.objects.filter(task="assessments.tasks.attempt_expire_task").update(
            due_at=timezone.now()
        )
        time.sleep(2)  # the outage lasts; the worker must stay
        assert worker.alive(), worker.tail()

        redis_server.start()
        back = time.monotonic()
        wait_for(
            lambda: (
                not OwedWork.objects.filter(done_at__isnull=True).exists()
                and Certificate.objects.filter(status="valid").count() == 3 * EACH
            ),
            seconds=60,
            what=worker.tail(),
        )
        recovery = time.monotonic() - back
        assert worker.alive(), "the worker that saw Redis go is the one that finished"

    certificates = list(Certificate.objects.order_by("seq"))
    issued = CertificateEvent.objects.filter(action="issued").count()
    lost = 3 * EACH - len(
        {c.enrollment_id for c in certificates if c.status == "valid"}
    )
    lost += timed_attempts.filter(status="in_progress").count()
    duplicated = (len(certificates) - 3 * EACH) + (issued - 3 * EACH)
    errors = [e for c in clients for e in c.errors]
    requests = sum(c.requests for c in clients)
    report(
        "Redis broker down while courses complete",
        requests=requests,
        errors_500=len(errors),
        lost=lost,
        duplicated=duplicated,
        recovery_seconds=recovery,
        note=(
            f"{3 * EACH} completions (lesson finish, quiz submit, xAPI) and "
            f"{len(learners['timed'])} timed attempts during the outage; one worker "
            "process through it; sweeper every 0.3 s, lease 3 s"
        ),
    )
    assert errors == []
    assert (lost, duplicated) == (0, 0)
    assert [c.seq for c in certificates] == list(range(1, 3 * EACH + 1))
    assert {c.status for c in certificates} == {"valid"}
    assert set(timed_attempts.values_list("auto_submitted", flat=True)) == {True}
    assert counters_moved_once() == []
