from zoneinfo import ZoneInfo

from django.shortcuts import render
from django.utils import timezone


class UserTimezoneMiddleware:
    """Show times in the person's own zone (WIB, WITA or WIT)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.timezone:
            timezone.activate(ZoneInfo(user.timezone))
        else:
            timezone.deactivate()
        return self.get_response(request)


DEBUG_PAGE_MARK = b"because you have <code>DEBUG = True</code>"


class OwnErrorPagesMiddleware:
    """The embedded default runs with DEBUG on; a participant there still sees the
    project's own 404 and 500 pages in Bahasa Indonesia, not Django's English
    debug pages (the error itself is still logged on the console). Set
    DJANGO_DEBUG_PAGES=1 to see Django's pages while developing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code not in (404, 500) or getattr(
            response, "streaming", False
        ):
            return response
        if DEBUG_PAGE_MARK not in response.content:
            return response
        template = "404.html" if response.status_code == 404 else "500.html"
        return render(request, template, status=response.status_code)
