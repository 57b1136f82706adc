"""Counters per village × course, moved in the same transaction as the progress.

The Dinas dashboards read this small table, never millions of progress rows;
`manage.py counters_reconcile` recomputes it from scratch to prove it agrees.
"""

from django.core.files.storage import storages
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
    # Cooperatives serving this village with at least DINAS_COVERAGE_PARTICIPANTS
    # valid certificates in this course: the village is covered when > 0.
    covering = models.PositiveIntegerField(_("koperasi tuntas"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["village", "course"], name="village_course_counter_unique"
            )
        ]
        indexes = [
            models.Index(fields=["province", "course"]),
            models.Index(fields=["regency", "course"]),
            # Covered villages (a minority until a programme ends): the coverage
            # of several courses is a GROUP BY over this small partial index.
            models.Index(
                fields=["course", "province", "regency", "village"],
                condition=models.Q(covering__gt=0),
                name="village_counter_covered",
            ),
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


class RegencyCourseCounter(models.Model):
    """The village counters of a regency × course, summed (moved with them).

    The national and province pages read these 514 × courses rows instead of the
    village rows. `covered`: villages of the regency whose counter has
    `covering > 0` for the course.
    """

    regency = models.ForeignKey(
        "lms.Regency", on_delete=models.CASCADE, related_name="+"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="+"
    )
    province = models.ForeignKey(
        "lms.Province", on_delete=models.CASCADE, related_name="+"
    )
    enrolled = models.PositiveIntegerField(_("terdaftar"), default=0)
    started = models.PositiveIntegerField(_("mulai belajar"), default=0)
    completed = models.PositiveIntegerField(_("selesai"), default=0)
    certified = models.PositiveIntegerField(_("bersertifikat"), default=0)
    covered = models.PositiveIntegerField(_("desa tuntas"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["regency", "course"], name="regency_course_counter_unique"
            )
        ]
        indexes = [models.Index(fields=["province", "course"])]

    def __str__(self) -> str:
        return f"{self.regency_id} × {self.course_id}"


class RegencyCompletionWeek(models.Model):
    """`CompletionWeek` summed per regency (moved with it): the national trend."""

    regency = models.ForeignKey(
        "lms.Regency", on_delete=models.CASCADE, related_name="+"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="+"
    )
    province = models.ForeignKey(
        "lms.Province", on_delete=models.CASCADE, related_name="+"
    )
    week = models.DateField(_("minggu"))
    completed = models.PositiveIntegerField(_("selesai"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["regency", "course", "week"],
                name="regency_completion_week_unique",
            )
        ]
        indexes = [
            models.Index(fields=["week", "province"]),
            models.Index(fields=["province", "week"]),
        ]

    def __str__(self) -> str:
        return f"{self.regency_id} × {self.course_id} @ {self.week}"


class VillageTally(models.Model):
    """Participants registered and cooperatives seated in one village.

    Moved by the ledger when participants are registered or moved and cooperatives
    created (`lms.events`), in those transactions; recomputed by the reconciliation.
    """

    village = models.OneToOneField(
        "lms.Village", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    regency = models.ForeignKey(
        "lms.Regency", on_delete=models.CASCADE, related_name="+"
    )
    province = models.ForeignKey(
        "lms.Province", on_delete=models.CASCADE, related_name="+"
    )
    participants = models.PositiveIntegerField(_("peserta"), default=0)
    cooperatives = models.PositiveIntegerField(_("koperasi"), default=0)
    # Courses in which the village is covered (its counter's `covering > 0`): a
    # village covered in every one of N courses has at least N here, so coverage
    # over several courses only checks these candidates.
    courses_covered = models.PositiveIntegerField(_("kursus tuntas"), default=0)

    class Meta:
        indexes = [
            models.Index(
                fields=["courses_covered", "province", "regency"],
                condition=models.Q(courses_covered__gt=0),
                name="village_tally_covered",
            )
        ]

    def __str__(self) -> str:
        return str(self.village_id)


class RegencyTally(models.Model):
    """`VillageTally` summed per regency, plus the regency's number of villages."""

    regency = models.OneToOneField(
        "lms.Regency", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    province = models.ForeignKey(
        "lms.Province", on_delete=models.CASCADE, related_name="+"
    )
    villages = models.PositiveIntegerField(_("desa/kelurahan"), default=0)
    participants = models.PositiveIntegerField(_("peserta"), default=0)
    cooperatives = models.PositiveIntegerField(_("koperasi"), default=0)

    def __str__(self) -> str:
        return str(self.regency_id)


class CooperativeCourseCounter(models.Model):
    """Valid certificates of a cooperative's participants per course (coverage)."""

    cooperative = models.ForeignKey(
        "lms.Cooperative", on_delete=models.CASCADE, related_name="+"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="+"
    )
    certified = models.PositiveIntegerField(_("bersertifikat"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["cooperative", "course"],
                name="cooperative_course_counter_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.cooperative_id} × {self.course_id}"


class JobStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu")
    RUNNING = "running", _("Sedang diproses")
    DONE = "done", _("Selesai")
    FAILED = "failed", _("Gagal")


def _private_storage():
    return storages["private"]


class ImportStage(models.TextChoices):
    READING = "reading", _("Membaca berkas")
    CHECKING = "checking", _("Memeriksa baris")
    SAVING = "saving", _("Menyimpan peserta")
    ENROLLING = "enrolling", _("Menyimpan peserta dan mendaftarkan ke angkatan")


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
    stage = models.CharField(
        _("tahap"), max_length=10, choices=ImportStage.choices, blank=True
    )
    total_rows = models.PositiveIntegerField(default=0)
    good_rows = models.PositiveIntegerField(default=0)
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
    # The participants the import created, updated or found unchanged: those
    # "enrol this import into a cohort" enrols afterwards.
    participant_ids = models.JSONField(default=list, blank=True)
    error = models.TextField(_("kesalahan"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # When a worker took the job (`services.job_claim`): a claim older than the
    # task's time limit belongs to a worker that died, and is taken over.
    started_at = models.DateTimeField(null=True, blank=True)
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
    started_at = models.DateTimeField(null=True, blank=True)  # see ProgrammeImport
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


class FullPhoneExport(models.Model):
    """A download of participants' full phone numbers, with the reason given.

    Exports mask phones by default; an officer who needs the numbers (to call the
    participants) asks for them with a reason, and every such download is kept
    here for the data protection officer."""

    user = models.ForeignKey("lms.User", on_delete=models.PROTECT, related_name="+")
    table = models.CharField(max_length=20)
    region = models.CharField(max_length=13, blank=True)
    reason = models.CharField(_("alasan"), max_length=300)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("unduhan nomor HP lengkap")
        verbose_name_plural = _("unduhan nomor HP lengkap")

    def __str__(self) -> str:
        return f"{self.user_id} {self.table} {self.region} {self.at:%Y-%m-%d}"
