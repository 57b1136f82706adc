"""The page tree: course catalogue → course → module → lesson.

Pages stay thin: fields, panels, parent and child types, context. What a participant
has done lives in `courses.models.enrollment`; the rules in `courses.progress`. A
lesson visit is recorded by the `on_serve_page` hook in `courses.wagtail_hooks`,
which hands what it read to `LessonPage.get_context`.

`get_context` asks `courses.selectors`, which read these models: each imports its
selector when the page is rendered, because this module is loaded (by Django's app
registry) before the selectors can be.
"""

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.url_routing import RouteResult

from lms.models import Position

from ..blocks import LESSON_BLOCKS
from ..permissions import BalaiPagePermissionTester, balai_field_lock


class BalaiPermissionsMixin:
    """Course pages answer permissions through the Balai rule (courses.permissions).

    `view_restrictions_known_none` is set only by `courses.routing`, when the
    query that found the page for this request saw no view restriction and no
    alias on it or any ancestor: Wagtail's check then has nothing to read."""

    view_restrictions_known_none = False

    def permissions_for_user(self, user):
        return BalaiPagePermissionTester(user, self)

    def get_view_restrictions(self):
        if self.view_restrictions_known_none:
            # Known empty: iterating an empty queryset still compiles a query
            # (~0.1 ms per page view); this one has its (empty) result already.
            restrictions = PageViewRestriction.objects.none()
            restrictions._result_cache = []
            return restrictions
        return super().get_view_restrictions()


