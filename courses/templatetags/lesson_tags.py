"""The lesson page's body: cached for everybody, activity blocks per request."""

from django import template

from ..lesson_body import lesson_body_render

register = template.Library()


@register.simple_tag(takes_context=True)
def lesson_body(context, lesson):
    """`{% lesson_body page %}`: the lesson's body (`courses.lesson_body`)."""
    return lesson_body_render(lesson, context)
