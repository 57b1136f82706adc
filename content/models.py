"""H5P activities placed in lessons. (Packages, storage and xAPI are built on this by
the H5P feature.)"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class H5PActivity(models.Model):
    title = models.CharField(_("judul"), max_length=200)
    pass_score = models.PositiveSmallIntegerField(
        _("skor selesai (%)"),
        default=60,
        help_text=_("Persentase skor yang dihitung sebagai selesai."),
    )

    class Meta:
        verbose_name = _("aktivitas H5P")
        verbose_name_plural = _("aktivitas H5P")

    def __str__(self) -> str:
        return self.title

    def is_done(self, *, enrollment) -> bool:
        raise NotImplementedError("content: H5P results are not built yet")
