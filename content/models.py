"""H5P activities placed in lessons, the libraries they share, and what participants
did with them: xAPI statements as received, each enrolment's result, resume state.

The rules live in `content.services` (writes) and `content.selectors` (reads).
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .h5p import LibraryRef


class H5PLibrary(models.Model):
    """One library version, stored once under h5p/libraries/<key>/ and shared."""

    machine_name = models.CharField(max_length=255)
    major_version = models.PositiveIntegerField()
    minor_version = models.PositiveIntegerField()
    patch_version = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=255)
    runnable = models.BooleanField(default=False)
    library_json = models.JSONField(default=dict)
    installed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pustaka H5P")
        verbose_name_plural = _("pustaka H5P")
        constraints = [
            models.UniqueConstraint(
                fields=["machine_name", "major_version", "minor_version"],
                name="h5p_library_version_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.machine_name} {self.major_version}.{self.minor_version}"

    @property
    def ref(self) -> LibraryRef:
        return LibraryRef(self.machine_name, self.major_version, self.minor_version)

    @property
    def key(self) -> str:
        return self.ref.key


class H5PStoreLock(models.Model):
    """One row, locked (select_for_update) by every change to the library store:
    two uploads bringing the same new library, or an upload and a clean-up, never
    interleave."""

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return "H5P library store lock"


class H5PActivity(models.Model):
    class Status(models.TextChoices):
        EMPTY = "empty", _("Belum ada paket")
        PROCESSING = "processing", _("Diproses")
        READY = "ready", _("Siap")
        FAILED = "failed", _("Gagal")

    title = models.CharField(_("judul"), max_length=200)
    # The Balai whose instructors author and place it (`lms.admin_scoping`). Null
    # only for an activity no lesson used when Balais came to activities: seen by
    # administrators alone, until one gives it a Balai.
    balai = models.ForeignKey(
        "lms.Balai",
        on_delete=models.PROTECT,
        null=True,
        related_name="h5p_activities",
        verbose_name=_("balai pelatihan"),
        help_text=_(
            "Hanya instruktur balai ini yang melihat dan memakai aktivitas ini."
        ),
    )
    pass_score = models.PositiveSmallIntegerField(
        _("skor selesai (%)"),
        default=60,
        validators=[MaxValueValidator(100)],
        help_text=_("Persentase skor yang dihitung sebagai selesai."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.EMPTY
    )
    # The folder h5p/content/<content_key>/ holding the playing package.
    content_key = models.CharField(max_length=100, blank=True, editable=False)
    main_library = models.ForeignKey(
        H5PLibrary,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    h5p_json = models.JSONField(default=dict, blank=True, editable=False)
    libraries = models.ManyToManyField(
        H5PLibrary, through="H5PActivityLibrary", related_name="activities"
    )
    # A large upload waiting for the Celery task, in the "private" storage.
    pending_upload = models.CharField(max_length=255, blank=True, editable=False)
    problems = models.JSONField(default=list, blank=True, editable=False)
    # What the last install did with the libraries, for the uploader.
    notes = models.JSONField(default=list, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("aktivitas H5P")
        verbose_name_plural = _("aktivitas H5P")

    def __str__(self) -> str:
        return self.title

    @property
    def is_ready(self) -> bool:
        """It has an installed package to play. A replacement still processing, or
        refused by the task, leaves the previous package playing."""
        return bool(self.content_key) and self.main_library_id is not None

    def is_done(self, *, enrollment) -> bool:
        # The selectors read these models: imported once the models have loaded.
        from .selectors import activity_is_done

        return activity_is_done(activity=self, enrollment=enrollment)


class H5PActivityLibrary(models.Model):
    """Which stored library versions an activity needs to play."""

    activity = models.ForeignKey(
        H5PActivity, on_delete=models.CASCADE, related_name="library_usage"
    )
    library = models.ForeignKey(
        H5PLibrary, on_delete=models.PROTECT, related_name="usage"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "library"], name="h5p_activity_library_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} → {self.library_id}"


class XAPIStatement(models.Model):
    """A statement from the player, stored as received (`data`)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="+"
    )
    activity = models.ForeignKey(
        H5PActivity, on_delete=models.CASCADE, related_name="statements"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    data = models.JSONField()
    verb = models.CharField(max_length=255)
    about_whole_activity = models.BooleanField(default=False)
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)
    forwarded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("pernyataan xAPI")
        verbose_name_plural = _("pernyataan xAPI")
        indexes = [models.Index(fields=["activity", "user"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.verb} {self.activity_id}"


class H5PResult(models.Model):
    """An enrolment's result in an activity: its best and its last scored attempt."""

    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="h5p_results"
    )
    activity = models.ForeignKey(
        H5PActivity, on_delete=models.CASCADE, related_name="results"
    )
    attempts = models.PositiveIntegerField(default=0)
    best_scaled = models.FloatField(null=True, blank=True)
    best_raw = models.FloatField(null=True, blank=True)
    best_max = models.FloatField(null=True, blank=True)
    last_scaled = models.FloatField(null=True, blank=True)
    last_raw = models.FloatField(null=True, blank=True)
    last_max = models.FloatField(null=True, blank=True)
    completed = models.BooleanField(default=False)
    first_at = models.DateTimeField(auto_now_add=True)
    last_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("hasil H5P")
        verbose_name_plural = _("hasil H5P")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "activity"], name="h5p_result_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrollment_id}:{self.activity_id} {self.best_scaled}"


class H5PUserData(models.Model):
    """Resume state ("contentUserData") of one participant in one activity."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    activity = models.ForeignKey(
        H5PActivity, on_delete=models.CASCADE, related_name="user_data"
    )
    data_type = models.CharField(max_length=64)
    sub_content_id = models.CharField(max_length=64, default="0")
    data = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "activity", "data_type", "sub_content_id"],
                name="h5p_user_data_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.activity_id} {self.data_type}"
