"""Enrolments, cohorts (angkatan) and each participant's lesson progress."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .blended import FundingSource

FUNDING_CHOICES = FundingSource.choices


class Cohort(models.Model):
    """An angkatan: one run of a course, with dates, participants and instructors."""

    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        related_name="cohorts",
        verbose_name=_("kursus"),
    )
    name = models.CharField(_("nama angkatan"), max_length=150)
    starts_on = models.DateField(_("mulai"))
    ends_on = models.DateField(_("selesai"))
    instructors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="taught_cohorts",
        verbose_name=_("instruktur"),
    )
    province = models.ForeignKey(
        "lms.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("provinsi penyelenggara"),
    )
    regency = models.ForeignKey(
        "lms.Regency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("kabupaten/kota penyelenggara"),
    )
    # Blended programmes (courses.blended): the budget the report accounts for,
    # the attendance the completion rule asks, and the closing.
    funding_source = models.CharField(
        _("sumber dana"), max_length=10, choices=FUNDING_CHOICES, blank=True
    )
    budget_year = models.PositiveSmallIntegerField(
        _("tahun anggaran"), null=True, blank=True
    )
    budget_line = models.CharField(
        _("kode/mata anggaran"),
        max_length=150,
        blank=True,
        help_text=_("Nomor DIPA/DPA atau kode kegiatan, bila ada."),
    )
    attendance_min_percent = models.PositiveSmallIntegerField(
        _("kehadiran minimal (%)"),
        default=0,
        help_text=_(
            "Bagian sesi yang harus dihadiri (hadir atau terlambat) untuk lulus; "
            "0 berarti kehadiran tidak menentukan kelulusan."
        ),
    )
    evaluation_required = models.BooleanField(
        _("evaluasi wajib sebelum sertifikat"), default=False
    )
    certificates_at_close = models.BooleanField(
        _("sertifikat terbit saat angkatan ditutup"),
        default=False,
        help_text=_(
            "Sertifikat peserta yang lulus diterbitkan sekaligus ketika angkatan "
            "ditutup, bukan satu per satu saat mereka lulus."
        ),
    )
    closed_at = models.DateTimeField(_("ditutup pada"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ditutup oleh"),
    )
    signatory_name = models.CharField(
        _("penandatangan laporan"), max_length=150, blank=True
    )
    signatory_title = models.CharField(
        _("jabatan penandatangan"), max_length=150, blank=True
    )
    signatory_nip = models.CharField(_("NIP penandatangan"), max_length=30, blank=True)
    report_place = models.CharField(
        _("tempat penandatanganan laporan"), max_length=100, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("angkatan")
        verbose_name_plural = _("angkatan")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="cohort_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class Enrollment(models.Model):
    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("Terdaftar")
        IN_PROGRESS = "in_progress", _("Sedang belajar")
        COMPLETED = "completed", _("Selesai")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="enrollments"
    )
    cohort = models.ForeignKey(
        Cohort,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enrollments",
    )
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.ENROLLED, db_index=True
    )
    progress_percent = models.PositiveSmallIntegerField(default=0)
    last_lesson = models.ForeignKey(
        "courses.LessonPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    enrolled_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("pendaftaran kursus")
        verbose_name_plural = _("pendaftaran kursus")
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="enrollment_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.course}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class LessonProgress(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("Sedang dipelajari")
        COMPLETED = "completed", _("Selesai")

    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.IN_PROGRESS
    )
    started_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "lesson"], name="lesson_progress_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrollment_id}:{self.lesson_id} {self.status}"
