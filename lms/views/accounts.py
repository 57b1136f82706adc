from django_ratelimit.core import is_ratelimited

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView, PasswordResetView
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lms.forms import LoginForm, ProfileForm, RegistrationForm
from lms.outbox import work_owe
from lms.services import cooperative_get_or_create, participant_register


class SignInView(LoginView):
    form_class = LoginForm
    template_name = "lms/login.html"
    redirect_authenticated_user = True


def _reset_email_key(group, request) -> str:
    return (request.POST.get("email") or "").strip().lower()


class ThrottledPasswordResetView(PasswordResetView):
    """Django's reset view, sending at most PASSWORD_RESET_RATE_ACCOUNT emails per
    account and PASSWORD_RESET_RATE_CLIENT requests per client. Past either, the
    same "check your email" page is shown and nothing is sent: the answer never
    tells whether an email is registered, or whether the limit was reached."""

    def form_valid(self, form):
        limited = is_ratelimited(
            self.request,
            group="password-reset-client",
            key="ip",
            rate=settings.PASSWORD_RESET_RATE_CLIENT,
            increment=True,
        )
        limited = (
            is_ratelimited(
                self.request,
                group="password-reset-account",
                key=_reset_email_key,
                rate=settings.PASSWORD_RESET_RATE_ACCOUNT,
                increment=True,
            )
            or limited
        )
        if limited:
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


@require_http_methods(["GET", "POST"])
def register(request):
    if request.user.is_authenticated:
        return redirect("lms:home")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and is_ratelimited(
        request,
        group="register-client",
        key="ip",
        rate=settings.REGISTER_RATE_CLIENT,
        increment=True,
    ):
        form.is_valid()
        form.add_error(
            None, _("Terlalu banyak pendaftaran dari perangkat ini. Coba lagi nanti.")
        )
        return render(request, "lms/register.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        taken = form.taken_by()
        if taken is not None:
            # Said to nobody here; the holder is told on their own channel.
            work_owe(
                task="lms.tasks.registration_attempt_notify_task",
                kwargs={"user_id": taken.pk},
                key=f"registration-attempt:{taken.pk}",
            )
            return render(request, "lms/register_received.html")
        try:
            with transaction.atomic():
                cooperative = cooperative_get_or_create(
                    name=data["cooperative_name"], village=data["village_code"]
                )
                user = participant_register(
                    full_name=data["full_name"],
                    password=data["password1"],
                    village=data["village_code"],
                    position=data["position"],
                    phone=data["phone"],
                    email=data["email"],
                    cooperative=cooperative,
                )
        except ValidationError as exc:
            if form.taken_by() is not None:  # taken a moment ago: said to nobody
                return render(request, "lms/register_received.html")
            form.add_error(None, exc.messages)
        else:
            login(request, user, backend="lms.auth.EmailOrPhoneBackend")
            messages.success(request, _("Selamat datang di Balai Daring!"))
            return redirect("lms:home")
    return render(request, "lms/register.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Profil tersimpan."))
        return redirect("lms:profile")
    return render(request, "lms/profile.html", {"form": form})
