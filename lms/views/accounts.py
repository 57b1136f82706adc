from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lms.forms import LoginForm, ProfileForm, RegistrationForm
from lms.services import cooperative_get_or_create, participant_register


class SignInView(LoginView):
    form_class = LoginForm
    template_name = "lms/login.html"
    redirect_authenticated_user = True


@require_http_methods(["GET", "POST"])
def register(request):
    if request.user.is_authenticated:
        return redirect("lms:home")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
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
        except ValidationError as exc:  # e.g. the phone taken a moment ago
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
