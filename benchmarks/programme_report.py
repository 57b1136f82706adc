"""The programme report (laporan pelaksanaan) of a cohort of 6,039 participants,
timed: PDF and XLSX, target 30 s for the PDF.

    .venv/bin/python benchmarks/programme_report.py [--count 6039] [--sessions 3]

Set-up (not timed): a scratch PostgreSQL database `balai_bench_report` (dropped
and migrated each run), Kalimantan Selatan's regions, a Balai, a course with a
pre-test and a post-test, `--count` participants (3 per village, one cooperative
per village) in one blended cohort with `--sessions` sessions and narasumber,
every participant's attendance of every session, graded pre/post attempts, an
offline component's scores, valid certificates for those who completed, and
the evaluation answered by two thirds of them with comments.

Timed, in this process, one after the other: reading the report's facts
(`lms.dinas.programme.data.programme_report`), drawing the PDF
(`lms.dinas.programme.pdf`), writing the XLSX (`lms.dinas.programme.xlsx`).

Baseline, measured in the same run: reportlab's own floor for the same pages —
a canvas drawing the same cells as plain strings at the same positions, no
tables, no styles, no fitting (the least any reportlab PDF of this report costs
on this machine at this moment). The report's ratio to it says how much the
layout adds; the ratio to the target says whether it meets it.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = REPO / ".venv" / "bin" / "python"
DB_NAME = "balai_bench_report"
DB_URL = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
TARGET_SECONDS = 30.0
KALSEL_BATCH = 6039


def _database_recreate() -> None:
    import psycopg

    with psycopg.connect(
        "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings.dev",
        DJANGO_DEBUG="False",
        DATABASE_URL=DB_URL,
        CELERY_TASK_ALWAYS_EAGER="True",
        PYTHONPATH=str(REPO),
        BALAI_SKIP_VENV="1",
        DJANGO_LOG_LEVEL="WARNING",
    )
    return env


def _data_create(count: int, sessions: int):
    import datetime
    import secrets
    from decimal import Decimal

    from django.utils import timezone

    from assessments.models import Attempt, Quiz
    from benchmarks._people import participants_bulk_create
    from certificates.models import Certificate
    from courses.blended.services import evaluation_expected
    from courses.demo import catalogue_get_or_create, tracks_load
    from courses.models import (
        Attendance,
        Cohort,
        CoursePage,
        Enrollment,
        EvaluationAnswer,
        EvaluationResponse,
        EvaluationSubmission,
        OfflineComponent,
        OfflineResult,
        Session,
        Speaker,
    )
    from lms.models import Balai, Province, Village
    from lms.services import wilayah_load

    wilayah_load(province_code="63")
    balai = Balai.objects.create(
        name="Balai Pelatihan Koperasi Kalimantan Selatan",
        code="bplk-kalsel",
        province=Province.objects.get(pk="63"),
    )
    tracks = tracks_load()
    course = CoursePage(
        title="Manajemen dan Kelembagaan Koperasi Desa Merah Putih",
        slug="manajemen-kdkmp",
        code="MK",
        track=next(iter(tracks.values())),
        balai=balai,
        summary="Tata kelola koperasi desa.",
        objectives="<ul><li>Tata kelola</li></ul>",
        jp=16,
    )
    catalogue_get_or_create().add_child(instance=course)
    pre = Quiz.objects.create(course=course, title="Pre-test", purpose="pretest")
    post = Quiz.objects.create(course=course, title="Post-test", purpose="posttest")
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        course=course,
        name="Angkatan Kalimantan Selatan 2026",
        starts_on=today - datetime.timedelta(days=10),
        ends_on=today,
        province_id="63",
        funding_source="dekon",
        budget_year=2026,
        budget_line="DIPA-044.01.2.630001/2026",
        attendance_min_percent=60,
        certificates_at_close=True,
        signatory_name="Dr. H. Muhammad Noor, S.E., M.M.",
        signatory_title="Kepala Balai Pelatihan Koperasi Kalimantan Selatan",
        signatory_nip="197203151998031004",
        report_place="Banjarbaru",
        closed_at=timezone.now(),
    )
    speakers = [
        Speaker.objects.create(cohort=cohort, name=name, institution=inst)
        for name, inst in [
            ("Dr. Hj. Rahmi Hidayati, M.Si.", "Universitas Lambung Mangkurat"),
            ("Ir. Bambang Sutejo, Ak., CA", "Bank Kalsel"),
            ("H. Syahrani", "KSP Sejahtera Bersama"),
        ]
    ]
    kinds = ["tatap_muka", "kunjungan", "webinar"]
    rows = []
    for n in range(sessions):
        start = timezone.now() - datetime.timedelta(days=9 - n, hours=3)
        session = Session.objects.create(
            cohort=cohort,
            kind=kinds[n % 3],
            title=f"Sesi {n + 1}: tata kelola, SAK EP dan simpan pinjam",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=3),
            timezone="Asia/Makassar",
            place="Aula Balai Pelatihan Koperasi, Banjarbaru",
            jp=4,
        )
        session.speakers.add(speakers[n % len(speakers)])
        rows.append(session)
    component = OfflineComponent.objects.create(
        cohort=cohort, name="Ujian praktik", pass_mark=Decimal(70)
    )

    villages = list(
        Village.objects.filter(province_id="63")
        .select_related("district", "regency")
        .order_by("code")
    )
    users = participants_bulk_create(count, villages)
    now = timezone.now()
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(
            user=user,
            course=course,
            cohort=cohort,
            status="completed" if n % 10 else "in_progress",
            progress_percent=100 if n % 10 else 60,
            started_at=now,
            completed_at=now if n % 10 else None,
        )
        for n, user in enumerate(users)
    )
    statuses = ["hadir"] * 7 + ["terlambat", "izin", "alpa"]
    Attendance.objects.bulk_create(
        Attendance(
            session=session,
            enrollment=e,
            status=statuses[(n + s) % len(statuses)],
            method="list",
            marked_at=session.starts_at,
        )
        for n, e in enumerate(enrollments)
        for s, session in enumerate(rows)
    )
    Attempt.objects.bulk_create(
        Attempt(
            quiz=quiz,
            enrollment=e,
            number=1,
            status="graded",
            started_at=now,
            submitted_at=now,
            score=Decimal(score),
            passed=score >= 70,
        )
        for n, e in enumerate(enrollments)
        for quiz, score in ((pre, 30 + n % 40), (post, 60 + n % 40))
    )
    OfflineResult.objects.bulk_create(
        OfflineResult(component=component, enrollment=e, score=Decimal(60 + n % 40))
        for n, e in enumerate(enrollments)
    )
    done = [e for e in enrollments if e.completed_at]
    Certificate.objects.bulk_create(
        Certificate(
            enrollment=e,
            number=f"{n + 1:04d}/MK/63/2026",
            code=secrets.token_urlsafe(16),
            issuer_key="bplk-kalsel",
            seq=n + 1,
            year=2026,
            status="valid",
            file=f"certificates/bench/{n}.pdf",
            holder_name=e.user.full_name,
            course_title=course.title,
            issuer_name=balai.name,
            completed_on=today,
            issued_at=now,
        )
        for n, e in enumerate(done)
    )
    expected = evaluation_expected(cohort=cohort)
    answering = enrollments[: count * 2 // 3]
    EvaluationSubmission.objects.bulk_create(
        EvaluationSubmission(cohort=cohort, enrollment=e) for e in answering
    )
    responses = EvaluationResponse.objects.bulk_create(
        EvaluationResponse(
            cohort=cohort,
            comment_material="Materi SAK EP perlu contoh koperasi desa."
            if n % 5 == 0
            else "",
            comment_organisation="Jadwal kunjungan terlalu padat."
            if n % 7 == 0
            else "",
        )
        for n in range(len(answering))
    )
    EvaluationAnswer.objects.bulk_create(
        (
            EvaluationAnswer(
                response=r, item=item, speaker_id=speaker, score=1 + (n + i) % 5
            )
            for n, r in enumerate(responses)
            for i, (item, speaker) in enumerate(expected)
        ),
        batch_size=5000,
    )
    return cohort


def _baseline_pdf(report) -> bytes:
    """reportlab's floor: the same cells as plain strings on a canvas, page by page."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from certificates.pdf.fonts import FONT_REGULAR

    page_w, page_h = landscape(A4)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(page_w, page_h))
    per_page = 29
    tables = [
        [
            [
                str(p.number),
                p.name,
                p.position,
                p.cooperative,
                p.village,
                p.district,
                p.regency,
            ]
            for p in report.participants
        ],
        [
            [str(p.number), p.name, p.village, *p.marks, f"{p.attendance_percent}%"]
            for p in report.participants
        ],
        [
            [
                str(p.number),
                p.name,
                str(p.pre),
                str(p.post),
                str(p.gain),
                *map(str, p.offline),
                p.certificate_number,
            ]
            for p in report.participants
        ],
    ]
    for rows in tables:
        for start in range(0, len(rows), per_page):
            canvas.setFont(FONT_REGULAR, 7.6)
            y = page_h - 60
            for row in rows[start : start + per_page]:
                x = 40
                for cell in row:
                    canvas.drawString(x, y, cell)
                    x += 100
                y -= 14.7
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=KALSEL_BATCH)
    parser.add_argument("--sessions", type=int, default=3)
    args = parser.parse_args()
    env = _env()
    os.environ.update(env)
    print(f"[set-up: database {DB_NAME}]")
    _database_recreate()
    subprocess.run(  # noqa: S603
        [str(PYTHON), "manage.py", "migrate", "--noinput", "-v0"],
        cwd=REPO,
        env=env,
        check=True,
    )
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.utils import translation

    from lms.dinas.programme.data import programme_report
    from lms.dinas.programme.pdf import programme_report_pdf
    from lms.dinas.programme.xlsx import programme_report_xlsx

    translation.activate("id")
    started = time.perf_counter()
    cohort = _data_create(args.count, args.sessions)
    print(
        f"[set-up: {args.count} participants in {time.perf_counter() - started:.0f} s]"
    )

    load_before = os.getloadavg()
    t0 = time.perf_counter()
    report = programme_report(cohort=cohort)
    t_data = time.perf_counter() - t0
    t0 = time.perf_counter()
    pdf = programme_report_pdf(report)
    t_pdf = time.perf_counter() - t0
    t0 = time.perf_counter()
    xlsx = programme_report_xlsx(report)
    t_xlsx = time.perf_counter() - t0
    t0 = time.perf_counter()
    baseline = _baseline_pdf(report)
    t_base = time.perf_counter() - t0
    load_after = os.getloadavg()

    pages = len(re.findall(rb"/Type /Page[^s]", pdf))
    base_pages = len(re.findall(rb"/Type /Page[^s]", baseline))
    total = t_data + t_pdf
    print()
    print(f"machine: {os.cpu_count()} cores")
    print(
        "load average (1, 5, 15 min) before: "
        + ", ".join(f"{x:.1f}" for x in load_before)
        + "; after: "
        + ", ".join(f"{x:.1f}" for x in load_after)
    )
    print(f"participants: {len(report.participants)}; sessions: {len(report.sessions)}")
    print(f"facts read (programme_report):  {t_data:.2f} s")
    print(
        f"PDF drawn:                      {t_pdf:.2f} s ({pages} pages, {len(pdf) / 1e6:.1f} MB)"
    )
    print(f"XLSX written:                   {t_xlsx:.2f} s ({len(xlsx) / 1e6:.1f} MB)")
    print(f"report PDF, facts + drawing:    {total:.2f} s")
    print(
        f"baseline (reportlab canvas, same cells, {base_pages} pages): {t_base:.2f} s"
    )
    print(f"ratio report PDF / baseline:    {total / t_base:.2f}")
    print(f"target:                         {TARGET_SECONDS:.0f} s")
    print(
        f"ratio (target / measured):      {TARGET_SECONDS / total:.2f}"
        f"  ({'meets' if total <= TARGET_SECONDS else 'MISSES'} the target)"
    )
    if len(report.participants) != args.count:
        raise SystemExit("the report does not hold every participant")


if __name__ == "__main__":
    main()
