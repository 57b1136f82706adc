from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.widgets import Button, ListingButton
from wagtail.snippets.models import register_snippet

from lms.admin_scoping import BalaiScopedViewSet

from .admin_views import CohortEnrollView, CourseReviewView
from .forms import CohortForm
from .lesson_page import lesson_page_shared
from .models import Cohort, CoursePage, LessonPage, ModulePage, Track
from .permissions import explorer_pages_for
from .progress import lesson_visit
from .selectors import lesson_enrollment, visible_cohorts

register_snippet(Track)


# After Wagtail's own view-restriction check (order 0): a lesson refused to the
# visitor records nothing.
@hooks.register("on_serve_page", order=100)
def lesson_visit_record(next_serve):
    """A participant opening a lesson starts it and is brought back to it by
    "Lanjutkan belajar" (`courses.progress.lesson_visit`).

    The page model only shows: the enrolment and progress read and written here
    are handed to `LessonPage.get_context` as serve arguments, not read again.
    An enrolled participant's page comes from the page shared by everybody in
    the same state, with their own values put in (`courses.lesson_page`).
    """

    def serve(page, request, serve_args, serve_kwargs):
        if not isinstance(page, LessonPage):
            return next_serve(page, request, serve_args, serve_kwargs)
        enrollment = lesson_enrollment(lesson=page, user=request.user)
        progress = None
        if enrollment is not None:
            progress = getattr(enrollment, "lesson_progress_row", None)
            if request.method == "GET":
                progress = lesson_visit(
                    enrollment=enrollment, lesson=page, progress=progress
                )
            shared = lesson_page_shared(
                lesson=page, request=request, enrollment=enrollment, progress=progress
            )
            if shared is not None:
                return shared
        state = {"enrollment": enrollment, "progress": progress}
        return next_serve(page, request, serve_args, {**serve_kwargs, **state})

    return serve


@hooks.register("construct_explorer_page_queryset")
def hide_other_balais_courses(parent_page, pages, request):
    return explorer_pages_for(user=request.user, pages=pages)


class CohortViewSet(BalaiScopedViewSet):
    """Every view on a cohort answers 404 for a cohort of another Balai
    (`lms.admin_scoping`; the same rule as `courses.selectors.visible_cohorts`)."""

    model = Cohort
    icon = "group"
    menu_label = _("Angkatan")
    menu_name = "angkatan"
    add_to_admin_menu = True
    menu_order = 210
    copy_view_enabled = False
    balai_field = "course__balai_id"
    list_display = ["name", "course", "starts_on", "ends_on"]
    ordering = ["-starts_on", "name"]
    edit_handler = ObjectList(
        [
            FieldPanel("course"),
            FieldPanel("name"),
            MultiFieldPanel(
                [FieldPanel("starts_on"), FieldPanel("ends_on")],
                heading=_("Jadwal"),
            ),
            FieldPanel("instructors"),
            MultiFieldPanel(
                [FieldPanel("province"), FieldPanel("regency")],
                heading=_("Penyelenggara"),
            ),
        ],
        base_form_class=CohortForm,
    )

    def get_queryset(self, request):
        return visible_cohorts(user=request.user)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "enroll/<int:pk>/",
                self.construct_view(CohortEnrollView),
                name="enroll",
            ),
        ]


register_snippet(CohortViewSet)


@hooks.register("register_snippet_listing_buttons")
def cohort_enroll_button(snippet, user, next_url=None):
    if isinstance(snippet, Cohort) and user.has_perm("courses.change_cohort"):
        yield ListingButton(
            _("Daftarkan peserta"),
            reverse("wagtailsnippets_courses_cohort:enroll", args=[snippet.pk]),
            icon_name="group",
            priority=5,
        )


@hooks.register("register_admin_urls")
def course_review_urls():
    return [
        path(
            "kursus/<int:pk>/tinjauan/",
            CourseReviewView.as_view(),
            name="courses_course_review",
        )
    ]


def _course_buttons(page, user, button_class=Button):
    """Labelled actions in place of the bare ⊕: "Tambah modul", "Tambah pelajaran",
    and the course's one review."""
    specific = page.specific_class
    if specific not in (CoursePage, ModulePage):
        return
    permissions = page.permissions_for_user(user)
    if not permissions.can_edit():
        return
    child = ("modulepage", _("Tambah modul"))
    if specific is ModulePage:
        child = ("lessonpage", _("Tambah pelajaran"))
    if permissions.can_add_subpage():
        yield button_class(
            child[1],
            reverse("wagtailadmin_pages:add", args=["courses", child[0], page.pk]),
            icon_name="plus",
            priority=1,
        )
    if specific is CoursePage:
        yield button_class(
            _("Ajukan kursus untuk ditinjau"),
            reverse("courses_course_review", args=[page.pk]),
            icon_name="tasks",
            priority=2,
        )


@hooks.register("register_page_header_buttons")
def course_header_buttons(page, user, view_name, next_url=None):
    yield from _course_buttons(page, user)


@hooks.register("register_page_listing_buttons")
def course_listing_buttons(page, user, next_url=None):
    yield from _course_buttons(page, user, ListingButton)
