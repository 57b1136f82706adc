"""Instructors follow their Balai's cohorts: gradebook (and its XLSX), essays, items.

Who sees what: `assessments.selectors.courses_taught` (admins all; instructors the
courses of their own Balai); anyone else gets 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lms.spreadsheets import NUMBER, PERCENT, Column, Table, stamp, xlsx_bytes

from .models import Quiz
from .selectors import (
    ITEM_ANALYSIS_MIN_RESPONDENTS,
    cohorts_taught,
    courses_taught,
    essay_queue,
    gradebook,
    graded_attempts_count,
    item_analysis,
)
from .services import essay_grade


def _teaches(user) -> None:
    if not courses_taught(user=user).exists():
        raise Http404


@login_required
def cohort_list(request):
    _teaches(request.user)
    return render(
        request,
        "assessments/cohort_list.html",
        {
            "cohorts": cohorts_taught(user=request.user),
            "quizzes": Quiz.objects.filter(
                course__in=courses_taught(user=request.user)
            ).select_related("course"),
            "essay_count": essay_queue(user=request.user).count(),
        },
    )


@login_required
def gradebook_view(request, cohort_id: int):
    cohort = get_object_or_404(cohorts_taught(user=request.user), pk=cohort_id)
    return render(request, "assessments/gradebook.html", gradebook(cohort=cohort))


def _fmt(value) -> float | None:
    return None if value is None else float(value)


@login_required
def gradebook_xlsx(request, cohort_id: int):
    cohort = get_object_or_404(cohorts_taught(user=request.user), pk=cohort_id)
    book = gradebook(cohort=cohort)
    columns = (
        [
            Column(_("Nama"), width=28),
            Column(_("Koperasi"), width=30),
            Column(_("Kemajuan"), PERCENT),
        ]
        + [Column(quiz.title, NUMBER) for quiz in book["quizzes"]]
        + [Column(f"{a.title} (H5P)", NUMBER) for a in book["activities"]]
        + [Column(_("Gain ternormalisasi"), NUMBER)]
    )
    rows = (
        [
            row["enrollment"].user.full_name,
            str(row["enrollment"].user.cooperative or ""),
            row["enrollment"].progress_percent,
        ]
        + [_fmt(score) for score in row["scores"]]
        + [_fmt(score) for score in row["activity_scores"]]
        + [row["gain"]]
        for row in book["rows"]
    )
    table = Table(_("Nilai"), columns, rows, notes=[stamp(), str(cohort)])
    data, _count = xlsx_bytes(table)
    response = HttpResponse(
        data,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="nilai-{cohort.pk}.xlsx"'
    return response


@login_required
def essay_queue_view(request):
    _teaches(request.user)
    return render(
        request,
        "assessments/essay_queue.html",
        {"answers": essay_queue(user=request.user)[:200]},
    )


@login_required
def essay_grade_view(request, answer_id: int):
    answer = get_object_or_404(essay_queue(user=request.user), pk=answer_id)
    if request.method == "POST":
        try:
            essay_grade(
                answer=answer,
                grader=request.user,
                points=request.POST.get("points", "").replace(",", "."),
                feedback=request.POST.get("feedback", ""),
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Nilai esai tersimpan."))
            return redirect("assessments:essays")
    return render(request, "assessments/essay_grade.html", {"answer": answer})


@login_required
def item_analysis_view(request, quiz_id: int):
    quiz = get_object_or_404(
        Quiz.objects.filter(course__in=courses_taught(user=request.user)), pk=quiz_id
    )
    return render(
        request,
        "assessments/item_analysis.html",
        {
            "quiz": quiz,
            "rows": item_analysis(quiz=quiz),
            "graded": graded_attempts_count(quiz=quiz),
            "min_respondents": ITEM_ANALYSIS_MIN_RESPONDENTS,
        },
    )
