"""`manage.py test` runs the whole pytest suite (Django's own runner is not used)."""

import os
import shutil
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from lms.management.commands.start import npm_install

# Debian packages the suite needs: program → package.
DEBIAN_PACKAGES = {
    "/usr/bin/chromium": "chromium",  # browser tests (Playwright)
    "/usr/bin/pdftoppm": "poppler-utils",  # certificate PDFs to text and pictures
    "/usr/bin/zbarimg": "zbar-tools",  # reading QR codes back from certificates
    "/usr/bin/msgfmt": "gettext",  # compiling translations
}


def debian_packages_missing() -> list[str]:
    return sorted(
        {pkg for path, pkg in DEBIAN_PACKAGES.items() if not os.path.exists(path)}
    )


def parallel(pytest_args: list[str]) -> list[str]:
    """One pytest-xdist worker per core (at most 4) unless the caller chose (`-n`,
    `-p no:xdist`) or runs a single test file or test; each worker has its own test
    database, Celery queue and ports."""
    chosen = any(
        arg.startswith(("-n", "--numprocesses", "--dist")) for arg in pytest_args
    )
    chosen = chosen or "no:xdist" in pytest_args
    single = len(pytest_args) == 1 and (
        "::" in pytest_args[0] or pytest_args[0].endswith(".py")
    )
    workers = min(os.cpu_count() or 1, 4)
    if chosen or single or workers < 2:
        return []
    return ["-n", str(workers)]


class Command(BaseCommand):
    help = "Run the whole test suite with pytest (extra arguments go to pytest)."

    def add_arguments(self, parser):
        parser.add_argument("pytest_args", nargs="*")

    def run_from_argv(self, argv):
        # Pass every argument after `test` straight to pytest, options included.
        self.handle(pytest_args=argv[2:])

    def handle(self, *args, pytest_args, **options):
        npm_install()
        missing = debian_packages_missing()
        if missing:
            if shutil.which("apt-get") and os.geteuid() == 0:
                self.stdout.write(f"Memasang paket Debian: {' '.join(missing)} …")
                subprocess.run(["apt-get", "update", "-qq"], check=True)
                subprocess.run(
                    ["apt-get", "install", "-y", "-qq", *missing],
                    check=True,
                    env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
                )
            else:
                self.stderr.write(
                    "Uji butuh paket Debian ini: "
                    f"sudo apt-get install {' '.join(missing)}"
                )
                sys.exit(2)
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test"}
        command = [sys.executable, "-m", "pytest", *parallel(pytest_args), *pytest_args]
        sys.exit(subprocess.call(command, cwd=settings.BASE_DIR, env=env))
