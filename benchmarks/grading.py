"""Server time to grade a submitted 40-question attempt, and the cost of saving one answer.

    .venv/bin/python benchmarks/grading.py [--attempts N]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/balai_bench_grading \
        .venv/bin/python benchmarks/grading.py

Builds a scratch database (a SQLite file in the temp folder unless DATABASE_URL names
PostgreSQL), a course with one lesson holding a 40-question post-test (every
auto-graded kind: single, multiple, true/false, numeric, short, ordering, matching),
and N participants (default 50). Each participant starts an attempt and saves 40
answers through `answer_save` (timed; the queries of each save are counted); then
`attempt_submit` grades it (timed: grading, the attempt's score, and the result
landing in the lesson's and course's progress, up to the certificate being owed
in the same transaction). Prints the median and 95th
percentile against the targets: grading under 50 ms; one write per saved answer.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SCRATCH = Path(tempfile.gettempdir()) / "balai-bench-grading.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{SCRATCH}")

GRADE_TARGET_MS = 50.0
SAVE_TARGET_WRITES = 1
QUESTIONS = 40
KINDS = ["single", "multiple", "truefalse", "numeric", "short", "ordering", "matching"]


def setup_database() -> None:
    import django

    if os.environ["DATABASE_URL"].startswith("sqlite") and SCRATCH.exists():
        SCRATCH.unlink()
    if os.environ["DATABASE_URL"].startswith("postgres"):
        import psycopg

        name = os.environ["DATABASE_URL"].rsplit("/", 1)[1]
        with psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
        ) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(participants: int):
    from assessments.factories import (
        SAMPLE_RIGHT,
        QuestionBankFactory,
        QuestionFactory,
        QuizFactory,
        quiz_place_in_lesson,
    )
    from assessments.models import QuizSlot
    from courses.factories import course_tree
    from courses.models import Enrollment, LessonPage
    from lms.models import Role, User

    course = course_tree(modules=1, lessons=1)
    bank = QuestionBankFactory(course=course)
    quiz = QuizFactory(course=course, purpose="posttest", time_limit_minutes=60)
    for order in range(QUESTIONS):
        question = QuestionFactory(bank=bank, kind=KINDS[order % len(KINDS)])
        QuizSlot.objects.create(quiz=quiz, question=question, sort_order=order)
    quiz_place_in_lesson(
        quiz=quiz, lesson=LessonPage.objects.descendant_of(course).get()
    )
    enrollments = []
    for n in range(participants):
        user = User.objects.create_user(
            email=f"bench{n}@contoh.id", full_name=f"Peserta {n}", role=Role.PARTICIPANT
        )
        enrollments.append(Enrollment.objects.create(user=user, course=course))
    return quiz, enrollments, SAMPLE_RIGHT


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=50)
    args = parser.parse_args()
    setup_database()

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from assessments.services import answer_save, attempt_start, attempt_submit

    quiz, enrollments, right = build(args.attempts)
    # Owed work (the certificate owed by a completion, an attempt's expiry) is a row
    # written in the transaction (lms.outbox); a Celery worker does it after the
    # commit, not the request: record each send instead of running it eagerly here.
    from lms import outbox
    from lms.models import OwedWork

    sent: list[int] = []
    outbox.work_send = lambda *, owed_id: bool(sent.append(owed_id))

    # Time the progress update (courses.progress) apart from the grading itself.
    from assessments import services

    progress_ms: list[float] = []
    recorded = services.activity_result_recorded

    def timed_recorded(**kwargs):
        start = time.perf_counter()
        recorded(**kwargs)
        progress_ms.append((time.perf_counter() - start) * 1000)

    services.activity_result_recorded = timed_recorded
    grade_ms, save_ms, save_queries, save_writes = [], [], [], []
    submit_queries: list[int] = []
    for enrollment in enrollments:
        attempt = attempt_start(quiz=quiz, enrollment=enrollment)
        for answer in attempt.answers.select_related("question"):
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                answer_save(
                    attempt=attempt,
                    question=answer.question,
                    response=right[answer.question.kind],
                )
                save_ms.append((time.perf_counter() - start) * 1000)
            save_queries.append(len(ctx.captured_queries))
            save_writes.append(
                sum(
                    1
                    for q in ctx.captured_queries
                    if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))
                )
            )
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            attempt, graded = attempt_submit(attempt=attempt)
            grade_ms.append((time.perf_counter() - start) * 1000)
        submit_queries.append(len(ctx.captured_queries))
        assert graded and attempt.score == 100, attempt.score
    owed = OwedWork.objects.filter(task="certificates.tasks.certificate_issue_task")
    assert owed.count() == len(enrollments)  # each enrolment completed once

    def p95(values):
        return sorted(values)[int(len(values) * 0.95) - 1]

    grade_median = statistics.median(grade_ms)
    print(
        f"database: {connection.vendor}; {args.attempts} attempts of {QUESTIONS} questions"
    )
    print(
        f"grading one submitted attempt: median {grade_median:.1f} ms, "
        f"p95 {p95(grade_ms):.1f} ms (target < {GRADE_TARGET_MS:.0f} ms; "
        f"ratio target/median {GRADE_TARGET_MS / grade_median:.1f}×)"
    )
    own = [
        total - progress for total, progress in zip(grade_ms, progress_ms, strict=True)
    ]
    print(
        f"  of which grading (lock, read, grade, write fractions and score, commit): median "
        f"{statistics.median(own):.1f} ms; progress and completion (courses.progress): "
        f"median {statistics.median(progress_ms):.1f} ms"
    )
    print(
        f"  database round trips per submit (BEGIN … COMMIT): median "
        f"{statistics.median(submit_queries):.0f}, max {max(submit_queries)}"
    )
    print(
        f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print(
        f"saving one answer: {max(save_writes)} write(s) and {max(save_queries)} "
        f"query in all, median {statistics.median(save_ms):.2f} ms, "
        f"p95 {p95(save_ms):.2f} ms (target {SAVE_TARGET_WRITES} write; ratio "
        f"{SAVE_TARGET_WRITES / max(save_writes):.1f})"
    )


if __name__ == "__main__":
    main()
