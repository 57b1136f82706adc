"""One review for a course: "Ajukan kursus untuk ditinjau" submits the course with its
changed modules and lessons; one approval publishes them all."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from courses.authoring import INSTRUCTORS_GROUP, REVIEWERS_GROUP, authoring_setup
from courses.factories import catalogue_get_or_create, course_tree
from courses.models import LessonPage, ModulePage
from lms.factories import InstructorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    authoring_setup(catalogue=catalogue_get_or_create())
    return course_tree(modules=1, lessons=1, title="Kas Harian Koperasi")


@pytest.fixture
def instructor(course):
    user = InstructorFactory(balai=course.balai)
    user.groups.add(Group.objects.get(name=INSTRUCTORS_GROUP))
    return user


@pytest.fixture
def reviewer():
    user = UserFactory(role="admin", is_staff=True)
    user.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return user


def drafts(course, instructor):
    """A new module with a new lesson, and an edit of the existing lesson."""
    lesson = LessonPage.objects.descendant_of(course).get()
    lesson.title = "Mencatat kas masuk (revisi)"
    lesson.save_revision(user=instructor)
    module = course.add_child(instance=ModulePage(title="Modul baru", live=False))
    module.save_revision(user=instructor)
    new = module.add_child(instance=LessonPage(title="Pelajaran baru", live=False))
    new.save_revision(user=instructor)
    return lesson, module, new


def approve(page, user):
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, user, "approve")


def test_one_submission_and_one_approval_publish_the_course_and_its_changes(
    client, course, instructor, reviewer
):
    lesson, module, new = drafts(course, instructor)
    client.force_login(instructor)
    url = reverse("courses_course_review", args=[course.pk])
    page = client.get(url).content.decode()
    for title in ("Mencatat kas masuk (revisi)", "Modul baru", "Pelajaran baru"):
        assert title in page
    assert "Ajukan kursus untuk ditinjau" in page

    response = client.post(url, follow=True)
    assert "diajukan untuk ditinjau" in response.content.decode()
    course.refresh_from_db()
    assert course.workflow_in_progress
    assert (
        not client.post(url, follow=True)
        .content.decode()
        .count("diajukan untuk ditinjau")
    )

    approve(course, reviewer)
    lesson.refresh_from_db()
    module.refresh_from_db()
    new.refresh_from_db()
    assert lesson.title == "Mencatat kas masuk (revisi)" and lesson.live
    assert module.live and new.live
    assert not lesson.has_unpublished_changes


def test_nothing_to_review_is_said_so(client, course, instructor):
    client.force_login(instructor)
    url = reverse("courses_course_review", args=[course.pk])
    response = client.post(url, follow=True)
    assert "Tidak ada perubahan yang perlu ditinjau." in response.content.decode()


def test_labelled_actions_replace_the_bare_plus(client, course, instructor):
    module = ModulePage.objects.child_of(course).get()
    client.force_login(instructor)
    course_page = client.get(reverse("wagtailadmin_explore", args=[course.pk]))
    text = course_page.content.decode()
    assert "Tambah modul" in text and "Ajukan kursus untuk ditinjau" in text
    module_page = client.get(reverse("wagtailadmin_explore", args=[module.pk]))
    assert "Tambah pelajaran" in module_page.content.decode()


def test_another_balais_instructor_cannot_submit_the_course(client, course):
    outsider = InstructorFactory()
    outsider.groups.add(Group.objects.get(name=INSTRUCTORS_GROUP))
    client.force_login(outsider)
    url = reverse("courses_course_review", args=[course.pk])
    assert client.get(url).status_code in (302, 403)  # Wagtail: back to the dashboard
    client.post(url)
    course.refresh_from_db()
    assert not course.workflow_in_progress


def test_the_review_list_names_the_course_of_every_page(
    client, course, instructor, reviewer
):
    lesson, _module, _new = drafts(course, instructor)
    lesson.get_workflow().start(lesson, instructor)
    client.force_login(reviewer)
    dashboard = client.get("/admin/").content.decode()
    assert "Mencatat kas masuk (revisi) · Kas Harian Koperasi" in dashboard


def test_a_changed_live_lesson_is_compared_field_by_field_with_what_is_live(
    client, course, instructor
):
    lesson, _module, _new = drafts(course, instructor)
    client.force_login(instructor)
    review = client.get(reverse("courses_course_review", args=[course.pk]))
    compare = reverse(
        "wagtailadmin_pages:revisions_compare", args=[lesson.pk, "live", "latest"]
    )
    html = review.content.decode()
    assert f'href="{compare}"' in html and "Bandingkan dengan yang tayang" in html
    shown = client.get(compare)
    assert shown.status_code == 200
    assert "Mencatat kas masuk (revisi)" in shown.content.decode()


def test_another_balais_instructor_cannot_compare_the_lessons_revisions(
    client, course, instructor
):
    lesson, _module, _new = drafts(course, instructor)
    outsider = InstructorFactory()
    outsider.groups.add(Group.objects.get(name=INSTRUCTORS_GROUP))
    client.force_login(outsider)
    compare = reverse(
        "wagtailadmin_pages:revisions_compare", args=[lesson.pk, "live", "latest"]
    )
    response = client.get(compare)
    assert response.status_code in (302, 403, 404)
    assert "Mencatat kas masuk (revisi)" not in response.content.decode()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_instructor_sees_what_changed_in_a_live_lesson_from_the_review(
    course, instructor, office_page, login_in_browser, screenshot
):
    drafts(course, instructor)
    page = office_page
    login_in_browser(page, instructor.email, "sandi-rahasia-123")
    page.goto(reverse("courses_course_review", args=[course.pk]))
    page.get_by_role("link", name="Bandingkan dengan yang tayang").click()
    page.wait_for_load_state()
    main = page.locator("main").inner_text()
    assert "Mencatat kas masuk (revisi)" in main
    assert page.locator("h1").inner_text().startswith("Bandingkan")
    screenshot(page, "course-review-compare-1366")
