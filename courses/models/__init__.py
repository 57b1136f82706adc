from .enrollment import Cohort, Enrollment, LessonProgress
from .pages import CourseIndexPage, CoursePage, LessonActivity, LessonPage, ModulePage
from .tracks import Track

__all__ = [
    "Cohort",
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "LessonActivity",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "Track",
]
