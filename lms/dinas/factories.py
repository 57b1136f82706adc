"""Factories for the Dinas programmes: courses to count, imports, export jobs."""

import itertools

import factory

from courses.demo import catalogue_get_or_create, tracks_load
from courses.models import CoursePage, LessonPage, ModulePage
from lms.factories import BalaiFactory, DinasOfficerFactory
from lms.services import cooperative_get_or_create, participant_register

from .models import ExportJob, ProgrammeImport

_course_numbers = itertools.count(1)
_phones = itertools.count(1)


def registered_participant(
    *,
    village,
    full_name: str = "",
    cooperative_name: str = "",
    position: str = "bendahara",
):
    """A participant registered through the services (so the tallies count them),
    in the cooperative of that name in the village (created if new)."""
    number = next(_phones)
    cooperative = cooperative_get_or_create(
        name=cooperative_name or f"Koperasi Desa {village.name}", village=village
    )
    return participant_register(
        full_name=full_name or f"Peserta {number}",
        password=None,
        village=village,
        position=position,
        phone=f"+62857{number:08d}",
        cooperative=cooperative,
    )


def course_with_lessons(
    *, title: str = "", lessons: int = 2, track_slug: str = "", slug: str = ""
):
    """A live course (with one module of `lessons` lessons) under the catalogue."""
    number = next(_course_numbers)
    tracks = tracks_load()
    track = next(
        (t for t in tracks.values() if t.slug == track_slug),
        next(iter(tracks.values())),
    )
    catalogue = catalogue_get_or_create()
    course = CoursePage(
        title=title or f"Kursus {number}",
        slug=slug or f"kursus-uji-{number}",
        track=track,
        code=f"K{number}",
        balai=BalaiFactory(),
        summary="Ringkasan",
        objectives="<p>Tujuan</p>",
    )
    catalogue.add_child(instance=course)
    module = ModulePage(title="Modul 1", slug="modul-1")
    course.add_child(instance=module)
    for index in range(lessons):
        module.add_child(
            instance=LessonPage(title=f"Pelajaran {index + 1}", slug=f"p-{index + 1}")
        )
    return course


class ProgrammeImportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeImport

    uploaded_by = factory.SubFactory(DinasOfficerFactory)
    original_name = "peserta.csv"
    file = factory.django.FileField(filename="peserta.csv", data=b"nama\n")


class ExportJobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExportJob

    requested_by = factory.SubFactory(DinasOfficerFactory)
    table = "regions"
    file_format = "csv"
