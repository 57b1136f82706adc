"""H5P libraries: their names, their library.json, and what they depend on."""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .archive import is_safe_name
from .errors import PackageInvalid, Problem, problem

MACHINE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,254}$")
_VERSION_TEXT = re.compile(r"^[0-9]{1,5}$")
_MAX_VERSION = 99_999
EMBED_TYPES = frozenset({"iframe", "div"})


class LibraryRef(NamedTuple):
    """A library version as H5P names it: machine name, major and minor version.

    It equals the plain tuple ``(machine_name, major, minor)``.
    """

    machine_name: str
    major: int
    minor: int

    @property
    def key(self) -> str:
        """The folder name, as in ``H5P.MultiChoice-1.14``."""
        return f"{self.machine_name}-{self.major}.{self.minor}"

    def __str__(self) -> str:
        return f"{self.machine_name} {self.major}.{self.minor}"

    @classmethod
    def from_key(cls, key: str) -> "LibraryRef":
        match = re.fullmatch(r"(.+)-([0-9]{1,5})\.([0-9]{1,5})", key)
        if match is None or not MACHINE_NAME.match(match[1]):
            raise ValueError(f"Not an H5P library key: {key!r}")
        return cls(match[1], int(match[2]), int(match[3]))


@dataclass(frozen=True)
class Library:
    """One library version, read from its library.json.

    `data` is the whole library.json, to be recorded; `files` are the paths (inside
    the library's folder) that get stored.
    """

    ref: LibraryRef
    title: str
    patch_version: int
    runnable: bool
    preloaded_js: tuple[str, ...] = ()
    preloaded_css: tuple[str, ...] = ()
    preloaded_dependencies: tuple[LibraryRef, ...] = ()
    dynamic_dependencies: tuple[LibraryRef, ...] = ()
    editor_dependencies: tuple[LibraryRef, ...] = ()
    embed_types: tuple[str, ...] = ()
    core_api: tuple[int, int] | None = None
    data: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    files: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def runtime_dependencies(self) -> tuple[LibraryRef, ...]:
        return self.preloaded_dependencies + self.dynamic_dependencies


