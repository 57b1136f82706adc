"""`{% shared_fragment %}`: a part of a page that is the same for every visitor,
rendered once per process.

    {% load shared_fragments %}
    {% shared_fragment "footer" %}...{% endshared_fragment %}
    {% shared_fragment "nav" can %}...{% endshared_fragment %}

The fragment is kept under its name, the active language, the URL prefix and the
values named after the name (e.g. the visitor's capabilities `can`, the same for
every person with the same role): only what those decide may reach it. Never put
anything of one visitor inside (their name, a CSRF token, a nonce, the request's
path): those stay outside, around the fragment.

What such a fragment holds (translated text, `{% url %}`, `{% static %}`) changes
only with a deployment, which starts new processes; the memory is per process (no
cache server round trip) and bounded (`MAX_FRAGMENTS`: cleared when full).
"""

from django import template
from django.urls import get_script_prefix
from django.utils import translation

register = template.Library()

MAX_FRAGMENTS = 256
_fragments: dict[tuple, str] = {}


class SharedFragmentNode(template.Node):
    def __init__(self, name, vary_on, nodelist):
        self.name = name
        self.vary_on = vary_on
        self.nodelist = nodelist

    def render(self, context):
        key = (
            self.name,
            translation.get_language(),
            get_script_prefix(),
            # str(): a lazy value (`can`) is evaluated, not shown as a function.
            *(str(value.resolve(context)) for value in self.vary_on),
        )
        found = _fragments.get(key)
        if found is None:
            found = self.nodelist.render(context)
            if len(_fragments) >= MAX_FRAGMENTS:
                _fragments.clear()
            _fragments[key] = found
        return found  # safe: what the template engine rendered


@register.tag("shared_fragment")
def shared_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' takes a quoted name, then the values it varies on."
        )
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(
        bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]], nodelist
    )


def shared_fragments_clear() -> None:
    """Forget every fragment (tests that change what a fragment shows)."""
    _fragments.clear()
