"""Balai-scoped authoring in the Wagtail admin, and the moderation workflow."""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from courses.authoring import INSTRUCTORS_GROUP, REVIEWERS_GROUP, authoring_setup
from courses.factories import TrackFactory, catalogue_get_or_create, course_tree
from courses.models import CoursePage, LessonPage, ModulePage
from lms.factories import BalaiFactory, InstructorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    catalogue = catalogue_get_or_create()
    authoring_setup(catalogue=catalogue)
    return catalogue


@pytest.fixture
def balai_a():
    return BalaiFactory(name="Balai Kalsel", code="bplk-kalsel")


@pytest.fixture
def balai_b():
    return BalaiFactory(name="Balai Kaltim", code="bplk-kaltim")


AJAX = {"x-requested-with": "XMLHttpRequest"}


def _denied_message(response) -> bool:
    return any(
        "izin" in str(m) or "permission" in str(m) for m in response.context["messages"]
    )


def _instructor(balai):
    user = InstructorFactory(balai=balai)
    user.groups.add(Group.objects.get(name=INSTRUCTORS_GROUP))
    return user


@pytest.fixture
def course_a(catalogue, balai_a):
    return course_tree(title="Akuntansi Kalsel", balai=balai_a)


@pytest.fixture
def course_b(catalogue, balai_b):
    return course_tree(title="Manajemen Kaltim", balai=balai_b)


def test_instructor_edits_own_balais_course_module_and_lesson(
    client, course_a, balai_a
):
    client.force_login(_instructor(balai_a))
    module = ModulePage.objects.child_of(course_a).first()
    lesson = LessonPage.objects.descendant_of(course_a).first()
    for page in (course_a, module, lesson):
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page


def test_instructor_cannot_edit_another_balais_course_or_its_pages(
    client, course_a, balai_b, course_b
):
    client.force_login(_instructor(balai_b))
    module = ModulePage.objects.child_of(course_a).first()
    lesson = LessonPage.objects.descendant_of(course_a).first()
    add_module = f"/admin/pages/add/courses/modulepage/{course_a.pk}/"
    urls = [add_module] + [
        f"/admin/pages/{page.pk}/{action}/"
        for page in (course_a, module, lesson)
        for action in ("edit", "delete", "move", "copy")
    ]
    for url in urls:
        # Wagtail's answer to a denied admin view: 403 to scripts, and to a
        # browser a redirect to the dashboard with "no permission".
        assert client.get(url, headers=AJAX).status_code == 403, url
        denied = client.get(url, follow=True)
        assert denied.redirect_chain == [("/admin/", 302)], url
        assert _denied_message(denied), url
    # Posting an edit changes nothing either.
    client.post(f"/admin/pages/{lesson.pk}/edit/", {"title": "Dibajak"})
    lesson.refresh_from_db()
    assert lesson.title != "Dibajak"


def test_explorer_lists_only_the_instructors_own_balais_courses(
    client, catalogue, course_a, course_b, balai_b
):
    client.force_login(_instructor(balai_b))
    response = client.get(f"/admin/pages/{catalogue.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Manajemen Kaltim" in html
    assert "Akuntansi Kalsel" not in html
    inside_other = client.get(f"/admin/pages/{course_a.pk}/").content.decode()
    assert "Modul 1" not in inside_other


def test_instructor_cannot_edit_the_catalogue_page_itself(client, catalogue, balai_a):
    client.force_login(_instructor(balai_a))
    edit = f"/admin/pages/{catalogue.pk}/edit/"
    assert client.get(edit, headers=AJAX).status_code == 403
    add_course = f"/admin/pages/add/courses/coursepage/{catalogue.pk}/"
    assert client.get(add_course).status_code == 200


def _course_form(track, balai, **extra):
    return nested_form_data(
        {
            "title": "Pemasaran Digital Koperasi",
            "slug": "pemasaran-digital",
            "track": track.pk,
            "code": "PD",
            "balai": balai.pk,
            "jp": 6,
            "summary": "Ringkasan.",
            "objectives": rich_text("<ul><li>Membuat toko daring.</li></ul>"),
            "self_enrollment": "on",
            "score_policy": "best",
            "comments": inline_formset([]),
            **extra,
        }
    )


def test_a_new_course_belongs_to_the_instructors_balai_and_goes_to_review(
    client, catalogue, balai_a, balai_b
):
    instructor = _instructor(balai_a)
    client.force_login(instructor)
    track = TrackFactory()
    response = client.post(
        f"/admin/pages/add/courses/coursepage/{catalogue.pk}/",
        _course_form(track, balai_b, **{"action-submit": "1"}),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    course = CoursePage.objects.get(slug="pemasaran-digital")
    assert course.balai == balai_a
    assert course.live is False
    state = WorkflowState.objects.get(object_id=str(course.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Moderators approval"


def test_a_reviewer_approves_a_submitted_course_and_it_goes_live(
    client, catalogue, balai_a
):
    instructor = _instructor(balai_a)
    client.force_login(instructor)
    client.post(
        f"/admin/pages/add/courses/coursepage/{catalogue.pk}/",
        _course_form(TrackFactory(), balai_a, **{"action-submit": "1"}),
    )
    course = CoursePage.objects.get(slug="pemasaran-digital")
    reviewer = UserFactory(is_staff=True)
    reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    client.force_login(reviewer)
    state = WorkflowState.objects.get(object_id=str(course.pk))
    task_state = state.current_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{course.pk}/approve/{task_state.pk}/",
        {"comment": "Sudah sesuai."},
    )
    assert response.status_code in (200, 302)
    course.refresh_from_db()
    assert course.live is True
    assert course.balai == balai_a


def test_authoring_setup_is_idempotent(catalogue):
    before = GroupPagePermission.objects.count()
    authoring_setup(catalogue=catalogue)
    authoring_setup(catalogue=catalogue)
    assert GroupPagePermission.objects.count() == before
    assert (
        Group.objects.filter(name__in=[INSTRUCTORS_GROUP, REVIEWERS_GROUP]).count() == 2
    )
