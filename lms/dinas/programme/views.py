"""Downloads of a cohort's programme report. Who may: `lms.scoping.cohort_reports_q`."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.views.decorators.cache import never_cache

from courses.models import Cohort
from lms import scoping

from .data import programme_report
from .pdf import programme_report_pdf
from .xlsx import programme_report_xlsx

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
@never_cache
def report_download(request, pk: int, file_format: str):
    if file_format not in CONTENT_TYPES:
        raise Http404
    cohort = get_object_or_404(
        Cohort.objects.filter(scoping.cohort_reports_q(request.user)), pk=pk
    )
    report = programme_report(cohort=cohort)
    render = programme_report_pdf if file_format == "pdf" else programme_report_xlsx
    response = HttpResponse(render(report), content_type=CONTENT_TYPES[file_format])
    name = slugify(f"laporan-pelaksanaan-{cohort.name}")[:80] or "laporan-pelaksanaan"
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response
