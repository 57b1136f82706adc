from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
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
    """The participant reached the end of a lesson (the button at its end). From
    the offline queue (`X-Requested-With: XMLHttpRequest`, possibly twice: reaching
    the end is an upsert) the answer is JSON."""
    queued = request.headers.get("X-Requested-With") == "XMLHttpRequest"
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    course = lesson.get_parent().get_parent().specific
    enrollment = enrollment_for(user=request.user, course=course)
    if enrollment is None:
        message = _("Daftar ke kursus ini dulu untuk mencatat kemajuan.")
        if queued:
            return JsonResponse({"completed": False, "message": message}, status=403)
        messages.error(request, message)
        return redirect(course.url)
    progress = lesson_reached_end(enrollment=enrollment, lesson=lesson)
    completed = progress.status == progress.Status.COMPLETED
    target = request.POST.get("next_url") or lesson.url
    if not completed or not (target.startswith("/") and not target.startswith("//")):
        target = lesson.url
    message = (
        _("Pelajaran selesai.")
        if completed
        else _("Selesaikan dulu aktivitas di pelajaran ini, lalu tandai selesai.")
    )
    if not queued:  # the queue's sender shows the message itself
        (messages.success if completed else messages.warning)(request, message)
    if queued:
        return JsonResponse(
            {"completed": completed, "next_url": target, "message": message}
        )
    return redirect(target)


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
