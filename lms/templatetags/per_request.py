"""`{% per_request name %}`: a value of this request that a shared page shows
(`lms.page_skeleton.PER_REQUEST`: nonce, visitor_name, full_path, csrf).

Rendered as the value, escaped; in a page skeleton, as its mark, put in by
`lms.page_skeleton.Skeleton.splice` on every request."""

from django import template

from ..page_skeleton import per_request_value

register = template.Library()


@register.simple_tag(takes_context=True)
def per_request(context, name):
    return per_request_value(context, name)
