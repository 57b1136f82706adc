"""Loads the demo courses (written in `courses/demo_content/`) into the page tree.

Idempotent: a course whose slug already exists under the catalogue is left alone,
so an instructor's edits to demo content survive a restart.
"""

import json

from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Page, Site

from lms.models import Balai

from .authoring import authoring_setup
from .models import CourseIndexPage, CoursePage, LessonPage, ModulePage, Track
from .services import lesson_activities_sync

TRACKS = [
    ("Manajemen & Kelembagaan", "manajemen-kelembagaan"),
    ("Akuntansi Koperasi", "akuntansi-koperasi"),
    ("Simpan Pinjam", "simpan-pinjam"),
    ("Promosi TI", "promosi-ti"),
]


def tracks_load() -> dict[str, Track]:
    tracks = {}
    for order, (name, slug) in enumerate(TRACKS):
        track, _ = Track.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order}
        )
        tracks[name] = track
    return tracks


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


def demo_courses_load() -> list[CoursePage]:
    from .demo_content import COURSES

    tracks = tracks_load()
    catalogue = catalogue_get_or_create()
    authoring_setup(catalogue=catalogue)
    balai = Balai.objects.get(code="bplk-kalsel")
    courses = [
        course_load(spec=spec, catalogue=catalogue, balai=balai, tracks=tracks)
        for spec in COURSES
    ]
    from assessments.demo import demo_assessments_load

    for course, spec in zip(courses, COURSES, strict=True):
        demo_assessments_load(course=course, spec=spec)
    from content.demo import demo_h5p_load

    demo_h5p_load()
    return courses
