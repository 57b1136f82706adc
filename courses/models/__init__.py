from .blended import (
    PRESENT_STATUSES,
    Attendance,
    AttendanceMark,
    AttendanceStatus,
    EvaluationAnswer,
    EvaluationResponse,
    EvaluationSubmission,
    FundingSource,
    OfflineComponent,
    OfflineResult,
    Session,
    SessionReminder,
    Speaker,
)
from .enrollment import Cohort, Enrollment, LessonProgress
from .pages import CourseIndexPage, CoursePage, LessonActivity, LessonPage, ModulePage
from .tracks import Track

__all__ = [
    "PRESENT_STATUSES",
    "Attendance",
    "AttendanceMark",
    "AttendanceStatus",
    "EvaluationAnswer",
    "EvaluationResponse",
    "EvaluationSubmission",
    "FundingSource",
    "OfflineComponent",
    "OfflineResult",
    "Session",
    "SessionReminder",
    "Speaker",
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
