"""Template tags for H5P blocks and the participant's H5P scores."""

from django import template
from django.urls import reverse

from ..selectors import (
    activity_score,
    can_play,
    enrollment_activity_scores,
    enrollment_for_play,
)

register = template.Library()


@register.simple_tag
def h5p_block(activity, lesson, user) -> dict:
    """What an H5P block shows: the player (if it may play here) and the score."""
    if activity is None:
        return {"playable": False}
    lesson = getattr(lesson, "specific", lesson)
    lesson_id = getattr(lesson, "pk", None)
    playable = can_play(user=user, activity=activity, lesson=lesson)
    context = {
        "activity": activity,
        "playable": playable,
        "lesson_id": lesson_id,
        "percent": None,
    }
    if not playable:
        return context
    query = f"?pelajaran={lesson_id}" if lesson_id else ""
    context["player_url"] = reverse("content:player", args=[activity.pk]) + query
    enrollment = enrollment_for_play(user=user, activity=activity, lesson=lesson)
    if enrollment is not None:
        context["xapi_url"] = reverse("content:statement", args=[activity.pk])
        context["state_url"] = reverse("content:state", args=[activity.pk])
        score = activity_score(enrollment=enrollment, activity=activity)
        context["score"] = score
        context["percent"] = score.percent if score is not None else None
    return context


@register.inclusion_tag("content/includes/activity_scores.html")
def h5p_scores(enrollment) -> dict:
    """The participant's H5P scores in a course (for the course page)."""
    rows = enrollment_activity_scores(enrollment=enrollment) if enrollment else []
    return {"rows": rows}
