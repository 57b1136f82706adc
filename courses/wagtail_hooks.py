from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .models import Track
from .permissions import explorer_pages_for

register_snippet(Track)


@hooks.register("construct_explorer_page_queryset")
def hide_other_balais_courses(parent_page, pages, request):
    return explorer_pages_for(user=request.user, pages=pages)
