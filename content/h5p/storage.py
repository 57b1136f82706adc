"""Extracting H5P packages to a Django Storage, with one shared store of libraries.

Layout (only the Storage API is used, so it works on local files and on S3):

    h5p/libraries/<Machine.Name-major.minor>/...   each library version, stored once
    h5p/content/<activity_key>/h5p.json            one activity's package
    h5p/content/<activity_key>/content/...

This is the layout h5p-standalone reads: ``h5pJsonPath`` is the activity's folder
and ``librariesPath`` is ``h5p/libraries``.

A library version comes with a patch version; a package bringing a newer patch of
a stored library replaces its files in place (the folder name has no patch
version): the files it overwrites are kept aside until the extract succeeds, and
the old files the new patch no longer has are listed for the caller to delete
once its transaction has committed.

Which library versions are stored and which activity uses which is recorded by the
caller (the models), which passes `stored_libraries` in. Two uploads that bring the
same new library version must not run at the same time: the caller serialises them
(for example with a lock on the library's row).
"""

import io
import logging
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import IO

from django.core.files.storage import Storage

from .archive import DEFAULT_LIMITS, Budget, Limits, PackageFile, open_archive
from .libraries import Library, LibraryRef
from .validation import (
    LIBRARY_JSON,
    PLAYER_CORE_API,
    Inspection,
    LibraryFate,
    PackageInfo,
    StoredLibraries,
    inspect_archive,
)

logger = logging.getLogger(__name__)

ROOT = "h5p"
LIBRARIES_ROOT = f"{ROOT}/libraries"
CONTENT_ROOT = f"{ROOT}/content"
_ACTIVITY_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$")


@dataclass(frozen=True)
class ExtractResult:
    """What an extract wrote. `files_written` are new files (delete them to undo);
    the files of `upgraded_libraries` were overwritten in place, and
    `obsolete_files` are their old files the new patch version no longer has.
    A caller whose own transaction fails after the extract deletes
    `files_written` and leaves an upgraded library as it is: a newer patch
    version of an H5P library is compatible with the content of the older one."""

    package: PackageInfo
    content_path: str
    files_written: tuple[str, ...]
    new_libraries: tuple[LibraryRef, ...]
    upgraded_libraries: tuple[LibraryRef, ...] = ()
    obsolete_files: tuple[str, ...] = ()


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
    core_api: tuple[int, int] = PLAYER_CORE_API,
) -> ExtractResult:
    """Validate a .h5p file and write it out: the activity's content, new
    libraries and newer patch versions of stored ones.

    Raises PackageInvalid when the package is refused (also when a limit is passed
    while writing). On any failure, every file written so far is deleted again
    and every overwritten file is put back.
    Raises FileExistsError if the activity's folder already holds files.
    """
    root = content_path(activity_key)
    if any(list_files(storage, root)):
        raise FileExistsError(f"H5P content already stored at {root}")
    with open_archive(file) as archive:
        budget = Budget(limits)
        inspection = inspect_archive(
            archive,
            stored_libraries=stored_libraries,
            budget=budget,
            core_api=core_api,
        )
        package = inspection.package
        new = tuple(use.ref for use in package.uses(LibraryFate.NEW))
        upgraded = tuple(use.ref for use in package.uses(LibraryFate.UPGRADED))
        writer = _Writer(storage, archive, budget, inspection.ready_files)
        obsolete: list[str] = []
        try:
            for ref in new:
                _write_library(writer, ref, inspection)
            for ref in upgraded:
                obsolete += _replace_library(writer, ref, inspection)
            _write_content(writer, root, inspection)
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.close()
    return ExtractResult(
        package=package,
        content_path=root,
        files_written=tuple(writer.written),
        new_libraries=new,
        upgraded_libraries=upgraded,
        obsolete_files=tuple(obsolete),
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


def _replace_library(
    writer: "_Writer", ref: LibraryRef, inspection: Inspection
) -> list[str]:
    """Overwrite a stored library with its newer patch version; return its old
    files that the new version does not have (to delete after commit)."""
    root = library_path(ref)
    old = set(list_files(writer.storage, root))
    files = inspection.library_entries[ref]
    for path in sorted(files, key=lambda path: (path == LIBRARY_JSON, path)):
        writer.overwrite(f"{root}/{path}", files[path])
    return sorted(old - {f"{root}/{path}" for path in files})


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
        ready_files: Mapping[str, bytes],
    ) -> None:
        self.storage = storage
        self.archive = archive
        self.budget = budget
        self.ready_files = ready_files
        self.written: list[str] = []  # new files
        self.overwritten: list[str] = []  # stored files saved over
        # The old bytes of the overwritten files, kept until the end.
        self.replaced: dict[str, IO[bytes]] = {}

    def save(self, name: str, info: zipfile.ZipInfo) -> None:
        raw = self.ready_files.get(info.filename)
        if raw is not None:
            self._save(name, io.BytesIO(raw))
            return
        with self.budget.open(self.archive, info) as reader:
            self._save(name, reader)

    def overwrite(self, name: str, info: zipfile.ZipInfo) -> None:
        """Save over a stored file, keeping its old bytes to put back on failure."""
        if self.storage.exists(name):
            kept = tempfile.SpooledTemporaryFile(max_size=1024 * 1024)  # noqa: SIM115
            with self.storage.open(name, "rb") as old:
                shutil.copyfileobj(old, kept)
            self.replaced[name] = kept
            self.storage.delete(name)
        self.save(name, info)
        if name in self.replaced:
            self.overwritten.append(self.written.pop())

    def save_bytes(self, name: str, package_path: str) -> None:
        self._save(name, io.BytesIO(self.ready_files[package_path]))

    def _save(self, name: str, stream: IO[bytes]) -> None:
        self.written.append(name)  # a failed save may leave part of the file
        saved = self.storage.save(name, stream)
        if saved != name:  # the storage found a file there and renamed ours
            self.written[-1] = saved
            raise FileExistsError(f"{name} appeared while extracting an H5P package")

    def rollback(self) -> None:
        for name in reversed(self.written + self.overwritten):
            try:
                self.storage.delete(name)
            except Exception:
                logger.warning("Could not remove %s after a failed H5P extract", name)
        for name, kept in self.replaced.items():
            try:
                kept.seek(0)
                self.storage.save(name, kept)
            except Exception:
                logger.exception(
                    "Could not put back %s after a failed H5P extract", name
                )

    def close(self) -> None:
        for kept in self.replaced.values():
            kept.close()
