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
- a missing editor dependency is not an error: we do not run the H5P editor;
- SVG files under content/ are rewritten by a maintained sanitiser (Cloudflare's
  svg-hush, through py-svg-hush): scripts, event handlers, foreignObject and
  references to other sites are removed; an SVG it cannot read is refused;
- names are limited to what every storage can hold: 255 bytes per folder or file
  name (also the stored library folder ``Machine.Name-major.minor``) and
  `MAX_PATH_BYTES` for a whole name.

Like H5P core (and the reference validator of the H5P Node.js library), a bundled
library whose version is already stored with the same or a newer patch version is
not checked further and not written: the stored copy plays ("ignored"). A bundled
library with a newer patch version replaces the stored one ("upgraded").
"""

import enum
import json
import re
import zipfile
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from py_svg_hush import filter_svg

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
    embed_type,
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
LANGUAGE_FOLDER = "language/"
SEMANTICS_JSON = "semantics.json"
# Raster images an SVG may embed as data: URLs (everything else is dropped).
SVG_DATA_URL_TYPES = {"image": ["png", "jpeg", "gif", "webp"]}

# The H5P core API the player implements. h5p-standalone 3.8.2 (package.json)
# bundles H5P core's js/h5p.js byte for byte as h5p-php-library commit 1b96ce3
# (February 2026), where H5PCore::$coreApi is 1.28. Raise both together when the
# player is upgraded (tests/content/test_h5p_validation.py checks the version).
PLAYER_VERSION = "3.8.2"
PLAYER_CORE_API = (1, 28)

MAX_NAME_BYTES = 255  # one folder or file name (file systems, H5P core)
MAX_PATH_BYTES = 900  # a whole name in the package; S3 keys hold 1,024 bytes

H5P_JSON = "h5p.json"
CONTENT_JSON = "content/content.json"
LIBRARY_JSON = "library.json"

_LANGUAGE = re.compile(r"^[-a-zA-Z]{1,10}$")
_LANGUAGE_FILE = re.compile(r"^(-?[a-z]+){1,7}\.json$", re.IGNORECASE)
_MAIN_LIBRARY = re.compile(r"^[$a-zA-Z_][0-9a-zA-Z_.$]{1,254}$")

StoredLibraries = (
    Mapping[LibraryRef, Library]
    | Callable[[LibraryRef], bool]
    | Collection[tuple[str, int, int]]
    | Collection[str]
)


class LibraryStore:
    """The library versions already stored, as a package is checked against them.

    Built from a mapping of LibraryRef to Library (what is stored, with its patch
    version and dependencies), or, knowing less, from a predicate or a collection
    of ``(machine_name, major, minor)`` or keys.
    """

    def __init__(self, stored: "StoredLibraries | LibraryStore") -> None:
        if isinstance(stored, LibraryStore):
            self._libraries, self._has = stored._libraries, stored._has
        elif isinstance(stored, Mapping):
            self._libraries = {_as_ref(ref): lib for ref, lib in stored.items()}
            self._has = self._libraries.__contains__
        elif callable(stored):
            self._libraries, self._has = {}, stored
        else:
            known = {_as_ref(ref) for ref in stored}
            self._libraries, self._has = {}, known.__contains__

    def has(self, ref: LibraryRef) -> bool:
        return bool(self._has(ref))

    def get(self, ref: LibraryRef) -> Library | None:
        """The stored library, when the store knows more than its name."""
        return self._libraries.get(ref)


def _as_ref(ref: LibraryRef | tuple[str, int, int] | str) -> LibraryRef:
    return LibraryRef.from_key(ref) if isinstance(ref, str) else LibraryRef(*ref)


class LibraryFate(enum.StrEnum):
    """What an install does with one library the activity needs."""

    NEW = "new"  # bundled, not stored yet: written
    UPGRADED = "upgraded"  # bundled with a newer patch version: replaces the stored
    IGNORED = "ignored"  # bundled, but the same or a newer patch is stored: unused
    REUSED = "reused"  # not bundled: the stored version plays


@dataclass(frozen=True)
class LibraryUse:
    ref: LibraryRef
    fate: LibraryFate
    patch: int | None = None  # the package's patch version (None: not bundled)
    stored_patch: int | None = None  # the stored one's, when known


@dataclass(frozen=True)
class PackageInfo:
    """What a valid package holds.

    `dependencies` is h5p.json's preloadedDependencies, in its order (pass it to
    `preload_order`). `libraries` are the bundled libraries needed to play it, with
    the files that get stored; `required` is every library needed to play it,
    bundled or already stored (record it as the activity's usage);
    `skipped_libraries` were bundled for the editor only. `library_uses` says,
    for each required library, whether it is new, upgraded, ignored or reused.
    `embed_type` is how the player embeds it ("div" or "iframe", as H5P core
    decides). `content` is content/content.json; `content_files` are the other
    files under content/, of which `sanitised_files` (SVG) are rewritten.
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
    library_uses: tuple[LibraryUse, ...] = ()
    embed_type: str = "div"
    sanitised_files: tuple[str, ...] = ()

    def uses(self, fate: LibraryFate) -> tuple[LibraryUse, ...]:
        return tuple(use for use in self.library_uses if use.fate == fate)


@dataclass(frozen=True)
class Inspection:
    """A validated package and the zip entries to extract from it (for storage).

    `ready_files` are the bytes to write for entries already read: the JSON files
    as read, the SVG files as sanitised.
    """

    package: PackageInfo
    ready_files: Mapping[str, bytes]
    content_entries: tuple[zipfile.ZipInfo, ...]
    library_entries: Mapping[LibraryRef, Mapping[str, zipfile.ZipInfo]]


@dataclass
class _Entries:
    h5p_json: zipfile.ZipInfo | None = None
    content_json: zipfile.ZipInfo | None = None
    content_files: list[zipfile.ZipInfo] = field(default_factory=list)
    library_folders: dict[str, dict[str, zipfile.ZipInfo]] = field(default_factory=dict)


class _Found(NamedTuple):
    """A bundled library: its files, and the problems that count unless the
    same version is already stored (H5P skips checking a stored library)."""

    library: Library
    files: dict[str, zipfile.ZipInfo]
    problems: list[Problem]


class _MainJson(NamedTuple):
    title: str
    language: str
    main_library: str
    embed_types: tuple[str, ...]
    dependencies: tuple[LibraryRef, ...]
    dynamic_dependencies: tuple[LibraryRef, ...]
    data: Mapping[str, Any]
    core_api: tuple[int, int] | None = None


def validate_package(
    file: PackageFile,
    *,
    stored_libraries: StoredLibraries = (),
    limits: Limits = DEFAULT_LIMITS,
    core_api: tuple[int, int] = PLAYER_CORE_API,
) -> PackageInfo:
    """Validate a .h5p file, reading every entry it would extract; or PackageInvalid.

    `stored_libraries` are the library versions already stored (see
    `LibraryStore`). `core_api` is the H5P core API the player implements.
    """
    with open_archive(file) as archive:
        budget = Budget(limits)
        inspection = inspect_archive(
            archive,
            stored_libraries=stored_libraries,
            budget=budget,
            core_api=core_api,
        )
        for info in _entries_to_extract(inspection):
            budget.drain(archive, info)
    return inspection.package


def inspect_archive(
    archive: zipfile.ZipFile,
    *,
    stored_libraries: StoredLibraries,
    budget: Budget,
    core_api: tuple[int, int] = PLAYER_CORE_API,
) -> Inspection:
    """Check entries, read and check the JSON files and the dependencies."""
    entries = _scan_entries(archive, budget.limits)
    store = LibraryStore(stored_libraries)
    problems: list[Problem] = []
    ready: dict[str, bytes] = {}
    main = _read_main_json(archive, entries, budget, ready, problems)
    if main is not None:
        _check_core_api(main.core_api, H5P_JSON, core_api, problems)
    content = _read_content_json(archive, entries, budget, ready, problems)
    found = _read_libraries(archive, entries, budget, ready, problems, core_api)
    sanitised = _sanitise_svg_files(archive, entries, budget, ready, problems)
    fates = _library_fates(found, store)
    for ref, (_library, _files, deferred) in found.items():
        if fates[ref] != LibraryFate.IGNORED:
            problems.extend(deferred)
    if problems or main is None or content is None:
        raise PackageInvalid(problems)

    package = _package_info(main, content, entries, found, fates, store, sanitised)
    return Inspection(
        package=package,
        ready_files=ready,
        content_entries=tuple(entries.content_files),
        library_entries={
            ref: _files_to_store(library, found[ref].files)
            for ref, library in package.libraries.items()
        },
    )


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
    if len(name.encode()) > MAX_PATH_BYTES:
        return problem("path-too-long", path=_shortened(name), limit=MAX_PATH_BYTES)
    for part in name.removesuffix("/").split("/"):
        if len(part.encode()) > MAX_NAME_BYTES:
            return problem("name-too-long", name=_shortened(part))
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


def _shortened(name: str, keep: int = 60) -> str:
    """A long name as a message can show it."""
    return name if len(name) <= keep else f"{name[: keep // 2]}…{name[-keep // 2 :]}"


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


def _parse_json(raw: bytes) -> tuple[bool, Any]:
    try:
        return True, json.loads(raw.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return False, None


def _read_json(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    budget: Budget,
    ready: dict[str, bytes],
    problems: list[Problem],
) -> Any:
    raw = budget.read_bytes(archive, info, max_bytes=budget.limits.max_json_bytes)
    parsed, data = _parse_json(raw)
    if not parsed or not isinstance(data, dict):
        problems.append(problem("invalid-json", path=info.filename))
        return None
    ready[info.filename] = raw
    return data


def _read_main_json(
    archive: zipfile.ZipFile,
    entries: _Entries,
    budget: Budget,
    ready: dict[str, bytes],
    problems: list[Problem],
) -> _MainJson | None:
    if entries.h5p_json is None:
        problems.append(problem("missing-h5p-json"))
        return None
    data = _read_json(archive, entries.h5p_json, budget, ready, problems)
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
        core_api=fields.core_api("coreApi"),
    )
    return main if len(problems) == before else None


def _read_content_json(
    archive: zipfile.ZipFile,
    entries: _Entries,
    budget: Budget,
    ready: dict[str, bytes],
    problems: list[Problem],
) -> dict[str, Any] | None:
    if entries.content_json is None:
        problems.append(problem("missing-content-json"))
        return None
    return _read_json(archive, entries.content_json, budget, ready, problems)


def _read_libraries(
    archive: zipfile.ZipFile,
    entries: _Entries,
    budget: Budget,
    ready: dict[str, bytes],
    problems: list[Problem],
    core_api: tuple[int, int],
) -> dict[LibraryRef, _Found]:
    found: dict[LibraryRef, _Found] = {}
    for folder, files in sorted(entries.library_folders.items()):
        library = _read_library(archive, folder, files, budget, ready, problems)
        if library is None:
            continue
        if library.ref in found:
            problems.append(problem("duplicate-library", library=library.ref))
            continue
        deferred = _check_library_files(archive, folder, library, files, budget)
        _check_core_api(
            library.core_api, str(library.ref), core_api, deferred, library.ref
        )
        found[library.ref] = _Found(library, files, deferred)
    return found


def _read_library(
    archive: zipfile.ZipFile,
    folder: str,
    files: dict[str, zipfile.ZipInfo],
    budget: Budget,
    ready: dict[str, bytes],
    problems: list[Problem],
) -> Library | None:
    if LIBRARY_JSON not in files:
        problems.append(problem("missing-library-json", folder=folder))
        return None
    path = f"{folder}/{LIBRARY_JSON}"
    data = _read_json(archive, files[LIBRARY_JSON], budget, ready, problems)
    library = parse_library(data, path, problems) if data is not None else None
    if library is None:
        return None
    if folder not in (library.ref.machine_name, library.ref.key):
        problems.append(
            problem("library-folder-mismatch", folder=folder, library=library.ref)
        )
        return None
    if len(library.ref.key.encode()) > MAX_NAME_BYTES:
        problems.append(problem("name-too-long", name=_shortened(library.ref.key)))
        return None
    return library


def _check_library_files(
    archive: zipfile.ZipFile,
    folder: str,
    library: Library,
    files: dict[str, zipfile.ZipInfo],
    budget: Budget,
) -> list[Problem]:
    """Problems with the files of a bundled library: its preloaded files must be
    there, semantics.json and every language file must be valid JSON."""
    path = f"{folder}/{LIBRARY_JSON}"
    problems = [
        problem("missing-library-file", file=file, path=path)
        for file in library.preloaded_js + library.preloaded_css
        if file not in files
    ]
    for name, info in sorted(files.items()):
        if name == SEMANTICS_JSON:
            if not _readable_json(archive, info, budget):
                problems.append(problem("invalid-json", path=info.filename))
        elif name.startswith(LANGUAGE_FOLDER):
            file = name.removeprefix(LANGUAGE_FOLDER)
            if not _LANGUAGE_FILE.match(file):
                problems.append(problem("invalid-language-file", path=info.filename))
            elif not _readable_json(archive, info, budget):
                problems.append(problem("invalid-language-json", path=info.filename))
    return problems


def _readable_json(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget
) -> bool:
    raw = budget.read_bytes(archive, info, max_bytes=budget.limits.max_json_bytes)
    return _parse_json(raw)[0]


def _check_core_api(
    wanted: tuple[int, int] | None,
    name: str,
    supported: tuple[int, int],
    problems: list[Problem],
    library: LibraryRef | None = None,
) -> None:
    """H5P core refuses a library (or h5p.json) needing a newer core API."""
    if wanted is not None and wanted > supported:
        problems.append(
            problem(
                "core-api-unsupported",
                library=library or name,
                required="{}.{}".format(*wanted),
                supported="{}.{}".format(*supported),
            )
        )


def _sanitise_svg_files(
    archive: zipfile.ZipFile,
    entries: _Entries,
    budget: Budget,
    ready: dict[str, bytes],
    problems: list[Problem],
) -> tuple[str, ...]:
    """Rewrite every SVG under content/ without scripts or outside references."""
    sanitised = []
    for info in entries.content_files:
        if not info.filename.lower().endswith(".svg"):
            continue
        raw = budget.read_bytes(archive, info, max_bytes=budget.limits.max_json_bytes)
        try:
            ready[info.filename] = filter_svg(raw, SVG_DATA_URL_TYPES)
        except (ValueError, TypeError):
            problems.append(problem("invalid-svg", path=info.filename))
            continue
        sanitised.append(info.filename)
    return tuple(sanitised)


# Dependencies --------------------------------------------------------------------


def _library_fates(
    found: Mapping[LibraryRef, _Found], store: LibraryStore
) -> dict[LibraryRef, LibraryFate]:
    fates = {}
    for ref, bundled in found.items():
        if not store.has(ref):
            fates[ref] = LibraryFate.NEW
            continue
        stored = store.get(ref)
        newer = stored is not None and bundled.library.patch_version > (
            stored.patch_version
        )
        fates[ref] = LibraryFate.UPGRADED if newer else LibraryFate.IGNORED
    return fates


def _package_info(
    main: _MainJson,
    content: dict[str, Any],
    entries: _Entries,
    found: Mapping[LibraryRef, _Found],
    fates: Mapping[LibraryRef, LibraryFate],
    store: LibraryStore,
    sanitised: tuple[str, ...],
) -> PackageInfo:
    main_ref = next(
        (ref for ref in main.dependencies if ref.machine_name == main.main_library),
        None,
    )
    if main_ref is None:
        raise PackageInvalid(
            [problem("missing-main-library", library=main.main_library)]
        )
    bundled = {ref: item.library for ref, item in found.items()}
    # What plays: the bundled copy, unless it is ignored for the stored one.
    known = dict(bundled)
    for ref in fates:
        if fates[ref] == LibraryFate.IGNORED and store.get(ref) is not None:
            known[ref] = store.get(ref)
    required = dependency_closure(
        (*main.dependencies, *main.dynamic_dependencies),
        _KnownLibraries(known, store),
    )
    _check_required(main_ref, required, known, store)
    needed = {
        ref: replace(bundled[ref], files=tuple(sorted(_files_to_store(lib, files))))
        for ref, (lib, files, _problems) in sorted(found.items())
        if ref in required and fates[ref] != LibraryFate.IGNORED
    }
    main_library = known.get(main_ref) or store.get(main_ref)
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
        library_uses=tuple(
            _library_use(ref, fates.get(ref), bundled.get(ref), store.get(ref))
            for ref in sorted(required)
        ),
        embed_type=embed_type(
            main.embed_types, main_library.embed_types if main_library else ()
        ),
        sanitised_files=sanitised,
    )


