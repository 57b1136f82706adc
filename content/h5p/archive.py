"""Reading a .h5p zip defensively: entry names, entry kinds and bytes really read.

Sizes in a zip's headers are claims. Every byte taken out of the archive goes
through an `EntryReader`, which counts what was actually decompressed against a
`Budget` and stops the read as soon as a limit is passed.
"""

import io
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO

from .errors import PackageInvalid, problem

MB = 1024 * 1024

SUPPORTED_COMPRESSION = frozenset(
    {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
)
_DRIVE_LETTER = re.compile(r"^[A-Za-z]:")
_ENCRYPTED_FLAG = 0x1
_CHUNK = 64 * 1024

PackageFile = str | os.PathLike[str] | IO[bytes]


def megabytes(size: int) -> str:
    return f"{size / MB:g}"


@dataclass(frozen=True)
class Limits:
    """Limits on one package, enforced on the bytes actually decompressed."""

    max_entries: int = 5_000
    max_total_bytes: int = 300 * MB
    max_ratio: int = 100
    ratio_applies_above: int = 1 * MB
    max_json_bytes: int = 16 * MB

    def entry_allowance(self, compressed_size: int) -> int:
        """Most bytes one entry may decompress to, given its compressed size."""
        return max(self.ratio_applies_above, self.max_ratio * compressed_size)


DEFAULT_LIMITS = Limits()


@contextmanager
def open_archive(file: PackageFile) -> Iterator[zipfile.ZipFile]:
    """Open the package as a zip, or refuse it as not being one."""
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise PackageInvalid([problem("not-zip")]) from exc
    with archive:
        yield archive


def is_safe_name(name: str) -> bool:
    """A relative, forward-slash path that cannot climb out of its folder."""
    if not name or name.startswith("/") or "\\" in name or _DRIVE_LETTER.match(name):
        return False
    if any(ord(char) < 32 or char == "\x7f" for char in name):
        return False
    parts = name.removesuffix("/").split("/")
    return all(part not in ("", ".", "..") for part in parts)


def is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def is_encrypted(info: zipfile.ZipInfo) -> bool:
    return bool(info.flag_bits & _ENCRYPTED_FLAG)


class Budget:
    """Bytes decompressed so far from one package, against its limits."""

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self.total = 0

    def spend(self, count: int) -> None:
        self.total += count
        if self.total > self.limits.max_total_bytes:
            raise PackageInvalid(
                [problem("too-large", limit_mb=megabytes(self.limits.max_total_bytes))]
            )

    def open(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> "EntryReader":
        return EntryReader(archive, info, self)

    def read_bytes(
        self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, *, max_bytes: int
    ) -> bytes:
        """The whole entry, refused once it passes `max_bytes`."""
        chunks: list[bytes] = []
        size = 0
        with self.open(archive, info) as reader:
            while chunk := reader.read(_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise PackageInvalid(
                        [
                            problem(
                                "entry-too-large",
                                path=info.filename,
                                limit_mb=megabytes(max_bytes),
                            )
                        ]
                    )
                chunks.append(chunk)
        return b"".join(chunks)

    def drain(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
        """Read an entry to its end (checking its CRC and sizes); return its size."""
        with self.open(archive, info) as reader:
            while reader.read(_CHUNK):
                pass
            return reader.bytes_read


class EntryReader(io.RawIOBase):
    """A read-only stream of one entry that counts every byte it hands out.

    Reading stops with `PackageInvalid` once the entry passes its own allowance
    (its compressed size times the ratio limit) or the package passes its total.
    """

    def __init__(
        self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget
    ) -> None:
        super().__init__()
        self.name = info.filename
        self.bytes_read = 0
        self._budget = budget
        self._allowance = budget.limits.entry_allowance(info.compress_size)
        try:
            self._stream = archive.open(info)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError) as exc:
            raise PackageInvalid([problem("corrupt-entry", path=self.name)]) from exc

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:
        try:
            data = self._stream.read(len(buffer))
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise PackageInvalid([problem("corrupt-entry", path=self.name)]) from exc
        self._count(len(data))
        buffer[: len(data)] = data
        return len(data)

    def _count(self, size: int) -> None:
        self.bytes_read += size
        if self.bytes_read > self._allowance:
            raise PackageInvalid([problem("suspicious-ratio", path=self.name)])
        self._budget.spend(size)

    def close(self) -> None:
        if not self.closed:
            self._stream.close()
        super().close()
