"""The real client address of a request, behind the proxies we trust.

Behind a reverse proxy (docs/operations.md) every request's REMOTE_ADDR is the
proxy's, so a limit keyed on it is one limit for everybody. The proxies listed in
`settings.TRUSTED_PROXIES` (addresses or networks) are believed about
X-Forwarded-For: walking it from the right, the first address that is not a
trusted proxy is the client. A request that did not come through a trusted proxy
is its REMOTE_ADDR, whatever headers it carries (a client cannot forge its way
out of a limit).

Used by the rate limits (`RATELIMIT_IP_META_KEY`) and the login lockout
(`AXES_CLIENT_IP_CALLABLE`).
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]):
    return tuple(ipaddress.ip_network(p.strip(), strict=False) for p in proxies if p)


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in net for net in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    if not _trusted(remote):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return remote
    return hops[0] if hops else remote