class CourseIndexPage(BalaiPermissionsMixin, Page):
    """The course catalogue."""

    intro = RichTextField(
        _("pengantar"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("katalog kursus")

    def route(self, request, path_components):
        """Find a course, module or lesson by its URL path in one query.

        Wagtail's default walks the tree a query per level; a lesson is four levels
        below the catalogue, and lesson pages are the hottest pages there are.
        Like the default, only the page served must be live.
        """
        if not path_components:
            return super().route(request, path_components)
        url_path = self.url_path + "/".join(path_components) + "/"
        page = Page.objects.filter(url_path=url_path).specific().first()
        if page is None or not page.live:
            raise Http404
        return RouteResult(page)

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import catalogue_context  # models load first (above)

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(index=self, request=request))
        return context


class CoursePageForm(WagtailAdminPageForm):
    positions = forms.MultipleChoiceField(
        label=_("Untuk jabatan"),
        choices=Position.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        balai_field_lock(self)


class CoursePage(BalaiPermissionsMixin, Page):
    class ScorePolicy(models.TextChoices):
        BEST = "best", _("Nilai terbaik")
        LAST = "last", _("Nilai terakhir")

    track = models.ForeignKey(
        "courses.Track",
        on_delete=models.PROTECT,
        related_name="courses",
        verbose_name=_("jalur"),
    )
    code = models.CharField(
        _("kode kursus"),
        max_length=20,
        help_text=_("Kode singkat, dipakai di nomor sertifikat, misalnya AK."),
    )
    balai = models.ForeignKey(
        "lms.Balai",
        on_delete=models.PROTECT,
        related_name="courses",
        verbose_name=_("balai pelatihan"),
    )
    summary = models.TextField(_("ringkasan"))
    objectives = RichTextField(_("tujuan pembelajaran"), features=["ul", "ol", "bold"])
    jp = models.PositiveSmallIntegerField(
        _("jam pelajaran (JP)"),
        default=8,
        help_text=_("1 JP = %(minutes)s menit.") % {"minutes": settings.JP_MINUTES},
    )
    positions = models.JSONField(_("untuk jabatan"), default=list, blank=True)
    prerequisites = ParentalManyToManyField(
        "self",
        blank=True,
        symmetrical=False,
        related_name="+",
        verbose_name=_("kursus prasyarat"),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gambar sampul"),
    )
    self_enrollment = models.BooleanField(
        _("peserta boleh mendaftar sendiri"), default=True
    )
    # Completion rules: every lesson counts unless marked otherwise; each activity
    # (quiz, H5P) that counts has its own pass mark (see LessonActivity).
    score_policy = models.CharField(
        _("nilai yang dipakai"),
        max_length=4,
        choices=ScorePolicy.choices,
        default=ScorePolicy.BEST,
    )

    base_form_class = CoursePageForm
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                # A handful of tracks: a plain list, not a snippet chooser.
                FieldPanel("track", widget=forms.Select),
                FieldPanel("code"),
                FieldPanel("balai"),
                FieldPanel("jp"),
            ],
            heading=_("Identitas"),
        ),
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("positions"),
        FieldPanel("prerequisites", widget=forms.CheckboxSelectMultiple),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [FieldPanel("self_enrollment"), FieldPanel("score_policy")],
            heading=_("Pendaftaran dan kelulusan"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("kursus")
        verbose_name_plural = _("kursus")

    @property
    def minutes(self) -> int:
        return self.jp * settings.JP_MINUTES

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import course_context  # models load first (above)

        context = super().get_context(request, *args, **kwargs)
        context.update(course_context(course=self, user=request.user))
        return context


class InCourseTitleMixin:
    """In the admin a module or lesson is named with its course ("Buku kas · Kas
    Harian Koperasi"), so lists of pages from many courses (the reviewer's "awaiting
    review", history, choosers) say which course each belongs to."""

    def get_admin_display_title(self):
        title = super().get_admin_display_title()
        course = CoursePage.objects.ancestor_of(self).only("title").first()
        return f"{title} · {course.title}" if course else title


class ModulePage(InCourseTitleMixin, BalaiPermissionsMixin, Page):
    summary = models.TextField(_("ringkasan"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("modul")
        verbose_name_plural = _("modul")

    def serve(self, request, *args, **kwargs):
        # A module has no page of its own: show it inside its course.
        return redirect(self.get_parent().url + f"#modul-{self.pk}")


class LessonPage(InCourseTitleMixin, BalaiPermissionsMixin, Page):
    minutes = models.PositiveSmallIntegerField(_("perkiraan waktu (menit)"), default=10)
    counts_for_completion = models.BooleanField(
        _("dihitung untuk kelulusan"), default=True
    )
    body = StreamField(LESSON_BLOCKS, verbose_name=_("isi"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("minutes"),
        FieldPanel("counts_for_completion"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("pelajaran")
        verbose_name_plural = _("pelajaran")

    def get_context(self, request, *args, enrollment=None, progress=None, **kwargs):
        """What the lesson shows. `enrollment` and `progress` come from the visit
        hook that served the page (`courses.wagtail_hooks.lesson_visit_record`), so
        they are not read twice; a preview, served without it, reads them here."""
        from courses.selectors import lesson_context  # models load first (above)

        context = super().get_context(request, *args, **kwargs)
        context.update(
            lesson_context(
                lesson=self, user=request.user, enrollment=enrollment, progress=progress
            )
        )
        return context


class LessonActivity(models.Model):
    """An activity (quiz, H5P) placed in a lesson: the explicit relation.

    Kept in step with the lesson's body when the lesson is published
    (`courses.services.lesson_activities_sync`); never found by searching JSON.
    """

    lesson = models.ForeignKey(
        LessonPage, on_delete=models.CASCADE, related_name="activities"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    activity = GenericForeignKey("content_type", "object_id")
    sort_order = models.PositiveSmallIntegerField(default=0)
    counts_for_completion = models.BooleanField(default=True)

    class Meta:
        ordering = ["lesson", "sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["lesson", "content_type", "object_id"],
                name="lesson_activity_unique",
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("aktivitas pelajaran")
        verbose_name_plural = _("aktivitas pelajaran")

    def __str__(self) -> str:
        return f"{self.lesson_id}: {self.content_type_id}/{self.object_id}"
