"""Reads of the platform's own domain."""

from django.db.models import QuerySet

from .models import Village


def village_search(*, query: str, limit: int = 30) -> QuerySet[Village]:
    """Villages whose name or code matches, for people looking up their village code."""
    query = query.strip()
    if len(query) < 3:
        return Village.objects.none()
    villages = Village.objects.select_related("district", "regency", "province")
    if query[:1].isdigit():
        return villages.filter(code__startswith=query)[:limit]
    return villages.filter(name__icontains=query)[:limit]