def _as_version(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and 0 <= value <= _MAX_VERSION:
        return value
    if isinstance(value, str) and _VERSION_TEXT.match(value):
        return int(value)
    return None


class JsonFields:
    """Typed reads from one JSON object; every bad field is noted as a Problem."""

    def __init__(
        self, data: Mapping[str, Any], path: str, problems: list[Problem]
    ) -> None:
        self.data = data
        self.path = path
        self.problems = problems

    def _present(self, name: str, *, required: bool) -> bool:
        if name in self.data:
            return True
        if required:
            self.problems.append(problem("missing-field", field=name, path=self.path))
        return False

    def _invalid(self, name: str) -> None:
        self.problems.append(problem("invalid-field", field=name, path=self.path))

    def text(self, name: str, *, pattern: re.Pattern[str] | None = None) -> str:
        if not self._present(name, required=True):
            return ""
        value = self.data[name]
        if (
            not isinstance(value, str)
            or not 1 <= len(value) <= 255
            or "\n" in value
            or (pattern is not None and not pattern.match(value))
        ):
            self._invalid(name)
            return ""
        return value

    def version(self, name: str) -> int:
        if not self._present(name, required=True):
            return 0
        value = _as_version(self.data[name])
        if value is None:
            self._invalid(name)
            return 0
        return value

    def flag(self, name: str) -> bool:
        if not self._present(name, required=True):
            return False
        value = self.data[name]
        if value not in (0, 1, "0", "1"):  # True and False compare equal to 1 and 0
            self._invalid(name)
            return False
        return value in (1, "1")

    def _list(self, name: str, *, required: bool) -> list[Any]:
        if not self._present(name, required=required):
            return []
        value = self.data[name]
        if not isinstance(value, list):
            self._invalid(name)
            return []
        return value

    def embed_types(self, name: str, *, required: bool) -> tuple[str, ...]:
        if not self._present(name, required=required):
            return ()
        values = self.data[name]
        if (
            not isinstance(values, list)
            or (required and not values)
            or not all(isinstance(v, str) and v in EMBED_TYPES for v in values)
        ):
            self._invalid(name)
            return ()
        return tuple(values)

    def core_api(self, name: str) -> tuple[int, int] | None:
        """H5P core's `coreApi` ({majorVersion, minorVersion}); absent or empty
        means 1.0, which every player supports."""
        if not self.data.get(name):
            return None
        value = self.data[name]
        major = (
            _as_version(value.get("majorVersion")) if isinstance(value, dict) else None
        )
        minor = (
            _as_version(value.get("minorVersion")) if isinstance(value, dict) else None
        )
        if major is None or minor is None:
            self._invalid(name)
            return None
        return major, minor

    def dependencies(
        self, name: str, *, required: bool = False
    ) -> tuple[LibraryRef, ...]:
        refs = []
        for position, item in enumerate(self._list(name, required=required)):
            ref = _as_library_ref(item)
            if ref is None:
                self._invalid(f"{name}[{position}]")
            else:
                refs.append(ref)
        return tuple(refs)

    def file_paths(self, name: str, suffix: str) -> tuple[str, ...]:
        paths = []
        for position, item in enumerate(self._list(name, required=False)):
            path = item.get("path") if isinstance(item, dict) else None
            if (
                not isinstance(path, str)
                or not is_safe_name(path)
                or path.endswith("/")
                or not path.lower().endswith(suffix)
            ):
                self._invalid(f"{name}[{position}]")
            else:
                paths.append(path)
        return tuple(paths)


def _as_library_ref(item: Any) -> LibraryRef | None:
    if not isinstance(item, dict):
        return None
    name = item.get("machineName")
    major = _as_version(item.get("majorVersion"))
    minor = _as_version(item.get("minorVersion"))
    if not isinstance(name, str) or not MACHINE_NAME.match(name):
        return None
    if major is None or minor is None:
        return None
    return LibraryRef(name, major, minor)


def parse_library(data: Any, path: str, problems: list[Problem]) -> Library | None:
    """A Library from library.json data, or None with the problems noted."""
    if not isinstance(data, dict):
        problems.append(problem("invalid-json", path=path))
        return None
    fields = JsonFields(data, path, problems)
    before = len(problems)
    library = Library(
        ref=LibraryRef(
            fields.text("machineName", pattern=MACHINE_NAME),
            fields.version("majorVersion"),
            fields.version("minorVersion"),
        ),
        title=fields.text("title"),
        patch_version=fields.version("patchVersion"),
        runnable=fields.flag("runnable"),
        preloaded_js=fields.file_paths("preloadedJs", ".js"),
        preloaded_css=fields.file_paths("preloadedCss", ".css"),
        preloaded_dependencies=fields.dependencies("preloadedDependencies"),
        dynamic_dependencies=fields.dependencies("dynamicDependencies"),
        editor_dependencies=fields.dependencies("editorDependencies"),
        embed_types=fields.embed_types("embedTypes", required=False),
        core_api=fields.core_api("coreApi"),
        data=data,
    )
    return library if len(problems) == before else None


def library_from_json(data: Any) -> Library:
    """Rebuild a Library from a recorded library.json (as `Library.data` kept it)."""
    problems: list[Problem] = []
    library = parse_library(data, "library.json", problems)
    if library is None:
        raise PackageInvalid(problems)
    return library


def embed_type(content_types: Iterable[str], library_types: Iterable[str] = ()) -> str:
    """How the player embeds the content: "div" or "iframe", as H5P core decides
    (H5PCore::determineEmbedType): what h5p.json asks for ("div" when it allows
    it), unless the main library's library.json does not offer that type."""
    wanted = "div" if "div" in content_types else "iframe"
    offered = tuple(library_types)
    if offered and wanted not in offered:
        return "div" if "div" in offered else "iframe"
    return wanted


def dependency_closure(
    roots: Iterable[LibraryRef], libraries: Mapping[LibraryRef, Library]
) -> set[LibraryRef]:
    """The roots and everything they need to play (preloaded and dynamic).

    A library absent from `libraries` is included but its own needs are not known.
    """
    needed: set[LibraryRef] = set()
    stack = list(roots)
    while stack:
        ref = stack.pop()
        if ref in needed:
            continue
        needed.add(ref)
        if ref in libraries:
            stack.extend(libraries[ref].runtime_dependencies)
    return needed


def preload_order(
    main_library: LibraryRef,
    libraries: Mapping[LibraryRef, Library],
    *,
    dependencies: Iterable[LibraryRef] = (),
) -> list[Library]:
    """The libraries the player loads, each after the ones it depends on.

    `dependencies` are the content's own preloaded dependencies (h5p.json's list,
    `PackageInfo.dependencies`): sub-content libraries, such as the questions of a
    QuestionSet, are named there and not in the main library's library.json.
    Raises KeyError naming a library that `libraries` lacks.
    """
    order: list[Library] = []
    visited: set[LibraryRef] = set()

    def visit(ref: LibraryRef) -> None:
        if ref in visited:
            return
        visited.add(ref)
        if ref not in libraries:
            raise KeyError(f"H5P library not available: {ref}")
        library = libraries[ref]
        for dependency in library.preloaded_dependencies:
            visit(dependency)
        order.append(library)

    for ref in (*dependencies, main_library):
        visit(ref)
    return order


def _key(library: LibraryRef | str) -> str:
    return library.key if isinstance(library, LibraryRef) else library


def unused_libraries(
    all_library_keys: Iterable[LibraryRef | str],
    used_by_activities: Iterable[Iterable[LibraryRef | str]],
    *,
    dependencies: Mapping[str, Iterable[LibraryRef | str]] | None = None,
) -> set[str]:
    """Keys of the stored libraries that no activity needs any more.

    `used_by_activities` holds, per remaining activity, the libraries it needs
    (`PackageInfo.required`). `dependencies` maps a library key to the libraries it
    depends on (from its recorded library.json), so that what a used library needs
    is kept even when an activity's own list omits it.
    """
    needed = {_key(ref) for refs in used_by_activities for ref in refs}
    stack = list(needed)
    while dependencies and stack:
        for dependency in dependencies.get(stack.pop(), ()):
            key = _key(dependency)
            if key not in needed:
                needed.add(key)
                stack.append(key)
    return {_key(ref) for ref in all_library_keys} - needed
