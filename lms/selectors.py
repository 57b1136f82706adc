"""Reads of the platform's own domain."""

from django.db.models import QuerySet

from .models import User, Village


def village_search(*, query: str, limit: int = 30) -> QuerySet[Village]:
    """Villages whose name or code matches, for people looking up their village code."""
    query = query.strip()
    if len(query) < 3:
        return Village.objects.none()
    villages = Village.objects.select_related("district", "regency", "province")
    if query[:1].isdigit():
        return villages.filter(code__startswith=query)[:limit]
    return villages.filter(name__icontains=query)[:limit]


def home_sections(user: User) -> dict:
    """What the home page shows a person; each app adds its own part."""
    sections: dict = {}
    if not user.is_authenticated:
        return sections
    from . import scoping

    if scoping.can_monitor_regions(user):
        from django.urls import reverse

        sections["dashboard_url"] = reverse(
            "dinas:assistant_home" if user.role == "assistant" else "dinas:dashboard"
        )
    from courses.selectors import home_courses

    sections["courses"] = home_courses(user=user)
    return sections
