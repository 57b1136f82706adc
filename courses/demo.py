"""The demo's data, and loading its courses into the page tree.

The demo is data, not code: `lms/data/demo/` holds `demo.yaml` (the tracks and the
courses in catalogue order) and a folder per course with `course.yaml` (the page,
its modules and lessons), `assessments.yaml` (pre-test and post-test questions) and
`h5p.yaml` (the H5P activity), beside the H5P library the activities are packed
with (`h5p/`). `demo_data_read` is the one reader of those files; the
`load_demo` command hands what it read to each app's loader: the courses here,
the quizzes in `assessments.demo`, the H5P activities in `content.demo`.

Idempotent: a course whose slug already exists under the catalogue is left alone,
so an instructor's edits to demo content survive a restart.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Page, Site

from lms.models import Balai

from .authoring import authoring_setup
from .models import CourseIndexPage, CoursePage, LessonPage, ModulePage, Track
from .services import lesson_activities_sync

DEMO_DATA = Path(settings.BASE_DIR) / "lms" / "data" / "demo"


@dataclass(frozen=True)
class DemoData:
    """The demo as read from its files.

    `tracks` are (name, slug) pairs in catalogue order. Each course is a dict: the
    keys of its `course.yaml` (slug, code, title, track, summary, objectives, jp,
    positions, modules), each lesson's `body` as (block type, value) pairs, plus
    `pretest` and `posttest` (lists of questions) and `h5p` (the activity, or None).
    """

    tracks: list[tuple[str, str]]
    courses: list[dict[str, Any]]
    cohorts: list[dict[str, Any]] = field(default_factory=list)  # cohorts.yaml


def _yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as file:
        return yaml.load(file, Loader=yaml.CSafeLoader)


def _block(block: dict[str, Any]) -> tuple[str, Any]:
    """A body block from its file form: {type: value}; a text's HTML may be a list
    of pieces, joined without separator."""
    ((block_type, value),) = block.items()
    if block_type == "text" and isinstance(value, list):
        value = "".join(value)
    return block_type, value


def _course(folder: Path) -> dict[str, Any]:
    course = _yaml(folder / "course.yaml")
    for module in course["modules"]:
        for lesson in module["lessons"]:
            lesson["body"] = [_block(block) for block in lesson.get("body", [])]
    tests = (
        _yaml(folder / "assessments.yaml")
        if (folder / "assessments.yaml").exists()
        else {}
    )
    course["pretest"] = tests.get("pretest") or []
    course["posttest"] = tests.get("posttest") or []
    h5p = folder / "h5p.yaml"
    course["h5p"] = _yaml(h5p) if h5p.exists() else None
    return course


def demo_data_read(folder: Path = DEMO_DATA) -> DemoData:
    """Read the demo's data files (the one reader of `lms/data/demo/`)."""
    index = _yaml(folder / "demo.yaml")
    cohorts = folder / "cohorts.yaml"
    return DemoData(
        tracks=[(track["name"], track["slug"]) for track in index["tracks"]],
        courses=[_course(folder / "courses" / slug) for slug in index["courses"]],
        cohorts=_yaml(cohorts)["cohorts"] if cohorts.exists() else [],
    )


def tracks_load(tracks: list[tuple[str, str]] | None = None) -> dict[str, Track]:
    """The demo's tracks, by name (created once; existing ones are kept)."""
    if tracks is None:
        tracks = demo_data_read().tracks
    loaded = {}
    for order, (name, slug) in enumerate(tracks):
        track, _ = Track.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )
        loaded[name] = track
    return loaded


def catalogue_get_or_create() -> CourseIndexPage:
    existing = CourseIndexPage.objects.first()
    if existing:
        return existing
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page if site else Page.objects.get(depth=1)
    if home.title.startswith("Welcome"):
        home.title = "Balai Daring"
        home.save_revision().publish()
    catalogue = CourseIndexPage(
        title="Katalog Pelatihan",
        slug="katalog",
        intro="<p>Pelatihan daring untuk pengurus, pengawas dan pengelola koperasi.</p>",
    )
    home.add_child(instance=catalogue)
    return catalogue


def _block_raw(block_type: str, value) -> dict:
    if block_type == "worked_example":
        value = {
            "title": value["title"],
            "intro": value.get("intro", ""),
            "table": {
                "data": value["table"],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "",
            },
            "explanation": value.get("explanation", ""),
        }
    return {"type": block_type, "value": value}


def lesson_body(blocks: list) -> str:
    return json.dumps([_block_raw(block_type, value) for block_type, value in blocks])


@transaction.atomic
def course_load(
    *, spec: dict, catalogue: CourseIndexPage, balai: Balai, tracks
) -> CoursePage:
    existing = CoursePage.objects.child_of(catalogue).filter(slug=spec["slug"]).first()
    if existing:
        return existing.specific
    objectives = "".join(f"<li>{o}</li>" for o in spec["objectives"])
    course = CoursePage(
        title=spec["title"],
        slug=spec["slug"],
        code=spec["code"],
        track=tracks[spec["track"]],
        balai=balai,
        summary=spec["summary"],
        objectives=f"<ul>{objectives}</ul>",
        jp=spec["jp"],
        positions=spec["positions"],
    )
    catalogue.add_child(instance=course)
    for m_index, module_spec in enumerate(spec["modules"], start=1):
        module = ModulePage(
            title=module_spec["title"],
            slug=f"modul-{m_index}",
            summary=module_spec.get("summary", ""),
        )
        course.add_child(instance=module)
        for l_index, lesson_spec in enumerate(module_spec["lessons"], start=1):
            lesson = LessonPage(
                title=lesson_spec["title"],
                slug=f"{l_index}-{slugify(lesson_spec['title'])[:40]}".strip("-"),
                minutes=lesson_spec.get("minutes", 10),
                body=lesson_body(lesson_spec["body"]),
            )
            module.add_child(instance=lesson)
            lesson_activities_sync(lesson=lesson)
    return course


def demo_courses_load(data: DemoData | None = None) -> list[CoursePage]:
    """The demo's tracks, catalogue (with its authoring set-up) and courses.

    Their quizzes and H5P activities are loaded by the layers above
    (`assessments.demo`, `content.demo`), called by the `load_demo` command."""
    if data is None:
        data = demo_data_read()
    tracks = tracks_load(data.tracks)
    catalogue = catalogue_get_or_create()
    authoring_setup(catalogue=catalogue)
    balai = Balai.objects.get(code="bplk-kalsel")
    return [
        course_load(spec=spec, catalogue=catalogue, balai=balai, tracks=tracks)
        for spec in data.courses
    ]
