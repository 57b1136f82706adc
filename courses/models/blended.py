"""Blended programmes: a cohort's in-person sessions, attendance, offline results
and the participants' evaluation of the training (evaluasi penyelenggaraan).

The rules that read these rows live in `courses.blended` (services, selectors) and,
for completion, in `courses.progress`; the rows themselves are plain.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.models import TimeZone


class FundingSource(models.TextChoices):
    """Where a programme's money comes from (the report names it)."""

    DEKONSENTRASI = "dekon", _("Dana Dekonsentrasi")
    DAK = "dak", _("DAK non-fisik")
    APBD_PROVINSI = "apbd_prov", _("APBD provinsi")
    APBD_KABUPATEN = "apbd_kab", _("APBD kabupaten/kota")
    APBN = "apbn", _("APBN (DIPA Balai)")
    OTHER = "other", _("Lainnya")


class Speaker(models.Model):
    """A narasumber of a cohort: a person by name and institution, not necessarily
    a user (a lecturer, a banker, a practitioner). One row per person per cohort,
    however many sessions they speak in (the evaluation asks about each once)."""

    cohort = models.ForeignKey(
        "courses.Cohort", on_delete=models.CASCADE, related_name="speakers"
    )
    name = models.CharField(_("nama narasumber"), max_length=150)
    institution = models.CharField(_("instansi"), max_length=200, blank=True)

    class Meta:
        ordering = ["cohort", "name"]
        verbose_name = _("narasumber")
        verbose_name_plural = _("narasumber")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "name", "institution"], name="speaker_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.institution})" if self.institution else self.name


class Session(models.Model):
    """One in-person or live part of a cohort's programme, at a time in the zone
    of the place it is held (WIB, WITA or WIT)."""

    class Kind(models.TextChoices):
        CLASSROOM = "tatap_muka", _("Tatap muka")
        STUDY_VISIT = "kunjungan", _("Kunjungan belajar")
        WEBINAR = "webinar", _("Webinar")

    cohort = models.ForeignKey(
        "courses.Cohort",
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("angkatan"),
    )
    kind = models.CharField(
        _("jenis sesi"), max_length=12, choices=Kind.choices, default=Kind.CLASSROOM
    )
    title = models.CharField(_("judul sesi"), max_length=200)
    starts_at = models.DateTimeField(_("mulai"))
    ends_at = models.DateTimeField(_("selesai"))
    timezone = models.CharField(
        _("zona waktu"), max_length=32, choices=TimeZone.choices, default=TimeZone.WIB
    )
    place = models.CharField(_("tempat"), max_length=255, blank=True)
    meeting_url = models.URLField(_("tautan pertemuan"), blank=True)
    jp = models.PositiveSmallIntegerField(_("JP"), default=2)
    speakers = models.ManyToManyField(
        Speaker, blank=True, related_name="sessions", verbose_name=_("narasumber")
    )
    required = models.BooleanField(
        _("wajib dihadiri"),
        default=False,
        help_text=_("Peserta yang tidak hadir di sesi ini tidak dapat lulus."),
    )
    # The day-before reminder was owed (lms.outbox); reset when the time changes.
    reminder_owed_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("sesi")
        verbose_name_plural = _("sesi")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(place="") | ~models.Q(meeting_url=""),
                name="session_has_place_or_link",
            ),
        ]
        indexes = [models.Index(fields=["cohort", "starts_at"])]

    def __str__(self) -> str:
        return self.title


class AttendanceStatus(models.TextChoices):
    """The statuses a Balai records. Hadir and terlambat count as present."""

    PRESENT = "hadir", _("Hadir")
    LATE = "terlambat", _("Terlambat")
    EXCUSED = "izin", _("Izin")
    SICK = "sakit", _("Sakit")
    ABSENT = "alpa", _("Alpa")


PRESENT_STATUSES = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)


