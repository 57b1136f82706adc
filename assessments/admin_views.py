"""Admin views of the assessments app that Wagtail's snippet views do not cover."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import QuestionImportForm
from .services import question_bank_import


class QuestionImportView(WagtailAdminTemplateMixin, FormView):
    """Import a Moodle XML or GIFT bank; the page shows the report per question.

    Only users who may add questions, into banks of the courses they teach
    (`selectors.courses_taught`). A file that cannot be read comes back with the
    reason and nothing is created.
    """

    template_name = "assessments/admin/question_import.html"
    form_class = QuestionImportForm
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("assessments.add_question"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Impor soal")

    def get_page_subtitle(self):
        return _("Moodle XML atau GIFT")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            report = question_bank_import(
                bank=form.cleaned_data["bank"],
                filename=upload.name,
                content=upload.read(),
                fmt=form.cleaned_data["fmt"],
            )
        except ValidationError as exc:
            form.add_error("file", exc.messages)
            return self.form_invalid(form)
        return self.render_to_response(
            self.get_context_data(
                form=self.form_class(
                    user=self.request.user,
                    initial={"bank": form.cleaned_data["bank"]},
                ),
                report=report,
                bank=form.cleaned_data["bank"],
                filename=upload.name,
            )
        )
