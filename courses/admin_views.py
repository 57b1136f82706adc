"""Admin views of the courses app that Wagtail's generic views do not cover."""

from django_ratelimit.core import is_ratelimited

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.models import PersonalDataAccess
from lms.privacy import access_record

from .forms import CohortEnrollForm
from .selectors import participants_by_identifiers, visible_cohorts
from .services import cohort_enroll


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
