"""`runserver` (also what `manage.py start` serves with) makes the site address
follow the address it serves on, unless SITE_URL is set: the certificates' QR
codes and the links in emails then open on this server."""

import os
import socket

from django.conf import settings
from django.contrib.staticfiles.management.commands.runserver import (
    Command as StaticRunserver,
)

ANY_ADDRESS = {"0", "0.0.0.0", "::"}  # noqa: S104 - names of "every address"


def lan_address() -> str:
    """This machine's address on its network (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def site_url_for(addr: str, port: str | int, *, ipv6: bool = False) -> str:
    """The address people reach a server listening on addr:port with."""
    host = lan_address() if addr in ANY_ADDRESS else addr
    if ipv6 and ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


class Command(StaticRunserver):
    def inner_run(self, *args, **options):
        if "SITE_URL" not in os.environ:
            settings.SITE_URL = site_url_for(self.addr, self.port, ipv6=self.use_ipv6)
            self.stdout.write(
                f"SITE_URL (QR sertifikat, tautan email): {settings.SITE_URL}"
            )
        return super().inner_run(*args, **options)
