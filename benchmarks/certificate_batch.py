"""Kalimantan Selatan's batch: 6,039 certificates issued end to end, timed.

    .venv/bin/python benchmarks/certificate_batch.py [--count 6039] [--concurrency 2]
        [--per-enrollment]

End to end means what the product does for completed enrolments. By default, the
cohort path: the instructor closes a blended cohort whose certificates wait for its
close (`certificates.services.cohorts.cohort_close`, the "Tutup angkatan dan
terbitkan sertifikat" action): one issue job
(`certificates.services.jobs.certificate_issue_job_create`) owes its chunks of 50
enrolments (`lms.outbox`) in the closing's transaction, and they are sent to Redis
when it commits;
`--per-enrollment`: the course-completion path, each completion owing its
`certificate_issue_task` (`certificates.services.issuing.certificate_owe`) in a
transaction of its own. A worker takes the issuer's next numbers (PostgreSQL row
lock), draws the PDFs with reportlab, uploads them to S3 (moto's server mode on a
loopback port, over HTTP, through django-storages and boto3), marks the records
VALID with the Dinas counters in the same transaction, and owes the email
notification (dummy mail backend); an issue job counts its progress after each
chunk.

Set-up (not timed): a scratch PostgreSQL database `balai_bench_certificates`
(dropped and migrated each run), Kalimantan Selatan's regions, one Balai with its
certificate template, one course, and `--count` participants (3 per village,
one cooperative per village) with completed enrolments, all but the first in one
cohort whose certificates are issued at its close (the first, outside it, warms
the worker); moto's S3 server in its
own process; one Celery worker process (prefork, `--concurrency` children) on a
queue of its own. Timed: from the job's creation (or the first completion owed)
until every certificate is VALID (the notification tasks that follow are counted
when they run in the window). Then the result is checked: one certificate per
enrolment, numbers 1..N without gaps, one object per certificate in the bucket,
the job DONE with all of its certificates counted.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = REPO / ".venv" / "bin" / "python"
MOTO = REPO / ".venv" / "bin" / "moto_server"
DB_NAME = "balai_bench_certificates"
DB_URL = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
TARGET_SECONDS = 60.0
KALSEL_BATCH = 6039
BUCKET = "balai-bench-certificates"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(s3_url: str, queue: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings.dev",
        DJANGO_DEBUG="False",
        DATABASE_URL=DB_URL,
        DATABASE_CONN_MAX_AGE="600",
        CELERY_TASK_ALWAYS_EAGER="False",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/11",
        EMAIL_URL="dummymail://",
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=s3_url,
        AWS_S3_REGION_NAME="us-east-1",
        AWS_ACCESS_KEY_ID="bench",
        AWS_SECRET_ACCESS_KEY="bench",  # noqa: S106 - moto accepts anything
        SITE_URL="https://balaidaring.id",
        BENCH_QUEUE=queue,
        PYTHONPATH=str(REPO),
        BALAI_SKIP_VENV="1",
        DJANGO_LOG_LEVEL="WARNING",
    )
    return env


def _database_recreate() -> None:
    import psycopg

    with psycopg.connect(
        "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its live descendants."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                todo.extend(int(c) for c in children)
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def _wait_port(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise SystemExit(f"nothing listens on port {port}")


# ------------------------------------------------------------------ in Django


def _django() -> None:
    sys.path.insert(0, str(REPO))
    import django

    django.setup()


def _data_create(count: int) -> list[int]:
    """Regions, a Balai with its template, a course, participants, enrolments."""
    from django.utils import timezone

    from benchmarks._people import participants_bulk_create
    from certificates.models import CertificateTemplate
    from courses.demo import catalogue_get_or_create, tracks_load
    from courses.models import Cohort, CoursePage, Enrollment
    from lms.models import Balai, Province, Village
    from lms.services import wilayah_load

    wilayah_load(province_code="63")
    balai = Balai.objects.create(
        name="Balai Pelatihan Koperasi Kalimantan Selatan",
        code="bplk-kalsel",
        province=Province.objects.get(pk="63"),
    )
    CertificateTemplate.objects.create(
        name="Templat Kalsel",
        balai=balai,
        issuer_name=balai.name,
        signatory_1_name="Dr. H. Muhammad Noor, S.E., M.M.",
        signatory_1_title="Kepala Balai Pelatihan Koperasi",
        signatory_1_nip="197203151998031004",
        signatory_2_name="Hj. Siti Aisyah, S.Pd., M.Si.",
        signatory_2_title="Koordinator Widyaiswara",
        signatory_2_nip="198005202006042012",
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

    villages = list(Village.objects.filter(province_id="63").order_by("code"))
    users = participants_bulk_create(count, villages)
    now = timezone.now()
    cohort = Cohort.objects.create(
        course=course,
        name="Angkatan Kalsel 2026",
        starts_on=now.date(),
        ends_on=now.date(),
        province_id="63",
        certificates_at_close=True,
    )
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(
            user=user,
            course=course,
            cohort=cohort if n else None,  # the first warms the worker
            status=Enrollment.Status.COMPLETED,
            progress_percent=100,
            started_at=now,
            completed_at=now,
        )
        for n, user in enumerate(users)
    )
    return [e.pk for e in enrollments]


def _worker_main(concurrency: int) -> None:
    """Run as the worker process: a Celery worker on the benchmark's own queue."""
    _django()
    from lms.celery import app

    app.conf.task_default_queue = os.environ["BENCH_QUEUE"]
    app.worker_main(
        [
            "worker",
            "--pool=prefork",
            f"--concurrency={concurrency}",
            f"--queues={os.environ['BENCH_QUEUE']}",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=WARNING",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=KALSEL_BATCH)
    parser.add_argument("--concurrency", type=int, default=os.cpu_count() or 2)
    parser.add_argument(
        "--per-enrollment",
        action="store_true",
        help="one owed certificate_issue_task per enrolment (the course-completion "
        "path) instead of closing the cohort: one issue job in chunks of 50",
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        default=None,
        help="enrolments per chunk of the issue job "
        "(default: certificates.services.jobs.ISSUE_BATCH_SIZE)",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker_main(args.concurrency)
        return

    queue = f"bench-certificates-{uuid.uuid4().hex[:8]}"
    s3_port = _free_port()
    s3_url = f"http://127.0.0.1:{s3_port}"
    env = _env(s3_url, queue)
    os.environ.update(env)

    print(f"[set-up: database {DB_NAME}, moto S3 on {s3_url}, queue {queue}]")
    _database_recreate()
    subprocess.run(  # noqa: S603
        [str(PYTHON), "manage.py", "migrate", "--noinput", "-v0"],
        cwd=REPO,
        env=env,
        check=True,
    )
    moto = subprocess.Popen(  # noqa: S603
        [str(MOTO), "-H", "127.0.0.1", "-p", str(s3_port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    worker = None
    try:
        _wait_port(s3_port)
        import boto3

        boto3.client(
            "s3",
            endpoint_url=s3_url,
            region_name="us-east-1",
            aws_access_key_id="bench",
            aws_secret_access_key="bench",  # noqa: S106
        ).create_bucket(Bucket=BUCKET)

        _django()
        from django.db import connection, transaction

        from certificates.models import (
            Certificate,
            CertificateEvent,
            CertificateJob,
            IssuerSequence,
        )
        from certificates.services.cohorts import cohort_close
        from certificates.services.issuing import certificate_owe
        from certificates.services.jobs import ISSUE_BATCH_SIZE
        from courses.models import Cohort, Enrollment
        from lms.celery import app

        # Owed work is sent to the benchmark's own queue.
        app.conf.task_default_queue = queue

        started = time.perf_counter()
        enrollment_ids = _data_create(args.count)
        print(
            f"[set-up: {len(enrollment_ids)} completed enrolments in "
            f"{time.perf_counter() - started:.0f} s]"
        )
        worker = subprocess.Popen(  # noqa: S603
            [
                str(PYTHON),
                __file__,
                "--worker",
                f"--concurrency={args.concurrency}",
            ],
            cwd=REPO,
            env=env,
        )
        # Warm the worker children (imports, fonts, the template's layout) on
        # the first certificate, as a worker that already served the programme.
        with transaction.atomic():
            certificate_owe(enrollment_id=enrollment_ids[0])
        _wait_valid(Certificate, 1, timeout=120)
        connection.close()

        if args.per_enrollment:
            # The completion path: enrolments outside a cohort held until its close.
            Enrollment.objects.filter(cohort__isnull=False).update(cohort=None)
        load_before = os.getloadavg()
        cpu_before = {
            "worker": _cpu_seconds(worker.pid),
            "moto": _cpu_seconds(moto.pid),
        }
        batch_size = args.batch_size or ISSUE_BATCH_SIZE
        t0 = time.perf_counter()
        rest = enrollment_ids[1:]
        job = None
        if args.per_enrollment:
            for enrollment_id in rest:
                with transaction.atomic():
                    certificate_owe(enrollment_id=enrollment_id)
        else:
            closing = cohort_close(
                cohort=Cohort.objects.get(), actor=None, batch_size=batch_size
            )
            job = closing.job
            assert job is not None and job.total == len(rest)
        enqueued = time.perf_counter() - t0
        _wait_valid(Certificate, len(enrollment_ids), timeout=1800)
        elapsed = time.perf_counter() - t0
        issued = len(enrollment_ids) - 1
        cpu = {
            "worker": _cpu_seconds(worker.pid) - cpu_before["worker"],
            "moto": _cpu_seconds(moto.pid) - cpu_before["moto"],
        }
        load_after = os.getloadavg()

        # Check the result.
        seqs = sorted(Certificate.objects.values_list("seq", flat=True))
        gapless = seqs == list(range(1, len(enrollment_ids) + 1))
        sequence = IssuerSequence.objects.get().last_value
        events = CertificateEvent.objects.filter(action="issued").count()
        without_file = Certificate.objects.filter(file="").count()
        job_done = True
        if job is not None:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                job.refresh_from_db()
                if job.status == CertificateJob.Status.DONE:
                    break
                time.sleep(0.25)
            job_done = (job.status, job.done, job.total) == ("done", issued, issued)
        from lms.dinas.reconcile import counters_differences

        # The set-up enrols without counters; the certificates' figures must agree.
        figures = ("certified", "covering", "covered", "courses_covered")
        disagree = [
            d
            for d in counters_differences()
            if any(d.stored.get(f) != d.computed.get(f) for f in figures)
        ]
        s3 = boto3.resource(
            "s3",
            endpoint_url=s3_url,
            region_name="us-east-1",
            aws_access_key_id="bench",
            aws_secret_access_key="bench",  # noqa: S106
        )
        objects = sum(
            1 for _ in s3.Bucket(BUCKET).objects.filter(Prefix="private/certificates/")
        )
        sizes = [
            o.size
            for _, o in zip(
                range(50),
                s3.Bucket(BUCKET).objects.filter(Prefix="private/certificates/"),
                strict=False,
            )
        ]
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)
        moto.terminate()
        moto.wait(timeout=30)

    rate = issued / elapsed
    batch_seconds = KALSEL_BATCH / rate
    print()
    mode = (
        "an owed certificate_issue_task per completion"
        if args.per_enrollment
        else f"closing the cohort: one issue job, chunks of {batch_size}"
    )
    print(f"machine: {os.cpu_count()} cores; Celery prefork x{args.concurrency}")
    print(f"path: {mode}")
    print(
        "load average (1, 5, 15 min) before: "
        + ", ".join(f"{x:.1f}" for x in load_before)
        + "; after: "
        + ", ".join(f"{x:.1f}" for x in load_after)
    )
    print(f"certificates issued (timed):   {issued}")
    print(f"owe and send time:             {enqueued:.1f} s")
    print(f"wall time, enqueue → all VALID: {elapsed:.1f} s")
    print(f"throughput:                    {rate:.1f} certificates/s")
    print(f"Kalsel batch ({KALSEL_BATCH}) at this rate: {batch_seconds:.1f} s")
    print(f"target:                        {TARGET_SECONDS:.0f} s")
    print(
        f"ratio (target / measured):     {TARGET_SECONDS / batch_seconds:.2f}"
        f"  ({'meets' if batch_seconds <= TARGET_SECONDS else 'MISSES'} the target)"
    )
    per = {name: seconds / issued * 1000 for name, seconds in cpu.items()}
    print(
        f"CPU per certificate:           worker {per['worker']:.1f} ms, "
        f"moto S3 {per['moto']:.1f} ms (PostgreSQL and Redis not counted)"
    )
    cores = os.cpu_count() or 2
    quiet = KALSEL_BATCH * sum(per.values()) / 1000 / cores
    print(
        f"Kalsel batch, CPU-bound bound on {cores} idle cores: {quiet:.1f} s "
        "(worker + moto CPU / cores)"
    )
    print(f"mean PDF size:                 {sum(sizes) / max(len(sizes), 1):,.0f} B")
    print(
        f"checks: numbers 1..{len(seqs)} without gaps: {gapless}; "
        f"sequence at {sequence}; objects in bucket: {objects}"
    )
    print(
        f"checks: 'issued' events: {events}; VALID without a file: {without_file}; "
        f"Dinas counters disagreeing with the raw rows: {len(disagree)}"
    )
    if job is not None:
        print(f"checks: job {job.status}, {job.done}/{job.total} counted")
    if not (
        gapless
        and objects == len(enrollment_ids) == sequence == events
        and not without_file
        and not disagree
        and job_done
    ):
        raise SystemExit("the batch does not check out")


def _wait_valid(model, expected: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if model.objects.filter(status="valid").count() >= expected:
            return
        time.sleep(0.25)
    raise SystemExit(f"timed out waiting for {expected} certificates")


if __name__ == "__main__":
    main()
