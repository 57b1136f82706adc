"""A participant's world with language-neutral content, and the text a person sees.

The course, lessons, quiz and names are deliberately neither English nor Indonesian
("Zeta 101", "Lorem ipsum"), so any English or Indonesian word found on a page
comes from the platform's own interface, not from what authors wrote.
"""

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from assessments.factories import (
    QuestionBankFactory,
    QuestionFactory,
    QuizFactory,
    quiz_place_in_lesson,
)
from assessments.models import Attempt, QuizSlot
from certificates.factories import CompletedEnrollmentFactory
from certificates.services.issuing import certificate_issue
from courses.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    EnrollmentFactory,
    LessonPageFactory,
    ModulePageFactory,
    TrackFactory,
    home_page_get_or_create,
    text_body,
)
from lms.factories import BalaiFactory, CooperativeFactory, ParticipantFactory

PASSWORD = "zeta-omega-4417"

# Attributes whose text a person sees or hears (screen readers).
VISIBLE_ATTRIBUTES = {"placeholder", "aria-label", "title", "alt"}
# Data attributes carrying messages that scripts show (rendered with {% translate %}).
SCRIPT_MESSAGES = ("data-msg-", "data-error", "data-template")


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.runs: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._skip += 1
        attrs = dict(attrs)
        for name, value in attrs.items():
            shown = name in VISIBLE_ATTRIBUTES or name.startswith(SCRIPT_MESSAGES)
            if shown and value:
                self.runs.append(value)
        button = attrs.get("type") in ("submit", "button", "reset")
        if tag == "input" and button and attrs.get("value"):
            self.runs.append(attrs["value"])
        if tag == "meta" and attrs.get("name") == "description":
            self.runs.append(attrs.get("content") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.runs.append(" ".join(data.split()))


def visible_text(html: str) -> list[str]:
    """The runs of text a person sees on the page (no scripts, styles or tags)."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return collector.runs


def words_found(runs: list[str], phrases: list[str]) -> dict[str, list[str]]:
    """{phrase: [runs containing it as whole words, case-sensitive]}."""
    found = {}
    for phrase in phrases:
        pattern = re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])")
        hits = [run for run in runs if pattern.search(run)]
        if hits:
            found[phrase] = hits
    return found


@dataclass
class World:
    participant: object
    course: object
    lesson: object
    quiz: object
    attempt: object
    certificate: object

    def participant_pages(self) -> dict[str, str]:
        """Pages a signed-in participant visits: name → URL."""
        return {
            "home": reverse("lms:home"),
            "catalogue": self.course.get_parent().specific.url,
            "course": self.course.url,
            "lesson": self.lesson.url,
            "my learning": reverse("courses:my_learning"),
            "profile": reverse("lms:profile"),
            "password change": reverse("lms:password_change"),
            "village lookup": reverse("lms:village_lookup") + "?q=zzzz",
            "quiz": reverse("assessments:quiz", args=[self.quiz.pk]),
            "quiz result": reverse("assessments:result", args=[self.attempt.pk]),
            "my certificates": reverse("certificates:mine"),
            "certificate verification": reverse(
                "certificates:verify", args=[self.certificate.code]
            ),
            "certificate lookup": reverse("certificates:verify_form"),
            "offline": reverse("lms:offline"),
            "course (not enrolled)": self.elsewhere.url,
            "lesson (not enrolled)": self.elsewhere_lesson.url,
        }

    def open_attempt_page(self) -> str:
        """A second, still-open attempt (the quiz allows two), for the quiz form."""
        return reverse("assessments:attempt", args=[self.open_attempt.pk])


def anonymous_pages() -> dict[str, str]:
    return {
        "login": reverse("lms:login"),
        "register": reverse("lms:register"),
        "password reset": reverse("lms:password_reset"),
        "password reset sent": reverse("lms:password_reset_done"),
        "certificate lookup (anonymous)": reverse("certificates:verify_form"),
    }


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db, client) -> World:
    """A participant enrolled in a course with a quiz attempt and a certificate."""
    CourseIndexPageFactory(parent=home_page_get_or_create(), title="Omnibus")
    balai = BalaiFactory(name="Zeta Center", code="zeta")
    track = TrackFactory(name="Zeta", slug="zeta")
    participant = ParticipantFactory(
        full_name="Zaki Omar",
        email="zaki@contoh.id",
        password=PASSWORD,
        cooperative=CooperativeFactory(name="KSP Zeta"),
    )
    course = CoursePageFactory(
        title="Zeta 101",
        slug="zeta-101",
        code="ZT",
        track=track,
        balai=balai,
        summary="Lorem ipsum dolor sit amet.",
        objectives="<ul><li>Lorem ipsum.</li></ul>",
    )
    module = ModulePageFactory(parent=course, title="Alfa", slug="alfa")
    lesson = LessonPageFactory(
        parent=module, title="Alfa 1", slug="alfa-1", body=text_body("Lorem ipsum.")
    )
    quiz_lesson = LessonPageFactory(
        parent=module, title="Alfa 2", slug="alfa-2", body=text_body("Dolor sit.")
    )
    bank = QuestionBankFactory(course=course, title="Zeta")
    quiz = QuizFactory(
        course=course,
        title="Zeta Q",
        purpose="posttest",
        pass_mark=70,
        max_attempts=2,
        time_limit_minutes=30,
        intro="Lorem ipsum.",
    )
    for order, (kind, data) in enumerate(
        [
            ("single", {"options": ["Alfa", "Bravo", "Charlie"], "correct": 0}),
            ("numeric", {"answer": 42, "tolerance": 0, "unit": "Rp"}),
            ("essay", {"guide": "Lorem."}),
        ]
    ):
        QuizSlot.objects.create(
            quiz=quiz,
            sort_order=order,
            question=QuestionFactory(
                bank=bank, kind=kind, text=f"Zeta {order}?", data=data, feedback="Ok."
            ),
        )
    quiz_place_in_lesson(quiz=quiz, lesson=quiz_lesson)
    EnrollmentFactory(user=participant, course=course)

    client.force_login(participant)
    started = client.post(reverse("assessments:start", args=[quiz.pk]))
    assert started.status_code == 302, started
    attempt = Attempt.objects.get(quiz=quiz, enrollment__user=participant)
    client.post(
        reverse("assessments:save", args=[attempt.pk]),
        {f"q{entry['q']}": "" for entry in attempt.layout} | {"kirim": "1"},
    )
    attempt.refresh_from_db()
    assert not attempt.is_open
    client.post(reverse("assessments:start", args=[quiz.pk]))
    open_attempt = Attempt.objects.filter(
        quiz=quiz, enrollment__user=participant
    ).latest("pk")
    assert open_attempt.is_open

    other = CoursePageFactory(
        title="Omega 202",
        slug="omega-202",
        code="OM",
        track=track,
        balai=balai,
        summary="Lorem ipsum.",
    )
    elsewhere = CoursePageFactory(
        title="Sigma 303",
        slug="sigma-303",
        code="SG",
        track=track,
        balai=balai,
        summary="Lorem ipsum.",
    )
    elsewhere_module = ModulePageFactory(parent=elsewhere, title="Beta", slug="beta")
    elsewhere_lesson = LessonPageFactory(
        parent=elsewhere_module, title="Beta 1", slug="beta-1", body=text_body("Sit.")
    )
    certificate = certificate_issue(
        enrollment_id=CompletedEnrollmentFactory(user=participant, course=other).pk
    )
    client.logout()
    world = World(participant, course, lesson, quiz, attempt, certificate)
    world.open_attempt = open_attempt
    world.elsewhere, world.elsewhere_lesson = elsewhere, elsewhere_lesson
    return world


def set_language(client, code: str) -> None:
    """Choose the language the way a person does: the form in the footer."""
    response = client.post(reverse("set_language"), {"language": code, "next": "/"})
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == code


def get_page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)
