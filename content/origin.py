"""The H5P content origin: the player document and the H5P files, and nothing else,
under a host name of their own.

H5P content is code written by whoever made the package. It runs in an iframe
whose document comes from this origin, never from the platform's: there it may
have a real origin (`allow-same-origin`, which nested iframes, canvases and
storage need), while the platform's cookies, pages and endpoints stay out of its
reach, because the browser treats the platform as another site.

- Production: `H5P_FILES_URL` names the origin (``https://h5p.balaidaring.id/``),
  a host name under no cookie domain of the platform.
- Embedded default (`manage.py start`): the same app also listens on
  `H5P_LOCAL_PORT` (8001), reached under the other loopback name than the
  platform's (``127.0.0.1`` ↔ ``localhost``). A second port alone is not enough:
  cookies are scoped by host name, not by port.

Requests to that origin are routed to `content.h5p_urls` only. Their cookies are
dropped before any middleware reads them (no session, no user), and responses set
none.
"""

from collections.abc import Callable
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

H5P_URLCONF = "content.h5p_urls"
_DEFAULT_PORTS = {"http": 80, "https": 443}
# The loopback name the embedded default serves H5P under, for each platform name.
_OTHER_LOOPBACK = {"127.0.0.1": "localhost", "localhost": "127.0.0.1"}


def _host_port(netloc: str, scheme: str) -> tuple[str, int | None]:
    parts = urlsplit(f"{scheme}://{netloc}")
    return (parts.hostname or "").lower(), parts.port or _DEFAULT_PORTS.get(scheme)


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL, as browsers write an origin."""
    parts = urlsplit(url)
    host, port = _host_port(parts.netloc, parts.scheme)
    if ":" in host:
        host = f"[{host}]"
    default = _DEFAULT_PORTS.get(parts.scheme)
    return f"{parts.scheme}://{host}" + ("" if port == default else f":{port}")


def request_origin(request: HttpRequest) -> str:
    return origin_of(f"{request.scheme}://{request.get_host()}")


def h5p_base_url(request: HttpRequest) -> str | None:
    """The H5P origin as seen from this platform request (``scheme://host/``), or
    None when there is none to use (not configured, or it would share cookies
    with the platform)."""
    if settings.H5P_FILES_URL:
        base = origin_of(settings.H5P_FILES_URL) + "/"
    elif settings.H5P_LOCAL_PORT:
        host, _port = _host_port(request.get_host(), request.scheme)
        other = _OTHER_LOOPBACK.get(host)
        if other is None:
            return None
        base = f"{request.scheme}://{other}:{settings.H5P_LOCAL_PORT}/"
    else:
        return None
    return base if shares_no_cookies(base, request.get_host()) else None


def player_url(*, base: str, activity_id: int, ticket: str) -> str:
    """The player's address on the H5P origin (`base` from `h5p_base_url`)."""
    path = reverse("h5p-player", urlconf=H5P_URLCONF, args=[activity_id])
    return f"{base}{path.lstrip('/')}?{urlencode({'t': ticket})}"


def shares_no_cookies(h5p_url: str, platform_host: str) -> bool:
    """The browser sends the platform's cookies to no URL of the H5P origin: the
    host names differ (ports do not count) and no cookie domain covers it."""
    h5p_host = (urlsplit(h5p_url).hostname or "").lower()
    platform = (urlsplit(f"http://{platform_host}").hostname or "").lower()
    if not h5p_host or h5p_host == platform:
        return False
    for domain in (settings.SESSION_COOKIE_DOMAIN, settings.CSRF_COOKIE_DOMAIN):
        if domain:
            domain = domain.lower().lstrip(".")
            if h5p_host == domain or h5p_host.endswith(f".{domain}"):
                return False
    return True


def is_h5p_request(request: HttpRequest) -> bool:
    """The request came to the H5P origin."""
    if settings.H5P_FILES_URL:
        wanted = urlsplit(settings.H5P_FILES_URL)
        host = request.META.get("HTTP_HOST") or request.META.get("SERVER_NAME", "")
        given = urlsplit(f"//{host}")
        if (given.hostname or "").lower() != (wanted.hostname or "").lower():
            return False
        # A Host header without a port means the scheme's default, whichever
        # scheme the proxy reports.
        return (
            given.port is None
            or given.port == _host_port(wanted.netloc, wanted.scheme)[1]
        )
    if settings.H5P_LOCAL_PORT:
        return request.META.get("SERVER_PORT") == str(settings.H5P_LOCAL_PORT)
    return False


class H5POriginMiddleware:
    """On the H5P origin: only `content.h5p_urls`, no cookie in, none out.

    Placed before the session, CSRF and authentication middleware, so that they
    see a request without cookies: no session is loaded, no user is known.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_h5p_request(request):
            return self.get_response(request)
        request.META.pop("HTTP_COOKIE", None)
        request.COOKIES = {}
        request.urlconf = H5P_URLCONF
        response = self.get_response(request)
        response.cookies.clear()
        return response
