"""Validation of a .h5p package, after H5P core's H5PValidator (h5p-php-library).

The checks, in H5P's order: the zip's entries (names, kinds, extensions, sizes) before
anything is decompressed; then h5p.json, content/content.json and every library's
library.json; then the dependencies. All problems found are reported together.

Where this differs from H5P core, on purpose:
- unsafe names (``..``, absolute, backslashes, drive letters) and symlinks refuse
  the package instead of relying on the extractor;
- libraries needed only by the editor (``H5PEditor.*``, editor dependencies) are
  validated but not extracted, and neither are the ``language/`` folders of the
  libraries (translations of semantics.json, which only the editor reads);
- a missing editor dependency is not an error: we do not run the H5P editor.
"""

import json
import re
import zipfile
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from .archive import (
    DEFAULT_LIMITS,
    SUPPORTED_COMPRESSION,
    Budget,
    Limits,
    PackageFile,
    is_encrypted,
    is_safe_name,
    is_symlink,
    megabytes,
    open_archive,
)
from .errors import PackageInvalid, Problem, problem
from .libraries import (
    JsonFields,
    Library,
    LibraryRef,
    dependency_closure,
    parse_library,
)

# H5P core's defaults: H5PCore::$defaultContentWhitelist and, for libraries,
# H5PCore::$defaultLibraryWhitelistExtras on top of it.
DEFAULT_CONTENT_WHITELIST = (
    "json png jpg jpeg gif bmp tif tiff svg eot ttf woff woff2 otf webm mp4 ogg mp3 "
    "m4a wav txt pdf rtf doc docx xls xlsx ppt pptx odt ods odp xml csv diff patch "
    "swf md textile vtt webvtt gltf glb"
)
DEFAULT_LIBRARY_WHITELIST_EXTRAS = "js css"
CONTENT_EXTENSIONS = frozenset(DEFAULT_CONTENT_WHITELIST.split())
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | set(DEFAULT_LIBRARY_WHITELIST_EXTRAS.split())
EDITOR_ONLY_FOLDERS = ("language/",)

H5P_JSON = "h5p.json"
CONTENT_JSON = "content/content.json"
LIBRARY_JSON = "library.json"

_LANGUAGE = re.compile(r"^[-a-zA-Z]{1,10}$")
_MAIN_LIBRARY = re.compile(r"^[$a-zA-Z_][0-9a-zA-Z_.$]{1,254}$")

StoredLibraries = (
    Callable[[LibraryRef], bool] | Collection[tuple[str, int, int]] | Collection[str]
)


@dataclass(frozen=True)
class PackageInfo:
    """What a valid package holds.

    `dependencies` is h5p.json's preloadedDependencies, in its order (pass it to
    `preload_order`). `libraries` are the bundled libraries needed to play it, with
    the files that get stored; `required` is every library needed to play it,
    bundled or already stored (record it as the activity's usage);
    `skipped_libraries` were bundled for the editor only. `content` is
    content/content.json; `content_files` are the other files under content/.
    """

    title: str
    main_library: LibraryRef
    language: str
    embed_types: tuple[str, ...]
    dependencies: tuple[LibraryRef, ...]
    libraries: Mapping[LibraryRef, Library]
    required: frozenset[LibraryRef]
    skipped_libraries: tuple[LibraryRef, ...]
    content: Mapping[str, Any] = field(repr=False)
    content_files: tuple[str, ...]
    h5p_json: Mapping[str, Any] = field(repr=False)


@dataclass(frozen=True)
class Inspection:
    """A validated package and the zip entries to extract from it (for storage)."""

    package: PackageInfo
    json_files: Mapping[str, bytes]
    content_entries: tuple[zipfile.ZipInfo, ...]
    library_entries: Mapping[LibraryRef, Mapping[str, zipfile.ZipInfo]]


@dataclass
class _Entries:
    h5p_json: zipfile.ZipInfo | None = None
    content_json: zipfile.ZipInfo | None = None
    content_files: list[zipfile.ZipInfo] = field(default_factory=list)
    library_folders: dict[str, dict[str, zipfile.ZipInfo]] = field(default_factory=dict)


class _MainJson(NamedTuple):
    title: str
    language: str
    main_library: str
    embed_types: tuple[str, ...]
    dependencies: tuple[LibraryRef, ...]
    dynamic_dependencies: tuple[LibraryRef, ...]
    data: Mapping[str, Any]


def validate_package(
    file: PackageFile,
    *,
    stored_libraries: StoredLibraries = (),
    limits: Limits = DEFAULT_LIMITS,
) -> PackageInfo:
    """Validate a .h5p file, reading every entry it would extract; or PackageInvalid.

    `stored_libraries` are the library versions already stored: a callable taking
    a LibraryRef, or a collection of ``(machine_name, major, minor)`` or keys.
    """
    with open_archive(file) as archive:
        budget = Budget(limits)
        inspection = inspect_archive(
            archive, stored_libraries=stored_libraries, budget=budget
        )
        for info in _entries_to_extract(inspection):
            budget.drain(archive, info)
    return inspection.package


