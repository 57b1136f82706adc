from wagtail.snippets.models import register_snippet

from .models import Quiz

register_snippet(Quiz)
