"""Every admin action on a model a Balai owns answers another Balai's instructor
with nothing of it (`lms.admin_scoping`, `courses.permissions`).

The test walks the URL resolver for every admin URL name of those models (snippet
views, their choosers, revisions, history, usage, copy …), so a view Wagtail adds
in a later release is requested too.
"""

import pytest

from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from wagtail.models import ModelLogEntry

from assessments.factories import QuestionBankFactory, QuestionFactory, QuizFactory
from certificates.factories import CertificateTemplateFactory
from content.factories import H5PActivityFactory, h5p_block_body
from courses.authoring import INSTRUCTORS_GROUP, authoring_setup
from courses.factories import CohortFactory, catalogue_get_or_create, course_tree
from courses.models import LessonPage
from courses.services import lesson_activities_sync
from lms.factories import BalaiFactory, InstructorFactory

pytestmark = pytest.mark.django_db

SECRET = "RAHASIA-BALAI-A"

# The URL namespaces of the models a Balai owns (snippets and their choosers).
OWNED = {
    "assessments_question": "question",
    "assessments_questionbank": "bank",
    "assessments_quiz": "quiz",
    "courses_cohort": "cohort",
    "certificates_certificatetemplate": "template",
    "content_h5pactivity": "activity",
}


def _admin_urls(resolver=None, prefix=""):
    """(namespace:name, converters) of every named admin URL, walked recursively."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _admin_urls(entry, namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}", getattr(entry.pattern, "converters", {})


def _owned_urls():
    found = []
    for name, converters in _admin_urls():
        namespace = name.rpartition(":")[0]
        for key, label in OWNED.items():
            if namespace.endswith(f"_{key}"):
                found.append((name, set(converters), label))
    return found


@pytest.fixture
def balai_a_rows():
    catalogue = catalogue_get_or_create()
    authoring_setup(catalogue=catalogue)
    balai = BalaiFactory(name="Balai Kalsel", code="bplk-kalsel")
    course = course_tree(title=f"Kursus {SECRET}", balai=balai, live=False)
    bank = QuestionBankFactory(course=course, title=f"Bank {SECRET}")
    activity = H5PActivityFactory(balai=balai, title=f"Aktivitas {SECRET}")
    lesson = LessonPage.objects.descendant_of(course).first()
    lesson.body = h5p_block_body(activity)
    lesson.save_revision().publish()
    lesson_activities_sync(lesson=lesson)  # so the usage view has a row to show
    return {
        "course": course,
        "bank": bank,
        "question": QuestionFactory(bank=bank, text=f"Soal {SECRET}?"),
        "quiz": QuizFactory(course=course, title=f"Kuis {SECRET}"),
        "cohort": CohortFactory(course=course, name=f"Angkatan {SECRET}"),
        "template": CertificateTemplateFactory(balai=balai, name=f"Templat {SECRET}"),
        "activity": activity,
    }


@pytest.fixture
def stranger(balai_a_rows):
    user = InstructorFactory(balai=BalaiFactory(name="Balai Kaltim", code="kaltim"))
    user.groups.add(Group.objects.get(name=INSTRUCTORS_GROUP))
    return user


def test_the_walk_finds_the_views_the_finding_named():
    names = {name for name, _, _ in _owned_urls()}
    for model in ("question", "questionbank", "quiz"):
        for action in ("copy", "history", "usage", "edit", "delete", "list"):
            assert f"wagtailsnippets_assessments_{model}:{action}" in names
        assert f"wagtailsnippetchoosers_assessments_{model}:chosen" in names
    for action in ("copy", "history", "usage", "edit", "delete", "list"):
        assert f"wagtailsnippets_content_h5pactivity:{action}" in names
    for action in ("choose", "choose_results", "chosen"):
        assert f"wagtailsnippetchoosers_content_h5pactivity:{action}" in names


def test_every_admin_url_of_another_balais_rows_shows_nothing(
    client, balai_a_rows, stranger
):
    ModelLogEntry.objects.log_action(balai_a_rows["question"], "wagtail.edit")
    ModelLogEntry.objects.log_action(balai_a_rows["activity"], "wagtail.edit")
    client.force_login(stranger)
    leaks = []
    for name, converters, label in _owned_urls():
        kwargs = dict.fromkeys(converters, 1)
        if "pk" in converters:
            kwargs["pk"] = balai_a_rows[label].pk
        url = reverse(name, kwargs=kwargs)
        query = {"id": balai_a_rows[label].pk, "q": "RAHASIA"}
        response = client.get(url, query)
        body = response.content.decode(errors="replace")
        if response.status_code == 200 and SECRET in body:
            leaks.append(f"{name} {url}")
    assert leaks == []


def test_page_api_and_site_history_hide_another_balais_unpublished_course(
    client, balai_a_rows, stranger
):
    course = balai_a_rows["course"]
    course.save_revision(user=None, log_action=True)
    ModelLogEntry.objects.log_action(balai_a_rows["activity"], "wagtail.edit")
    client.force_login(stranger)
    api = reverse("wagtailadmin_api:pages:listing")
    for query in ({"search": "RAHASIA"}, {"child_of": course.pk}):
        body = client.get(api, query).content.decode()
        assert SECRET not in body, query
    report = client.get(reverse("wagtailadmin_reports:site_history"))
    assert SECRET not in report.content.decode()
    results = client.get(reverse("wagtailadmin_reports:site_history_results"))
    assert SECRET not in results.content.decode()


def test_the_owning_balais_instructor_still_copies_and_reads_history(
    client, balai_a_rows
):
    owner = InstructorFactory(balai=balai_a_rows["course"].balai)
    owner.groups.add(Group.objects.get(name=INSTRUCTORS_GROUP))
    client.force_login(owner)
    question = balai_a_rows["question"]
    for action in ("copy", "history", "usage", "edit"):
        url = reverse(
            f"wagtailsnippets_assessments_question:{action}", args=[question.pk]
        )
        response = client.get(url)
        assert response.status_code == 200, action
    listing = client.get(reverse("wagtailsnippets_assessments_question:list"))
    assert SECRET in listing.content.decode()


def test_the_owning_balais_instructor_reaches_their_h5p_activity(client, balai_a_rows):
    owner = InstructorFactory(balai=balai_a_rows["course"].balai)
    owner.groups.add(Group.objects.get(name=INSTRUCTORS_GROUP))
    client.force_login(owner)
    activity = balai_a_rows["activity"]
    for action in ("copy", "history", "usage", "edit", "delete"):
        url = reverse(
            f"wagtailsnippets_content_h5pactivity:{action}", args=[activity.pk]
        )
        response = client.get(url)
        assert response.status_code == 200, action
    usage = client.get(
        reverse("wagtailsnippets_content_h5pactivity:usage", args=[activity.pk])
    )
    assert "Pelajaran 1.1" in usage.content.decode()
    for name in (
        "wagtailsnippets_content_h5pactivity:list",
        "wagtailsnippetchoosers_content_h5pactivity:choose",
    ):
        assert SECRET in client.get(reverse(name)).content.decode(), name


def test_another_balais_instructor_chooses_no_h5p_activity_of_it(
    client, balai_a_rows, stranger
):
    """The lesson's H5P block chooser lists, searches and hands out own rows only."""
    own = H5PActivityFactory(balai=stranger.balai, title="Aktivitas Kaltim")
    client.force_login(stranger)
    chooser = "wagtailsnippetchoosers_content_h5pactivity"
    listed = client.get(reverse(f"{chooser}:choose")).content.decode()
    assert "Aktivitas Kaltim" in listed
    assert SECRET not in listed
    found = client.get(reverse(f"{chooser}:choose_results"), {"q": "Aktivitas"})
    assert "Aktivitas Kaltim" in found.content.decode()
    assert SECRET not in found.content.decode()
    chosen = client.get(
        reverse(f"{chooser}:chosen", args=[balai_a_rows["activity"].pk])
    )
    assert chosen.status_code == 404
    assert client.get(reverse(f"{chooser}:chosen", args=[own.pk])).status_code == 200
