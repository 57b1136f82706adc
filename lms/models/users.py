"""People and their roles.

One user has one role. What a user may see follows from the role and its scope
(`lms.scoping` is the one place that decides it).
"""

from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.utils import timezone as dj_timezone
from django.utils.translation import gettext_lazy as _

from .cooperatives import Balai, Cooperative
from .regions import Province, Regency, TimeZone, Village


class Role(models.TextChoices):
    PARTICIPANT = "participant", _("Peserta")
    INSTRUCTOR = "instructor", _("Instruktur")
    DINAS = "dinas", _("Petugas Dinas")
    ASSISTANT = "assistant", _("Business Assistant (pendamping)")
    ADMIN = "admin", _("Administrator")


class Position(models.TextChoices):
    """A participant's position in their cooperative."""

    KETUA = "ketua", _("Ketua")
    SEKRETARIS = "sekretaris", _("Sekretaris")
    BENDAHARA = "bendahara", _("Bendahara")
    PENGURUS = "pengurus", _("Pengurus")
    PENGAWAS = "pengawas", _("Pengawas")
    MANAJER = "manajer", _("Manajer")


class UserManager(DjangoUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        email = self.normalize_email(email) if email else None
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("role", Role.ADMIN)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Logs in by email or by mobile number (stored as +62…)."""

    full_name = models.CharField(_("nama lengkap"), max_length=150)
    email = models.EmailField(_("email"), unique=True, null=True, blank=True)
    phone = models.CharField(
        _("nomor HP"),
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Nomor HP dalam format +62…"),
    )
    role = models.CharField(
        _("peran"),
        max_length=20,
        choices=Role.choices,
        default=Role.PARTICIPANT,
        db_index=True,
    )
    # Participant: their cooperative, position and village.
    position = models.CharField(
        _("jabatan"), max_length=20, choices=Position.choices, blank=True
    )
    cooperative = models.ForeignKey(
        Cooperative,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("koperasi"),
    )
    village = models.ForeignKey(
        Village,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participants",
        verbose_name=_("desa/kelurahan"),
    )
    # Instructor: their Balai.
    balai = models.ForeignKey(
        Balai,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="instructors",
        verbose_name=_("balai pelatihan"),
    )
    # Dinas officer: a province or a regency.
    scope_province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wilayah tugas (provinsi)"),
    )
    scope_regency = models.ForeignKey(
        Regency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wilayah tugas (kabupaten/kota)"),
    )
    # Business assistant: a set of villages.
    assigned_villages = models.ManyToManyField(
        Village,
        blank=True,
        related_name="assistants",
        verbose_name=_("desa dampingan"),
    )
    timezone = models.CharField(
        _("zona waktu"), max_length=32, choices=TimeZone.choices, default=TimeZone.WIB
    )
    is_staff = models.BooleanField(_("akses admin"), default=False)
    is_active = models.BooleanField(_("aktif"), default=True)
    date_joined = models.DateTimeField(_("tanggal bergabung"), default=dj_timezone.now)
    last_studied_at = models.DateTimeField(_("terakhir belajar"), null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(email__isnull=False) | models.Q(phone__isnull=False),
                name="user_has_email_or_phone",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email or self.phone or str(self.pk)

    def save(self, *args, **kwargs):
        # Empty strings would collide under the unique constraints; absent is NULL.
        self.email = self.email or None
        self.phone = self.phone or None
        super().save(*args, **kwargs)

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else ""

    @property
    def is_admin(self) -> bool:
        return self.is_superuser or self.role == Role.ADMIN

    @property
    def is_participant(self) -> bool:
        return self.role == Role.PARTICIPANT

    @property
    def masked_phone(self) -> str:
        """The phone with its middle hidden, for lists (PDP: show only what is needed)."""
        if not self.phone:
            return ""
        return f"{self.phone[:6]}****{self.phone[-3:]}"
