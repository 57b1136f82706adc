"""Owed work: the durable record that a worker owes something (the outbox)."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OwedWork(models.Model):
    """A Celery task that must run, written in the transaction that owes it.

    `lms.outbox` sends it after commit and marks it done when the task succeeds; a
    beat sweeper sends again whatever is still open after its lease, so a message
    lost by the broker, a worker killed mid-task or a send that failed while Redis
    was down only delays the work. Tasks are idempotent: a duplicate is harmless.
    """

    task = models.CharField(_("tugas"), max_length=200)
    kwargs = models.JSONField(_("argumen"), default=dict, blank=True)
    # At most one open row per key: owing the same work twice owes it once.
    key = models.CharField(_("kunci"), max_length=200, blank=True, default="")
    due_at = models.DateTimeField(_("jatuh tempo"), null=True, blank=True)
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    sent_at = models.DateTimeField(_("terakhir dikirim"), null=True, blank=True)
    sends = models.PositiveIntegerField(_("jumlah kiriman"), default=0)
    done_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    last_error = models.TextField(_("galat terakhir"), blank=True, default="")

    class Meta:
        verbose_name = _("pekerjaan tertunda")
        verbose_name_plural = _("pekerjaan tertunda")
        constraints = [
            models.UniqueConstraint(
                fields=["key"],
                condition=Q(done_at__isnull=True) & ~Q(key=""),
                name="owed_work_open_key_unique",
            )
        ]
        indexes = [
            models.Index(
                fields=["sent_at"],
                condition=Q(done_at__isnull=True),
                name="owed_work_open_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.task} {self.key or self.pk}"
