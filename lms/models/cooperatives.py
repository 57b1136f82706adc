"""Cooperatives (koperasi) and the training centres (Balai Pelatihan) that teach them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .regions import Province, Village


class CooperativeKind(models.TextChoices):
    KSP = "ksp", _("Koperasi Simpan Pinjam (KSP)")
    KSU = "ksu", _("Koperasi Serba Usaha (KSU)")
    KSPPS = "kspps", _("Koperasi Simpan Pinjam dan Pembiayaan Syariah (KSPPS)")
    KDKMP = "kdkmp", _("Koperasi Desa/Kelurahan Merah Putih")
    OTHER = "other", _("Lainnya")


class Cooperative(models.Model):
    """A cooperative, serving one or more villages (merged villages may share one)."""

    name = models.CharField(_("nama koperasi"), max_length=200)
    kind = models.CharField(
        _("jenis"),
        max_length=10,
        choices=CooperativeKind.choices,
        default=CooperativeKind.KDKMP,
    )
    legal_number = models.CharField(
        _("nomor badan hukum"), max_length=100, blank=True, null=True, unique=True
    )
    villages = models.ManyToManyField(
        Village, related_name="cooperatives", verbose_name=_("desa/kelurahan")
    )
    # The village the cooperative is registered in: its place in the hierarchy
    # for scoping and counting. It is always one of `villages`.
    home_village = models.ForeignKey(
        Village,
        on_delete=models.PROTECT,
        related_name="home_cooperatives",
        verbose_name=_("desa/kelurahan kedudukan"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("koperasi")
        verbose_name_plural = _("koperasi")
        constraints = [
            models.UniqueConstraint(
                fields=["home_village", "name"],
                name="cooperative_unique_name_per_village",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Balai(models.Model):
    """A Balai Pelatihan: the training centre whose instructors author courses."""

    name = models.CharField(_("nama"), max_length=200)
    code = models.SlugField(_("kode"), max_length=30, unique=True)
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("provinsi"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("balai pelatihan")
        verbose_name_plural = _("balai pelatihan")

    def __str__(self) -> str:
        return self.name
