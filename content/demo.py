"""The demo's H5P activities, built from a content type of our own.

`lms/data/demo/h5p/Balai.PilihanGanda-1.1/` holds the library (library.json,
semantics.json, the script and the style); each demo course's `h5p.yaml` (read by
`courses.demo.demo_data_read`) the questions of its activity. For each demo course,
`demo_h5p_load` packs the library with an h5p.json and a content/content.json of
those questions about one lesson of module 2 into a .h5p file in memory, installs
it through the service the admin upload uses (`activity_package_submit`), appends
an `h5p` block to that lesson, publishes a revision and syncs the lesson's
LessonActivity rows.

Idempotent: a lesson that already holds an H5P activity is left alone (so an
instructor's changes survive a restart), and an activity of the same title that is
already installed is placed again rather than installed twice.
"""

import io
import json
import stat
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from courses.demo import DEMO_DATA, DemoData, demo_data_read
from courses.models import CoursePage, LessonActivity, LessonPage, ModulePage
from courses.services import lesson_activities_sync

from .h5p import LibraryRef
from .models import H5PActivity
from .services import activity_package_submit

DEMO_TYPES = DEMO_DATA / "h5p"
LIBRARY = LibraryRef("Balai.PilihanGanda", 1, 1)
PASS_SCORE = 60
_ZIP_DATE = (2026, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Question:
    text: str
    options: tuple[str, ...]
    correct: int
    feedback: str = ""


@dataclass(frozen=True)
class DemoActivity:
    """One activity: which lesson it ends (course slug, module number, lesson
    title) and what it asks."""

    course_slug: str
    module: int
    lesson_title: str
    title: str
    intro: str
    questions: tuple[Question, ...]


def demo_activities(data: DemoData | None = None) -> tuple[DemoActivity, ...]:
    """The demo's activities, from each course's `h5p.yaml` (courses.demo's reader)."""
    if data is None:
        data = demo_data_read()
    return tuple(
        DemoActivity(
            course_slug=course["slug"],
            module=course["h5p"]["module"],
            lesson_title=course["h5p"]["lesson"],
            title=course["h5p"]["title"],
            intro=course["h5p"]["intro"],
            questions=tuple(
                Question(
                    text=question["text"],
                    options=tuple(question["options"]),
                    correct=question["correct"],
                    feedback=question.get("feedback", ""),
                )
                for question in course["h5p"]["questions"]
            ),
        )
        for course in data.courses
        if course.get("h5p")
    )


# The package -------------------------------------------------------------------


def library_files(ref: LibraryRef = LIBRARY) -> dict[str, bytes]:
    """The library's files as package entries ("<key>/<path>"), in a fixed order."""
    folder = DEMO_TYPES / ref.key
    return {
        f"{ref.key}/{path.relative_to(folder).as_posix()}": path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and not any(part.startswith((".", "_")) for part in path.parts)
    }


def _keep_together(text: str) -> str:
    """No line break between "Rp" and its amount on a narrow screen."""
    return text.replace("Rp ", "Rp\u00a0")


def content_json(spec: DemoActivity) -> dict[str, Any]:
    return {
        "intro": spec.intro,
        "questions": [
            {
                "text": _keep_together(q.text),
                "options": [_keep_together(option) for option in q.options],
                "correct": q.correct,
                "feedback": _keep_together(q.feedback),
            }
            for q in spec.questions
        ],
    }


def h5p_json(spec: DemoActivity, ref: LibraryRef = LIBRARY) -> dict[str, Any]:
    return {
        "title": spec.title,
        "language": "id",
        "mainLibrary": ref.machine_name,
        "embedTypes": ["div"],
        "license": "U",
        "authors": [{"name": "Balai Daring", "role": "Author"}],
        "preloadedDependencies": [
            {
                "machineName": ref.machine_name,
                "majorVersion": ref.major,
                "minorVersion": ref.minor,
            }
        ],
    }


def _entries(entries: Iterable[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def package_bytes(spec: DemoActivity) -> bytes:
    """The .h5p package of one demo activity (a zip, built in memory)."""

    def as_json(data: dict) -> bytes:
        return json.dumps(data, ensure_ascii=False, indent=2).encode()

    return _entries(
        [
            ("h5p.json", as_json(h5p_json(spec))),
            ("content/content.json", as_json(content_json(spec))),
            *library_files().items(),
        ]
    )


# Loading -------------------------------------------------------------------------


def demo_lesson(spec: DemoActivity) -> LessonPage | None:
    """The lesson an activity is placed at the end of (None if the demo courses
    are not loaded, or an instructor renamed or moved it)."""
    course = CoursePage.objects.filter(slug=spec.course_slug).first()
    if course is None:
        return None
    module = (
        ModulePage.objects.child_of(course).filter(slug=f"modul-{spec.module}").first()
    )
    if module is None:
        return None
    return LessonPage.objects.child_of(module).filter(title=spec.lesson_title).first()


def _placed_activity(lesson: LessonPage) -> H5PActivity | None:
    link = LessonActivity.objects.filter(
        lesson=lesson, content_type=ContentType.objects.get_for_model(H5PActivity)
    ).first()
    return H5PActivity.objects.filter(pk=link.object_id).first() if link else None


@transaction.atomic
def demo_activity_load(*, spec: DemoActivity) -> H5PActivity | None:
    """Install one demo activity and place it at the end of its lesson."""
    lesson = demo_lesson(spec)
    if lesson is None:
        return None
    lesson = LessonPage.objects.select_for_update().get(pk=lesson.pk)
    placed = _placed_activity(lesson)
    if placed is not None:
        return placed
    balai_id = (
        CoursePage.objects.ancestor_of(lesson)
        .values_list("balai_id", flat=True)
        .first()
    )
    activity = H5PActivity.objects.filter(title=spec.title).first()
    if activity is None:
        activity = H5PActivity.objects.create(
            title=spec.title, pass_score=PASS_SCORE, balai_id=balai_id
        )
    elif activity.balai_id is None:
        # Loaded before activities had a Balai: its course's, like the migration.
        activity.balai_id = balai_id
        activity.save(update_fields=["balai"])
    if not activity.is_ready:
        upload = SimpleUploadedFile(
            f"{LIBRARY.machine_name}-{spec.course_slug}.h5p",
            package_bytes(spec),
            content_type="application/zip",
        )
        activity = activity_package_submit(activity=activity, upload=upload)
    body = list(lesson.body.raw_data)
    body.append({"type": "h5p", "value": {"activity": activity.pk}})
    lesson.body = json.dumps(body)
    lesson.save_revision().publish()
    lesson_activities_sync(lesson=lesson)
    return activity


def demo_h5p_load(
    activities: Iterable[DemoActivity] | None = None,
) -> list[H5PActivity]:
    """Place one Balai.PilihanGanda activity in each demo course (idempotent)."""
    if activities is None:
        activities = demo_activities()
    loaded = [demo_activity_load(spec=spec) for spec in activities]
    return [activity for activity in loaded if activity is not None]
