"""Admin views of the courses app that Wagtail's generic views do not cover."""

from django_ratelimit.core import is_ratelimited

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.models import PersonalDataAccess
from lms.privacy import access_record

from .forms import CohortEnrollForm
from .models import CoursePage
from .selectors import course_changes, participants_by_identifiers, visible_cohorts
from .services import cohort_enroll, course_review_submit


class CohortEnrollView(WagtailAdminTemplateMixin, FormView):
    """Bulk enrolment into a cohort: tick participants or paste phones/emails.

    All or nothing: an identifier that names no participant sends the form back
    with the list of those not found, and nobody is enrolled.
    """

    template_name = "courses/admin/cohort_enroll.html"
    form_class = CohortEnrollForm
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("courses.change_cohort"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def cohort(self):
        return get_object_or_404(
            visible_cohorts(user=self.request.user), pk=self.kwargs["pk"]
        )

    def get_page_title(self):
        return _("Daftarkan peserta")

    def get_page_subtitle(self):
        return f"{self.cohort.name} · {self.cohort.course.title}"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        kwargs["query"] = self.request.GET.get("q", "")
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        enrollments = self.cohort.enrollments.select_related("user").order_by(
            "user__full_name"
        )
        context.update(
            cohort=self.cohort,
            query=self.request.GET.get("q", ""),
            enrolled_count=enrollments.count(),
            enrollments=enrollments[:200],
            index_url=reverse("wagtailsnippets_courses_cohort:list"),
        )
        return context

    def form_valid(self, form):
        identifiers = form.cleaned_data["identifiers"]
        # Pasted phones and emails name people: so many an hour per person, and
        # each paste is in the personal-data access log (who looked up whom).
        if identifiers and is_ratelimited(
            self.request,
            group="cohort-enrol-identifiers",
            key="user",
            rate=settings.COHORT_ENROL_IDENTIFIER_RATE,
            increment=True,
        ):
            form.add_error(
                "identifiers",
                _("Terlalu banyak pencarian nomor HP/email. Coba lagi nanti."),
            )
            return self.form_invalid(form)
        found, missing = participants_by_identifiers(identifiers=identifiers)
        if identifiers:
            access_record(
                actor=self.request.user,
                action=PersonalDataAccess.Action.VIEW,
                what=_("Pendaftaran angkatan %(cohort)s lewat nomor HP/email")
                % {"cohort": self.cohort.name},
                subjects=found,
            )
        if missing:
            form.add_error(
                "identifiers",
                _(
                    "Tidak ditemukan sebagai peserta: %(items)s. Tidak ada yang didaftarkan."
                )
                % {"items": ", ".join(missing)},
            )
            return self.form_invalid(form)
        users = {user.pk: user for user in [*form.cleaned_data["participants"], *found]}
        try:
            added = cohort_enroll(cohort=self.cohort, users=list(users.values()))
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(added)s peserta baru didaftarkan; %(same)s sudah terdaftar.")
            % {"added": added, "same": len(users) - added},
        )
        return redirect(self.request.path)


class CourseReviewView(WagtailAdminTemplateMixin, TemplateView):
    """One review for a course: what changed in it (modules and lessons not yet
    live), and "Ajukan kursus untuk ditinjau" for those who may edit it."""

    template_name = "courses/admin/course_review.html"
    header_icon = "tasks"

    @cached_property
    def course(self) -> CoursePage:
        course = get_object_or_404(CoursePage, pk=self.kwargs["pk"])
        if not course.permissions_for_user(self.request.user).can_edit():
            raise PermissionDenied
        return course

    def get_page_title(self):
        return _("Tinjauan kursus")

    def get_page_subtitle(self):
        return self.course.title

    def get_breadcrumbs_items(self):
        # Without its own crumb the header read "Beranda" (the base crumb).
        return [
            *self.breadcrumbs_items,
            {
                "url": "",
                "label": self.get_page_title(),
                "sublabel": self.get_page_subtitle(),
            },
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        changes = course_changes(course=self.course)
        context.update(
            course=self.course,
            changes=changes,
            course_changed=self.course.has_unpublished_changes,
            in_review=self.course.workflow_in_progress,
            explore_url=reverse("wagtailadmin_explore", args=[self.course.pk]),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            course_review_submit(course=self.course, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(request.path)
        messages.success(
            request,
            _("Kursus “%(title)s” dan perubahannya diajukan untuk ditinjau.")
            % {"title": self.course.title},
        )
        return redirect(request.path)
