"""Sessions and attendance: scheduled in the place's own zone, marks recorded once
by their key (the later mark kept), QR check-in valid only with a fresh signed
code, for the session's own participants, in its time window; who may take whose
attendance (`lms.scoping.attendance_q`)."""

import datetime
import json
import time
from unittest import mock
from zoneinfo import ZoneInfo

import pytest

from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from courses.blended.checkin import checkin_token
from courses.blended.services import (
    SessionInput,
    attendance_checkin,
    attendance_mark,
    cohort_close_record,
    session_delete,
    session_schedule,
    session_update,
    speakers_parse,
)
from courses.factories import (
    CohortFactory,
    EnrollmentFactory,
    SessionFactory,
    course_tree,
)
from courses.models import Attendance, AttendanceMark, Session, SessionReminder
from lms.factories import (
    AssistantFactory,
    BalaiFactory,
    InstructorFactory,
    ParticipantFactory,
)
from lms.models import Village

pytestmark = pytest.mark.django_db

WITA = ZoneInfo("Asia/Makassar")


@pytest.fixture
def cohort(db):
    balai = BalaiFactory()
    course = course_tree(modules=1, lessons=1, balai=balai)
    return CohortFactory(
        course=course,
        starts_on=datetime.date(2026, 12, 7),
        ends_on=datetime.date(2026, 12, 9),
    )


def _input(**changes):
    data = {
        "kind": Session.Kind.CLASSROOM,
        "title": "Tata kelola dan RAT",
        "day": datetime.date(2026, 12, 7),
        "start": datetime.time(9),
        "end": datetime.time(12),
        "zone": "Asia/Makassar",
        "place": "Aula Dinas Koperasi Kab. Banjar, Martapura",
        "speakers": (("Dr. Hj. Rahmi Hidayati", "Universitas Lambung Mangkurat"),),
    }
    data.update(changes)
    return SessionInput(**data)


def test_a_session_is_stored_at_its_local_time_in_the_place_s_zone(cohort):
    session = session_schedule(cohort=cohort, data=_input())
    assert session.starts_at == datetime.datetime(2026, 12, 7, 1, tzinfo=datetime.UTC)
    assert session.starts_at.astimezone(WITA).hour == 9
    assert [str(s) for s in session.speakers.all()] == [
        "Dr. Hj. Rahmi Hidayati (Universitas Lambung Mangkurat)"
    ]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end": datetime.time(8)}, "Jam selesai harus setelah jam mulai."),
        (
            {"day": datetime.date(2026, 12, 10)},
            "Tanggal sesi harus dalam masa angkatan",
        ),
        ({"kind": Session.Kind.WEBINAR, "place": ""}, "Webinar memerlukan tautan"),
        ({"place": ""}, "Isi tempat sesi"),
        ({"zone": "Europe/Paris"}, "WIB, WITA atau WIT"),
    ],
)
def test_a_session_that_does_not_hold_together_is_refused(cohort, changes, message):
    with pytest.raises(ValidationError) as error:
        session_schedule(cohort=cohort, data=_input(**changes))
    assert message in " ".join(error.value.messages)
    assert not Session.objects.exists()


def test_narasumber_are_written_one_per_line():
    assert speakers_parse("Dr. A; Unlam\n\nB - Bank Kalsel\nC\nDr. A; Unlam") == (
        ("Dr. A", "Unlam"),
        ("B", "Bank Kalsel"),
        ("C", ""),
    )


def test_the_same_narasumber_in_two_sessions_is_one_speaker(cohort):
    session_schedule(cohort=cohort, data=_input())
    session_schedule(
        cohort=cohort,
        data=_input(title="SAK EP", start=datetime.time(13), end=datetime.time(15)),
    )
    assert cohort.speakers.count() == 1


def test_moving_a_session_owes_its_reminder_again(cohort):
    session = session_schedule(cohort=cohort, data=_input())
    user = EnrollmentFactory(course=cohort.course, cohort=cohort).user
    Session.objects.filter(pk=session.pk).update(reminder_owed_at=timezone.now())
    SessionReminder.objects.create(session=session, user=user)
    session_update(
        session=session, data=_input(start=datetime.time(10), end=datetime.time(12))
    )
    session.refresh_from_db()
    assert session.reminder_owed_at is None
    assert not SessionReminder.objects.filter(session=session).exists()


