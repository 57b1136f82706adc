from django import template

from certificates.selectors import certificate_for_enrollment

register = template.Library()


@register.simple_tag
def course_certificate(enrollment):
    """The enrolment's certificate, if issued (for the course page)."""
    return certificate_for_enrollment(enrollment=enrollment or None)
