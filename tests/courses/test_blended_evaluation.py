"""The evaluation (answered once, every item, stored apart from who answered,
shown only aggregated), the calendar file and the day-before reminder (owed by
the beat job through the outbox, told once)."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse

from courses.blended.calendar import sessions_ics
from courses.blended.selectors import evaluation_results
from courses.blended.services import (
    evaluation_expected,
    evaluation_submit,
    session_reminders_deliver,
    session_reminders_owe,
)
from courses.factories import (
    CohortFactory,
    EnrollmentFactory,
    SessionFactory,
    SpeakerFactory,
    course_tree,
)
from courses.models import EvaluationResponse, EvaluationSubmission, SessionReminder
from lms.factories import AdminFactory, ParticipantFactory
from lms.models import OwedWork
from lms.notifications import LogPhoneAdapter

pytestmark = pytest.mark.django_db
WITA = ZoneInfo("Asia/Makassar")


@pytest.fixture
def cohort(db):
    cohort = CohortFactory(course=course_tree(modules=1, lessons=1))
    session = SessionFactory(cohort=cohort)
    session.speakers.add(SpeakerFactory(cohort=cohort, name="Dr. Rahmi"))
    session.speakers.add(SpeakerFactory(cohort=cohort, name="Ir. Bambang"))
    return cohort


def _scores(cohort, value=4):
    return dict.fromkeys(evaluation_expected(cohort=cohort), value)


def test_the_evaluation_asks_each_narasumber_separately(cohort):
    expected = evaluation_expected(cohort=cohort)
    speaker_items = [key for key in expected if key[1] is not None]
    assert len(speaker_items) == 2 * 3
    assert len(expected) == 3 + 6 + 4


def test_an_evaluation_is_answered_once_and_wholly(cohort):
    enrollment = EnrollmentFactory(course=cohort.course, cohort=cohort)
    partial = _scores(cohort)
    partial.popitem()
    with pytest.raises(ValidationError):
        evaluation_submit(enrollment=enrollment, scores=partial)
    with pytest.raises(ValidationError):
        evaluation_submit(enrollment=enrollment, scores=_scores(cohort, 6))
    evaluation_submit(
        enrollment=enrollment, scores=_scores(cohort), comment_material="Bagus"
    )
    with pytest.raises(ValidationError) as error:
        evaluation_submit(enrollment=enrollment, scores=_scores(cohort))
    assert "sudah mengisi" in error.value.messages[0]
    assert EvaluationResponse.objects.count() == 1


def test_answers_are_stored_apart_from_who_answered(cohort):
    enrollment = EnrollmentFactory(course=cohort.course, cohort=cohort)
    evaluation_submit(enrollment=enrollment, scores=_scores(cohort))
    response_columns = {
        c.name
        for c in connection.introspection.get_table_description(
            connection.cursor(), EvaluationResponse._meta.db_table
        )
    }
    assert response_columns == {
        "id",
        "cohort_id",
        "comment_material",
        "comment_organisation",
    }
    assert EvaluationSubmission.objects.get().enrollment == enrollment


def test_results_are_aggregated_and_hidden_while_too_few_answered(cohort, settings):
    settings.EVALUATION_MIN_RESPONSES = 3
    enrollments = [
        EnrollmentFactory(course=cohort.course, cohort=cohort) for _ in range(4)
    ]
    for n, enrollment in enumerate(enrollments[:2]):
        evaluation_submit(
            enrollment=enrollment,
            scores=_scores(cohort, 3 + n),
            comment_organisation=f"Saran {n}",
        )
    hidden = evaluation_results(cohort=cohort)
    assert (hidden.respondents, hidden.enrolled, hidden.shown) == (2, 4, False)
    assert hidden.overall is None and hidden.comments_organisation == []
    evaluation_submit(enrollment=enrollments[2], scores=_scores(cohort, 5))
    shown = evaluation_results(cohort=cohort)
    assert shown.shown and shown.overall == 4.0
    assert shown.material[0].distribution == [0, 0, 1, 1, 1]
    assert [s.speaker.name for s in shown.speakers] == ["Dr. Rahmi", "Ir. Bambang"]
    assert sorted(shown.comments_organisation) == ["Saran 0", "Saran 1"]


def test_the_results_page_names_nobody(cohort, settings):
    settings.EVALUATION_MIN_RESPONSES = 1
    participant = ParticipantFactory(full_name="Siti Nurhaliza Pengisi")
    enrollment = EnrollmentFactory(
        course=cohort.course, cohort=cohort, user=participant
    )
    evaluation_submit(
        enrollment=enrollment,
        scores=_scores(cohort),
        comment_material="Materi SHU kurang",
    )
    client = Client()
    client.force_login(AdminFactory())
    page = client.get(
        reverse("courses:evaluation_results", args=[cohort.pk])
    ).content.decode()
    assert "Materi SHU kurang" in page
    assert "Siti Nurhaliza Pengisi" not in page


# ---------------------------------------------------------------- calendar


def test_the_calendar_file_holds_each_session_in_its_own_zone(cohort):
    session = cohort.sessions.get()
    data = sessions_ics(sessions=[session], name="Jadwal")
    calendar = icalendar.Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == session.title
    assert event["dtstart"].params["TZID"] == "Asia/Makassar"
    assert event.decoded("dtstart") == session.starts_at
    assert "Dr. Rahmi" in str(event["description"])
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Makassar"]


def test_a_participant_downloads_their_calendar(cohort):
    enrollment = EnrollmentFactory(course=cohort.course, cohort=cohort)
    client = Client()
    client.force_login(enrollment.user)
    response = client.get(reverse("courses:my_calendar"))
    assert response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in response.content


# ---------------------------------------------------------------- reminders


def _tomorrow_session(cohort, now):
    local = now.astimezone(WITA)
    start = datetime.datetime.combine(
        local.date() + datetime.timedelta(days=1), datetime.time(9), tzinfo=WITA
    )
    return SessionFactory(
        cohort=cohort, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )


def test_the_reminder_is_owed_the_day_before_in_the_session_s_zone(cohort, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    now = datetime.datetime(
        2026, 12, 6, 7, 30, tzinfo=WITA
    )  # the day before, 07.30 WITA
    session = _tomorrow_session(cohort, now)
    early = now.replace(hour=3)
    assert session_reminders_owe(now=early) == 0  # not in the middle of the night
    assert session_reminders_owe(now=now) == 1
    assert session_reminders_owe(now=now + datetime.timedelta(hours=1)) == 0  # once
    owed = OwedWork.objects.get(task="courses.tasks.session_reminders_deliver_task")
    assert owed.kwargs == {"session_id": session.pk}


def test_each_participant_is_told_once_by_email_or_phone(cohort, monkeypatch):
    now = datetime.datetime.now(tz=WITA)
    session = _tomorrow_session(cohort, now)
    by_email = EnrollmentFactory(course=cohort.course, cohort=cohort).user
    by_phone = EnrollmentFactory(
        course=cohort.course, cohort=cohort, user=ParticipantFactory(email=None)
    ).user
    LogPhoneAdapter.sent.clear()
    mail.outbox.clear()
    assert session_reminders_deliver(session_id=session.pk) == 2
    assert session_reminders_deliver(session_id=session.pk) == 0  # delivered twice
    assert [m.to for m in mail.outbox] == [[by_email.email]]
    assert "besok" in mail.outbox[0].subject
    assert [phone for phone, _text in LogPhoneAdapter.sent] == [by_phone.phone]
    assert "WITA" in LogPhoneAdapter.sent[0][1]
    assert SessionReminder.objects.filter(session=session).count() == 2
