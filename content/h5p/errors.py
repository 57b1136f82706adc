"""Why a package is refused: stable codes with messages in Bahasa Indonesia.

A `Problem` keeps its message lazy (``gettext_lazy``) with its parameters beside it,
so it can be built and inspected without Django's settings; ``str(problem)`` renders
it in the active language.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "not-zip": _("Berkas ini bukan paket H5P (bukan arsip zip)."),
    "too-many-entries": _(
        "Paket berisi terlalu banyak berkas: %(count)s (batas %(limit)s)."
    ),
    "unsafe-path": _("Paket berisi jalur berbahaya: %(path)s"),
    "symlink": _("Paket berisi tautan simbolik (symlink) berbahaya: %(path)s"),
    "duplicate-entry": _("Paket berisi berkas ganda: %(path)s"),
    "encrypted": _("Paket berisi berkas terenkripsi: %(path)s"),
    "unsupported-compression": _("Metode kompresi tidak didukung: %(path)s"),
    "file-not-allowed": _(
        "Jenis berkas tidak diizinkan di dalam paket H5P: %(path)s (ekstensi "
        "yang diizinkan: %(allowed)s)."
    ),
    "too-large": _(
        "Isi paket terlalu besar setelah dibuka (lebih dari %(limit_mb)s MB)."
    ),
    "suspicious-ratio": _(
        "Berkas %(path)s terkompresi secara mencurigakan (kemungkinan bom zip)."
    ),
    "corrupt-entry": _("Berkas %(path)s di dalam paket rusak."),
    "entry-too-large": _("Berkas %(path)s terlalu besar (batas %(limit_mb)s MB)."),
    "missing-h5p-json": _("Berkas h5p.json tidak ada di dalam paket."),
    "missing-content-json": _("Berkas content/content.json tidak ada di dalam paket."),
    "invalid-json": _("Berkas %(path)s bukan JSON yang sah."),
    "missing-field": _("Isian wajib %(field)s tidak ada di %(path)s."),
    "invalid-field": _("Isian %(field)s di %(path)s tidak sah."),
    "missing-library-json": _("Folder pustaka %(folder)s tidak berisi library.json."),
    "library-folder-mismatch": _(
        "Nama folder %(folder)s tidak sesuai dengan pustaka %(library)s."
    ),
    "duplicate-library": _("Pustaka %(library)s ada lebih dari sekali di paket."),
    "missing-library-file": _(
        "Berkas %(file)s yang disebut di %(path)s tidak ada di dalam paket."
    ),
    "missing-main-library": _(
        "Pustaka utama %(library)s tidak tercantum di preloadedDependencies h5p.json."
    ),
    "main-not-runnable": _("Pustaka utama %(library)s tidak dapat dijalankan."),
    "missing-library": _("Pustaka yang dibutuhkan tidak ada: %(library)s"),
    "name-too-long": _(
        "Nama %(name)s terlalu panjang: batasnya 255 byte untuk setiap nama folder "
        "atau berkas."
    ),
    "path-too-long": _("Jalur %(path)s terlalu panjang (batas %(limit)s byte)."),
    "invalid-language-file": _(
        "Berkas bahasa %(path)s tidak sah: namanya harus berupa kode bahasa seperti "
        "id.json atau pt-br.json."
    ),
    "invalid-language-json": _("Berkas bahasa %(path)s bukan JSON yang sah."),
    "core-api-unsupported": _(
        "Pustaka %(library)s membutuhkan API inti H5P versi %(required)s, sedangkan "
        "pemutar di platform ini mendukung sampai versi %(supported)s. Ekspor ulang "
        "konten dengan versi pustaka yang lebih lama, atau minta administrator "
        "memperbarui pemutar H5P."
    ),
    "invalid-svg": _(
        "Berkas SVG %(path)s tidak dapat dibaca sebagai SVG, jadi tidak dapat "
        "dibersihkan dari skrip."
    ),
}


@dataclass(frozen=True)
class Problem:
    """One reason a package is refused: a stable code and the message's parameters."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.code not in MESSAGES:
            raise ValueError(f"Unknown H5P problem code: {self.code}")

    @property
    def message(self) -> Any:
        """The lazy message template (a gettext_lazy proxy)."""
        return MESSAGES[self.code]

    def __str__(self) -> str:
        return str(self.message) % {key: str(v) for key, v in self.params.items()}


def problem(code: str, **params: Any) -> Problem:
    return Problem(code, params)


class PackageInvalid(Exception):
    """The package is refused; `problems` says why (all found, not only the first)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(f"{p.code} {dict(p.params)}" for p in self.problems))

    @property
    def codes(self) -> set[str]:
        return {p.code for p in self.problems}

    @property
    def messages(self) -> list[str]:
        """The messages in the active language (needs Django's settings)."""
        return [str(p) for p in self.problems]
