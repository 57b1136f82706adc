"""The platform's own pages in the Wagtail admin: the personal-data access log,
read-only, for administrators (docs/privacy.md)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import PersonalDataAccess


class AdministratorsReadPolicy(ModelPermissionPolicy):
    """Administrators may read; nobody adds, changes or deletes (the beat job
    prunes past the retention period)."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_admin

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(
    PersonalDataAccess, AdministratorsReadPolicy(PersonalDataAccess), exact_class=True
)


class PersonalDataAccessViewSet(ModelViewSet):
    model = PersonalDataAccess
    icon = "view"
    menu_label = _("Log akses data pribadi")
    menu_name = "log-akses-data"
    name = "log_akses_data"
    add_to_admin_menu = True
    menu_order = 900
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["reason"]  # never shown: nobody may add or edit
    list_display = [
        DateColumn("at", label=_("Waktu")),
        Column("actor_label", label=_("Oleh")),
        Column("action", label=_("Tindakan"), accessor="get_action_display"),
        Column("what", label=_("Data")),
        Column("subject_count", label=_("Jumlah peserta")),
        Column("reason", label=_("Alasan")),
    ]
    list_filter = ["action", "at"]
    inspect_view_fields = [
        "at",
        "actor_label",
        "action",
        "what",
        "reason",
        "subject_count",
        "subject_ids",
    ]


@hooks.register("register_admin_viewset")
def personal_data_access_viewset():
    return PersonalDataAccessViewSet()
