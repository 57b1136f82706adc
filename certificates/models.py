"""Certificate templates, the certificates issued from them, their audit and jobs.

A certificate is drawn once from a template (see `certificates.pdf`) and kept as a
PDF in the private storage. Its record and its file always agree: a record is
VALID or REVOKED only when its file exists; while its PDF is being drawn and
uploaded it is PENDING, and PENDING records are never shown to anybody. How a
certificate is numbered (and the issuers' sequences) is `certificates.numbering`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import PreviewableMixin

from .layouts import template_preview_pdf
from .numbering import (
    DEFAULT_NUMBER_PATTERN,
    DEFAULT_SEQ_DIGITS,
    IssuerKind,
    IssuerSequence,
    number_pattern_validate,
)
from .pdf import DEFAULT_BODY, PLACEHOLDERS, unknown_placeholders

__all__ = [
    "Certificate",
    "CertificateEvent",
    "CertificateJob",
    "CertificateTemplate",
    "IssuerKind",
    "IssuerSequence",
    "Orientation",
    "private_storage",
]


def private_storage():
    return storages["private"]


class Orientation(models.TextChoices):
    LANDSCAPE = "landscape", _("A4 mendatar (landscape)")
    PORTRAIT = "portrait", _("A4 tegak (portrait)")


class CertificateTemplate(PreviewableMixin, models.Model):
    """The design of a certificate, edited in the Wagtail admin (a snippet)."""

    name = models.CharField(_("nama templat"), max_length=150)
    balai = models.ForeignKey(
        "lms.Balai",
        on_delete=models.PROTECT,
        related_name="certificate_templates",
        verbose_name=_("balai pelatihan"),
        help_text=_("Kursus balai ini memakai templat bawaannya."),
    )
    is_default = models.BooleanField(_("templat bawaan balai"), default=True)
    orientation = models.CharField(
        _("orientasi"),
        max_length=10,
        choices=Orientation.choices,
        default=Orientation.LANDSCAPE,
    )
    background_image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gambar latar"),
    )
    logo_1 = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo 1"),
    )
    logo_2 = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo 2"),
    )
    title = models.CharField(_("judul"), max_length=100, default="SERTIFIKAT")
    body = models.TextField(
        _("isi"),
        default=DEFAULT_BODY,
        help_text=_(
            "Isian: {nama}, {jabatan}, {koperasi}, {desa}, {kabupaten}, {kursus}, "
            "{jp}, {tanggal}, {nomor}."
        ),
    )
    issuer_kind = models.CharField(
        _("penerbit"),
        max_length=10,
        choices=IssuerKind.choices,
        default=IssuerKind.BALAI,
    )
    issuer_province = models.ForeignKey(
        "lms.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dinas provinsi"),
    )
    issuer_regency = models.ForeignKey(
        "lms.Regency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dinas kabupaten/kota"),
    )
    issuer_name = models.CharField(
        _("nama penerbit"),
        max_length=200,
        blank=True,
        help_text=_("Kosongkan untuk memakai nama balai."),
    )
    number_pattern = models.CharField(
        _("pola nomor"),
        max_length=120,
        default=DEFAULT_NUMBER_PATTERN,
        validators=[number_pattern_validate],
        help_text=_(
            "Isian: {seq} (nomor urut per penerbit per tahun), {course_code}, "
            "{region} (kode kabupaten/kota peserta), {province}, {issuer}, {year}."
        ),
    )
    seq_digits = models.PositiveSmallIntegerField(
        _("digit nomor urut"),
        default=DEFAULT_SEQ_DIGITS,
        help_text=_("Misalnya 4 → 0007."),
    )
    signatory_1_name = models.CharField(_("nama penanda tangan 1"), max_length=150)
    signatory_1_title = models.CharField(_("jabatan penanda tangan 1"), max_length=150)
    signatory_1_nip = models.CharField(_("NIP penanda tangan 1"), max_length=30)
    signatory_1_signature = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tanda tangan 1"),
    )
    signatory_2_name = models.CharField(
        _("nama penanda tangan 2"), max_length=150, blank=True
    )
    signatory_2_title = models.CharField(
        _("jabatan penanda tangan 2"), max_length=150, blank=True
    )
    signatory_2_nip = models.CharField(
        _("NIP penanda tangan 2"), max_length=30, blank=True
    )
    signatory_2_signature = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tanda tangan 2"),
    )
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("balai"), FieldPanel("is_default")]),
        FieldPanel("orientation"),
        MultiFieldPanel(
            [
                FieldPanel("background_image"),
                FieldPanel("logo_1"),
                FieldPanel("logo_2"),
            ],
            heading=_("Gambar"),
        ),
        FieldPanel("title"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("issuer_kind"),
                FieldPanel("issuer_province"),
                FieldPanel("issuer_regency"),
                FieldPanel("issuer_name"),
                FieldPanel("number_pattern"),
                FieldPanel("seq_digits"),
            ],
            heading=_("Penerbit dan nomor"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("signatory_1_name"),
                FieldPanel("signatory_1_title"),
                FieldPanel("signatory_1_nip"),
                FieldPanel("signatory_1_signature"),
            ],
            heading=_("Penanda tangan 1"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("signatory_2_name"),
                FieldPanel("signatory_2_title"),
                FieldPanel("signatory_2_nip"),
                FieldPanel("signatory_2_signature"),
            ],
            heading=_("Penanda tangan 2 (opsional)"),
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("templat sertifikat")
        verbose_name_plural = _("templat sertifikat")
        constraints = [
            models.UniqueConstraint(
                fields=["balai"],
                condition=models.Q(is_default=True),
                name="certificate_template_one_default_per_balai",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        if self.issuer_kind == IssuerKind.DINAS:
            if not (self.issuer_province_id or self.issuer_regency_id):
                errors["issuer_province"] = _(
                    "Pilih provinsi atau kabupaten/kota Dinas penerbit."
                )
            if self.issuer_province_id and self.issuer_regency_id:
                errors["issuer_regency"] = _(
                    "Pilih salah satu: provinsi atau kabupaten/kota."
                )
            if not self.issuer_name:
                errors["issuer_name"] = _("Isi nama Dinas penerbit.")
        any_second = (
            self.signatory_2_name or self.signatory_2_title or self.signatory_2_nip
        )
        if any_second and not (self.signatory_2_name and self.signatory_2_title):
            errors["signatory_2_name"] = _(
                "Penanda tangan 2 perlu nama dan jabatan, atau kosongkan semuanya."
            )
        unknown = unknown_placeholders(self.body or "")
        if unknown:
            errors["body"] = _(
                "Isian tidak dikenal: %(unknown)s. Isian yang dapat dipakai: "
                "%(allowed)s."
            ) % {
                "unknown": ", ".join(unknown),
                "allowed": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
            }
        if errors:
            raise ValidationError(errors)

    # Wagtail preview: the PDF drawn with sample data.
    def get_preview_template(self, request, mode_name):  # pragma: no cover - unused
        return ""

    def serve_preview(self, request, mode_name):
        # The selectors read these models: imported once the models have loaded.
        from .selectors import template_preview_holder

        holder = template_preview_holder(template=self)
        response = HttpResponse(
            template_preview_pdf(template=self, holder=holder),
            content_type="application/pdf",
        )
        response["Content-Disposition"] = 'inline; filename="pratinjau.pdf"'
        return response


class Certificate(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Sedang dibuat")
        VALID = "valid", _("Sah")
        REVOKED = "revoked", _("Dicabut")

    enrollment = models.OneToOneField(
        "courses.Enrollment",
        on_delete=models.PROTECT,
        related_name="certificate",
        verbose_name=_("pendaftaran"),
    )
    template = models.ForeignKey(
        CertificateTemplate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("templat"),
    )
    number = models.CharField(_("nomor"), max_length=120, unique=True)
    code = models.CharField(_("kode verifikasi"), max_length=40, unique=True)
    issuer_key = models.CharField(max_length=60)
    seq = models.PositiveIntegerField()
    year = models.PositiveSmallIntegerField()
    version = models.PositiveSmallIntegerField(_("versi"), default=1)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    file = models.FileField(
        _("berkas PDF"), storage=private_storage, max_length=255, blank=True
    )
    # What the certificate says, as issued (the verification page shows these).
    holder_name = models.CharField(_("nama pemegang"), max_length=150)
    course_title = models.CharField(_("kursus"), max_length=255)
    issuer_name = models.CharField(_("penerbit"), max_length=200)
    completed_on = models.DateField(_("tanggal selesai"))
    # The rest of what the PDF says (a reissue refreshes all of it).
    position = models.CharField(_("jabatan"), max_length=50, blank=True)
    cooperative_name = models.CharField(_("koperasi"), max_length=200, blank=True)
    village_name = models.CharField(_("desa/kelurahan"), max_length=100, blank=True)
    regency_name = models.CharField(_("kabupaten/kota"), max_length=120, blank=True)
    jp = models.PositiveSmallIntegerField(_("JP"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    issued_at = models.DateTimeField(_("diterbitkan"), null=True, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(_("dicabut pada"), null=True, blank=True)
    revoked_reason = models.TextField(_("alasan pencabutan"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("sertifikat")
        verbose_name_plural = _("sertifikat")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer_key", "year", "seq"], name="certificate_seq_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(status="pending") | ~models.Q(file=""),
                name="certificate_issued_has_file",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.VALID

    @property
    def verify_url(self) -> str:
        path = reverse("certificates:verify", args=[self.code])
        return settings.SITE_URL.rstrip("/") + path


class CertificateEvent(models.Model):
    """The audit trail: who did what to a certificate, and when."""

    class Action(models.TextChoices):
        ISSUED = "issued", _("Diterbitkan")
        REVOKED = "revoked", _("Dicabut")
        REISSUED = "reissued", _("Diterbitkan ulang")
        REGENERATED = "regenerated", _("Dibuat ulang dari templat")

    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("tindakan"), max_length=12, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("oleh"),
    )
    at = models.DateTimeField(_("waktu"), auto_now_add=True)
    version = models.PositiveSmallIntegerField(_("versi"))
    details = models.JSONField(_("keterangan"), default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("riwayat sertifikat")
        verbose_name_plural = _("riwayat sertifikat")

    def __str__(self) -> str:
        return f"{self.certificate_id} {self.action} {self.at:%Y-%m-%d %H:%M}"


class CertificateJob(models.Model):
    """A bulk job run by Celery workers: issue the certificates of many completed
    enrolments, regenerate a template's certificates, or a ZIP.

    Its work is owed (`lms.outbox`) in the transaction that creates it; its
    progress is counted from the certificates themselves, so a job whose worker
    died continues where it stopped when its work is sent again."""

    class Kind(models.TextChoices):
        ISSUE = "issue", _("Terbitkan sertifikat")
        REGENERATE = "regenerate", _("Buat ulang sertifikat templat")
        ZIP = "zip", _("Unduh ZIP")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Menunggu")
        RUNNING = "running", _("Berjalan")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("diminta oleh"),
    )
    template = models.ForeignKey(
        CertificateTemplate,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    cohort = models.ForeignKey(
        "courses.Cohort",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("angkatan"),
    )
    regency = models.ForeignKey(
        "lms.Regency",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kabupaten/kota"),
    )
    province = models.ForeignKey(
        "lms.Province",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("provinsi"),
    )
    # An issue job: the completed enrolments whose certificates it issues.
    enrollments = models.ManyToManyField(
        "courses.Enrollment", blank=True, related_name="+"
    )
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    result = models.FileField(storage=private_storage, max_length=255, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pekerjaan sertifikat")
        verbose_name_plural = _("pekerjaan sertifikat")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.status == self.Status.DONE else 0
        return min(100, round(100 * self.done / self.total))