class _KnownLibraries(Mapping[LibraryRef, Library]):
    """The libraries whose dependencies are known: in the package or stored."""

    def __init__(self, known: Mapping[LibraryRef, Library], store: LibraryStore):
        self._known, self._store = known, store

    def __getitem__(self, ref: LibraryRef) -> Library:
        library = self._known.get(ref) or self._store.get(ref)
        if library is None:
            raise KeyError(ref)
        return library

    def __contains__(self, ref: object) -> bool:
        return isinstance(ref, LibraryRef) and (
            ref in self._known or self._store.get(ref) is not None
        )

    def __iter__(self):
        return iter(self._known)

    def __len__(self) -> int:
        return len(self._known)


def _library_use(
    ref: LibraryRef,
    fate: LibraryFate | None,
    bundled: Library | None,
    stored: Library | None,
) -> LibraryUse:
    return LibraryUse(
        ref=ref,
        fate=fate or LibraryFate.REUSED,
        patch=bundled.patch_version if bundled else None,
        stored_patch=stored.patch_version if stored else None,
    )


def _check_required(
    main_ref: LibraryRef,
    required: set[LibraryRef],
    known: Mapping[LibraryRef, Library],
    store: LibraryStore,
) -> None:
    problems = [
        problem("missing-library", library=ref)
        for ref in sorted(required)
        if ref not in known and not store.has(ref)
    ]
    if main_ref in known and not known[main_ref].runnable:
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
    infos = [
        info
        for info in inspection.content_entries
        if info.filename not in inspection.ready_files
    ]
    for files in inspection.library_entries.values():
        infos.extend(
            info
            for info in files.values()
            if info.filename not in inspection.ready_files
        )
    return infos
