import os
import subprocess
import sys

from tests.conftest import REPO


def _import_production(env: dict) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_"))
    }
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**clean, "DJANGO_SETTINGS_MODULE": "lms.settings.production", **env},
    )


def test_production_refuses_to_start_without_its_secret_key():
    result = _import_production(
        {"DATABASE_URL": "postgres://x@127.0.0.1/x", "DJANGO_ALLOWED_HOSTS": "a.id"}
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_a_database_url():
    result = _import_production(
        {"DJANGO_SECRET_KEY": "k" * 50, "DJANGO_ALLOWED_HOSTS": "a.id"}
    )
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _import_production(
        {"DJANGO_SECRET_KEY": "k" * 50, "DATABASE_URL": "postgres://x@127.0.0.1/x"}
    )
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_starts_when_everything_is_given():
    result = _import_production(
        {
            "DJANGO_SECRET_KEY": "k" * 50,
            "DATABASE_URL": "postgres://x@127.0.0.1/x",
            "DJANGO_ALLOWED_HOSTS": "balaidaring.id",
        }
    )
    assert result.returncode == 0, result.stderr