class Attendance(models.Model):
    """A participant's attendance of one session: one row, the latest mark wins."""

    class Method(models.TextChoices):
        LIST = "list", _("Daftar hadir (petugas)")
        QR = "qr", _("Pindai kode QR")

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendance"
    )
    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=AttendanceStatus.choices
    )
    method = models.CharField(max_length=4, choices=Method.choices)
    marked_at = models.DateTimeField(_("dicatat pada"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("dicatat oleh"),
    )

    class Meta:
        verbose_name = _("kehadiran")
        verbose_name_plural = _("kehadiran")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrollment"], name="attendance_unique"
            )
        ]
        indexes = [models.Index(fields=["enrollment", "status"])]

    def __str__(self) -> str:
        return f"{self.session_id}:{self.enrollment_id} {self.status}"


class AttendanceMark(models.Model):
    """Every mark received, under the key of the request that carried it.

    A phone's offline queue may deliver a mark twice; its key is unique, so a
    repeat writes nothing and is answered with the first result. The marks are
    also the record of who marked whom, when and how."""

    key = models.CharField(max_length=100, unique=True)
    attendance = models.ForeignKey(
        Attendance, on_delete=models.CASCADE, related_name="marks"
    )
    status = models.CharField(max_length=10, choices=AttendanceStatus.choices)
    method = models.CharField(max_length=4, choices=Attendance.Method.choices)
    marked_at = models.DateTimeField()
    received_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["received_at", "pk"]

    def __str__(self) -> str:
        return f"{self.key} {self.status}"


class OfflineComponent(models.Model):
    """A part of the programme assessed outside the platform (a practical test, a
    business plan): the instructor records every participant's score in bulk."""

    cohort = models.ForeignKey(
        "courses.Cohort", on_delete=models.CASCADE, related_name="offline_components"
    )
    name = models.CharField(_("nama komponen"), max_length=150)
    pass_mark = models.DecimalField(
        _("nilai lulus"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "Kosongkan bila nilai ini hanya dicatat dan tidak menentukan kelulusan."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["cohort", "sort_order", "pk"]
        verbose_name = _("komponen luring")
        verbose_name_plural = _("komponen luring")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "name"], name="offline_component_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name


class OfflineResult(models.Model):
    component = models.ForeignKey(
        OfflineComponent, on_delete=models.CASCADE, related_name="results"
    )
    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="offline_results"
    )
    score = models.DecimalField(_("nilai"), max_digits=5, decimal_places=2)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["component", "enrollment"], name="offline_result_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=0, score__lte=100),
                name="offline_result_score_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.component_id}:{self.enrollment_id} {self.score}"


class EvaluationSubmission(models.Model):
    """That a participant answered their cohort's evaluation (once).

    Their answers are stored apart (`EvaluationResponse`), with no column linking
    them to the person: results are only ever shown aggregated."""

    cohort = models.ForeignKey(
        "courses.Cohort", on_delete=models.CASCADE, related_name="+"
    )
    enrollment = models.OneToOneField(
        "courses.Enrollment",
        on_delete=models.CASCADE,
        related_name="evaluation_submission",
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.cohort_id}:{self.enrollment_id}"


class EvaluationResponse(models.Model):
    """One anonymous set of answers to a cohort's evaluation."""

    cohort = models.ForeignKey(
        "courses.Cohort", on_delete=models.CASCADE, related_name="evaluation_responses"
    )
    comment_material = models.TextField(_("saran tentang materi"), blank=True)
    comment_organisation = models.TextField(
        _("saran tentang penyelenggaraan"), blank=True
    )

    def __str__(self) -> str:
        return f"{self.cohort_id}#{self.pk}"


class EvaluationAnswer(models.Model):
    """A Likert score (1–5) for one item of the evaluation; items about a
    narasumber name the speaker."""

    response = models.ForeignKey(
        EvaluationResponse, on_delete=models.CASCADE, related_name="answers"
    )
    item = models.CharField(max_length=40)
    speaker = models.ForeignKey(
        Speaker, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    score = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "item", "speaker"],
                name="evaluation_answer_unique",
                nulls_distinct=False,
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5),
                name="evaluation_answer_likert",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item} {self.score}"


class SessionReminder(models.Model):
    """A participant was reminded of a session (told once)."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="reminders"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    channel = models.CharField(max_length=10, blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="session_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.session_id}:{self.user_id}"
