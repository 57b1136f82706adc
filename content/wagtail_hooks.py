from wagtail.snippets.models import register_snippet

from .models import H5PActivity

register_snippet(H5PActivity)
