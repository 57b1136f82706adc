import shutil
import subprocess

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


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
        self.stdout.write(
            self.style.SUCCESS(
                f"\nBalai Daring berjalan di http://{addrport}/  (Ctrl+C untuk berhenti)"
            )
        )
        call_command("runserver", addrport, use_reloader=False)
