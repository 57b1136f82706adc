"""Fixtures for the H5P tests, which need neither a database nor the project's settings.

Without pytest-django (``-p no:django``) Django's settings are configured minimally
here, so that lazy messages can be rendered; with the project's settings this does
nothing.
"""

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from django.conf import settings
from django.core.files.storage import FileSystemStorage

if not settings.configured and not os.environ.get("DJANGO_SETTINGS_MODULE"):
    settings.configure(USE_I18N=False)


@pytest.fixture
def storage(tmp_path: Path) -> FileSystemStorage:
    return FileSystemStorage(location=tmp_path / "media")


@pytest.fixture
def packages(tmp_path: Path) -> Path:
    folder = tmp_path / "packages"
    folder.mkdir()
    return folder


@pytest.fixture
def stored_files(storage: FileSystemStorage) -> Callable[[], list[str]]:
    """Lists every file in the storage's folder, as storage names (from the disk)."""
    root = Path(storage.location)

    def listing() -> list[str]:
        if not root.exists():
            return []
        files = (p for p in root.rglob("*") if p.is_file())
        return sorted(p.relative_to(root).as_posix() for p in files)

    return listing