def inspect_archive(
    archive: zipfile.ZipFile, *, stored_libraries: StoredLibraries, budget: Budget
) -> Inspection:
    """Check entries, read and check the JSON files and the dependencies."""
    entries = _scan_entries(archive, budget.limits)
    problems: list[Problem] = []
    json_files: dict[str, bytes] = {}
    main = _read_main_json(archive, entries, budget, json_files, problems)
    content = _read_content_json(archive, entries, budget, json_files, problems)
    found = _read_libraries(archive, entries, budget, json_files, problems)
    if problems or main is None or content is None:
        raise PackageInvalid(problems)

    package = _package_info(main, content, entries, found, stored_libraries)
    return Inspection(
        package=package,
        json_files=json_files,
        content_entries=tuple(entries.content_files),
        library_entries={
            ref: _files_to_store(library, found[ref][1])
            for ref, library in package.libraries.items()
        },
    )


def stored_predicate(stored: StoredLibraries) -> Callable[[LibraryRef], bool]:
    if callable(stored):
        return stored
    known = set(stored)
    return lambda ref: ref in known or ref.key in known


# Entries -------------------------------------------------------------------------


def _scan_entries(archive: zipfile.ZipFile, limits: Limits) -> _Entries:
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        raise PackageInvalid(
            [problem("too-many-entries", count=len(infos), limit=limits.max_entries)]
        )
    entries = _Entries()
    problems: list[Problem] = []
    seen: set[str] = set()
    declared_size = 0
    for info in infos:
        found = _entry_problem(info, limits)
        if found is None and info.filename in seen:
            found = problem("duplicate-entry", path=info.filename)
        if found is not None:
            problems.append(found)
            continue
        seen.add(info.filename)
        declared_size += info.file_size
        if not info.is_dir() and not _is_skipped(info.filename):
            _classify(info, entries, problems)
    if declared_size > limits.max_total_bytes:
        problems.append(
            problem("too-large", limit_mb=megabytes(limits.max_total_bytes))
        )
    if problems:
        raise PackageInvalid(problems)
    return entries


def _entry_problem(info: zipfile.ZipInfo, limits: Limits) -> Problem | None:
    name = info.filename
    if not is_safe_name(name):
        return problem("unsafe-path", path=name)
    if is_symlink(info):
        return problem("symlink", path=name)
    if info.is_dir():
        return None
    if is_encrypted(info):
        return problem("encrypted", path=name)
    if info.compress_type not in SUPPORTED_COMPRESSION:
        return problem("unsupported-compression", path=name)
    if info.file_size > limits.entry_allowance(info.compress_size):
        return problem("suspicious-ratio", path=name)
    return None


def _is_skipped(name: str) -> bool:
    """H5P skips every file or folder whose name starts with "." or "_"."""
    return any(part.startswith((".", "_")) for part in name.split("/"))


def _classify(
    info: zipfile.ZipInfo, entries: _Entries, problems: list[Problem]
) -> None:
    name = info.filename
    folder, _, inner = name.partition("/")
    if not inner:
        if name == H5P_JSON:
            entries.h5p_json = info
        return  # H5P ignores every other file at the top of the package
    if folder == "content":
        if name == CONTENT_JSON:
            entries.content_json = info
        elif _allowed(name, CONTENT_EXTENSIONS, problems):
            entries.content_files.append(info)
    elif _allowed(name, LIBRARY_EXTENSIONS, problems):
        entries.library_folders.setdefault(folder, {})[inner] = info


def _allowed(name: str, extensions: frozenset[str], problems: list[Problem]) -> bool:
    base = name.rsplit("/", 1)[-1]
    extension = base.rsplit(".", 1)[-1].lower() if "." in base else ""
    if extension in extensions:
        return True
    allowed = " ".join(sorted(extensions))
    problems.append(problem("file-not-allowed", path=name, allowed=allowed))
    return False


# JSON files ----------------------------------------------------------------------


def _read_json(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    budget: Budget,
    json_files: dict[str, bytes],
    problems: list[Problem],
) -> Any:
    raw = budget.read_bytes(archive, info, max_bytes=budget.limits.max_json_bytes)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        problems.append(problem("invalid-json", path=info.filename))
        return None
    if not isinstance(data, dict):
        problems.append(problem("invalid-json", path=info.filename))
        return None
    json_files[info.filename] = raw
    return data


def _read_main_json(
    archive: zipfile.ZipFile,
    entries: _Entries,
    budget: Budget,
    json_files: dict[str, bytes],
    problems: list[Problem],
) -> _MainJson | None:
    if entries.h5p_json is None:
        problems.append(problem("missing-h5p-json"))
        return None
    data = _read_json(archive, entries.h5p_json, budget, json_files, problems)
    if data is None:
        return None
    fields = JsonFields(data, H5P_JSON, problems)
    before = len(problems)
    main = _MainJson(
        title=fields.text("title"),
        language=fields.text("language", pattern=_LANGUAGE),
        main_library=fields.text("mainLibrary", pattern=_MAIN_LIBRARY),
        embed_types=fields.embed_types("embedTypes", required=True),
        dependencies=fields.dependencies("preloadedDependencies", required=True),
        dynamic_dependencies=fields.dependencies("dynamicDependencies"),
        data=data,
    )
    return main if len(problems) == before else None


