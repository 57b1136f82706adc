"""Learning: enrolment, reading a lesson to its end, progress and where to continue."""

import json

import pytest

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from wagtail.models import PageViewRestriction

from content.models import H5PActivity
from courses.factories import (
    LessonPageFactory,
    TrackFactory,
    catalogue_get_or_create,
    course_tree,
)
from courses.models import Enrollment, LessonPage, LessonProgress
from courses.progress import lesson_reached_end, lesson_visit
from courses.selectors import continue_lesson, course_outline
from courses.services import enrollment_create, lesson_activities_sync
from lms.factories import InstructorFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return course_tree(modules=2, lessons=2, title="Akuntansi Dasar")


@pytest.fixture
def lessons(course):
    return list(LessonPage.objects.descendant_of(course).order_by("path"))


@pytest.fixture
def participant():
    return ParticipantFactory()


@pytest.fixture
def enrollment(participant, course):
    return enrollment_create(user=participant, course=course, self_service=True)


# ---------------------------------------------------------------- enrolment


def test_self_enrolment_is_idempotent(participant, course):
    first = enrollment_create(user=participant, course=course, self_service=True)
    second = enrollment_create(user=participant, course=course, self_service=True)
    assert first.pk == second.pk
    assert Enrollment.objects.filter(user=participant).count() == 1


def test_self_enrolment_is_refused_where_the_course_does_not_allow_it(participant):
    closed = course_tree(self_enrollment=False)
    with pytest.raises(ValidationError, match="didaftarkan penyelenggara"):
        enrollment_create(user=participant, course=closed, self_service=True)
    # The organiser may still enrol the participant.
    assert enrollment_create(user=participant, course=closed).pk


def test_self_enrolment_needs_the_prerequisites_completed(participant, course):
    advanced = course_tree(title="Akuntansi Lanjutan")
    advanced.prerequisites.add(course)
    advanced.save()
    with pytest.raises(ValidationError, match="Akuntansi Dasar"):
        enrollment_create(user=participant, course=advanced, self_service=True)

    done = enrollment_create(user=participant, course=course)
    Enrollment.objects.filter(pk=done.pk).update(completed_at="2026-01-01T00:00Z")
    assert enrollment_create(user=participant, course=advanced, self_service=True)


def test_only_participants_enrol(course):
    with pytest.raises(ValidationError, match="Hanya peserta"):
        enrollment_create(user=InstructorFactory(), course=course, self_service=True)


def test_enrol_view_shows_the_reason_in_indonesian(client, participant):
    closed = course_tree(self_enrollment=False)
    client.force_login(participant)
    response = client.post(f"/kursus/{closed.pk}/daftar/", follow=True)
    assert "hanya untuk peserta yang didaftarkan penyelenggara" in (
        response.content.decode()
    )
    assert not Enrollment.objects.filter(user=participant).exists()


# ---------------------------------------------------------------- reading a lesson


def test_opening_a_lesson_starts_it_and_remembers_where_to_continue(
    client, participant, enrollment, lessons
):
    client.force_login(participant)
    response = client.get(lessons[1].url)
    assert response.status_code == 200

    enrollment.refresh_from_db()
    assert enrollment.last_lesson_id == lessons[1].pk
    assert enrollment.status == Enrollment.Status.IN_PROGRESS
    progress = LessonProgress.objects.get(enrollment=enrollment, lesson=lessons[1])
    assert progress.status == LessonProgress.Status.IN_PROGRESS


