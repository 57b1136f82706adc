"""The home page: project wiring that composes what each app shows first."""

from django.shortcuts import render

from courses.selectors import home_courses
from lms.scoping import person_can


def home(request):
    """Beranda: what each person needs first (their courses, when they study)."""
    sections = {}
    if person_can(request.user).study:
        sections["courses"] = home_courses(user=request.user)
    return render(request, "lms/home.html", {"sections": sections})