def _read_content_json(
    archive: zipfile.ZipFile,
    entries: _Entries,
    budget: Budget,
    json_files: dict[str, bytes],
    problems: list[Problem],
) -> dict[str, Any] | None:
    if entries.content_json is None:
        problems.append(problem("missing-content-json"))
        return None
    return _read_json(archive, entries.content_json, budget, json_files, problems)


def _read_libraries(
    archive: zipfile.ZipFile,
    entries: _Entries,
    budget: Budget,
    json_files: dict[str, bytes],
    problems: list[Problem],
) -> dict[LibraryRef, tuple[Library, dict[str, zipfile.ZipInfo]]]:
    found: dict[LibraryRef, tuple[Library, dict[str, zipfile.ZipInfo]]] = {}
    for folder, files in sorted(entries.library_folders.items()):
        library = _read_library(archive, folder, files, budget, json_files, problems)
        if library is None:
            continue
        if library.ref in found:
            problems.append(problem("duplicate-library", library=library.ref))
            continue
        found[library.ref] = (library, files)
    return found


def _read_library(
    archive: zipfile.ZipFile,
    folder: str,
    files: dict[str, zipfile.ZipInfo],
    budget: Budget,
    json_files: dict[str, bytes],
    problems: list[Problem],
) -> Library | None:
    if LIBRARY_JSON not in files:
        problems.append(problem("missing-library-json", folder=folder))
        return None
    path = f"{folder}/{LIBRARY_JSON}"
    data = _read_json(archive, files[LIBRARY_JSON], budget, json_files, problems)
    library = parse_library(data, path, problems) if data is not None else None
    if library is None:
        return None
    if folder not in (library.ref.machine_name, library.ref.key):
        problems.append(
            problem("library-folder-mismatch", folder=folder, library=library.ref)
        )
        return None
    missing = [
        p for p in library.preloaded_js + library.preloaded_css if p not in files
    ]
    for file in missing:
        problems.append(problem("missing-library-file", file=file, path=path))
    return None if missing else library


# Dependencies --------------------------------------------------------------------


def _package_info(
    main: _MainJson,
    content: dict[str, Any],
    entries: _Entries,
    found: dict[LibraryRef, tuple[Library, dict[str, zipfile.ZipInfo]]],
    stored_libraries: StoredLibraries,
) -> PackageInfo:
    main_ref = next(
        (ref for ref in main.dependencies if ref.machine_name == main.main_library),
        None,
    )
    if main_ref is None:
        raise PackageInvalid(
            [problem("missing-main-library", library=main.main_library)]
        )
    bundled = {ref: library for ref, (library, _files) in found.items()}
    required = dependency_closure(
        (*main.dependencies, *main.dynamic_dependencies), bundled
    )
    _check_required(main_ref, required, bundled, stored_predicate(stored_libraries))
    needed = {
        ref: replace(library, files=tuple(sorted(_files_to_store(library, files))))
        for ref, (library, files) in sorted(found.items())
        if ref in required
    }
    return PackageInfo(
        title=main.title,
        main_library=main_ref,
        language=main.language,
        embed_types=main.embed_types,
        dependencies=main.dependencies,
        libraries=needed,
        required=frozenset(required),
        skipped_libraries=tuple(sorted(set(bundled) - required)),
        content=content,
        content_files=tuple(info.filename for info in entries.content_files),
        h5p_json=main.data,
    )


def _check_required(
    main_ref: LibraryRef,
    required: set[LibraryRef],
    bundled: Mapping[LibraryRef, Library],
    is_stored: Callable[[LibraryRef], bool],
) -> None:
    problems = [
        problem("missing-library", library=ref)
        for ref in sorted(required)
        if ref not in bundled and not is_stored(ref)
    ]
    if main_ref in bundled and not bundled[main_ref].runnable:
        problems.append(problem("main-not-runnable", library=main_ref))
    if problems:
        raise PackageInvalid(problems)


def _files_to_store(
    library: Library, files: Mapping[str, zipfile.ZipInfo]
) -> dict[str, zipfile.ZipInfo]:
    """The library's files minus those only the editor reads."""
    preloaded = {*library.preloaded_js, *library.preloaded_css}
    return {
        path: info
        for path, info in files.items()
        if path in preloaded or not path.startswith(EDITOR_ONLY_FOLDERS)
    }


def _entries_to_extract(inspection: Inspection) -> list[zipfile.ZipInfo]:
    infos = list(inspection.content_entries)
    for files in inspection.library_entries.values():
        infos.extend(
            info
            for info in files.values()
            if info.filename not in inspection.json_files
        )
    return infos
