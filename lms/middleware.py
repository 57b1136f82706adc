from zoneinfo import ZoneInfo

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

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
class SiteCSPMiddleware(CSPMiddleware):
    """The site's Content-Security-Policy (settings.CONTENT_SECURITY_POLICY):
    scripts from our own static files, or inline only with the request's nonce.

    Two additions per request:
    - a page that frames the H5P content origin (the H5P block) names it in
      `request.csp_frame_src`, and only that page may frame it;
    - the Wagtail admin (`/admin/`) writes inline scripts of its own (date
      widgets, inline panels) without a nonce: there, and only there, inline
      scripts are allowed (no nonce, which would disable 'unsafe-inline'). The
      admin is for signed-in staff; its pages carry no participant-written script
      (77 pages with stored payloads ran none, issue 12).

    A response that sets its own policy keeps it (the H5P player, H5P files,
    uploaded files).
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        frames = sorted(getattr(request, "csp_frame_src", ()) or ())
        if frames:
            parts.update = {**(parts.update or {}), "frame-src": frames}
        if request.path.startswith("/admin/"):
            parts.replace = {
                **(parts.replace or {}),
                "script-src": [SELF, UNSAFE_INLINE],
            }
            parts.nonce = None
        return parts
