"""Closing a cohort from its page: one action issues its certificates (the batch
job), and the page shows the job's progress until it is done.

Only the instructors of the cohort's Balai (and administrators) close it
(`courses.blended.selectors.cohort_access`, built on `lms.scoping`).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from courses.blended.selectors import cohort_access
from courses.models import Cohort, Enrollment, EvaluationSubmission

from .models import Certificate, CertificateJob
from .selectors import cohort_issue_job
from .services.cohorts import cohort_close, cohort_qualifying_ids


@login_required
@never_cache
def cohort_close_page(request, pk: int):
    cohort = get_object_or_404(
        Cohort.objects.select_related("course__balai", "closed_by"), pk=pk
    )
    access = cohort_access(user=request.user, cohort=cohort)
    if not access.any:
        raise Http404
    if not access.manage:
        raise PermissionDenied
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Centang konfirmasi untuk menutup angkatan."))
            return redirect("certificates:cohort_close", pk=cohort.pk)
        closing = cohort_close(cohort=cohort, actor=request.user)
        if not closing.closed_now:
            messages.info(request, _("Angkatan ini sudah ditutup."))
        elif closing.job is None:
            messages.warning(
                request,
                _(
                    "Angkatan ditutup. Belum ada peserta yang memenuhi syarat sertifikat."
                ),
            )
        else:
            messages.success(
                request,
                _("Angkatan ditutup. %(n)s sertifikat sedang diterbitkan.")
                % {"n": closing.qualifying},
            )
        return redirect("certificates:cohort_close", pk=cohort.pk)
    enrollments = Enrollment.objects.filter(cohort=cohort)
    completed = enrollments.filter(completed_at__isnull=False)
    job = cohort_issue_job(cohort=cohort)
    context = {
        "cohort": cohort,
        "enrolled": enrollments.count(),
        "completed": completed.count(),
        "certified": Certificate.objects.filter(
            enrollment__cohort=cohort, status=Certificate.Status.VALID
        ).count(),
        "job": job,
        "running": job is not None
        and job.status in (CertificateJob.Status.QUEUED, CertificateJob.Status.RUNNING),
    }
    if not cohort.is_closed:
        context["qualifying"] = len(cohort_qualifying_ids(cohort=cohort))
        if cohort.evaluation_required:
            context["evaluation_missing"] = completed.exclude(
                Exists(
                    EvaluationSubmission.objects.filter(enrollment_id=OuterRef("pk"))
                )
            ).count()
    return render(request, "certificates/cohort_close.html", context)