def test_a_session_with_attendance_cannot_be_deleted(cohort):
    session = session_schedule(cohort=cohort, data=_input())
    enrollment = EnrollmentFactory(course=cohort.course, cohort=cohort)
    attendance_mark(
        session=session,
        enrollment_id=enrollment.pk,
        status="hadir",
        actor=None,
        key="a",
    )
    with pytest.raises(ValidationError):
        session_delete(session=session)
    assert Session.objects.filter(pk=session.pk).exists()


# ---------------------------------------------------------------- marks


@pytest.fixture
def session(cohort):
    return SessionFactory(cohort=cohort)


def test_a_mark_sent_twice_is_recorded_once(session):
    enrollment = EnrollmentFactory(course=session.cohort.course, cohort=session.cohort)
    first, written = attendance_mark(
        session=session,
        enrollment_id=enrollment.pk,
        status="hadir",
        actor=None,
        key="tap-1",
    )
    again, written_again = attendance_mark(
        session=session,
        enrollment_id=enrollment.pk,
        status="hadir",
        actor=None,
        key="tap-1",
    )
    assert (written, written_again) == (True, False)
    assert first.pk == again.pk
    assert Attendance.objects.count() == 1 and AttendanceMark.objects.count() == 1


def test_of_two_marks_the_later_one_is_kept_whatever_order_they_arrive(session):
    enrollment = EnrollmentFactory(course=session.cohort.course, cohort=session.cohort)
    now = timezone.now()
    attendance_mark(
        session=session,
        enrollment_id=enrollment.pk,
        status="izin",
        actor=None,
        key="online",
        marked_at=now - datetime.timedelta(minutes=5),
    )
    # a phone's queued mark, made earlier, arrives later: it does not win
    attendance_mark(
        session=session,
        enrollment_id=enrollment.pk,
        status="alpa",
        actor=None,
        key="queued",
        marked_at=now - datetime.timedelta(minutes=30),
    )
    assert Attendance.objects.get().status == "izin"
    assert AttendanceMark.objects.count() == 2  # both are on the record


def test_a_participant_of_another_cohort_cannot_be_marked(session):
    stranger = EnrollmentFactory(course=session.cohort.course)
    with pytest.raises(ValidationError):
        attendance_mark(
            session=session,
            enrollment_id=stranger.pk,
            status="hadir",
            actor=None,
            key="x",
        )


def test_a_closed_cohort_refuses_new_marks_but_answers_a_repeat(session):
    enrollment = EnrollmentFactory(course=session.cohort.course, cohort=session.cohort)
    attendance_mark(
        session=session,
        enrollment_id=enrollment.pk,
        status="hadir",
        actor=None,
        key="k",
    )
    cohort_close_record(cohort=session.cohort, actor=None)
    session.cohort.refresh_from_db()
    _attendance, written = attendance_mark(
        session=session,
        enrollment_id=enrollment.pk,
        status="hadir",
        actor=None,
        key="k",
    )
    assert written is False
    with pytest.raises(ValidationError):
        attendance_mark(
            session=session,
            enrollment_id=enrollment.pk,
            status="alpa",
            actor=None,
            key="k2",
        )


# ---------------------------------------------------------------- QR check-in


@pytest.fixture
def live_session(cohort):
    now = timezone.now()
    return SessionFactory(
        cohort=cohort,
        starts_at=now - datetime.timedelta(minutes=5),
        ends_at=now + datetime.timedelta(hours=2),
    )


def test_a_participant_checks_in_with_the_code_shown(live_session):
    enrollment = EnrollmentFactory(
        course=live_session.cohort.course, cohort=live_session.cohort
    )
    token = checkin_token(session_id=live_session.pk)
    attendance = attendance_checkin(token=token, user=enrollment.user)
    assert (attendance.status, attendance.method) == ("hadir", "qr")
    # twice: once
    attendance_checkin(token=token, user=enrollment.user)
    assert AttendanceMark.objects.count() == 1


def test_late_check_in_is_terlambat(cohort, settings):
    now = timezone.now()
    session = SessionFactory(
        cohort=cohort,
        starts_at=now - datetime.timedelta(minutes=40),
        ends_at=now + datetime.timedelta(hours=1),
    )
    enrollment = EnrollmentFactory(course=cohort.course, cohort=cohort)
    attendance = attendance_checkin(
        token=checkin_token(session_id=session.pk), user=enrollment.user
    )
    assert attendance.status == "terlambat"


def test_a_check_in_never_lowers_a_present_mark(live_session):
    enrollment = EnrollmentFactory(
        course=live_session.cohort.course, cohort=live_session.cohort
    )
    attendance_mark(
        session=live_session,
        enrollment_id=enrollment.pk,
        status="hadir",
        actor=None,
        key="staff",
    )
    attendance_checkin(
        token=checkin_token(session_id=live_session.pk), user=enrollment.user
    )
    assert Attendance.objects.get().method == "list"


