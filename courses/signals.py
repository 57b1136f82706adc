"""The one signal the courses app listens to: a lesson was published.

Wagtail sends `page_published` for every publish, from the admin and from code
(`revision.publish()`), so the lesson↔activity relation follows the live body.
"""

from wagtail.signals import page_published

from .models import LessonPage
from .services import lesson_activities_sync


def _lesson_published(sender, instance, **kwargs) -> None:
    lesson_activities_sync(lesson=instance)


def connect() -> None:
    page_published.connect(
        _lesson_published, sender=LessonPage, dispatch_uid="courses.lesson_published"
    )
