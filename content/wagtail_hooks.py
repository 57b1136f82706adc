"""The H5P activities in the Wagtail admin (Snippets): upload, replace, delete
through the services, so files and library rows stay in step.

An activity belongs to a Balai: an instructor lists, edits, copies, deletes and
chooses (in a lesson's H5P block) their own Balai's only, and what they create is
their Balai's (`lms.admin_scoping`); administrators see and assign every Balai.
"""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, DeleteView, EditView

from courses.permissions import course_balai_locked_for
from lms.admin_scoping import BalaiScopedViewSet

from .forms import H5PActivityForm
from .models import H5PActivity
from .services import activity_delete, activity_package_submit


class _PackageSaving:
    def save_instance(self):
        instance = super().save_instance()
        upload = self.form.cleaned_data.get("package")
        if upload is not None:
            activity_package_submit(activity=instance, upload=upload)
            instance.refresh_from_db()
            # What was installed, upgraded, ignored or reused (a large package
            # shows it on its edit page once the task has installed it).
            for note in instance.notes:
                messages.info(self.request, note)
        return instance


class H5PActivityCreateView(_PackageSaving, CreateView):
    def save_instance(self):
        balai_id = course_balai_locked_for(self.request.user)
        if balai_id is not None:
            # An instructor's new activity is their Balai's, whatever was posted.
            self.form.instance.balai_id = balai_id or None
        return super().save_instance()


class H5PActivityEditView(_PackageSaving, EditView):
    pass


class H5PActivityDeleteView(DeleteView):
    def delete_action(self):
        activity_delete(activity=self.object)


class StatusColumn(Column):
    def get_value(self, instance):
        text = instance.get_status_display()
        if instance.status == H5PActivity.Status.FAILED and instance.problems:
            text = f"{text}: {' '.join(instance.problems)}"
        return text


class H5PActivityViewSet(BalaiScopedViewSet):
    model = H5PActivity
    balai_field = "balai_id"
    icon = "pick"
    menu_label = _("Aktivitas H5P")
    add_view_class = H5PActivityCreateView
    edit_view_class = H5PActivityEditView
    delete_view_class = H5PActivityDeleteView
    list_display = [
        "title",
        "balai",
        StatusColumn("status", label=_("Status")),
        "pass_score",
        UpdatedAtColumn(),
    ]
    search_fields = ["title"]
    panels = [
        FieldPanel("title"),
        FieldPanel("balai"),
        FieldPanel("package"),
        FieldPanel("pass_score"),
        HelpPanel(
            template="content/admin/activity_status.html", heading=_("Status paket")
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("balai")


H5PActivity.base_form_class = H5PActivityForm
register_snippet(H5PActivityViewSet)
