"""Who may see and do what: the one place that decides.

Every view, template, export, API and admin hook that shows people, cooperatives,
villages, cohorts or courses asks here:

- `person_can(user)`: what a person may do at all (the flags templates read, put in
  every page's context as `can` by `lms.context_processors.capabilities`);
- `region_q(user, field)`: the villages a person follows, as a filter on any field
  that holds village codes (a Dinas officer their province or regency, a business
  assistant their assigned villages, an administrator everything);
- `visible_villages`, `visible_participants`, `visible_cooperatives`: the rows a
  person sees, built on `region_q`;
- `scope_root`, `can_see_region`, `sees_whole_region`: region codes in URLs, exports
  and the API;
- `balai_q`, `teaches`: the instructor rule (their Balai's courses and cohorts);
- `officer_cohorts_q`: the cohorts a Dinas officer may enrol an import into;
- `attendance_q`: whose attendance a person takes in a cohort (an instructor of
  its Balai: everyone's; a business assistant: their villages' participants);
- `cohort_reports_q`: the cohorts whose page and programme report a person sees
  (an instructor: their Balai's; a Dinas officer: those held in their region).
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from .models import Cooperative, Role, User, Village
from .regions import codes

NOTHING = Q(pk__in=[])
NO_REGION = "-"  # `scope_root` of a person who follows no region


# ---------------------------------------------------------------- capabilities


@dataclass(frozen=True)
class Capabilities:
    """What a person may do; templates read these flags, never the role."""

    study: bool = False  # participants: my learning, the catalogue, certificates
    teach: bool = False  # instructors: their Balai's courses in the admin
    follow_regions: bool = False  # participant lists and dashboards of a scope
    run_programmes: bool = False  # imports, cohorts, assistants, cooperative lists
    accompany_villages: bool = False  # assistants: their villages, whom to nudge
    open_admin: bool = False  # the Wagtail admin
    follow_cohorts: bool = False  # cohort pages: schedule, attendance, reports


def person_can(user: User) -> Capabilities:
    """The capabilities of a person (none for a visitor or a disabled account)."""
    if not user.is_authenticated or not user.is_active:
        return Capabilities()
    admin = user.is_admin
    return Capabilities(
        study=user.role == Role.PARTICIPANT,
        teach=user.role == Role.INSTRUCTOR,
        follow_regions=admin or user.role in (Role.DINAS, Role.ASSISTANT),
        run_programmes=admin or user.role == Role.DINAS,
        accompany_villages=user.role == Role.ASSISTANT,
        open_admin=user.is_staff,
        follow_cohorts=admin
        or user.role in (Role.INSTRUCTOR, Role.DINAS, Role.ASSISTANT),
    )


# ---------------------------------------------------------------- regions


def region_q(user: User, field: str = "code") -> Q:
    """The villages a person follows, as a filter on a field of village codes.

    `field` is `code` on villages, `village__code` on people and on the Dinas
    counters, `home_village__code` on cooperatives: region codes nest by prefix,
    so a region is one prefix test on the code (`lms.regions.codes`), with no
    join to the village table.
    """
    if not user.is_authenticated or not user.is_active:
        return NOTHING
    if user.is_admin:
        return Q()
    if user.role == Role.DINAS:
        root = user.scope_regency_id or user.scope_province_id
        return codes.villages_within_q(field, root) if root else NOTHING
    if user.role == Role.ASSISTANT:
        return Q(**{f"{field}__in": user.assigned_villages.values("pk")})
    return NOTHING


def visible_villages(user: User) -> QuerySet[Village]:
    return Village.objects.filter(region_q(user, "code"))


def visible_participants(user: User) -> QuerySet[User]:
    participants = User.objects.filter(role=Role.PARTICIPANT)
    if user.is_authenticated and user.role == Role.PARTICIPANT:
        return participants.filter(pk=user.pk)
    return participants.filter(region_q(user, "village__code"))


def visible_cooperatives(user: User) -> QuerySet[Cooperative]:
    """Cooperatives a person sees.

    A Dinas officer sees the cooperatives seated (home village) in their region,
    as the tallies count them; a business assistant the cooperatives that serve
    any of their villages (a merged village's cooperative is often seated in the
    neighbouring one, and it is the one the assistant works with); a participant
    their own; an administrator all.
    """
    if not user.is_authenticated or not user.is_active:
        return Cooperative.objects.none()
    if user.is_admin:
        return Cooperative.objects.all()
    if user.role == Role.PARTICIPANT:
        if user.cooperative_id is None:
            return Cooperative.objects.none()
        return Cooperative.objects.filter(pk=user.cooperative_id)
    if user.role == Role.ASSISTANT:
        serving = Cooperative.villages.through.objects.filter(
            region_q(user, "village__code")
        ).values("cooperative_id")
        return Cooperative.objects.filter(pk__in=serving)
    return Cooperative.objects.filter(region_q(user, "home_village__code"))


def scope_root(user: User) -> str:
    """The widest region code a person follows ("" for the whole country,
    `NO_REGION` for someone who follows none)."""
    if not user.is_authenticated or not user.is_active:
        return NO_REGION
    if user.is_admin:
        return ""
    if user.role == Role.DINAS:
        return user.scope_regency_id or user.scope_province_id or NO_REGION
    if user.role == Role.ASSISTANT:
        villages = list(user.assigned_villages.values_list("pk", flat=True))
        return codes.common_root(villages) if villages else NO_REGION
    return NO_REGION


def can_see_region(user: User, code: str) -> bool:
    """Whether a region code (country … village) lies within the person's scope.

    An assistant sees a region only where it holds one of their villages."""
    root = scope_root(user)
    if root == NO_REGION or not codes.is_within(code, root):
        return False
    if user.role == Role.ASSISTANT and code != root:
        return user.assigned_villages.filter(codes.within_q("pk", code)).exists()
    return True


def sees_whole_region(user: User, code: str) -> bool:
    """Whether the person sees all of region `code` (so region roll-ups may answer
    for them): administrators, and officers within their region."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_admin:
        return True
    return user.role == Role.DINAS and can_see_region(user, code)


