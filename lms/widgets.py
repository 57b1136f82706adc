"""Admin widgets shared by the apps."""

from collections.abc import Callable

from django import forms


class FollowingSelect(forms.Select):
    """A dropdown that follows another: each option is marked with its parent
    (`data-parent`), and static/js/follow-parent.js offers only the chosen
    parent's options (a province's regencies, a bank's categories). `search`,
    when given, is the placeholder of a search box shown above the dropdown."""

    def __init__(
        self,
        *,
        follows: str,
        parent_of: Callable,
        label_of: Callable | None = None,
        search: str | None = None,
        attrs=None,
    ):
        super().__init__(attrs)
        self.attrs["data-follows"] = follows
        if search:
            self.attrs["data-search"] = search
        self.parent_of = parent_of
        self.label_of = label_of

    class Media:
        js = ["js/follow-parent.js"]

    def create_option(self, name, value, label, selected, index, **kwargs):
        option = super().create_option(name, value, label, selected, index, **kwargs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-parent"] = str(self.parent_of(instance))
            if self.label_of is not None:
                option["label"] = self.label_of(instance)
        return option


def select_in_place(field, widget: forms.Select | None = None) -> None:
    """A plain dropdown in place of a chooser (a modal is one step too many)."""
    field.widget = widget or forms.Select()
    field.widget.choices = field.choices
