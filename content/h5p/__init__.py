"""H5P packages: validation, extraction to storage, and the libraries they share.

Framework-light: only Django's Storage API and gettext_lazy are used here; the
models and services that record packages and libraries build on these functions.
"""

from .archive import DEFAULT_LIMITS, Limits
from .errors import PackageInvalid, Problem
from .libraries import (
    Library,
    LibraryRef,
    dependency_closure,
    embed_type,
    library_from_json,
    preload_order,
    unused_libraries,
)
from .storage import (
    ExtractResult,
    content_path,
    delete_activity_content,
    delete_library,
    extract_package,
    library_path,
    preloaded_file_names,
)
from .validation import PackageInfo, validate_package

__all__ = [
    "DEFAULT_LIMITS",
    "ExtractResult",
    "Library",
    "LibraryRef",
    "Limits",
    "PackageInfo",
    "PackageInvalid",
    "Problem",
    "content_path",
    "delete_activity_content",
    "delete_library",
    "dependency_closure",
    "embed_type",
    "extract_package",
    "library_from_json",
    "library_path",
    "preload_order",
    "preloaded_file_names",
    "unused_libraries",
    "validate_package",
]
