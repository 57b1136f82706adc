from zoneinfo import ZoneInfo

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
