"""A small reader for gettext .po files, enough for the catalogue tests.

It understands what `makemessages` writes: comments, flags (``#, fuzzy``),
``msgctxt``, ``msgid``, ``msgid_plural``, ``msgstr`` and ``msgstr[n]``, and
strings continued over several quoted lines.
"""

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    references: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        return (
            not self.fuzzy
            and bool(self.msgstr)
            and all(value.strip() for value in self.msgstr.values())
        )


_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")$")


def _unquote(text: str) -> str:
    return ast.literal_eval(text)


def parse(path: Path) -> list[Entry]:
    """Every entry of the file except the header (msgid "")."""
    entries: list[Entry] = []
    current = Entry()
    target: tuple[str, int | None] | None = None
    seen_keyword = False

    def finish():
        nonlocal current, target, seen_keyword
        if seen_keyword and current.msgid:
            entries.append(current)
        current, target, seen_keyword = Entry(), None, False

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            continue  # obsolete
        if line.startswith("#,"):
            if seen_keyword:
                finish()
            current.flags.update(f.strip() for f in line[2:].split(","))
            continue
        if line.startswith("#:"):
            if seen_keyword:
                finish()
            current.references.extend(line[2:].split())
            continue
        if line.startswith("#"):
            if seen_keyword:
                finish()
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, index, value = match.groups()
            if (
                keyword in ("msgctxt", "msgid")
                and seen_keyword
                and target
                and (target[0] == "msgstr")
            ):
                finish()
            seen_keyword = True
            if keyword.startswith("msgstr"):
                number = int(index) if index is not None else 0
                current.msgstr[number] = _unquote(value)
                target = ("msgstr", number)
            else:
                setattr(current, keyword, _unquote(value))
                target = (keyword, None)
            continue
        if line.startswith('"') and target:
            name, number = target
            if name == "msgstr":
                current.msgstr[number] += _unquote(line)
            else:
                setattr(current, name, getattr(current, name) + _unquote(line))
            continue
        raise ValueError(f"{path}: cannot read line {raw!r}")
    finish()
    return entries
