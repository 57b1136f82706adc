"""The admin's permission policy for the models a Balai owns: the one place.

Wagtail asks a model's permission policy *whether* a person may act on a model
("change", "view" …); most of its per-object views (copy, history, usage, inspect,
revisions, lock, the chooser) never ask it *which* rows. Here both are answered
with the instructor rule (`lms.scoping.balai_q`):

- `BalaiPermissionPolicy`: a `ModelPermissionPolicy` whose instance answers
  (`instances_user_has_permission_for`, `user_has_permission_for_instance`) keep
  to the rows of the Balais a person teaches. Registered in Wagtail's policy
  registry by `BalaiScopedViewSet`, so every Wagtail view that asks the registry
  (the delete view, bulk actions) follows it.
- `BalaiScopedViewSet`: a snippet viewset whose listing is those rows and every
  view it builds (each action Wagtail has, and any it adds) answers 404 for an
  object outside them; its chooser lists and hands out only those rows.
- `log_entries_visible`: the site-history report shows the log entries of those
  rows only (page entries follow the page policy of `courses.permissions`).

A model a Balai owns names the field holding its Balai (`balai_field`), e.g.
`course__balai_id` on quizzes, `bank__course__balai_id` on questions.
"""

from django.contrib.admin.utils import unquote
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.http import Http404

from wagtail.admin.views.generic.chooser import (
    BaseChooseView,
    ChosenMultipleViewMixin,
)
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import ModelLogEntry
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import scoping
from .models import User

# model -> the field holding its Balai, for every model registered here.
SCOPED_MODELS: dict[type, str] = {}


class BalaiPermissionPolicy(ModelPermissionPolicy):
    """Model permissions as Wagtail grants them, on the rows of one's Balai only."""

    def __init__(self, model, balai_field: str):
        super().__init__(model)
        self.balai_field = balai_field

    def visible(self, user: User) -> QuerySet:
        return self.model._default_manager.filter(
            scoping.balai_q(user, self.balai_field)
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.visible(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return (
            self.user_has_any_permission(user, actions)
            and self.visible(user).filter(pk=instance.pk).exists()
        )


def balai_policy(model) -> BalaiPermissionPolicy:
    policy = policy_registry.get_by_type(model)
    assert isinstance(policy, BalaiPermissionPolicy), model  # noqa: S101
    return policy


def _scoped_view_class(view_class, policy: BalaiPermissionPolicy):
    """`view_class` answering 404 for an object outside the person's Balai, and
    listing or handing out (chooser) only the rows within it."""

    def dispatch(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        visible = policy.visible(request.user)
        if pk is not None and not visible.filter(pk=unquote(str(pk))).exists():
            raise Http404
        return super(scoped, self).dispatch(request, *args, **kwargs)

    attrs = {"dispatch": dispatch, "__module__": view_class.__module__}
    if issubclass(view_class, BaseChooseView):

        def get_object_list(self):
            rows = super(scoped, self).get_object_list()
            return rows.filter(pk__in=policy.visible(self.request.user).values("pk"))

        attrs["get_object_list"] = get_object_list
    if issubclass(view_class, ChosenMultipleViewMixin):

        def get_objects(self, pks):
            rows = super(scoped, self).get_objects(pks)
            return rows.filter(pk__in=policy.visible(self.request.user).values("pk"))

        attrs["get_objects"] = get_objects
    scoped = type(view_class.__name__, (view_class,), attrs)
    return scoped


class _ScopedViews:
    """Every view a viewset builds goes through `_scoped_view_class`."""

    def construct_view(self, view_class, **kwargs):
        policy = balai_policy(self.model)
        return super().construct_view(_scoped_view_class(view_class, policy), **kwargs)


class BalaiScopedChooserViewSet(_ScopedViews, SnippetChooserViewSet):
    pass


class BalaiScopedViewSet(_ScopedViews, SnippetViewSet):
    """A snippet viewset of a model a Balai owns (set `balai_field`)."""

    balai_field = "balai_id"
    chooser_viewset_class = BalaiScopedChooserViewSet

    def __init__(self, *args, **kwargs):
        if self.model not in SCOPED_MODELS:
            SCOPED_MODELS[self.model] = self.balai_field
            register_permission_policy(
                self.model,
                BalaiPermissionPolicy(self.model, self.balai_field),
                exact_class=True,
            )
        super().__init__(*args, **kwargs)

    def get_queryset(self, request):
        return balai_policy(self.model).visible(request.user)


def log_entries_visible(entries: QuerySet, user: User) -> QuerySet:
    """Log entries without those of rows outside the person's Balai."""
    if not issubclass(entries.model, ModelLogEntry):
        return entries
    hidden = Q()
    for model in SCOPED_MODELS:
        visible_ids = (
            balai_policy(model)
            .visible(user)
            .annotate(pk_text=Cast("pk", CharField()))
            .values("pk_text")
        )
        hidden |= (
            Q(content_type__app_label=model._meta.app_label)
            & Q(content_type__model=model._meta.model_name)
            & ~Q(object_id__in=visible_ids)
        )
    return entries.exclude(hidden) if SCOPED_MODELS else entries


class ScopedLogEntriesView(LogEntriesView):
    """Wagtail's site-history report, on the entries a person may see."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return log_entries_visible(queryset, self.request.user)
