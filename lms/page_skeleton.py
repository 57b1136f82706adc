"""Page skeletons: a page rendered once for everybody who would see the same
page, with the request's own values put in on every request.

A skeleton is a page rendered with *marks* in place of the few values that belong
to one request: the CSRF token (`{% csrf_token %}`), the CSP nonce, the visitor's
name, the request's path (`{% per_request "nonce" %}` and the others of
`PER_REQUEST`), and values the caller names (a participant's progress, say).
Everything else on the page must be decided by the key the caller keeps the
skeleton under (`SkeletonStore`): the caller's key *is* the rule of what may be
shared, so it names every other value the page shows.

Serving from a skeleton (`splice`) joins its literal parts with this request's
values, each escaped as the template would have escaped it. The marks carry a
random per-process prefix, so no authored text can forge one.

Skeletons are kept in process memory (no cache server round trip), bounded
(`SkeletonStore.size`, least recently used first out) and for a while
(`SkeletonStore.max_age`); their keys name the content itself, so a change of
content is served at once (a new key is simply used) and nothing has to be
dropped by hand.
"""

from __future__ import annotations

import contextlib
import re
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template import Context
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe

_PREFIX = f"bdsk{secrets.token_hex(6)}"
_MARK = re.compile(rf"{_PREFIX}([a-z_]+)\.")
# The context variable that puts a render in skeleton mode.
SKELETON_MODE = "page_skeleton_mode"


def mark(name: str) -> SafeString:
    """The mark of a per-request value `name` in a skeleton."""
    return mark_safe(f"{_PREFIX}{name}.")  # noqa: S308 (letters only)


def _visitor_name(request: HttpRequest) -> str:
    user = request.user
    return escape(user.full_name or user.get_username())


# The values of a request that base.html shows (`{% per_request name %}`), each
# as the template shows it (escaped).
PER_REQUEST: dict[str, Callable[[HttpRequest], str]] = {
    "csrf": lambda request: get_token(request),
    "nonce": lambda request: escape(str(request.csp_nonce)),
    "visitor_name": _visitor_name,
    "full_path": lambda request: escape(request.get_full_path()),
}


def per_request_value(context: Context, name: str) -> SafeString:
    """`{% per_request name %}`: the request's value, or its mark in a skeleton."""
    if context.get(SKELETON_MODE):
        return mark(name)
    return mark_safe(PER_REQUEST[name](context["request"]))  # noqa: S308 (escaped above)


def skeleton_context(own: Iterable[str] = ()) -> dict:
    """What a template context needs to render a skeleton: the mode, the CSRF
    token's mark (read by `{% csrf_token %}`) and a mark for each of the
    caller's own values, by the context name `Skeleton.splice` is given it
    under."""
    return {
        SKELETON_MODE: True,
        "csrf_token": mark("csrf"),
        **{name: mark(name) for name in own},
    }


@dataclass(frozen=True)
class Skeleton:
    """A rendered page cut at its marks: literal text at even places, value
    names at odd places."""

    parts: tuple[str, ...]

    @classmethod
    def from_html(cls, html: str) -> Skeleton:
        return cls(tuple(_MARK.split(html)))

    def names(self) -> set[str]:
        return set(self.parts[1::2])

    def splice(self, request: HttpRequest, own: Mapping[str, object]) -> str:
        """The page for this request: its values (`PER_REQUEST`, then the
        caller's `own`, escaped) in place of the marks."""
        values: dict[str, str] = {}
        out = []
        for index, part in enumerate(self.parts):
            if index % 2 == 0:
                out.append(part)
                continue
            if part not in values:
                if part in own:
                    values[part] = str(conditional_escape(own[part]))
                else:
                    values[part] = PER_REQUEST[part](request)
            out.append(values[part])
        return "".join(out)


class SkeletonStore:
    """Skeletons in process memory by key, at most `size`, least recently used
    out first, each for at most `max_age` seconds (what a page points at, such as
    an image's rendition, may change without its key). `None` stored under a key
    means "this page is never shared"."""

    def __init__(self, size: int = 1024, max_age: float = 300):
        self.size = size
        self.max_age = max_age
        self._items: OrderedDict[Hashable, tuple[float, Skeleton | None]] = (
            OrderedDict()
        )

    def get(self, key: Hashable) -> tuple[bool, Skeleton | None]:
        """(known, skeleton): known False when nothing is kept under `key`."""
        try:
            stored_at, found = self._items[key]
        except KeyError:
            return False, None
        # Another thread (gthread workers) may drop the key meanwhile: then it
        # is simply not moved, or not dropped twice.
        if time.monotonic() - stored_at > self.max_age:
            self._items.pop(key, None)
            return False, None
        with contextlib.suppress(KeyError):
            self._items.move_to_end(key)
        return True, found

    def put(self, key: Hashable, skeleton: Skeleton | None) -> None:
        self._items[key] = (time.monotonic(), skeleton)
        with contextlib.suppress(KeyError):
            self._items.move_to_end(key)
        while len(self._items) > self.size:
            with contextlib.suppress(KeyError):
                self._items.popitem(last=False)

    def items(self) -> list[tuple[Hashable, Skeleton | None]]:
        """What is kept, by key (to look at: expired entries included)."""
        return [(key, skeleton) for key, (_at, skeleton) in self._items.items()]

    def clear(self) -> None:
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
