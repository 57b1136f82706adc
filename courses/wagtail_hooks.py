from wagtail.snippets.models import register_snippet

from .models import Track

register_snippet(Track)
