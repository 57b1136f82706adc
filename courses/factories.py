"""Factories for the courses app: tracks, the page tree, enrolments and cohorts.

`course_tree()` builds catalogue → course → modules → lessons in one call, cheaply
(no revisions): what most tests need.
"""

import datetime
import json
from zoneinfo import ZoneInfo

import factory
import wagtail_factories

from django.conf import settings

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from lms.factories import BalaiFactory, ParticipantFactory

from .models import (
    Cohort,
    CourseIndexPage,
    CoursePage,
    Enrollment,
    LessonPage,
    ModulePage,
    OfflineComponent,
    Session,
    Speaker,
    Track,
)


def text_body(*paragraphs: str) -> str:
    """A lesson body (StreamField raw JSON) of text blocks."""
    texts = paragraphs or ("Isi pelajaran.",)
    return json.dumps([{"type": "text", "value": f"<p>{p}</p>"} for p in texts])


class TrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Track
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Jalur {n}")
    slug = factory.Sequence(lambda n: f"jalur-{n}")


def home_page_get_or_create() -> Page:
    """The default site's home page; rebuilt when a transactional test flushed it."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site:
        return site.root_page
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = root.add_child(instance=Page(title="Balai Daring", slug="beranda"))
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True
    )
    return home


def catalogue_get_or_create() -> CourseIndexPage:
    """The one catalogue, under the default site's home page."""
    existing = CourseIndexPage.objects.first()
    if existing:
        return existing
    return CourseIndexPageFactory(parent=home_page_get_or_create())


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Katalog Pelatihan"
    slug = "katalog"


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    parent = factory.LazyFunction(catalogue_get_or_create)
    title = factory.Sequence(lambda n: f"Kursus {n}")
    code = factory.Sequence(lambda n: f"K{n}")
    track = factory.SubFactory(TrackFactory)
    balai = factory.SubFactory(BalaiFactory)
    summary = "Ringkasan kursus."
    objectives = "<ul><li>Memahami dasar-dasar.</li></ul>"
    jp = 8


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Modul {n}")
    summary = ""


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Pelajaran {n}")
    minutes = 10
    body = factory.LazyFunction(text_body)


def course_tree(*, modules: int = 1, lessons: int = 2, **course_fields) -> CoursePage:
    """A live course with `modules` modules of `lessons` lessons each."""
    course = CoursePageFactory(**course_fields)
    for m in range(1, modules + 1):
        module = ModulePageFactory(parent=course, title=f"Modul {m}", slug=f"modul-{m}")
        for n in range(1, lessons + 1):
            LessonPageFactory(
                parent=module, title=f"Pelajaran {m}.{n}", slug=f"pelajaran-{m}-{n}"
            )
    return course


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    course = factory.SubFactory(CoursePageFactory)
    name = factory.Sequence(lambda n: f"Angkatan {n}")
    starts_on = datetime.date(2026, 1, 5)
    ends_on = datetime.date(2026, 3, 31)


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrollment

    user = factory.SubFactory(ParticipantFactory)
    course = factory.SubFactory(CoursePageFactory)


class SessionFactory(factory.django.DjangoModelFactory):
    """A classroom session of a cohort (WITA, two hours on the cohort's first day
    unless told otherwise)."""

    class Meta:
        model = Session

    cohort = factory.SubFactory(CohortFactory)
    kind = Session.Kind.CLASSROOM
    title = factory.Sequence(lambda n: f"Sesi {n}")
    timezone = "Asia/Makassar"
    starts_at = factory.LazyAttribute(
        lambda o: datetime.datetime.combine(
            o.cohort.starts_on, datetime.time(9), tzinfo=ZoneInfo(o.timezone)
        )
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    place = "Aula Balai Pelatihan Koperasi, Banjarbaru"
    jp = 2


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    cohort = factory.SubFactory(CohortFactory)
    name = factory.Sequence(lambda n: f"Dr. Narasumber {n}")
    institution = "Universitas Lambung Mangkurat"


class OfflineComponentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfflineComponent

    cohort = factory.SubFactory(CohortFactory)
    name = factory.Sequence(lambda n: f"Ujian praktik {n}")
    pass_mark = 70
