from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .blended.selectors import upcoming_sessions
from .models import CoursePage, LessonPage
from .progress import lesson_reached_end
from .selectors import enrollment_for, home_courses
from .services import enrollment_create


@login_required
@require_POST
def enroll(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    try:
        enrollment_create(user=request.user, course=course, self_service=True)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(course.url)
    messages.success(request, _("Anda terdaftar di kursus ini. Selamat belajar!"))
    return redirect(course.url)


@login_required
@require_POST
def lesson_finish(request, lesson_id: int):
    """The participant reached the end of a lesson (the button at its end)."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    course = lesson.get_parent().get_parent().specific
    enrollment = enrollment_for(user=request.user, course=course)
    if enrollment is None:
        messages.error(request, _("Daftar ke kursus ini dulu untuk mencatat kemajuan."))
        return redirect(course.url)
    progress = lesson_reached_end(enrollment=enrollment, lesson=lesson)
    if progress.status == progress.Status.COMPLETED:
        messages.success(request, _("Pelajaran selesai."))
        target = request.POST.get("next_url") or lesson.url
        return redirect(
            target
            if target.startswith("/") and not target.startswith("//")
            else lesson.url
        )
    messages.warning(
        request, _("Selesaikan dulu aktivitas di pelajaran ini, lalu tandai selesai.")
    )
    return redirect(lesson.url)


@login_required
def my_learning(request):
    """Pembelajaran saya: the participant's courses."""
    return render(
        request,
        "courses/my_learning.html",
        {
            "enrollments": home_courses(user=request.user),
            "upcoming": upcoming_sessions(user=request.user),
        },
    )
