import contextlib
import shutil
import socketserver
import subprocess
import threading

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.servers.basehttp import (
    WSGIRequestHandler,
    WSGIServer,
    get_internal_wsgi_application,
)


class _ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


def h5p_origin_serve(port: int) -> list[WSGIServer]:
    """Serve the same app on the H5P content origin's port (content/origin.py), on
    both loopback addresses, each in a daemon thread; return the servers.

    Raises OSError when the port is taken on 127.0.0.1."""
    handler = StaticFilesHandler(get_internal_wsgi_application())
    servers = [_ThreadingWSGIServer(("127.0.0.1", port), WSGIRequestHandler)]
    with contextlib.suppress(OSError):  # "localhost" may resolve to ::1 first
        servers.append(
            _ThreadingWSGIServer(("::1", port), WSGIRequestHandler, ipv6=True)
        )
    for server in servers:
        server.set_app(handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    return servers


def npm_install() -> None:
    root = settings.BASE_DIR
    npm = shutil.which("npm")
    if npm is None:
        raise CommandError(
            "Node.js dan npm dibutuhkan (untuk pemutar H5P). Pasang Node 18+."
        )
    stamp = root / "node_modules" / ".package-lock.json"
    manifest = root / "package.json"
    if stamp.exists() and stamp.stat().st_mtime >= manifest.stat().st_mtime:
        return
    command = "ci" if (root / "package-lock.json").exists() else "install"
    subprocess.run(  # noqa: S603
        [
            npm,
            command,
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ],
        cwd=root,
        check=True,
    )


class Command(BaseCommand):
    help = "Set up everything (packages, database, regions, demo) and serve on :8000."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="Set up only.")
        parser.add_argument("--addrport", default="127.0.0.1:8000")

    def handle(self, *args, no_serve: bool, addrport: str, **options):
        self.stdout.write("Memasang paket npm (pemutar H5P) …")
        npm_install()
        self.stdout.write("Menyiapkan basis data …")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_wilayah")
        call_command("load_demo")
        if no_serve:
            return
        port = settings.H5P_LOCAL_PORT
        if port and not settings.H5P_FILES_URL:
            try:
                h5p_origin_serve(port)
            except OSError as exc:
                self.stderr.write(
                    f"Port {port} untuk konten H5P tidak dapat dipakai ({exc}); "
                    "aktivitas H5P tidak akan berjalan. Atur H5P_LOCAL_PORT."
                )
            else:
                self.stdout.write(
                    f"Konten H5P dilayani dari asalnya sendiri di port {port} "
                    f"(http://localhost:{port}/ bila platform dibuka di 127.0.0.1)."
                )
        self.stdout.write(
            self.style.SUCCESS(
                f"\nBalai Daring berjalan di http://{addrport}/  (Ctrl+C untuk berhenti)"
            )
        )
        call_command("runserver", addrport, use_reloader=False)
