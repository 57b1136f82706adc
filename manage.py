#!/usr/bin/env python3
"""Django's command-line utility; on first use it also sets the project up.

Run with any Python 3.11+: if the project's virtual environment (.venv) is missing or
older than pyproject.toml, it is created and the project installed into it, and the
command re-runs inside it. So on a fresh clone `python3 manage.py start` is enough.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
VENV_PYTHON = VENV / "bin" / "python"
STAMP = VENV / ".balai-installed"


def ensure_virtualenv() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (the system Python may be older)
        sys.exit("Balai Daring needs Python 3.11 or newer.")
    pyproject = ROOT / "pyproject.toml"
    fresh = STAMP.exists() and STAMP.stat().st_mtime >= pyproject.stat().st_mtime
    inside = Path(sys.prefix).resolve() == VENV.resolve()
    if fresh and inside:
        return
    if not fresh:
        if not VENV_PYTHON.exists():
            print("Membuat virtualenv .venv …", flush=True)
            subprocess.check_call([sys.executable, "-m", "venv", str(VENV)])
        print("Memasang paket Python (pip install -e .[dev]) …", flush=True)
        subprocess.check_call(
            [
                str(VENV_PYTHON),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-e",
                f"{ROOT}[dev]",
            ]
        )
        STAMP.touch()
    if not inside:
        os.execv(
            str(VENV_PYTHON),
            [str(VENV_PYTHON), str(Path(__file__).resolve()), *sys.argv[1:]],
        )


def main() -> None:
    if os.environ.get("BALAI_SKIP_VENV") != "1":
        ensure_virtualenv()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
