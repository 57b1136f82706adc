"""A lesson page shared by every participant who would see the same page.

Thousands of participants read the same lesson, and for most of them the page is
the same but for a few values: their name, their progress in the course, their
CSRF token, the request's nonce and path. So an enrolled participant's lesson
page is rendered once per *shared state* as a skeleton (`lms.page_skeleton`) and
served to each of them with their own values put in.

The shared state (`lesson_page_key`) names every other value the page shows:
the lesson (its id, title, minutes and a digest of its body as stored), its
course (id, title, URL path), its place (the module and the live lessons of the
course, as the route query read them), the sites (a page's URL depends on them),
the language, what the participant may do (the menu), and their state in the
lesson: completed or not, and whether it has counting activities. A lesson with
an activity block (quiz, H5P: the participant's own score and player) is never
shared, nor a page with a message to show, nor a preview (served without the
visit hook), nor a page whose route did not read the lesson's digest. What the
body's plain blocks point at (a rendition, a document, a linked page) may change
without the lesson: like the body's cache (`courses.lesson_body`), a skeleton
is kept at most `LESSON_BODY_SECONDS`.
"""

from __future__ import annotations

from collections.abc import Hashable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import translation

from lms.page_skeleton import Skeleton, SkeletonStore, skeleton_context
from lms.scoping import person_can

from .lesson_body import LESSON_BODY_SECONDS, lesson_body_parts
from .models import Enrollment, LessonPage, LessonProgress
from .routing import sites_fingerprint

# Kept per process: about 10 KB each (a lesson page), at most 1024 (~10 MB), for
# as long as the body's plain blocks (what they point at may change).
_skeletons = SkeletonStore(size=1024, max_age=LESSON_BODY_SECONDS)


def lesson_page_key(
    *,
    lesson: LessonPage,
    request: HttpRequest,
    enrollment: Enrollment,
    progress: LessonProgress | None,
) -> Hashable | None:
    """What decides an enrolled participant's lesson page but their own values,
    or None when their page is not shared (see the module's docstring)."""
    digest = getattr(lesson, "route_body_digest", None)
    place = getattr(lesson, "route_place_text", None)
    site = getattr(request, "_wagtail_site", None)
    if digest is None or place is None or site is None or request.method != "GET":
        return None
    if len(messages.get_messages(request)):
        return None
    course = enrollment.course
    completed = bool(progress and progress.status == LessonProgress.Status.COMPLETED)
    return (
        lesson.pk,
        lesson.title,
        lesson.minutes,
        digest,
        place,
        course.pk,
        course.title,
        course.url_path,
        site.pk,
        sites_fingerprint(),
        translation.get_language(),
        get_script_prefix(),
        person_can(request.user),
        completed,
        None if completed else bool(enrollment.lesson_has_activities),
    )


def _own_values(enrollment: Enrollment) -> dict:
    """The participant's own values on the page, by their context names."""
    return {"progress_percent": enrollment.progress_percent}


def _skeleton(
    lesson: LessonPage, request: HttpRequest, state: dict, own: dict
) -> Skeleton | None:
    """The lesson page rendered with marks for the participant's own values
    (`own`), or None when it has activity blocks."""
    if lesson_body_parts(lesson).has_activity_blocks:
        return None
    context = lesson.get_context(request, **state)
    context.update(skeleton_context(own))
    html = render_to_string(lesson.get_template(request), context, request)
    return Skeleton.from_html(html)


def lesson_page_shared(
    *,
    lesson: LessonPage,
    request: HttpRequest,
    enrollment: Enrollment | None,
    progress: LessonProgress | None,
) -> HttpResponse | None:
    """The participant's lesson page from its shared skeleton (rendered now if it
    is the first of its state), or None to serve the page as usual."""
    if enrollment is None:
        return None
    key = lesson_page_key(
        lesson=lesson, request=request, enrollment=enrollment, progress=progress
    )
    if key is None:
        return None
    own = _own_values(enrollment)
    known, skeleton = _skeletons.get(key)
    if not known:
        state = {"enrollment": enrollment, "progress": progress}
        skeleton = _skeleton(lesson, request, state, own)
        _skeletons.put(key, skeleton)
    if skeleton is None:
        return None
    return HttpResponse(skeleton.splice(request, own))


def lesson_pages_forget() -> None:
    """Forget every skeleton of this process (tests)."""
    _skeletons.clear()
