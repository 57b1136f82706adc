"""Writes of the assessments app: attempts, answers, grading, essay scores.

An attempt is started (its paper frozen: which questions, in which order, with which
option order), each answer is saved as it is given (one UPDATE of a row created at
the start), and it is submitted and graded once: the attempt row is locked with
`select_for_update` and only an open attempt is graded, so two submits (two tabs,
a double tap, the deadline task) grade once.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Enrollment
from courses.progress import activity_result_recorded
from lms.models import User
from lms.outbox import work_owe

from .imports import questions_parse
from .models import Answer, Attempt, Question, QuestionBank, QuestionCategory, Quiz
from .questions import kind_for

# Answers that arrive this long after the deadline (network latency) still count.
GRACE = timedelta(seconds=5)


def quiz_paper_draw(*, quiz: Quiz, rng: random.Random) -> list[Question]:
    """The questions of a new attempt: fixed ones, and random draws from categories."""
    chosen: list[Question] = []
    seen: set[int] = set()
    for slot in quiz.slots.select_related("question").order_by("sort_order", "pk"):
        if slot.question_id:
            if slot.question_id not in seen:
                chosen.append(slot.question)
                seen.add(slot.question_id)
            continue
        pool = [
            q
            for q in Question.objects.filter(category_id=slot.category_id).order_by(
                "pk"
            )
            if q.pk not in seen
        ]
        for question in rng.sample(pool, min(slot.count, len(pool))):
            chosen.append(question)
            seen.add(question.pk)
    if quiz.shuffle_questions:
        rng.shuffle(chosen)
    return chosen


def quiz_availability_error(
    *, quiz: Quiz, enrollment: Enrollment, now: datetime
) -> str | None:
    """Why a new attempt may not start now, in words for the participant (or None)."""
    if enrollment.course_id != quiz.course_id:
        return _("Kuis ini bukan bagian dari kursus Anda.")
    if quiz.opens_at and now < quiz.opens_at:
        return _("Kuis belum dibuka.")
    if quiz.closes_at and now >= quiz.closes_at:
        return _("Kuis sudah ditutup.")
    if quiz.max_attempts:
        used = Attempt.objects.filter(quiz=quiz, enrollment=enrollment).count()
        if used >= quiz.max_attempts:
            return _("Kesempatan mengerjakan kuis ini sudah habis.")
    if not quiz.slots.exists():
        return _("Kuis ini belum berisi soal.")
    return None


def _deadline(*, quiz: Quiz, now: datetime) -> datetime | None:
    deadline = None
    if quiz.time_limit_minutes:
        deadline = now + timedelta(minutes=quiz.time_limit_minutes)
    if quiz.closes_at and (deadline is None or quiz.closes_at < deadline):
        deadline = quiz.closes_at
    return deadline


def _expired(attempt: Attempt, now: datetime) -> bool:
    return attempt.deadline is not None and now > attempt.deadline + GRACE


@transaction.atomic
def attempt_start(
    *,
    quiz: Quiz,
    enrollment: Enrollment,
    now: datetime | None = None,
    rng: random.Random | None = None,
) -> Attempt:
    """Start an attempt, or resume the open one (one open attempt per quiz)."""
    now = now or timezone.now()
    # Serialise starts of one participant (two taps on "Mulai").
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    open_attempt = Attempt.objects.filter(
        quiz=quiz, enrollment=enrollment, status=Attempt.Status.IN_PROGRESS
    ).first()
    if open_attempt is not None:
        if not _expired(open_attempt, now):
            return open_attempt
        attempt_submit(attempt=open_attempt, auto=True, now=now)
    error = quiz_availability_error(quiz=quiz, enrollment=enrollment, now=now)
    if error:
        raise ValidationError(error)
    rng = rng or random.SystemRandom()
    questions = quiz_paper_draw(quiz=quiz, rng=rng)
    if not questions:
        raise ValidationError(_("Kuis ini belum berisi soal."))
    layout = []
    for question in questions:
        order = (
            kind_for(question.kind).shuffle(question.data, rng)
            if quiz.shuffle_options or question.kind in ("ordering", "matching")
            else list(range(len(question.data.get("options", []))))
        )
        layout.append({"q": question.pk, "o": order})
    number = (
        Attempt.objects.filter(quiz=quiz, enrollment=enrollment).aggregate(
            n=Max("number")
        )["n"]
        or 0
    ) + 1
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                quiz=quiz,
                enrollment=enrollment,
                number=number,
                layout=layout,
                started_at=now,
                deadline=_deadline(quiz=quiz, now=now),
            )
    except IntegrityError:  # started at the same moment elsewhere
        return Attempt.objects.get(
            quiz=quiz, enrollment=enrollment, status=Attempt.Status.IN_PROGRESS
        )
    Answer.objects.bulk_create(
        Answer(attempt=attempt, question=question, position=position)
        for position, question in enumerate(questions)
    )
    if attempt.deadline is not None:
        # Owed with the attempt (lms.outbox): a broker down at this moment, or a
        # worker lost with the message, only delays the submit of what was saved.
        work_owe(
            task="assessments.tasks.attempt_expire_task",
            kwargs={"attempt_id": attempt.pk},
            due_at=attempt.deadline + GRACE,
        )
    return attempt


def answer_save(
    *,
    attempt: Attempt,
    question: Question,
    response: Any,
    now: datetime | None = None,
) -> None:
    """Save one answer as it is given: one UPDATE of its row.

    The response is in the author's indexes (see `assessments.questions`). Refused,
    with a message, when the attempt is closed or its time is up.
    """
    now = now or timezone.now()
    response = kind_for(question.kind).response_clean(question.data, response)
    rows = Answer.objects.filter(
        attempt_id=attempt.pk,
        question_id=question.pk,
        attempt__status=Attempt.Status.IN_PROGRESS,
    )
    if attempt.deadline is not None:
        rows = rows.filter(attempt__deadline__gte=now - GRACE)
    if rows.update(response=response, saved_at=now) == 1:
        return
    _refuse(attempt=attempt, question=question, now=now)


def _refuse(*, attempt: Attempt, question: Question, now: datetime) -> None:
    attempt.refresh_from_db(fields=["status", "deadline"])
    if attempt.status != Attempt.Status.IN_PROGRESS:
        raise ValidationError(_("Jawaban sudah dikirim; tidak dapat diubah lagi."))
    if _expired(attempt, now):
        raise ValidationError(_("Waktu mengerjakan sudah habis."))
    raise ValidationError(_("Soal ini bukan bagian dari percobaan Anda."))


@transaction.atomic
def answers_save_from_form(
    *,
    attempt: Attempt,
    values: dict[int, list[str]],
    questions: dict[int, Question] | None = None,
    now: datetime | None = None,
) -> int:
    """Save answers posted from the page's form (which works without JavaScript).

    `values` maps question id → the posted values (screen positions for options);
    an empty value clears the answer. A value that cannot be read raises
    ValidationError and nothing is saved. Returns how many answers were written.
    """
    now = now or timezone.now()
    layout = {item["q"]: item["o"] for item in attempt.layout}
    wanted = [q for q in values if q in layout]
    if questions is None:
        questions = Question.objects.only("kind", "data").in_bulk(wanted)
    saved = 0
    for question_id in wanted:
        question = questions[question_id]
        response = kind_for(question.kind).response_from_form(
            question.data, layout[question_id], values[question_id]
        )
        answer_save(attempt=attempt, question=question, response=response, now=now)
        saved += 1
    return saved


def _percent(earned: float, possible: float) -> Decimal:
    if not possible:
        return Decimal("0.00")
    return Decimal(str(100 * earned / possible)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def _finish(*, attempt: Attempt, answers: list[Answer], now: datetime) -> None:
    """Score an attempt whose answers all have a fraction."""
    earned = sum(a.question.points * (a.fraction or 0.0) for a in answers)
    possible = sum(a.question.points for a in answers)
    attempt.score = _percent(earned, possible)
    attempt.passed = attempt.score >= attempt.quiz.pass_mark
    attempt.status = Attempt.Status.GRADED
    attempt.graded_at = now


def _fractions_save(answers: list[Answer]) -> None:
    """Write the fractions with one UPDATE per distinct value (mostly 0 and 1):
    cheaper to build and run than one CASE over every answer."""
    by_value: dict[float | None, list[int]] = {}
    for answer in answers:
        by_value.setdefault(answer.fraction, []).append(answer.pk)
    for value, ids in by_value.items():
        Answer.objects.filter(pk__in=ids).update(fraction=value)


@transaction.atomic
def attempt_submit(
    *, attempt: Attempt, auto: bool = False, now: datetime | None = None
) -> tuple[Attempt, bool]:
    """Submit and grade an attempt, once. Returns (attempt, whether this call graded it).

    Answers saved before the deadline are graded; essays wait for an instructor.
    """
    now = now or timezone.now()
    # Lock the attempt and its enrolment, not the quiz or course rows every
    # participant shares; course and user come along for the progress update.
    attempt = (
        Attempt.objects.select_for_update(of=("self", "enrollment"))
        .select_related("quiz", "enrollment__course", "enrollment__user")
        .get(pk=attempt.pk)
    )
    if attempt.status != Attempt.Status.IN_PROGRESS:
        return attempt, False
    answers = list(
        attempt.answers.select_related("question").only(
            "id",
            "attempt_id",
            "response",
            "question__kind",
            "question__data",
            "question__points",
        )
    )
    needs_review = False
    for answer in answers:
        fraction = kind_for(answer.question.kind).grade(
            answer.question.data, answer.response
        )
        answer.fraction = fraction
        needs_review = needs_review or fraction is None
    _fractions_save(answers)
    attempt.submitted_at = now
    attempt.auto_submitted = auto or _expired(attempt, now)
    if needs_review:
        attempt.status = Attempt.Status.NEEDS_REVIEW
    else:
        _finish(attempt=attempt, answers=answers, now=now)
    attempt.save(
        update_fields=[
            "status",
            "submitted_at",
            "auto_submitted",
            "score",
            "passed",
            "graded_at",
        ]
    )
    activity_result_recorded(
        enrollment=attempt.enrollment, activity=attempt.quiz, enrollment_locked=True
    )
    return attempt, True


def attempt_expire(*, attempt_id: int, now: datetime | None = None) -> bool:
    """Submit an attempt whose time ran out (the deadline task); safe to run twice."""
    now = now or timezone.now()
    attempt = Attempt.objects.filter(pk=attempt_id).first()
    if attempt is None or not attempt.is_open or not _expired(attempt, now):
        return False
    _attempt, graded = attempt_submit(attempt=attempt, auto=True, now=now)
    return graded


@transaction.atomic
def essay_grade(
    *,
    answer: Answer,
    grader: User,
    points: Decimal | float,
    feedback: str = "",
    now: datetime | None = None,
) -> Attempt:
    """An instructor scores an essay (0..the question's points), with feedback.

    When the attempt's last essay is scored, the attempt is graded and its result
    lands in the participant's progress.
    """
    now = now or timezone.now()
    attempt = (
        Attempt.objects.select_for_update(of=("self", "enrollment"))
        .select_related("quiz", "enrollment__course")
        .get(pk=answer.attempt_id)
    )
    answer = Answer.objects.select_related("question").get(pk=answer.pk)
    if answer.question.kind != "essay":
        raise ValidationError(_("Hanya jawaban esai yang dinilai oleh instruktur."))
    if attempt.status == Attempt.Status.IN_PROGRESS:
        raise ValidationError(_("Percobaan ini belum dikirim."))
    try:
        value = Decimal(str(points))
    except ArithmeticError as exc:
        raise ValidationError(_("Nilai harus berupa angka.")) from exc
    maximum = answer.question.points
    if not value.is_finite() or value < 0 or value > maximum:
        raise ValidationError(_("Nilai harus antara 0 dan %(max)s.") % {"max": maximum})
    answer.fraction = float(value / maximum) if maximum else 0.0
    answer.grader = grader
    answer.grader_feedback = feedback.strip()
    answer.graded_at = now
    answer.save(update_fields=["fraction", "grader", "grader_feedback", "graded_at"])
    answers = list(attempt.answers.select_related("question"))
    if any(a.fraction is None for a in answers):
        return attempt
    _finish(attempt=attempt, answers=answers, now=now)
    attempt.save(update_fields=["status", "score", "passed", "graded_at"])
    activity_result_recorded(enrollment=attempt.enrollment, activity=attempt.quiz)
    return attempt


# ---------------------------------------------------------------- bank import


@dataclass
class ImportRow:
    """One question of an imported file: imported (with any notes) or refused."""

    number: int
    label: str
    source_type: str
    kind_label: str
    category: str
    imported: bool
    reasons: list[str] = field(default_factory=list)
    question_id: int | None = None


@dataclass
class ImportReport:
    format: str
    rows: list[ImportRow]

    @property
    def imported(self) -> int:
        return sum(1 for row in self.rows if row.imported)

    @property
    def refused(self) -> int:
        return len(self.rows) - self.imported


def _field_messages(exc: ValidationError) -> list[str]:
    if hasattr(exc, "message_dict"):
        return [m for messages in exc.message_dict.values() for m in messages]
    return list(exc.messages)


@transaction.atomic
def question_bank_import(
    *, bank: QuestionBank, filename: str, content: bytes, fmt: str = "auto"
) -> ImportReport:
    """Import a Moodle XML or GIFT file into a bank, with a report per question.

    Each question is checked by its kind's rules (`Question.full_clean`); refused
    ones are reported with the reason, the accepted ones are created together (all
    or none). A question already in the bank (same kind, text and category) is
    refused, so importing a file again adds nothing twice. A file that cannot be
    read at all raises ValidationError and nothing is created.
    """
    fmt, parsed = questions_parse(filename=filename, content=content, fmt=fmt)
    existing = {
        (kind, text, category)
        for kind, text, category in bank.questions.values_list(
            "kind", "text", "category__name"
        )
    }
    rows: list[ImportRow] = []
    accepted: list[tuple[ImportRow, Question, str]] = []
    for item in parsed:
        row = ImportRow(
            number=item.number,
            label=item.label,
            source_type=item.source_type,
            kind_label=str(kind_for(item.kind).label) if item.kind else "",
            category=item.category,
            imported=False,
        )
        rows.append(row)
        if item.error:
            row.reasons = [item.error]
            continue
        question = Question(
            bank=bank,
            kind=item.kind,
            text=item.text,
            data=item.data,
            feedback=item.feedback,
            points=item.points,
        )
        try:
            question.full_clean(exclude=["bank", "category"])
        except ValidationError as exc:
            row.reasons = _field_messages(exc)
            continue
        key = (question.kind, question.text, item.category or None)
        if key in existing:
            row.reasons = [_("Soal yang sama sudah ada di bank ini.")]
            continue
        existing.add(key)
        row.imported, row.reasons = True, list(item.notes)
        accepted.append((row, question, item.category))
    categories = {
        name: QuestionCategory.objects.get_or_create(bank=bank, name=name)[0]
        for name in {category for _r, _q, category in accepted if category}
    }
    for _row, question, category in accepted:
        question.category = categories.get(category)
    created = Question.objects.bulk_create([q for _r, q, _c in accepted])
    for (row, _question, _category), question in zip(accepted, created, strict=True):
        row.question_id = question.pk
    return ImportReport(format=fmt, rows=rows)
