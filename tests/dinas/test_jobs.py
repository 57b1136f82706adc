"""Imports and exports are owed work (lms.outbox): owed in the transaction that
creates their row, sent again by the sweeper when the message is lost, claimed by
one worker at a time, and restarted safely after a worker died."""

import datetime

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from lms.dinas import services
from lms.dinas.models import ExportJob, JobStatus, ProgrammeImport
from lms.dinas.reconcile import counters_differences
from lms.dinas.tasks import programme_import_task
from lms.models import OwedWork, Role, User
from lms.outbox import outbox_sweep

CSV = (
    b"Nama Lengkap;No. HP;Email;Jabatan;Nama Koperasi;Kode Desa\r\n"
    b"Siti Aminah;0812-3456-7890;;Bendahara;KDMP Sungai;63.03.01.2001\r\n"
    b"Budi Santoso;0813-1111-2222;;Ketua;KDMP Sungai;63.03.01.2001\r\n"
)


def _upload(officer, django_capture_on_commit_callbacks, *, deliver: bool):
    with django_capture_on_commit_callbacks(execute=deliver):
        return services.programme_import_create(
            officer=officer, uploaded_file=SimpleUploadedFile("peserta.csv", CSV)
        )


def _participants() -> int:
    return User.objects.filter(role=Role.PARTICIPANT).count()


def test_an_import_is_owed_with_its_row_and_swept_when_its_message_is_lost(
    province_officer, django_capture_on_commit_callbacks
):
    job = _upload(province_officer, django_capture_on_commit_callbacks, deliver=False)
    owed = OwedWork.objects.get(task="lms.dinas.tasks.programme_import_task")
    assert owed.kwargs == {"import_id": job.pk} and owed.done_at is None
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING  # the message never reached a worker
    assert outbox_sweep() == 1  # the sweeper sends it (eager worker)
    job.refresh_from_db()
    owed.refresh_from_db()
    assert job.status == JobStatus.DONE and job.created_count == 2
    assert owed.done_at is not None
    assert _participants() == 2


def test_an_import_whose_worker_died_restarts_and_imports_once(
    province_officer, django_capture_on_commit_callbacks, monkeypatch
):
    job = _upload(province_officer, django_capture_on_commit_callbacks, deliver=False)

    def dies(**kwargs):
        real(**kwargs)  # the rows are written …
        raise SystemExit("worker killed")  # … and the worker dies before the end

    real = services.programme_rows_apply
    monkeypatch.setattr(services, "programme_rows_apply", dies)
    with pytest.raises(SystemExit):
        services.programme_import_run(import_id=job.pk)
    monkeypatch.undo()
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING  # as a killed worker leaves it
    assert _participants() == 0  # nothing half-written: rows and "done" commit together

    # While the claim is fresh, another delivery leaves the job to its worker …
    with pytest.raises(services.JobBusy):
        services.programme_import_run(import_id=job.pk)
    # … once it is older than the task's time limit, the next delivery takes over.
    ProgrammeImport.objects.filter(pk=job.pk).update(
        started_at=timezone.now() - datetime.timedelta(hours=1)
    )
    job = services.programme_import_run(import_id=job.pk)
    assert job.status == JobStatus.DONE and job.created_count == 2
    again = services.programme_import_run(import_id=job.pk)
    assert again.created_count == 2 and _participants() == 2
    assert counters_differences() == []


def test_a_delivery_that_finds_the_job_busy_leaves_the_work_owed(
    province_officer, django_capture_on_commit_callbacks
):
    job = _upload(province_officer, django_capture_on_commit_callbacks, deliver=False)
    owed = OwedWork.objects.get(task="lms.dinas.tasks.programme_import_task")
    ProgrammeImport.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, started_at=timezone.now()
    )
    result = programme_import_task.apply(
        kwargs={"import_id": job.pk, "owed_id": owed.pk}
    )
    assert result.state == "IGNORED"
    owed.refresh_from_db()
    assert owed.done_at is None  # the sweeper will ask again
    assert _participants() == 0


def test_an_export_built_twice_or_after_a_dead_worker_leaves_one_file(
    province_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        job = services.export_job_create(
            user=province_officer,
            table="regions",
            file_format="csv",
            params={"code": "63", "filters": {}},
        )
    assert OwedWork.objects.filter(
        task="lms.dinas.tasks.export_build_task", kwargs={"job_id": job.pk}
    ).exists()
    first = services.export_job_build(job_id=job.pk)
    assert first.status == JobStatus.DONE and first.rows > 0
    # As if its worker had died after the upload, before it recorded the end.
    ExportJob.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING,
        started_at=timezone.now() - datetime.timedelta(hours=1),
    )
    second = services.export_job_build(job_id=job.pk)
    assert second.status == JobStatus.DONE
    assert second.file.name == first.file.name
    folder, name = second.file.name.rsplit("/", 1)
    files = second.file.storage.listdir(folder)[1]
    assert [f for f in files if f.startswith(f"regions-{job.pk}")] == [name]
    assert services.export_job_build(job_id=job.pk).file.name == first.file.name