def test_an_expired_code_is_refused(live_session, settings):
    enrollment = EnrollmentFactory(
        course=live_session.cohort.course, cohort=live_session.cohort
    )
    then = time.time() - settings.CHECKIN_TOKEN_SECONDS - 5
    with mock.patch("django.core.signing.time.time", return_value=then):
        token = checkin_token(session_id=live_session.pk)
    with pytest.raises(ValidationError) as error:
        attendance_checkin(token=token, user=enrollment.user)
    assert "kedaluwarsa" in error.value.messages[0]
    assert not Attendance.objects.exists()


def test_a_tampered_code_is_refused(live_session):
    enrollment = EnrollmentFactory(
        course=live_session.cohort.course, cohort=live_session.cohort
    )
    token = checkin_token(session_id=live_session.pk)
    with pytest.raises(ValidationError) as error:
        attendance_checkin(token=token[:-2] + "xx", user=enrollment.user)
    assert "tidak sah" in error.value.messages[0]


def test_a_code_is_only_for_the_session_s_own_participants(live_session):
    outsider = ParticipantFactory()
    with pytest.raises(ValidationError) as error:
        attendance_checkin(
            token=checkin_token(session_id=live_session.pk), user=outsider
        )
    assert "tidak terdaftar" in error.value.messages[0]


def test_a_code_is_refused_outside_the_session_s_window(cohort):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    session = SessionFactory(
        cohort=cohort,
        starts_at=tomorrow,
        ends_at=tomorrow + datetime.timedelta(hours=2),
    )
    enrollment = EnrollmentFactory(course=cohort.course, cohort=cohort)
    with pytest.raises(ValidationError):
        attendance_checkin(
            token=checkin_token(session_id=session.pk), user=enrollment.user
        )


# ---------------------------------------------------------------- who may


def _post_mark(client, session, enrollment_id, key, status="hadir"):
    return client.post(
        reverse("courses:attendance_mark", args=[session.pk]),
        data=json.dumps(
            {"enrollment": enrollment_id, "status": status, "marked_at": 0}
        ),
        content_type="application/json",
        headers={"Idempotency-Key": key},
    )


def test_an_assistant_marks_only_the_participants_of_their_villages(session):
    mine = Village.objects.get(pk="63.03.01.2001")
    other = Village.objects.get(pk="63.01.01.2001")
    assistant = AssistantFactory(villages=[mine])
    ours = EnrollmentFactory(
        course=session.cohort.course,
        cohort=session.cohort,
        user=ParticipantFactory(village=mine),
    )
    theirs = EnrollmentFactory(
        course=session.cohort.course,
        cohort=session.cohort,
        user=ParticipantFactory(village=other),
    )
    client = Client()
    client.force_login(assistant)
    assert _post_mark(client, session, ours.pk, "a-1").status_code == 200
    assert _post_mark(client, session, ours.pk, "a-1").json()["written"] is False
    assert _post_mark(client, session, theirs.pk, "a-2").status_code == 403
    roster = client.get(reverse("courses:attendance_take", args=[session.pk]))
    assert ours.user.full_name in roster.content.decode()
    assert theirs.user.full_name not in roster.content.decode()
    assert Attendance.objects.filter(enrollment=ours).count() == 1
    assert not Attendance.objects.filter(enrollment=theirs).exists()


def test_an_instructor_of_another_balai_does_not_see_the_cohort(session):
    client = Client()
    client.force_login(InstructorFactory())
    assert (
        client.get(
            reverse("courses:cohort_detail", args=[session.cohort_id])
        ).status_code
        == 404
    )
    assert (
        client.get(reverse("courses:attendance_take", args=[session.pk])).status_code
        == 404
    )


def test_an_assistant_cannot_schedule_sessions(session):
    village = Village.objects.get(pk="63.03.01.2001")
    EnrollmentFactory(
        course=session.cohort.course,
        cohort=session.cohort,
        user=ParticipantFactory(village=village),
    )
    client = Client()
    client.force_login(AssistantFactory(villages=[village]))
    assert (
        client.get(
            reverse("courses:cohort_detail", args=[session.cohort_id])
        ).status_code
        == 200
    )
    assert (
        client.get(
            reverse("courses:session_create", args=[session.cohort_id])
        ).status_code
        == 403
    )
