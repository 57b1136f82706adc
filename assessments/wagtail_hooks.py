"""Admin for question banks, questions and quizzes, in Bahasa Indonesia.

Instructors see and choose only their own Balai's courses (course.balai ==
user.balai); administrators see all (`assessments.selectors.courses_taught`).
"""

import django_filters

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from lms.admin_scoping import BalaiScopedViewSet

from .admin_views import QuestionImportView
from .forms import QuestionForm, QuizForm, QuizSlotForm, ScopedForm
from .models import Question, QuestionBank, QuestionCategory, Quiz
from .questions import KIND_CHOICES
from .selectors import courses_taught


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


def _banks(request):
    return QuestionBank.objects.filter(
        course__in=courses_taught(user=request.user)
    ).select_related("course")


def _categories(request):
    return QuestionCategory.objects.filter(
        bank__course__in=courses_taught(user=request.user)
    ).select_related("bank")


class QuestionFilterSet(WagtailFilterSet):
    """Filters of the question list: only the user's own banks and categories."""

    bank = django_filters.ModelChoiceFilter(label=_("Bank soal"), queryset=_banks)
    category = django_filters.ModelChoiceFilter(
        label=_("Kategori"), queryset=_categories
    )
    kind = django_filters.ChoiceFilter(label=_("Jenis soal"), choices=KIND_CHOICES)

    class Meta:
        model = Question
        fields = ["bank", "category", "kind"]


class QuestionViewSet(ScopedViewSet):
    model = Question
    balai_field = "bank__course__balai_id"
    icon = "help"
    menu_label = _("Soal")
    list_display = [
        "text",
        "kind",
        "category",
        "bank",
        Column("course", label=_("Kursus"), accessor="bank.course"),
    ]
    filterset_class = QuestionFilterSet
    search_fields = ["text"]
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("bank__course", "category")

    # A viewset's own `base_form_class` is not read by Wagtail: the form goes
    # through the edit handler.
    edit_handler = ObjectList(
        [
            FieldPanel("bank"),
            FieldPanel("category"),
            FieldPanel("kind"),
            FieldPanel("text"),
            *(
                MultiFieldPanel(
                    [FieldPanel(name) for name in fields],
                    heading=heading,
                    attrs={"data-question-kinds": kinds},
                )
                for heading, kinds, fields in (
                    (_("Pilihan jawaban"), "single multiple", ["options"]),
                    (_("Jawaban benar/salah"), "truefalse", ["truefalse"]),
                    (
                        _("Jawaban angka"),
                        "numeric",
                        ["numeric_answer", "numeric_tolerance", "numeric_unit"],
                    ),
                    (_("Jawaban isian singkat"), "short", ["answers"]),
                    (_("Butir yang diurutkan"), "ordering", ["items"]),
                    (_("Pasangan yang dijodohkan"), "matching", ["pairs"]),
                    (_("Penilaian esai"), "essay", ["guide", "rubric"]),
                )
            ),
            FieldPanel("feedback"),
            FieldPanel("points"),
        ],
        base_form_class=QuestionForm,
    )


class SlotsPanel(InlinePanel):
    """The quiz's slots with `QuizSlotForm`: fixed or random, never both."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        formset["form"] = QuizSlotForm
        formset["inherit_kwargs"] = ["for_user"]
        return options


class QuizViewSet(ScopedViewSet):
    model = Quiz
    icon = "list-ul"
    menu_label = _("Kuis")
    list_display = ["title", "purpose", "course", "pass_mark"]
    list_filter = ["purpose"]
    edit_handler = ObjectList(
        [
            *Quiz.panels[:-1],
            SlotsPanel(
                "slots",
                heading=_("Soal"),
                label=_("Slot soal"),
                panels=[
                    FieldPanel("mode"),
                    FieldPanel("bank"),
                    FieldPanel("question"),
                    FieldPanel("category"),
                    FieldPanel("count"),
                ],
            ),
        ],
        base_form_class=QuizForm,
    )


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
