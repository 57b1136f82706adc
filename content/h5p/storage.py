"""Extracting H5P packages to a Django Storage, with one shared store of libraries.

Layout (only the Storage API is used, so it works on local files and on S3):

    h5p/libraries/<Machine.Name-major.minor>/...   each library version, stored once
    h5p/content/<activity_key>/h5p.json            one activity's package
    h5p/content/<activity_key>/content/...

This is the layout h5p-standalone reads: ``h5pJsonPath`` is the activity's folder
and ``librariesPath`` is ``h5p/libraries``.

Which library versions are stored and which activity uses which is recorded by the
caller (the models), which passes `stored_libraries` in. Two uploads that bring the
same new library version must not run at the same time: the caller serialises them
(for example with a lock on the library's row).
"""

import io
import logging
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import IO

from django.core.files.storage import Storage

from .archive import DEFAULT_LIMITS, Budget, Limits, PackageFile, open_archive
from .libraries import Library, LibraryRef
from .validation import (
    LIBRARY_JSON,
    Inspection,
    PackageInfo,
    StoredLibraries,
    inspect_archive,
    stored_predicate,
)

logger = logging.getLogger(__name__)

ROOT = "h5p"
LIBRARIES_ROOT = f"{ROOT}/libraries"
CONTENT_ROOT = f"{ROOT}/content"
_ACTIVITY_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$")


@dataclass(frozen=True)
class ExtractResult:
    package: PackageInfo
    content_path: str
    files_written: tuple[str, ...]
    new_libraries: tuple[LibraryRef, ...]


def library_path(library: LibraryRef | str) -> str:
    key = library.key if isinstance(library, LibraryRef) else library
    LibraryRef.from_key(key)  # refuses anything that is not a library key
    return f"{LIBRARIES_ROOT}/{key}"


def content_path(activity_key: str) -> str:
    if not _ACTIVITY_KEY.match(activity_key):
        raise ValueError(f"Not a usable activity key: {activity_key!r}")
    return f"{CONTENT_ROOT}/{activity_key}"


def extract_package(
    file: PackageFile,
    *,
    storage: Storage,
    activity_key: str,
    stored_libraries: StoredLibraries,
    limits: Limits = DEFAULT_LIMITS,
) -> ExtractResult:
    """Validate a .h5p file and write it out: the activity's content, new libraries.

    Raises PackageInvalid when the package is refused (also when a limit is passed
    while writing). On any failure, every file written so far is deleted again.
    Raises FileExistsError if the activity's folder already holds files.
    """
    root = content_path(activity_key)
    if any(list_files(storage, root)):
        raise FileExistsError(f"H5P content already stored at {root}")
    is_stored = stored_predicate(stored_libraries)
    with open_archive(file) as archive:
        budget = Budget(limits)
        inspection = inspect_archive(
            archive, stored_libraries=stored_libraries, budget=budget
        )
        new_libraries = tuple(
            ref for ref in inspection.package.libraries if not is_stored(ref)
        )
        writer = _Writer(storage, archive, budget, inspection.json_files)
        try:
            for ref in new_libraries:
                _write_library(writer, ref, inspection)
            _write_content(writer, root, inspection)
        except BaseException:
            writer.rollback()
            raise
    return ExtractResult(
        package=inspection.package,
        content_path=root,
        files_written=tuple(writer.written),
        new_libraries=new_libraries,
    )


def delete_activity_content(*, storage: Storage, activity_key: str) -> int:
    """Delete an activity's own files (never the shared libraries); return how many."""
    return _delete_tree(storage, content_path(activity_key))


def delete_library(*, storage: Storage, key: LibraryRef | str) -> int:
    """Delete one stored library version's files; return how many."""
    return _delete_tree(storage, library_path(key))


def preloaded_file_names(libraries: Iterable[Library]) -> tuple[list[str], list[str]]:
    """Storage names of the JavaScript and CSS files to load, in the given order."""
    ordered = list(libraries)
    js = [f"{library_path(lib.ref)}/{p}" for lib in ordered for p in lib.preloaded_js]
    css = [f"{library_path(lib.ref)}/{p}" for lib in ordered for p in lib.preloaded_css]
    return js, css


def list_files(storage: Storage, folder: str) -> Iterator[str]:
    """Every file under a folder of the storage, recursively."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}"
    for name in folders:
        yield from list_files(storage, f"{folder}/{name}")


def _delete_tree(storage: Storage, folder: str) -> int:
    names = list(list_files(storage, folder))
    for name in names:
        storage.delete(name)
    return len(names)


def _write_library(writer: "_Writer", ref: LibraryRef, inspection: Inspection) -> None:
    root = library_path(ref)
    _delete_tree(writer.storage, root)  # the leftovers of an unfinished install
    files = inspection.library_entries[ref]
    # library.json last: a library folder without it was not finished.
    for path in sorted(files, key=lambda path: (path == LIBRARY_JSON, path)):
        writer.save(f"{root}/{path}", files[path])


def _write_content(writer: "_Writer", root: str, inspection: Inspection) -> None:
    writer.save_bytes(f"{root}/h5p.json", "h5p.json")
    writer.save_bytes(f"{root}/content/content.json", "content/content.json")
    for info in inspection.content_entries:
        writer.save(f"{root}/{info.filename}", info)


class _Writer:
    """Streams zip entries into the storage and remembers what it wrote."""

    def __init__(
        self,
        storage: Storage,
        archive: zipfile.ZipFile,
        budget: Budget,
        json_files: Mapping[str, bytes],
    ) -> None:
        self.storage = storage
        self.archive = archive
        self.budget = budget
        self.json_files = json_files
        self.written: list[str] = []

    def save(self, name: str, info: zipfile.ZipInfo) -> None:
        raw = self.json_files.get(info.filename)
        if raw is not None:
            self._save(name, io.BytesIO(raw))
            return
        with self.budget.open(self.archive, info) as reader:
            self._save(name, reader)

    def save_bytes(self, name: str, package_path: str) -> None:
        self._save(name, io.BytesIO(self.json_files[package_path]))

    def _save(self, name: str, stream: IO[bytes]) -> None:
        self.written.append(name)  # a failed save may leave part of the file
        saved = self.storage.save(name, stream)
        if saved != name:  # the storage found a file there and renamed ours
            self.written[-1] = saved
            raise FileExistsError(f"{name} appeared while extracting an H5P package")

    def rollback(self) -> None:
        for name in reversed(self.written):
            try:
                self.storage.delete(name)
            except Exception:
                logger.warning("Could not remove %s after a failed H5P extract", name)
