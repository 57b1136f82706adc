"""A participant takes a quiz: start, answer (saved as given), submit, results.

The page works without JavaScript (one form: "Simpan jawaban" and "Kirim jawaban");
a small inline script saves each answer as it is given and keeps unsent ones in
localStorage while offline.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import Attempt, Question, Quiz
from .selectors import (
    attempt_paper,
    attempt_result,
    quiz_for_participant,
    result_next_step,
)
from .services import (
    GRACE,
    answers_save_from_form,
    attempt_start,
    attempt_submit,
)


def form_values(post) -> dict[int, list[str]]:
    """Posted answers by question id: `q12` (one or many values), `q12_0`, `q12_1`…"""
    values: dict[int, list[tuple[int, str]]] = {}
    for name in post:
        if not name.startswith("q"):
            continue
        head, _sep, tail = name[1:].partition("_")
        if not head.isdigit() or (tail and not tail.isdigit()):
            continue
        bucket = values.setdefault(int(head), [])
        for value in post.getlist(name):
            bucket.append((int(tail) if tail else len(bucket), value))
    return {q: [v for _p, v in sorted(items)] for q, items in values.items()}


def _own_attempt(request, attempt_id: int) -> Attempt:
    """Participants see only their own attempts."""
    return get_object_or_404(
        Attempt.objects.select_related("quiz", "enrollment"),
        pk=attempt_id,
        enrollment__user=request.user,
    )


@login_required
def quiz_detail(request, quiz_id: int):
    quiz = get_object_or_404(Quiz.objects.select_related("course"), pk=quiz_id)
    context = quiz_for_participant(quiz=quiz, user=request.user)
    if context["enrollment"] is None:
        messages.error(request, _("Daftar ke kursus ini dulu untuk mengerjakan kuis."))
        return redirect(quiz.course.url or "/")
    return render(request, "assessments/quiz_detail.html", context)


@login_required
@require_POST
def quiz_start(request, quiz_id: int):
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    context = quiz_for_participant(quiz=quiz, user=request.user)
    if context["enrollment"] is None:
        raise Http404
    try:
        attempt = attempt_start(quiz=quiz, enrollment=context["enrollment"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("assessments:quiz", quiz_id=quiz.pk)
    return redirect("assessments:attempt", attempt_id=attempt.pk)


def _closed_redirect(request, attempt: Attempt):
    """A closed attempt shows its results; one whose time ran out is submitted first."""
    if (
        attempt.is_open
        and attempt.deadline
        and timezone.now() > attempt.deadline + GRACE
    ):
        attempt, _graded = attempt_submit(attempt=attempt, auto=True)
        messages.warning(
            request, _("Waktu habis. Jawaban yang sudah tersimpan telah dikirim.")
        )
    if not attempt.is_open:
        return redirect("assessments:result", attempt_id=attempt.pk)
    return None


@login_required
def attempt_take(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    closed = _closed_redirect(request, attempt)
    if closed:
        return closed
    paper = attempt_paper(attempt=attempt)
    return render(
        request,
        "assessments/attempt.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "paper": paper,
            "saved_count": sum(1 for item in paper if item.saved),
        },
    )


@login_required
@require_POST
def attempt_save(request, attempt_id: int):
    """The page's form: save every answer, and maybe submit.

    Without JavaScript it answers with redirects. The page's script sends
    "Kirim jawaban" through the offline queue (`balaiQueue`, which may deliver it
    twice, long after it was pressed) and gets JSON: 200 with the result page's
    address once the attempt is submitted (by this post or an earlier one), 400
    with the reason when an answer cannot be read (nothing is saved).
    """
    attempt = _own_attempt(request, attempt_id)
    queued = request.headers.get("X-Requested-With") == "XMLHttpRequest"
    result_url = reverse("assessments:result", args=[attempt.pk])
    closed = _closed_redirect(request, attempt)
    if closed:
        return JsonResponse({"ok": True, "url": result_url}) if queued else closed
    try:
        answers_save_from_form(attempt=attempt, values=form_values(request.POST))
    except ValidationError as exc:
        if queued:
            return JsonResponse(
                {"ok": False, "message": " ".join(exc.messages)}, status=400
            )
        messages.error(request, " ".join(exc.messages))
        return redirect("assessments:attempt", attempt_id=attempt.pk)
    if "kirim" in request.POST:
        attempt_submit(attempt=attempt)
        if queued:
            return JsonResponse({"ok": True, "url": result_url})
        return redirect(result_url)
    if queued:
        return JsonResponse({"ok": True})
    messages.success(request, _("Jawaban tersimpan."))
    return redirect("assessments:attempt", attempt_id=attempt.pk)


@login_required
@require_POST
def answer_save_view(request, attempt_id: int):
    """Save one answer as it is given (the page's script). JSON in Bahasa Indonesia."""
    attempt = _own_attempt(request, attempt_id)
    try:
        question_id = int(request.POST.get("question", ""))
    except ValueError:
        return JsonResponse(
            {"ok": False, "message": _("Soal tidak dikenal.")}, status=400
        )
    if not any(item["q"] == question_id for item in attempt.layout):
        return JsonResponse(
            {"ok": False, "message": _("Soal tidak dikenal.")}, status=400
        )
    question = Question.objects.only("kind", "data").get(pk=question_id)
    values = form_values(request.POST).get(question_id, [])
    try:
        answers_save_from_form(
            attempt=attempt,
            values={question.pk: values},
            questions={question.pk: question},
        )
    except ValidationError as exc:
        attempt.refresh_from_db(fields=["status", "deadline"])
        closed = not attempt.is_open or (
            attempt.deadline is not None and timezone.now() > attempt.deadline + GRACE
        )
        return JsonResponse(
            {"ok": False, "message": " ".join(exc.messages), "closed": closed},
            status=409 if closed else 400,
        )
    return JsonResponse({"ok": True})


@login_required
@require_POST
def attempt_submit_view(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    attempt_submit(attempt=attempt)
    return redirect("assessments:result", attempt_id=attempt.pk)


@login_required
def attempt_result_view(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_open:
        return redirect("assessments:attempt", attempt_id=attempt.pk)
    context = attempt_result(attempt=attempt)
    context["quiz_url"] = reverse("assessments:quiz", args=[attempt.quiz_id])
    context["next_step"] = result_next_step(attempt=attempt)
    return render(request, "assessments/result.html", context)
