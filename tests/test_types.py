"""The type checks pass: mypy with django-stubs over the modules listed in
pyproject.toml ([tool.mypy] files: every app's services and selectors, and the
platform's events, outbox and scoping). Run with the suite, so the README's test
command runs them; mypy's cache (.mypy_cache) keeps a second run to a second."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_services_and_selectors_pass_the_type_checks():
    checked = subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
        [sys.executable, "-m", "mypy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.startswith("Success: no issues found")
