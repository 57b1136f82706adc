"""Who may see which people, cooperatives and villages: the one place that decides.

Every view, export and API that lists people, cooperatives or villages starts from
these functions. A Dinas officer sees their province or regency; a business
assistant sees their assigned villages; a participant sees only themself; an
administrator sees everything; an instructor sees the participants enrolled in their
Balai's courses (see `courses.selectors`), and no region as such.
"""

from django.db.models import Q, QuerySet

from .models import Cooperative, Regency, Role, User, Village

NOTHING = Q(pk__in=[])


def village_scope(user: User, prefix: str = "") -> Q:
    """A filter on villages (or on rows that reach a village through `prefix`)."""
    if not user.is_authenticated or not user.is_active:
        return NOTHING
    if user.is_admin:
        return Q()
    if user.role == Role.DINAS:
        if user.scope_regency_id:
            return Q(**{f"{prefix}regency_id": user.scope_regency_id})
        if user.scope_province_id:
            return Q(**{f"{prefix}province_id": user.scope_province_id})
        return NOTHING
    if user.role == Role.ASSISTANT:
        key = f"{prefix}pk__in" if prefix else "pk__in"
        return Q(**{key: user.assigned_villages.values("pk")})
    return NOTHING


def visible_villages(user: User) -> QuerySet[Village]:
    return Village.objects.filter(village_scope(user))


def visible_regencies(user: User) -> QuerySet[Regency]:
    if user.is_authenticated and user.is_admin:
        return Regency.objects.all()
    return Regency.objects.filter(pk__in=visible_villages(user).values("regency_id"))


def visible_participants(user: User) -> QuerySet[User]:
    participants = User.objects.filter(role=Role.PARTICIPANT)
    if user.is_authenticated and user.role == Role.PARTICIPANT:
        return participants.filter(pk=user.pk)
    return participants.filter(village_scope(user, prefix="village__"))


def visible_cooperatives(user: User) -> QuerySet[Cooperative]:
    if user.is_authenticated and user.is_admin:
        return Cooperative.objects.all()
    if user.is_authenticated and user.role == Role.PARTICIPANT:
        return Cooperative.objects.filter(pk=user.cooperative_id)
    return Cooperative.objects.filter(village_scope(user, prefix="home_village__"))


def can_see_participant(user: User, participant: User) -> bool:
    return visible_participants(user).filter(pk=participant.pk).exists()


def can_monitor_regions(user: User) -> bool:
    """Dinas officers, business assistants and administrators follow regions."""
    return user.is_authenticated and (
        user.is_admin or user.role in (Role.DINAS, Role.ASSISTANT)
    )
