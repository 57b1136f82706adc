"""Reads of the assessments app: done-ness, the paper, results, gradebook, analysis."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone

from content.models import H5PActivity
from content.selectors import activity_scores
from courses.models import (
    Cohort,
    CoursePage,
    Enrollment,
    LessonActivity,
    LessonPage,
    LessonProgress,
)
from courses.progress import course_lessons, course_standing
from courses.scoring import score_that_counts
from courses.selectors import continue_lesson
from lms import scoping
from lms.models import User

from .models import Answer, Attempt, Question, Quiz
from .questions import kind_for

# ---------------------------------------------------------------- scores


def quiz_scores(
    *,
    quizzes: Iterable[Quiz | int],
    enrollments: Iterable[Enrollment | int],
    policy: str,
) -> dict[tuple[int, int], Decimal]:
    """(enrollment id, quiz id) → the score that counts (`courses.scoring`: best or
    last graded attempt, by the course's policy), in one query. Pairs without a
    graded attempt are absent."""
    rows = (
        Attempt.objects.filter(
            quiz__in=quizzes,
            enrollment__in=enrollments,
            status=Attempt.Status.GRADED,
        )
        .order_by("number")
        .values_list("enrollment_id", "quiz_id", "score")
    )
    best: dict[tuple[int, int], Decimal] = {}
    last: dict[tuple[int, int], Decimal] = {}
    for enrollment_id, quiz_id, score in rows:
        if score is None:  # a graded attempt always has one
            continue
        key = (enrollment_id, quiz_id)
        last[key] = score
        if key not in best or score > best[key]:
            best[key] = score
    return {
        key: score_that_counts(policy=policy, best=best[key], last=last[key])
        for key in last
    }


def quiz_score(*, quiz: Quiz, enrollment: Enrollment) -> Decimal | None:
    """The score that counts for one enrolment in one quiz (None before a graded
    attempt)."""
    return quiz_scores(
        quizzes=[quiz], enrollments=[enrollment], policy=enrollment.course.score_policy
    ).get((enrollment.pk, quiz.pk))


def quiz_is_done(*, quiz: Quiz, enrollment: Enrollment) -> bool:
    """A pre-test or practice is done when submitted; a post-test or module quiz
    when the score that counts reaches the pass mark."""
    if not quiz.must_pass:
        return Attempt.objects.filter(
            quiz=quiz,
            enrollment=enrollment,
            status__in=[Attempt.Status.GRADED, Attempt.Status.NEEDS_REVIEW],
        ).exists()
    score = quiz_score(quiz=quiz, enrollment=enrollment)
    return score is not None and score >= quiz.pass_mark


# ---------------------------------------------------------------- the quiz page


def quiz_for_participant(*, quiz: Quiz, user: User) -> dict:
    """What the quiz page (and the lesson's quiz block) show a participant."""
    enrollment = (
        Enrollment.objects.filter(user=user, course_id=quiz.course_id)
        .select_related("course")
        .first()
        if user.is_authenticated
        else None
    )
    attempts = (
        list(
            Attempt.objects.filter(quiz=quiz, enrollment=enrollment).order_by("number")
        )
        if enrollment
        else []
    )
    open_attempt = next((a for a in attempts if a.is_open), None)
    used = len(attempts)
    return {
        "quiz": quiz,
        "enrollment": enrollment,
        "attempts": attempts,
        "open_attempt": open_attempt,
        "score": quiz_score(quiz=quiz, enrollment=enrollment) if enrollment else None,
        "done": quiz_is_done(quiz=quiz, enrollment=enrollment) if enrollment else False,
        "attempts_left": (
            max(0, quiz.max_attempts - used) if quiz.max_attempts else None
        ),
        "question_count": sum(
            1 if s.question_id else s.count for s in quiz.slots.all()
        ),
    }


@dataclass
class PaperItem:
    number: int
    question: Question
    public: dict
    values: list[str] = field(default_factory=list)
    saved: bool = False

    @property
    def selects(self) -> list[tuple]:
        """Ordering and matching: (position, label, the value selected there)."""
        if self.question.kind == "ordering":
            labelled = self.public["items"]
        elif self.question.kind == "matching":
            labelled = list(enumerate(self.public["prompts"]))
        else:
            return []
        return [
            (pos, label, self.values[i] if i < len(self.values) else "")
            for i, (pos, label) in enumerate(labelled)
        ]


def attempt_paper(*, attempt: Attempt) -> list[PaperItem]:
    """The questions of an attempt as shown to the participant: no answers in them."""
    answers = {
        a.question_id: a
        for a in Answer.objects.filter(attempt=attempt).select_related("question")
    }
    items = []
    for number, entry in enumerate(attempt.layout, start=1):
        answer = answers[entry["q"]]
        kind = kind_for(answer.question.kind)
        items.append(
            PaperItem(
                number=number,
                question=answer.question,
                public=kind.public(answer.question.data, entry["o"]),
                values=kind.display_values(
                    answer.question.data, entry["o"], answer.response
                ),
                saved=answer.response is not None,
            )
        )
    return items


def _revealed(policy: str, *, quiz: Quiz, now: datetime) -> bool:
    if policy == Quiz.Reveal.AFTER_SUBMIT:
        return True
    if policy == Quiz.Reveal.AFTER_CLOSE:
        return quiz.closes_at is not None and now >= quiz.closes_at
    return False


def attempt_result(*, attempt: Attempt, now: datetime | None = None) -> dict:
    """The results page: score, pass or fail, and the feedback the quiz allows."""
    now = now or timezone.now()
    quiz = attempt.quiz
    show_feedback = _revealed(quiz.show_feedback, quiz=quiz, now=now)
    show_correct = _revealed(quiz.show_correct, quiz=quiz, now=now)
    rows = []
    answers = Answer.objects.filter(attempt=attempt).select_related("question")
    for number, answer in enumerate(answers, start=1):
        question = answer.question
        kind = kind_for(question.kind)
        rows.append(
            {
                "number": number,
                "question": question,
                "answered": answer.response is not None,
                "fraction": answer.fraction,
                "correct": answer.fraction is not None and answer.fraction >= 1,
                "pending": answer.fraction is None,
                "feedback": question.feedback if show_feedback else "",
                "grader_feedback": answer.grader_feedback if show_feedback else "",
                "correct_text": kind.correct_text(question.data)
                if show_correct
                else "",
            }
        )
    return {
        "attempt": attempt,
        "quiz": quiz,
        "rows": rows,
        "show_feedback": show_feedback,
        "show_correct": show_correct,
    }


# ---------------------------------------------------------------- instructors


@dataclass
class NextStep:
    """Where a result page sends the participant: the course finished (with its
    certificate), another try, or the lesson to study next and what is still
    missing."""

    course_done: bool = False
    retry: bool = False
    lesson: LessonPage | None = None
    lessons_missing: list[LessonPage] = field(default_factory=list)
    sessions_missing: int = 0


def result_next_step(*, attempt: Attempt) -> NextStep:
    """The next step after a quiz result, from the course's own rule (the
    enrolment's status and `course_standing`)."""
    enrollment = attempt.enrollment
    enrollment.refresh_from_db(fields=["status", "last_lesson"])
    if enrollment.status == Enrollment.Status.COMPLETED:
        return NextStep(course_done=True)
    quiz = attempt.quiz
    attempts_used = Attempt.objects.filter(quiz=quiz, enrollment=enrollment).count()
    retry = bool(
        quiz.must_pass
        and attempt.passed is False
        and (not quiz.max_attempts or attempts_used < quiz.max_attempts)
    )
    step = NextStep(
        retry=retry, lesson=continue_lesson(course=quiz.course, enrollment=enrollment)
    )
    if quiz.purpose == Quiz.Purpose.POSTTEST:
        completed = set(
            LessonProgress.objects.filter(
                enrollment=enrollment, status=LessonProgress.Status.COMPLETED
            ).values_list("lesson_id", flat=True)
        )
        step.lessons_missing = [
            lesson
            for lesson in course_lessons(quiz.course)
            if lesson.pk not in completed
        ]
        standing = course_standing(enrollment=enrollment)
        step.sessions_missing = max(
            0, standing.sessions_needed - standing.sessions_attended
        )
    return step


def courses_taught(*, user: User) -> QuerySet[CoursePage]:
    """Courses whose assessments a user may follow: admins all; instructors their Balai's."""
    return CoursePage.objects.filter(scoping.balai_q(user))


def cohorts_taught(*, user: User) -> QuerySet[Cohort]:
    return Cohort.objects.filter(course__in=courses_taught(user=user)).select_related(
        "course"
    )


def course_h5p_activities(*, course: CoursePage) -> list:
    """The H5P activities placed in the course's live lessons, in lesson order
    (through the explicit LessonActivity relation)."""
    ids = list(
        dict.fromkeys(
            LessonActivity.objects.filter(
                content_type=ContentType.objects.get_for_model(H5PActivity),
                lesson__in=LessonPage.objects.live().descendant_of(course),
            )
            .order_by("lesson__path", "sort_order")
            .values_list("object_id", flat=True)
        )
    )
    activities = H5PActivity.objects.in_bulk(ids)
    return [activities[i] for i in ids if i in activities]


def gradebook(*, cohort: Cohort) -> dict:
    """Participants × assessments of a cohort (quizzes, then the course's H5P
    activities by the course's score policy), with pre/post gain per participant."""
    course = cohort.course
    rank = {"pretest": 0, "module": 1, "practice": 2, "posttest": 3}
    quizzes = sorted(
        Quiz.objects.filter(course=course), key=lambda q: (rank[q.purpose], q.pk)
    )
    enrollments = list(
        Enrollment.objects.filter(cohort=cohort)
        .select_related("user", "user__cooperative")
        .order_by("user__full_name")
    )
    scores = quiz_scores(
        quizzes=quizzes, enrollments=enrollments, policy=course.score_policy
    )
    activities = course_h5p_activities(course=course)
    h5p = activity_scores(enrollments, activities) if activities else {}
    pre = [q for q in quizzes if q.purpose == Quiz.Purpose.PRETEST]
    post = [q for q in quizzes if q.purpose == Quiz.Purpose.POSTTEST]
    rows = []
    for enrollment in enrollments:
        pre_score = scores.get((enrollment.pk, pre[0].pk)) if pre else None
        post_score = scores.get((enrollment.pk, post[0].pk)) if post else None
        rows.append(
            {
                "enrollment": enrollment,
                "scores": [scores.get((enrollment.pk, q.pk)) for q in quizzes],
                "activity_scores": [
                    getattr(h5p.get((enrollment.pk, a.pk)), "percent", None)
                    for a in activities
                ],
                "gain": normalised_gain(pre=pre_score, post=post_score),
            }
        )
    return {
        "cohort": cohort,
        "quizzes": quizzes,
        "activities": activities,
        "rows": rows,
        "cohort_gain": cohort_gain(
            pairs=[
                (scores.get((e.pk, pre[0].pk)), scores.get((e.pk, post[0].pk)))
                for e in enrollments
            ]
            if pre and post
            else []
        ),
    }


def normalised_gain(*, pre: Decimal | None, post: Decimal | None) -> float | None:
    """Hake's normalised gain g = (post − pre) / (100 − pre), or None if unknown."""
    if pre is None or post is None:
        return None
    if pre >= 100:
        return None
    return round(float(post - pre) / float(100 - pre), 3)


def cohort_gain(*, pairs: list[tuple]) -> dict:
    """A cohort's gain from the participants who took both tests.

    `average_gain` is the mean of the participants' gains; `class_gain` is Hake's
    ⟨g⟩ from the cohort's average pre and post scores.
    """
    both = [(pre, post) for pre, post in pairs if pre is not None and post is not None]
    if not both:
        return {
            "count": 0,
            "pre": None,
            "post": None,
            "class_gain": None,
            "average_gain": None,
        }
    pre_avg = sum(float(p) for p, _ in both) / len(both)
    post_avg = sum(float(p) for _, p in both) / len(both)
    gains = [
        g for g in (normalised_gain(pre=p, post=q) for p, q in both) if g is not None
    ]
    return {
        "count": len(both),
        "pre": round(pre_avg, 1),
        "post": round(post_avg, 1),
        "class_gain": (
            round((post_avg - pre_avg) / (100 - pre_avg), 3) if pre_avg < 100 else None
        ),
        "average_gain": round(sum(gains) / len(gains), 3) if gains else None,
    }


def item_analysis(*, quiz: Quiz) -> list[dict]:
    """Per question: difficulty (share answering correctly) and discrimination.

    Discrimination is the upper-lower index: the share correct among the best 27% of
    graded attempts minus the share among the lowest 27% (−1..1; above 0.3 is good).
    """
    attempts = list(
        Attempt.objects.filter(quiz=quiz, status=Attempt.Status.GRADED)
        .order_by("score", "pk")
        .values_list("pk", flat=True)
    )
    group = max(1, round(len(attempts) * 0.27)) if attempts else 0
    lower, upper = set(attempts[:group]), set(attempts[-group:]) if group else set()
    stats: dict[int, dict] = {}
    answers = Answer.objects.filter(attempt_id__in=attempts).values_list(
        "question_id", "attempt_id", "fraction"
    )
    for question_id, attempt_id, fraction in answers:
        s = stats.setdefault(
            question_id, {"n": 0, "right": 0, "up": [0, 0], "low": [0, 0]}
        )
        right = fraction is not None and fraction >= 1
        s["n"] += 1
        s["right"] += right
        if attempt_id in upper:
            s["up"][0] += right
            s["up"][1] += 1
        if attempt_id in lower:
            s["low"][0] += right
            s["low"][1] += 1
    questions = Question.objects.in_bulk(list(stats))
    rows = []
    for question_id, s in stats.items():
        up = s["up"][0] / s["up"][1] if s["up"][1] else 0.0
        low = s["low"][0] / s["low"][1] if s["low"][1] else 0.0
        rows.append(
            {
                "question": questions[question_id],
                "answered": s["n"],
                "difficulty": round(s["right"] / s["n"], 2),
                "discrimination": round(up - low, 2),
            }
        )
    rows.sort(key=lambda r: r["question"].pk)
    return rows


def essay_queue(*, user: User) -> QuerySet[Answer]:
    """Essays waiting for a score, in the courses the user teaches."""
    return (
        Answer.objects.filter(
            question__kind="essay",
            fraction__isnull=True,
            attempt__status=Attempt.Status.NEEDS_REVIEW,
            attempt__quiz__course__in=courses_taught(user=user),
        )
        .select_related("question", "attempt__quiz", "attempt__enrollment__user")
        .order_by("attempt__submitted_at", "pk")
    )
