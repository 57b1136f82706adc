"""`manage.py test` runs the whole pytest suite (Django's own runner is not used)."""

import os
import shutil
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from lms.management.commands.start import npm_install

CHROMIUM = "/usr/bin/chromium"


class Command(BaseCommand):
    help = "Run the whole test suite with pytest (extra arguments go to pytest)."

    def add_arguments(self, parser):
        parser.add_argument("pytest_args", nargs="*")

    def run_from_argv(self, argv):
        # Pass every argument after `test` straight to pytest, options included.
        self.handle(pytest_args=argv[2:])

    def handle(self, *args, pytest_args, **options):
        npm_install()
        if not os.path.exists(CHROMIUM):
            self.stdout.write("Chromium tidak ada; memasang paket Debian 'chromium' …")
            if shutil.which("apt-get") and os.geteuid() == 0:
                subprocess.run(["apt-get", "update", "-qq"], check=True)  # noqa: S603,S607
                subprocess.run(  # noqa: S603
                    ["apt-get", "install", "-y", "-qq", "chromium"],
                    check=True,  # noqa: S607
                )
            else:
                self.stderr.write(
                    "Uji peramban butuh Chromium di /usr/bin/chromium: "
                    "sudo apt-get install chromium"
                )
                sys.exit(2)
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test"}
        command = [sys.executable, "-m", "pytest", *pytest_args]
        sys.exit(subprocess.call(command, cwd=settings.BASE_DIR, env=env))  # noqa: S603
