"""Admin for question banks, questions and quizzes, in Bahasa Indonesia.

Instructors see and choose only their own Balai's courses (course.balai ==
user.balai); administrators see all (`assessments.selectors.courses_taught`).
"""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from lms.admin_scoping import BalaiScopedViewSet

from .admin_views import QuestionImportView
from .models import Question, QuestionBank, Quiz
from .selectors import courses_taught


class ScopedForm(WagtailAdminModelForm):
    """Course and bank choices limited to what the user teaches."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is None:
            return
        courses = courses_taught(user=for_user)
        if "course" in self.fields:
            self.fields["course"].queryset = courses
        if "bank" in self.fields:
            self.fields["bank"].queryset = QuestionBank.objects.filter(
                course__in=courses
            )


class ScopedViewSet(BalaiScopedViewSet):
    """Every admin view of these models keeps to the user's Balai's courses
    (`lms.admin_scoping`)."""

    balai_field = "course__balai_id"


class QuestionBankViewSet(ScopedViewSet):
    model = QuestionBank
    icon = "folder-open-inverse"
    menu_label = _("Bank soal")
    list_display = ["title", "course"]
    base_form_class = ScopedForm


class QuestionViewSet(ScopedViewSet):
    model = Question
    balai_field = "bank__course__balai_id"
    icon = "help"
    menu_label = _("Soal")
    list_display = ["text", "kind", "category", "bank"]
    list_filter = ["kind"]
    base_form_class = ScopedForm


class QuizViewSet(ScopedViewSet):
    model = Quiz
    icon = "list-ul"
    menu_label = _("Kuis")
    list_display = ["title", "purpose", "course", "pass_mark"]
    list_filter = ["purpose"]
    base_form_class = ScopedForm


class QuestionImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("assessments.add_question")


class AssessmentGroup(SnippetViewSetGroup):
    menu_label = _("Asesmen")
    menu_icon = "tasks"
    menu_order = 220
    items = (QuizViewSet, QuestionBankViewSet, QuestionViewSet)

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            QuestionImportMenuItem(
                _("Impor soal"),
                reverse_lazy("assessments_question_import"),
                icon_name="upload",
                order=400,
            ),
        ]


register_snippet(AssessmentGroup)


@hooks.register("register_admin_urls")
def assessments_admin_urls():
    return [
        path(
            "asesmen/impor/",
            QuestionImportView.as_view(),
            name="assessments_question_import",
        )
    ]


@hooks.register("register_admin_menu_item")
def grading_menu_item():
    return MenuItem(_("Penilaian"), "/nilai/", icon_name="table", order=230)
