"""Groups, page permissions and the moderation workflow for course authoring.

`authoring_setup()` is idempotent: the demo loader calls it on every start, and an
operator may call it on a production catalogue (see docs/courses.md).

- "Instruktur": admin access; add + change pages under the catalogue (never
  publish: their changes go through review); add/choose images and documents;
  manage cohorts; quizzes, question banks and questions (the "Asesmen" menu);
  certificate templates; H5P activities (Snippets → Aktivitas H5P). The Balai
  rule on top is in `courses.permissions` (pages) and `lms.admin_scoping`
  (the rest).
- "Peninjau" (reviewers): add, change and publish under the catalogue; they
  approve or reject in Wagtail's "Moderators approval" workflow, alongside Wagtail's
  own "Moderators" group.
- The catalogue is assigned that workflow: draft → submit for review → approve
  (publish) or request changes.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import CourseIndexPage

INSTRUCTORS_GROUP = "Instruktur"
REVIEWERS_GROUP = "Peninjau"
WORKFLOW_NAME = "Moderators approval"


def _perm(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_perms(group: Group, page, codenames: list[str]) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_perm("wagtailcore", codename)
        )


def _collection_perms(group: Group, codenames: list[tuple[str, str]]) -> None:
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    for app_label, codename in codenames:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_perm(app_label, codename)
        )


MEDIA_PERMS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
COHORT_PERMS = ["view_cohort", "add_cohort", "change_cohort"]
# The "Asesmen" admin menu (quizzes, banks, questions, import); the Balai rule on
# top is in `assessments.wagtail_hooks` (`assessments.selectors.courses_taught`).
ASSESSMENT_PERMS = [
    f"{action}_{model}"
    for model in ("quiz", "questionbank", "question")
    for action in ("view", "add", "change", "delete")
]

# Certificate templates: an instructor manages their own Balai's
# (`certificates.wagtail_hooks.CertificateTemplateViewSet`, by `lms.scoping.balai_q`).
CERTIFICATE_TEMPLATE_PERMS = [
    f"{action}_certificatetemplate" for action in ("view", "add", "change", "delete")
]

# H5P activities: an instructor uploads, places and manages their own Balai's
# (`content.wagtail_hooks.H5PActivityViewSet`, by `lms.scoping.balai_q`).
H5P_ACTIVITY_PERMS = [
    f"{action}_h5pactivity" for action in ("view", "add", "change", "delete")
]


def moderation_workflow_get_or_create() -> Workflow:
    """Wagtail's default "Moderators approval" workflow, reviewed by Peninjau too."""
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    elif not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = (
        GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow)
        .order_by("workflow_tasks__sort_order")
        .first()
    )
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    task.groups.add(reviewers, *Group.objects.filter(name="Moderators"))
    return workflow


@transaction.atomic
def authoring_setup(*, catalogue: CourseIndexPage) -> None:
    """Create (or complete) the authoring groups, permissions and workflow."""
    admin_access = _perm("wagtailadmin", "access_admin")

    instructors, _ = Group.objects.get_or_create(name=INSTRUCTORS_GROUP)
    instructors.permissions.add(
        admin_access,
        *(_perm("courses", codename) for codename in COHORT_PERMS),
        *(_perm("assessments", codename) for codename in ASSESSMENT_PERMS),
        *(_perm("certificates", codename) for codename in CERTIFICATE_TEMPLATE_PERMS),
        *(_perm("content", codename) for codename in H5P_ACTIVITY_PERMS),
    )
    _page_perms(instructors, catalogue, ["add_page", "change_page"])
    _collection_perms(instructors, MEDIA_PERMS)

    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    reviewers.permissions.add(admin_access)
    _page_perms(reviewers, catalogue, ["add_page", "change_page", "publish_page"])
    _collection_perms(reviewers, MEDIA_PERMS)

    workflow = moderation_workflow_get_or_create()
    WorkflowPage.objects.update_or_create(
        page=catalogue, defaults={"workflow": workflow}
    )
