from django.shortcuts import render

from lms.selectors import home_sections


def home(request):
    """Beranda: what each person needs first, by role."""
    return render(request, "lms/home.html", {"sections": home_sections(request.user)})