# ---------------------------------------------------------------- courses, cohorts

_EVERY_BALAI = object()


def _balai_taught(user: User):
    """The Balai whose courses a person teaches (`_EVERY_BALAI` for admins)."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_admin:
        return _EVERY_BALAI
    if user.role == Role.INSTRUCTOR and user.balai_id:
        return user.balai_id
    return None


def balai_q(user: User, field: str = "balai_id") -> Q:
    """The instructor rule, as a filter: rows of the courses a person teaches.

    `field` names the Balai on the rows filtered (`balai_id` on courses,
    `course__balai_id` on cohorts and quizzes …). Administrators: every course;
    an instructor: their Balai's; anyone else: none."""
    balai = _balai_taught(user)
    if balai is _EVERY_BALAI:
        return Q()
    if balai is None:
        return NOTHING
    return Q(**{field: balai})


def teaches(user: User, *, balai_id: int | None) -> bool:
    """The instructor rule for one course: whether the person teaches its Balai's."""
    balai = _balai_taught(user)
    return balai is _EVERY_BALAI or (balai is not None and balai == balai_id)


def officer_cohorts_q(user: User, *, own: bool = False) -> Q:
    """The cohorts a Dinas officer may enrol an import into, as a filter on cohorts
    (`regency`, `province`): those run within their region, those run for a wider
    region that holds it, and those run for no region. Administrators: all.

    `own`: only those run within their region, the cohorts they create and edit
    from the Dinas area (a province officer: the province's and its regencies';
    a regency officer: the regency's)."""
    if not user.is_authenticated or not user.is_active:
        return NOTHING
    if user.is_admin:
        return Q()
    if user.role != Role.DINAS:
        return NOTHING
    root = scope_root(user)
    if root == NO_REGION:
        return NOTHING
    if own and codes.level_of(root) == codes.REGENCY:
        return Q(regency_id=root)
    if own:
        return Q(province_id=root) | codes.within_q("regency__code", root)
    national = Q(regency__isnull=True, province__isnull=True)
    if codes.level_of(root) == codes.REGENCY:
        province_wide = Q(regency__isnull=True, province_id=codes.province_of(root))
        return Q(regency_id=root) | province_wide | national
    return Q(province_id=root) | codes.within_q("regency__code", root) | national


# ---------------------------------------------------------------- blended cohorts


def attendance_q(user: User, *, balai_id: int | None, field: str) -> Q:
    """Whose attendance a person takes in a cohort of Balai `balai_id`, as a filter
    on a field of participants' village codes (`user__village_id` on enrolments).

    The cohort's Balai's instructors (and administrators): every participant; a
    business assistant: the participants of their villages; anyone else: none."""
    if teaches(user, balai_id=balai_id):
        return Q()
    if user.is_authenticated and user.is_active and user.role == Role.ASSISTANT:
        return region_q(user, field)
    return NOTHING


def cohort_reports_q(user: User) -> Q:
    """The cohorts whose page and programme report a person sees, as a filter on
    cohorts: administrators all; an instructor their Balai's; a Dinas officer those
    held in their region (the cohort's regency, or its province, within their
    scope: a regency officer does not see a province-wide cohort, whose
    participants come from other regencies too)."""
    if not user.is_authenticated or not user.is_active:
        return NOTHING
    if user.is_admin:
        return Q()
    if user.role == Role.INSTRUCTOR:
        return balai_q(user, "course__balai_id")
    if user.role != Role.DINAS:
        return NOTHING
    root = scope_root(user)
    if root == NO_REGION:
        return NOTHING
    held_in_regency = Q(regency__isnull=False) & codes.within_q("regency__code", root)
    if codes.level_of(root) == codes.PROVINCE:
        return held_in_regency | Q(regency__isnull=True, province_id=root)
    return held_in_regency
