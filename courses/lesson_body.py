"""A lesson's body, rendered once for everybody.

The body of a published lesson is the same for every participant except its
activity blocks (quiz, H5P), which show the participant's own score, their player
ticket and the CSRF token. So the body is cached as parts: the HTML of the runs of
plain blocks (text, image, video, document, callout, worked example), rendered
once, and the positions of the activity blocks, rendered on every request with the
request's own context (`lesson_body_render`).

The cache key is the lesson, a digest of the body being served and the language:
the content itself, not a revision number, so a draft never reaches the cache
(Wagtail serves the page row, which holds the live revision) and a lesson written
without a revision (a loader, a test) is never served stale. Previews render
directly. What the plain blocks point at (an image's rendition, a document's URL,
a linked page's URL) can change without the lesson changing: entries expire after
`LESSON_BODY_SECONDS`.
"""

import hashlib
import json
from dataclasses import dataclass

from django.core.cache import cache
from django.template import Context
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from .blocks import ACTIVITY_BLOCKS

LESSON_BODY_SECONDS = 300


@dataclass(frozen=True)
class BodyParts:
    """The rendered body: HTML strings and, in between, indexes of activity blocks."""

    parts: tuple[str | int, ...]

    @property
    def has_activity_blocks(self) -> bool:
        return any(isinstance(part, int) for part in self.parts)


def _digest(lesson) -> str:
    raw = lesson.body.raw_data
    text = json.dumps(list(raw), sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def body_cache_key(lesson) -> str:
    return f"lesson-body:{lesson.pk}:{_digest(lesson)}:{translation.get_language()}"


def _render_parts(lesson) -> BodyParts:
    """Render the plain blocks (with no request, no user: nothing personal can
    reach them) and leave the activity blocks' places."""
    parts: list[str | int] = []
    run: list[str] = []
    for index, block in enumerate(lesson.body):
        if block.block_type in ACTIVITY_BLOCKS:
            if run:
                parts.append("".join(run))
                run = []
            parts.append(index)
        else:
            run.append(str(block.render(context={"page": lesson})))
    if run:
        parts.append("".join(run))
    return BodyParts(tuple(parts))


def lesson_body_parts(lesson, *, preview: bool = False) -> BodyParts:
    """The lesson's body parts, from the cache when this body was rendered before."""
    if preview:
        return _render_parts(lesson)
    key = body_cache_key(lesson)
    parts = cache.get(key)
    if parts is None:
        parts = _render_parts(lesson)
        cache.set(key, parts, LESSON_BODY_SECONDS)
    return parts


def lesson_body_render(lesson, context: Context) -> SafeString:
    """The body for this request: the cached HTML with the activity blocks rendered
    in the request's context (the participant's own score, ticket, CSRF token)."""
    request = context.get("request")
    preview = bool(getattr(request, "is_preview", False))
    body = lesson_body_parts(lesson, preview=preview)
    out = []
    for part in body.parts:
        if isinstance(part, str):
            out.append(part)
        else:
            block = lesson.body[part]
            out.append(str(block.render(context=context.flatten())))
    return mark_safe("".join(out))  # noqa: S308 (rendered by the blocks' templates)
