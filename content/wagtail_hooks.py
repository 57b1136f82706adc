"""The H5P activities in the Wagtail admin (Snippets): upload, replace, delete
through the services, so files and library rows stay in step."""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    SnippetViewSet,
)

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
    pass


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


class H5PActivityViewSet(SnippetViewSet):
    model = H5PActivity
    icon = "pick"
    menu_label = _("Aktivitas H5P")
    add_view_class = H5PActivityCreateView
    edit_view_class = H5PActivityEditView
    delete_view_class = H5PActivityDeleteView
    list_display = [
        "title",
        StatusColumn("status", label=_("Status")),
        "pass_score",
        UpdatedAtColumn(),
    ]
    search_fields = ["title"]
    panels = [
        FieldPanel("title"),
        FieldPanel("package"),
        FieldPanel("pass_score"),
        HelpPanel(
            template="content/admin/activity_status.html", heading=_("Status paket")
        ),
    ]


H5PActivity.base_form_class = H5PActivityForm
register_snippet(H5PActivityViewSet)
