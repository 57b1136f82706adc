"""Who viewed or exported which participants' personal data, and when (UU 27/2022).

Written by `lms.privacy.access_record`; read by administrators in the admin
("Log akses data pribadi"); kept `settings.PERSONAL_DATA_ACCESS_RETENTION_DAYS`
days, then deleted by the beat job `lms.tasks.access_log_prune`.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PersonalDataAccess(models.Model):
    class Action(models.TextChoices):
        VIEW = "view", _("Melihat")
        EXPORT = "export", _("Mengekspor")
        EXPORT_FULL_PHONE = "export_phone", _("Mengekspor dengan nomor HP lengkap")
        API = "api", _("Membaca lewat API")
        OWN_DOWNLOAD = "own_download", _("Mengunduh data sendiri")
        ERASURE = "erasure", _("Menghapus (anonimisasi)")

    at = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("oleh"),
    )
    # The actor's name and role when they acted (kept if the account goes).
    actor_label = models.CharField(_("oleh (nama)"), max_length=200, blank=True)
    action = models.CharField(_("tindakan"), max_length=20, choices=Action.choices)
    what = models.CharField(_("data"), max_length=300)
    reason = models.TextField(_("alasan"), blank=True, default="")
    # The participants whose data it was (user ids), and how many.
    subject_ids = models.JSONField(_("peserta (id)"), default=list, blank=True)
    subject_count = models.PositiveIntegerField(_("jumlah peserta"), default=0)

    class Meta:
        verbose_name = _("akses data pribadi")
        verbose_name_plural = _("log akses data pribadi")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.actor_label} · {self.get_action_display()} · {self.what}"
