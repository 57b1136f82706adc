from django.contrib.admin.utils import unquote
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views

from .admin_views import CohortEnrollView
from .forms import CohortForm
from .models import Cohort, LessonPage, Track
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
        state = {"enrollment": enrollment, "progress": progress}
        return next_serve(page, request, serve_args, {**serve_kwargs, **state})

    return serve


@hooks.register("construct_explorer_page_queryset")
def hide_other_balais_courses(parent_page, pages, request):
    return explorer_pages_for(user=request.user, pages=pages)


class CohortScopeMixin:
    """Views on one cohort answer 404 for a cohort the user does not manage."""

    def dispatch(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None:
            visible = visible_cohorts(user=request.user)
            if not visible.filter(pk=unquote(str(pk))).exists():
                raise Http404
        return super().dispatch(request, *args, **kwargs)


def _scoped(view_class):
    return type(view_class.__name__, (CohortScopeMixin, view_class), {})


class CohortViewSet(snippet_views.SnippetViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Angkatan")
    menu_name = "angkatan"
    add_to_admin_menu = True
    menu_order = 210
    copy_view_enabled = False
    list_display = ["name", "course", "starts_on", "ends_on"]
    ordering = ["-starts_on", "name"]
    edit_view_class = _scoped(snippet_views.EditView)
    delete_view_class = _scoped(snippet_views.DeleteView)
    usage_view_class = _scoped(snippet_views.UsageView)
    history_view_class = _scoped(snippet_views.HistoryView)
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
                _scoped(CohortEnrollView).as_view(),
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
