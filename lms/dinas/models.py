"""Counters per village × course, moved in the same transaction as the progress.

The Dinas dashboards read this small table, never millions of progress rows;
`manage.py counters_reconcile` recomputes it from scratch to prove it agrees.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class VillageCourseCounter(models.Model):
    village = models.ForeignKey(
        "lms.Village", on_delete=models.CASCADE, related_name="course_counters"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="village_counters"
    )
    # Denormalised from the village so a regency or province sums with one index.
    regency = models.ForeignKey(
        "lms.Regency", on_delete=models.CASCADE, related_name="+"
    )
    province = models.ForeignKey(
        "lms.Province", on_delete=models.CASCADE, related_name="+"
    )
    enrolled = models.PositiveIntegerField(_("terdaftar"), default=0)
    started = models.PositiveIntegerField(_("mulai belajar"), default=0)
    completed = models.PositiveIntegerField(_("selesai"), default=0)
    certified = models.PositiveIntegerField(_("bersertifikat"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["village", "course"], name="village_course_counter_unique"
            )
        ]
        indexes = [
            models.Index(fields=["province", "course"]),
            models.Index(fields=["regency", "course"]),
        ]

    def __str__(self) -> str:
        return f"{self.village_id} × {self.course_id}"


class CompletionWeek(models.Model):
    """Completions per village × course × week (Monday), for the weekly trend.

    Moved with `VillageCourseCounter.completed`, in the same transaction.
    """

    village = models.ForeignKey(
        "lms.Village", on_delete=models.CASCADE, related_name="+"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="+"
    )
    regency = models.ForeignKey(
        "lms.Regency", on_delete=models.CASCADE, related_name="+"
    )
    province = models.ForeignKey(
        "lms.Province", on_delete=models.CASCADE, related_name="+"
    )
    week = models.DateField(_("minggu"))
    completed = models.PositiveIntegerField(_("selesai"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["village", "course", "week"], name="completion_week_unique"
            )
        ]
        indexes = [
            models.Index(fields=["province", "week"]),
            models.Index(fields=["regency", "week"]),
        ]

    def __str__(self) -> str:
        return f"{self.village_id} × {self.course_id} @ {self.week}"


class JobStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu")
    RUNNING = "running", _("Sedang diproses")
    DONE = "done", _("Selesai")
    FAILED = "failed", _("Gagal")


def _private_storage():
    from django.core.files.storage import storages

    return storages["private"]


class ProgrammeImport(models.Model):
    """One upload of a programme's participant list, processed in Celery."""

    uploaded_by = models.ForeignKey(
        "lms.User", on_delete=models.PROTECT, related_name="programme_imports"
    )
    file = models.FileField(
        _("berkas"), upload_to="dinas/imports/%Y/%m/", storage=_private_storage
    )
    original_name = models.CharField(_("nama berkas"), max_length=255)
    cohort = models.ForeignKey(
        "courses.Cohort",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("angkatan"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.PENDING
    )
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(_("baru"), default=0)
    updated_count = models.PositiveIntegerField(_("diperbarui"), default=0)
    unchanged_count = models.PositiveIntegerField(_("tidak berubah"), default=0)
    refused_count = models.PositiveIntegerField(_("ditolak"), default=0)
    enrolled_count = models.PositiveIntegerField(
        _("didaftarkan ke angkatan"), default=0
    )
    # [{"line": 5, "field": "nomor_hp", "value": "0812", "code": "...", "reason": "..."}]
    refused_rows = models.JSONField(default=list, blank=True)
    error = models.TextField(_("kesalahan"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("impor peserta")
        verbose_name_plural = _("impor peserta")

    def __str__(self) -> str:
        return self.original_name

    @property
    def percent(self) -> int:
        if self.status == JobStatus.DONE:
            return 100
        if not self.total_rows:
            return 0
        return min(99, round(100 * self.processed_rows / self.total_rows))


class ExportJob(models.Model):
    """A big export (a whole province), built in Celery and downloaded when ready."""

    requested_by = models.ForeignKey(
        "lms.User", on_delete=models.CASCADE, related_name="dinas_exports"
    )
    table = models.CharField(_("tabel"), max_length=30)
    file_format = models.CharField(_("format"), max_length=4)
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.PENDING
    )
    file = models.FileField(
        upload_to="dinas/exports/%Y/%m/", storage=_private_storage, blank=True
    )
    rows = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.table}.{self.file_format}"


class ReminderSent(models.Model):
    """A reminder or summary sent to someone: so nobody is told twice too soon."""

    class Kind(models.TextChoices):
        INACTIVE = "inactive", _("Pengingat belajar")
        ASSISTANT_SUMMARY = "assistant_summary", _("Ringkasan mingguan pendamping")

    user = models.ForeignKey("lms.User", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    channel = models.CharField(max_length=20, default="email")
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["user", "kind", "sent_at"])]

    def __str__(self) -> str:
        return f"{self.kind} → {self.user_id} @ {self.sent_at:%Y-%m-%d}"
