"""The signals the courses app listens to.

- A lesson was published: Wagtail sends `page_published` for every publish, from
  the admin and from code (`revision.publish()`), so the lesson↔activity relation
  follows the live body.
- A course's review was approved (`workflow_approved`): its changed modules and
  lessons are published with it (`services.course_changes_publish`), so one review
  publishes a course.
"""

from wagtail.signals import page_published, workflow_approved

from .models import CoursePage, LessonPage
from .services import course_changes_publish, lesson_activities_sync


def _lesson_published(sender, instance, **kwargs) -> None:
    lesson_activities_sync(lesson=instance)


def _workflow_approved(sender, instance, user=None, **kwargs) -> None:
    course = getattr(instance.content_object, "specific", instance.content_object)
    if isinstance(course, CoursePage):
        course_changes_publish(course=course, user=user)


def connect() -> None:
    workflow_approved.connect(
        _workflow_approved, dispatch_uid="courses.course_review_approved"
    )
    page_published.connect(
        _lesson_published, sender=LessonPage, dispatch_uid="courses.lesson_published"
    )
