"""Template context of every page."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .scoping import person_can


def capabilities(request: HttpRequest) -> dict:
    """`can`: what the person may do (`lms.scoping.person_can`), for menus and pages.

    Templates read these flags and never test a role themselves."""
    return {"can": SimpleLazyObject(lambda: person_can(request.user))}