def test_a_lesson_refused_by_a_view_restriction_records_no_visit(
    client, participant, enrollment, lessons
):
    """The visit is recorded around the page's serve, inside Wagtail's own check."""
    restriction = PageViewRestriction.objects.create(
        page=lessons[0], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Penguji"))
    client.force_login(participant)

    response = client.get(lessons[0].url)

    assert response.status_code == 302
    assert not LessonProgress.objects.filter(enrollment=enrollment).exists()
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.ENROLLED


def test_a_reading_lesson_completes_at_its_end_and_moves_the_course(
    client, participant, enrollment, lessons
):
    client.force_login(participant)
    page = client.get(lessons[0].url).content.decode()
    assert "Tandai selesai" in page

    response = client.post(
        f"/pelajaran/{lessons[0].pk}/selesai/", {"next_url": lessons[1].url}
    )

    assert response.status_code == 302
    assert response.url == lessons[1].url
    progress = LessonProgress.objects.get(enrollment=enrollment, lesson=lessons[0])
    assert progress.status == LessonProgress.Status.COMPLETED
    enrollment.refresh_from_db()
    assert enrollment.progress_percent == 25
    again = client.get(lessons[0].url).content.decode()
    assert "Anda sudah menyelesaikan pelajaran ini" in again


def test_finishing_never_redirects_off_site(client, participant, enrollment, lessons):
    client.force_login(participant)
    response = client.post(
        f"/pelajaran/{lessons[0].pk}/selesai/", {"next_url": "//jahat.example/"}
    )
    assert response.url == lessons[0].url


def test_a_lesson_is_not_finished_by_someone_not_enrolled(client, lessons):
    stranger = ParticipantFactory()
    client.force_login(stranger)
    response = client.post(f"/pelajaran/{lessons[0].pk}/selesai/", follow=True)
    assert "Daftar ke kursus ini dulu" in response.content.decode()
    assert not LessonProgress.objects.exists()


def test_a_lesson_body_is_shown_only_to_enrolled_participants(client, lessons):
    lesson = lessons[0]
    lesson.body = json.dumps([{"type": "text", "value": "<p>Rahasia neraca</p>"}])
    lesson.save()
    client.force_login(ParticipantFactory())
    page = client.get(lesson.url).content.decode()
    assert "Rahasia neraca" not in page
    assert "Daftar ke kursus ini untuk membaca pelajarannya" in page


def test_a_lesson_with_an_activity_not_done_stays_open(
    monkeypatch, enrollment, lessons
):
    h5p = H5PActivity.objects.create(title="Latihan jurnal")
    lesson = lessons[0]
    lesson.body = json.dumps([{"type": "h5p", "value": {"activity": h5p.pk}}])
    lesson.save()
    lesson_activities_sync(lesson=lesson)
    monkeypatch.setattr(H5PActivity, "is_done", lambda self, *, enrollment: False)

    progress = lesson_reached_end(enrollment=enrollment, lesson=lesson)
    assert progress.status == LessonProgress.Status.IN_PROGRESS

    monkeypatch.setattr(H5PActivity, "is_done", lambda self, *, enrollment: True)
    progress = lesson_reached_end(enrollment=enrollment, lesson=lesson)
    assert progress.status == LessonProgress.Status.COMPLETED


def test_the_finish_button_explains_an_unfinished_activity(
    client, monkeypatch, participant, enrollment, lessons
):
    h5p = H5PActivity.objects.create(title="Latihan jurnal")
    lesson = lessons[0]
    lesson.body = json.dumps([{"type": "h5p", "value": {"activity": h5p.pk}}])
    lesson.save()
    lesson_activities_sync(lesson=lesson)
    monkeypatch.setattr(H5PActivity, "is_done", lambda self, *, enrollment: False)
    client.force_login(participant)

    response = client.post(f"/pelajaran/{lesson.pk}/selesai/", follow=True)

    assert "Selesaikan dulu aktivitas" in response.content.decode()


# ---------------------------------------------------------------- selectors


def test_continue_lesson_follows_the_participant(course, enrollment, lessons):
    assert continue_lesson(course=course, enrollment=None) == lessons[0]
    assert continue_lesson(course=course, enrollment=enrollment) == lessons[0]

    lesson_visit(enrollment=enrollment, lesson=lessons[2])
    enrollment.refresh_from_db()
    assert continue_lesson(course=course, enrollment=enrollment) == lessons[2]

    for lesson in lessons[:3]:
        lesson_reached_end(enrollment=enrollment, lesson=lesson)
    enrollment.refresh_from_db()
    assert continue_lesson(course=course, enrollment=enrollment) == lessons[3]

    lesson_reached_end(enrollment=enrollment, lesson=lessons[3])
    enrollment.refresh_from_db()
    assert continue_lesson(course=course, enrollment=enrollment) is None


def test_course_outline_gives_each_module_its_lessons_and_progress(
    course, enrollment, lessons
):
    lesson_reached_end(enrollment=enrollment, lesson=lessons[0])
    lesson_visit(enrollment=enrollment, lesson=lessons[1])

    outline = course_outline(course=course, enrollment=enrollment)

    assert [item["module"].title for item in outline] == ["Modul 1", "Modul 2"]
    first = outline[0]
    assert [e["status"] for e in first["lessons"]] == ["completed", "in_progress"]
    assert (first["done"], first["percent"]) == (1, 50)
    assert (outline[1]["done"], outline[1]["percent"]) == (0, 0)


def test_lessons_not_counting_do_not_hold_back_the_course(course, enrollment, lessons):
    module = lessons[0].get_parent()
    LessonPageFactory(
        parent=module, title="Bacaan tambahan", counts_for_completion=False
    )
    lesson_reached_end(enrollment=enrollment, lesson=lessons[0])
    enrollment.refresh_from_db()
    assert enrollment.progress_percent == 25


# ---------------------------------------------------------------- pages


def test_catalogue_filters_by_track(client):
    catalogue = catalogue_get_or_create()
    akuntansi = TrackFactory(name="Akuntansi Koperasi", slug="akuntansi-koperasi")
    course_tree(title="Buku Kas Harian", track=akuntansi)
    course_tree(title="Rapat Anggota Tahunan")

    page = client.get(catalogue.url, {"jalur": "akuntansi-koperasi"}).content.decode()

    assert "Buku Kas Harian" in page
    assert "Rapat Anggota Tahunan" not in page
    assert client.get(catalogue.url).content.decode().count("<h2>") >= 2


def test_course_page_shows_progress_and_continue(
    client, participant, enrollment, lessons
):
    lesson_reached_end(enrollment=enrollment, lesson=lessons[0])
    client.force_login(participant)

    page = client.get(enrollment.course.url).content.decode()

    assert 'aria-valuenow="25"' in page
    assert "Lanjutkan belajar" in page
    assert lessons[1].url in page


def test_my_learning_lists_the_participants_own_courses(
    client, participant, enrollment
):
    other = ParticipantFactory()
    enrollment_create(user=other, course=course_tree(title="Kursus Orang Lain"))
    client.force_login(participant)

    page = client.get("/belajar/").content.decode()

    assert "Akuntansi Dasar" in page
    assert "Kursus Orang Lain" not in page


def test_reading_a_lesson_again_writes_nothing(
    client, participant, enrollment, lessons
):
    """A lesson page under load must not write a row on every view."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(participant)
    client.get(lessons[0].url)  # the first visit starts the lesson and the course
    with CaptureQueriesContext(connection) as queries:
        assert client.get(lessons[0].url).status_code == 200
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE"))
        and "django_session" not in q["sql"]
    ]
    assert writes == []


def test_an_activity_result_completes_only_lessons_of_the_enrolments_course(
    participant, enrollment, lessons, monkeypatch
):
    from courses.factories import course_tree
    from courses.progress import activity_result_recorded

    activity = H5PActivity.objects.create(title="Dipakai dua kursus")
    monkeypatch.setattr(H5PActivity, "is_done", lambda self, enrollment: True)
    other_course = course_tree(modules=1, lessons=1)
    other_lesson = LessonPage.objects.descendant_of(other_course).first()
    for lesson in (lessons[0], other_lesson):
        lesson.body = json.dumps([{"type": "h5p", "value": {"activity": activity.pk}}])
        lesson.save_revision().publish()
        lesson_activities_sync(lesson=lesson)
    activity_result_recorded(enrollment=enrollment, activity=activity)
    touched = set(
        LessonProgress.objects.filter(enrollment=enrollment).values_list(
            "lesson_id", flat=True
        )
    )
    assert other_lesson.pk not in touched
    assert lessons[0].pk in touched


def test_course_pages_are_found_by_their_url_in_few_queries(
    client, participant, enrollment, lessons, django_assert_max_num_queries
):
    """The catalogue routes straight to a lesson (no query per tree level)."""
    client.force_login(participant)
    client.get(lessons[0].url)
    with django_assert_max_num_queries(17):
        assert client.get(lessons[0].url).status_code == 200
    assert client.get(lessons[0].url + "tidak-ada/").status_code == 404


def test_an_unpublished_lesson_is_not_served(client, participant, enrollment, lessons):
    client.force_login(participant)
    lessons[0].unpublish()
    assert client.get(lessons[0].url).status_code == 404
