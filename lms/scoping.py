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
        if user.cooperative_id is None:
            return Cooperative.objects.none()
        return Cooperative.objects.filter(pk=user.cooperative_id)
    return Cooperative.objects.filter(village_scope(user, prefix="home_village__"))


def can_see_participant(user: User, participant: User) -> bool:
    return visible_participants(user).filter(pk=participant.pk).exists()


def can_monitor_regions(user: User) -> bool:
    """Dinas officers, business assistants and administrators follow regions."""
    return user.is_authenticated and (
        user.is_admin or user.role in (Role.DINAS, Role.ASSISTANT)
    )


def code_scope(user: User, field: str) -> Q:
    """A filter on a village-code field (`code`, `village__code`, …).

    Region codes nest by prefix (`63` → `63.03` → `63.03.05.2001`), so a region is
    one `startswith` on the code: no join to the village table. Used by the Dinas
    dashboards, exports and API over counters and people.
    """
    if not user.is_authenticated or not user.is_active:
        return NOTHING
    if user.is_admin:
        return Q()
    if user.role == Role.DINAS:
        if user.scope_regency_id:
            return Q(**{f"{field}__startswith": f"{user.scope_regency_id}."})
        if user.scope_province_id:
            return Q(**{f"{field}__startswith": f"{user.scope_province_id}."})
        return NOTHING
    if user.role == Role.ASSISTANT:
        return Q(**{f"{field}__in": user.assigned_villages.values("pk")})
    return NOTHING


def scope_root(user: User) -> str:
    """The widest region code a person follows ("" for the whole country)."""
    if not user.is_authenticated or user.is_admin:
        return ""
    if user.role == Role.DINAS:
        return user.scope_regency_id or user.scope_province_id or "-"
    if user.role == Role.ASSISTANT:
        codes = list(user.assigned_villages.values_list("pk", flat=True))
        if not codes:
            return "-"
        prefix = codes[0]
        for code in codes[1:]:
            while not code.startswith(prefix):
                prefix = prefix.rsplit(".", 1)[0] if "." in prefix else ""
        return prefix
    return "-"


def can_see_region(user: User, code: str) -> bool:
    """Whether a region code (province … village) lies within the person's scope."""
    root = scope_root(user)
    if root == "-":
        return False
    if root and not (code == root or code.startswith(f"{root}.")):
        return False
    if user.role == Role.ASSISTANT and len(code) > len(root):
        return user.assigned_villages.filter(
            Q(pk=code) | Q(pk__startswith=f"{code}.")
        ).exists()
    return True
