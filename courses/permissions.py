"""Who may author which course: the Balai rule on top of Wagtail's page permissions.

Wagtail's group page permissions are tree-wide: the "Instruktur" group gets "add"
and "change" on the catalogue (set up by `courses.authoring.authoring_setup`). The
rule that an instructor touches only their own Balai's courses, and everything
below them, lives here:

- `BalaiPagePermissionTester` (returned by the course pages' `permissions_for_user`)
  takes every permission away on another Balai's course, module or lesson, and
  leaves an instructor only "add" on the catalogue itself (they create courses, they
  do not edit the catalogue page). Edit, delete, move, copy, lock, revisions,
  preview and the action menu all ask this tester, so they all follow.
- `explorer_pages_for` hides other Balais' course trees from the explorer listing.
- `BalaiPagePermissionPolicy` (registered for `Page` in Wagtail's policy registry
  by `courses.apps`) keeps the pages a person may explore or act on to the same
  rule, so the admin pages API (`?search=`, `?child_of=`, the page chooser) and the
  site-history report show no other Balai's course, published or not.
- `course_balai_locked_for` and `balai_field_lock`: a course or H5P activity form
  fixes `balai` to the instructor's.

`courses.models` imports this module (the pages' permission tester and form), so the
page models are imported where they are used, once the models module has loaded.
"""

from django.db.models import Q, QuerySet

from wagtail.models import PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

from lms.models import Balai, Role, User


def balai_bound(user: User) -> bool:
    """Instructors (not administrators) are bound to their own Balai."""
    return (
        user.is_authenticated
        and not user.is_superuser
        and not user.is_admin
        and user.role == Role.INSTRUCTOR
    )


def page_balai_id(page) -> int | None:
    """The Balai owning a course page or a module/lesson below it (None elsewhere)."""
    from .models import CoursePage  # courses.models imports this module

    if isinstance(page, CoursePage):
        return page.balai_id
    if not page.path:
        return None
    return (
        CoursePage.objects.ancestor_of(page).values_list("balai_id", flat=True).first()
    )


class BalaiPagePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        if not (user.is_active and balai_bound(user)):
            return
        from .models import CourseIndexPage  # courses.models imports this module

        if isinstance(page, CourseIndexPage):
            self.permissions = self.permissions & {"add"}
        elif user.balai_id is None or page_balai_id(page) != user.balai_id:
            self.permissions = set()


def explorer_pages_for(*, user: User, pages: QuerySet) -> QuerySet:
    """The explorer listing without other Balais' courses and their descendants."""
    if not balai_bound(user):
        return pages
    from .models import CoursePage  # courses.models imports this module

    other_paths = list(
        CoursePage.objects.exclude(balai_id=user.balai_id).values_list(
            "path", flat=True
        )
    )
    if not other_paths:
        return pages
    hidden = Q()
    for path in other_paths:
        hidden |= Q(path__startswith=path)
    return pages.exclude(hidden)


def course_balai_locked_for(user: User | None) -> int | None:
    """The Balai id a course form must use for this user, or None if free to choose."""
    if user is None or not balai_bound(user):
        return None
    return user.balai_id or 0


def balai_field_lock(form) -> None:
    """An admin form of something a Balai owns (a course, an H5P activity): for an
    instructor (`form.for_user`) its `balai` field is fixed to their own Balai,
    whatever is posted; an administrator chooses it."""
    balai_id = course_balai_locked_for(getattr(form, "for_user", None))
    if balai_id is None or "balai" not in form.fields:
        return
    field = form.fields["balai"]
    field.queryset = Balai.objects.filter(pk=balai_id)
    field.disabled = True
    if not form.instance.balai_id:
        form.initial["balai"] = balai_id


class BalaiPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy without other Balais' course trees."""

    def explorable_instances(self, user):
        return explorer_pages_for(user=user, pages=super().explorable_instances(user))

    def instances_user_has_any_permission_for(self, user, actions):
        pages = super().instances_user_has_any_permission_for(user, actions)
        return explorer_pages_for(user=user, pages=pages)
