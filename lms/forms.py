from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Position, User, Village
from .models.regions import TimeZone
from .phones import normalize_phone


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Email atau nomor HP"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    # Django's own label reads "Kata Kunci" in Indonesian; the platform says "Kata sandi".
    password = forms.CharField(
        label=_("Kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "Email/nomor HP atau kata sandi salah. Periksa kembali lalu coba lagi."
        ),
        "inactive": _("Akun ini tidak aktif."),
    }


class PasswordResetRequestForm(PasswordResetForm):
    """Django's form, labelled "Email" as everywhere else (Django says "Surel")."""

    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class PhoneField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        return normalize_phone(value) if value else None


class RegistrationForm(forms.Form):
    full_name = forms.CharField(label=_("Nama lengkap"), max_length=150)
    phone = PhoneField(
        label=_("Nomor HP"),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        help_text=_("Contoh: 0812 3456 7890"),
    )
    email = forms.EmailField(label=_("Email (boleh kosong)"), required=False)
    position = forms.ChoiceField(
        label=_("Jabatan di koperasi"), choices=Position.choices
    )
    cooperative_name = forms.CharField(label=_("Nama koperasi"), max_length=200)
    village_code = forms.CharField(
        label=_("Kode desa/kelurahan"),
        max_length=13,
        help_text=_("Contoh: 63.03.05.2001. Cari kodenya di halaman Cari Desa."),
    )
    password1 = forms.CharField(
        label=_("Kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Ulangi kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    # Whether the phone or email is registered already is not a form error: the
    # form would tell anyone whose number it is (lms.views.accounts.register).
    def clean_email(self):
        return (self.cleaned_data.get("email") or "").strip().lower()

    def taken_by(self) -> User | None:
        """The account already holding the form's phone or email, if any."""
        data = self.cleaned_data
        taken = User.objects.filter(phone=data["phone"]).first()
        if taken is None and data.get("email"):
            taken = User.objects.filter(email__iexact=data["email"]).first()
        return taken

    def clean_village_code(self):
        code = self.cleaned_data["village_code"].strip()
        village = Village.objects.select_related("province").filter(pk=code).first()
        if village is None:
            raise ValidationError(
                _("Kode desa %(code)s tidak ditemukan."), params={"code": code}
            )
        return village

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("Kedua kata sandi tidak sama."))
        elif p1:
            try:
                password_validation.validate_password(p1)
            except ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned


class ProfileForm(forms.ModelForm):
    phone = PhoneField(label=_("Nomor HP"), required=False)

    class Meta:
        model = User
        fields = ["full_name", "email", "phone", "timezone"]
        labels = {"timezone": _("Zona waktu")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["timezone"].choices = TimeZone.choices

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone"):
            raise ValidationError(_("Isi email atau nomor HP, minimal salah satu."))
        return cleaned
