"""Template tags for H5P blocks and the participant's H5P scores."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from ..origin import h5p_base_url, origin_of, player_url, request_origin
from ..player_access import player_ticket_issue
from ..selectors import (
    can_play,
    enrollment_activity_scores,
    enrollment_for_play,
    enrollment_result,
    result_score,
)

register = template.Library()


@register.simple_tag
def h5p_block(activity, lesson, request) -> dict:
    """What an H5P block shows: the player on the H5P origin (if it may play
    here), the score, or why it cannot start."""
    if activity is None:
        return {"playable": False}
    user = request.user
    lesson = getattr(lesson, "specific", lesson)
    lesson_id = getattr(lesson, "pk", None)
    context = {"activity": activity, "lesson_id": lesson_id, "percent": None}
    # The enrolment is read once (one query): an enrolled participant plays;
    # anyone else as `can_play` says (staff preview anywhere).
    enrollment = enrollment_for_play(user=user, activity=activity, lesson=lesson)
    context["playable"] = enrollment is not None or can_play(
        user=user, activity=activity, lesson=lesson
    )
    if not context["playable"]:
        return context
    base = h5p_base_url(request)
    if base is None:
        # No origin of its own to play it from (see docs/operations.md).
        context.update(playable=False, no_origin=True)
        return context
    ticket = player_ticket_issue(
        user_id=user.pk,
        activity_id=activity.pk,
        lesson_id=lesson_id,
        parent_origin=request_origin(request),
        language=translation.get_language(),
    )
    context["player_url"] = player_url(
        base=base, activity_id=activity.pk, ticket=ticket
    )
    context["h5p_origin"] = origin_of(base)
    # This page may frame the H5P origin (lms.middleware.SiteCSPMiddleware).
    if not hasattr(request, "csp_frame_src"):
        request.csp_frame_src = set()
    request.csp_frame_src.add(origin_of(base))
    context["start_seconds"] = settings.H5P_START_SECONDS
    if enrollment is not None:
        context["xapi_url"] = reverse("content:statement", args=[activity.pk])
        context["state_url"] = reverse("content:state", args=[activity.pk])
        score = result_score(
            enrollment=enrollment,
            activity=activity,
            result=enrollment_result(enrollment=enrollment, activity=activity),
        )
        context["score"] = score
        context["percent"] = score.percent if score is not None else None
    return context


@register.inclusion_tag("content/includes/activity_scores.html")
def h5p_scores(enrollment) -> dict:
    """The participant's H5P scores in a course (for the course page)."""
    rows = enrollment_activity_scores(enrollment=enrollment) if enrollment else []
    return {"rows": rows}
