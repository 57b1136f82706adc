from django.db import models
from django.utils.translation import gettext_lazy as _


class Track(models.Model):
    """A track of the programme (Manajemen & Kelembagaan, Akuntansi Koperasi, …).

    Tracks are data, edited as snippets in the admin.
    """

    name = models.CharField(_("nama"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description = models.TextField(_("deskripsi"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("jalur")
        verbose_name_plural = _("jalur")

    def __str__(self) -> str:
        return self.name
