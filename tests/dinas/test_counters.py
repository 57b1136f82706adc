"""Counters move with the progress; the reconciliation finds no difference; the
synthetic dataset generator builds a consistent programme."""

import pytest

from django.core.management import call_command

from courses.progress import course_lessons, lesson_reached_end, lesson_visit
from courses.services import enrollment_create
from lms.dinas.models import CompletionWeek, VillageCourseCounter
from lms.dinas.reconcile import counters_differences
from lms.factories import ParticipantFactory


def test_counters_follow_the_progress_and_reconcile_without_difference(db, course):
    people = [ParticipantFactory() for _ in range(3)]
    lessons = list(course_lessons(course))
    enrollments = [enrollment_create(user=p, course=course) for p in people]
    lesson_visit(enrollment=enrollments[0], lesson=lessons[0])
    for lesson in lessons:
        lesson_reached_end(enrollment=enrollments[1], lesson=lesson)
    counter = VillageCourseCounter.objects.get(course=course)
    assert (counter.enrolled, counter.started, counter.completed) == (3, 2, 1)
    assert CompletionWeek.objects.get(course=course).completed == 1
    assert counters_differences() == []
    call_command("counters_reconcile")


def test_the_reconciliation_reports_a_drifted_counter(db, course):
    from django.core.management.base import CommandError

    enrollment_create(user=ParticipantFactory(), course=course)
    VillageCourseCounter.objects.update(enrolled=5)
    differences = counters_differences()
    assert len(differences) == 1 and differences[0].computed["enrolled"] == 1
    with pytest.raises(CommandError):
        call_command("counters_reconcile")
    call_command("counters_reconcile", "--fix")
    assert counters_differences() == []


def test_the_synthetic_generator_builds_a_consistent_programme(db):
    from lms.dinas.synthetic import synthetic_programme_generate
    from lms.models import Cooperative, Role, User

    counts = synthetic_programme_generate(
        cooperatives=2013, province="63", courses=2, lessons=3
    )
    assert counts.villages == 2016
    assert counts.cooperatives == Cooperative.objects.count() == 2013
    assert counts.participants == User.objects.filter(role=Role.PARTICIPANT).count()
    assert counts.participants == 3 * 2013
    assert counts.enrollments == 2 * counts.participants
    assert counts.lesson_progress > counts.enrollments
    assert counters_differences() == []
    served = Cooperative.villages.through.objects.values("village_id").distinct()
    assert served.count() == 2016
