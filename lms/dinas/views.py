"""Pages of the Dinas programmes. Thin: scope checks, a selector or a service, a template.

Who sees what is decided in `lms.scoping`; a region code in the URL can only narrow
what the scope already allows (anything else is a 404, like a missing page).
"""

from rest_framework.authtoken.models import Token

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from courses.models import Cohort, CoursePage, Track
from lms import scoping
from lms.models import PersonalDataAccess, Village
from lms.privacy import access_record
from lms.regions import codes

from . import exports, importing, reminders, selectors, services
from .forms import (
    AssistantVillagesForm,
    ImportEnrollForm,
    OfficerCohortForm,
    ProgrammeUploadForm,
    cohorts_for,
)
from .models import ExportJob, JobStatus, ProgrammeImport

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _require_monitor(user) -> None:
    if not scoping.person_can(user).follow_regions:
        raise PermissionDenied


def _require_officer(user) -> None:
    if not scoping.person_can(user).run_programmes:
        raise PermissionDenied


def _attachment(data: bytes, name: str, file_format: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response


# ---------------------------------------------------------------- import


@login_required
def import_upload(request):
    _require_officer(request.user)
    form = ProgrammeUploadForm(
        request.POST or None, request.FILES or None, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        job = services.programme_import_create(
            officer=request.user,
            uploaded_file=form.cleaned_data["file"],
            cohort=form.cleaned_data["cohort"],
        )
        return redirect("dinas:import_detail", pk=job.pk)
    recent = ProgrammeImport.objects.filter(uploaded_by=request.user)[:10]
    return render(
        request,
        "dinas/import_upload.html",
        {"form": form, "recent": recent, "has_cohorts": cohorts_for(request.user)},
    )


def _own_import(request, pk: int) -> ProgrammeImport:
    _require_officer(request.user)
    imports = ProgrammeImport.objects.select_related("cohort")
    if not request.user.is_admin:
        imports = imports.filter(uploaded_by=request.user)
    return get_object_or_404(imports, pk=pk)


@login_required
def import_detail(request, pk: int):
    job = _own_import(request, pk)
    form = ImportEnrollForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            n = services.import_enroll(
                officer=request.user, job=job, cohort=form.cleaned_data["cohort"]
            )
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(
                request,
                _("%(n)s peserta baru terdaftar di angkatan %(cohort)s.")
                % {"n": n, "cohort": form.cleaned_data["cohort"]},
            )
        return redirect("dinas:import_detail", pk=job.pk)
    refused = job.refused_rows[:100]
    return render(
        request,
        "dinas/import_detail.html",
        {"job": job, "refused": refused, "enroll_form": form},
    )


@login_required
def import_status(request, pk: int):
    job = _own_import(request, pk)
    return JsonResponse(
        {
            "status": job.status,
            "stage": job.stage,
            "percent": job.percent,
            "processed": job.processed_rows,
            "total": job.total_rows,
        }
    )


@login_required
def import_refused(request, pk: int, file_format: str):
    job = _own_import(request, pk)
    data = exports.refused_rows_bytes(job.refused_rows, file_format)
    return _attachment(data, f"baris-ditolak-{job.pk}", file_format)


@login_required
def import_template(request, file_format: str):
    _require_officer(request.user)
    data = (
        importing.template_xlsx() if file_format == "xlsx" else importing.template_csv()
    )
    return _attachment(data, "templat-peserta", file_format)


# ---------------------------------------------------------------- API tokens


@login_required
def api_tokens(request):
    """An officer's own API token: created (shown once, on this response only)
    and revoked here; a new one replaces the old."""
    _require_officer(request.user)
    new_key = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            new_key = services.api_token_create(user=request.user).key
        elif action == "revoke":
            services.api_token_revoke(user=request.user)
            messages.success(
                request, _("Token dicabut; sistem yang memakainya ditolak.")
            )
            return redirect("dinas:api_tokens")
    token = Token.objects.filter(user=request.user).first()
    response = render(
        request,
        "dinas/api_tokens.html",
        {
            "token": token,
            "new_key": new_key,
            "api_root": request.build_absolute_uri("/api/v1/"),
            "example_region": scoping.scope_root(request.user),
        },
    )
    response["Cache-Control"] = "no-store"
    return response


# ---------------------------------------------------------------- cohorts


@login_required
def cohort_list(request):
    _require_officer(request.user)
    own = Cohort.objects.filter(scoping.officer_cohorts_q(request.user, own=True))
    return render(
        request,
        "dinas/cohorts.html",
        {
            "cohorts": own.select_related("course", "province", "regency")
            .annotate(participants=Count("enrollments"))
            .order_by("-starts_on", "name"),
        },
    )


@login_required
def cohort_edit(request, pk: int | None = None):
    _require_officer(request.user)
    cohort = None
    if pk is not None:
        cohort = get_object_or_404(
            Cohort.objects.filter(scoping.officer_cohorts_q(request.user, own=True)),
            pk=pk,
        )
    form = OfficerCohortForm(request.POST or None, instance=cohort)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.cohort_save(officer=request.user, cohort=form.instance)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("Angkatan %(name)s disimpan.") % {"name": saved}
            )
            back = request.GET.get("kembali", "")
            if back.startswith("/dinas/") and "//" not in back:
                return redirect(back)
            return redirect("dinas:cohorts")
    return render(request, "dinas/cohort_form.html", {"form": form, "cohort": cohort})


# ---------------------------------------------------------------- dashboard


def _region_or_404(request, code: str) -> str:
    _require_monitor(request.user)
    if code == "":
        code = scoping.scope_root(request.user)
    if not codes.is_code(code, country=True):
        raise Http404
    if not scoping.can_see_region(request.user, code):
        raise Http404
    return code


def _filter_context(request, filters) -> dict:
    for error in filters.errors:
        messages.error(request, error)
    return {
        "courses": CoursePage.objects.live().order_by("path").only("pk", "title"),
        "tracks": Track.objects.all(),
        "cohorts": cohorts_for(request.user),
        "query": request.GET.urlencode(),
        "current": request.GET,
    }


@login_required
def dashboard(request, code: str = ""):
    code = _region_or_404(request, code)
    filters = selectors.filters_from_query(request.GET)
    context = {
        "code": code,
        "crumbs": selectors.breadcrumbs(user=request.user, code=code),
        **_filter_context(request, filters),
    }
    if codes.level_of(code) == codes.VILLAGE:
        context["cooperatives"] = selectors.village_cooperatives(
            user=request.user, code=code, filters=filters
        )
        context["village"] = get_object_or_404(
            Village.objects.select_related("district", "regency"), pk=code
        )
        return render(request, "dinas/village.html", context)
    context.update(
        {
            "table": selectors.region_table(
                user=request.user, code=code, filters=filters
            ),
            "trend_points": selectors.weekly_completions(
                user=request.user, code=code, filters=filters
            ),
            "big_export": exports.is_big(table="participants", code=code),
            "coverage_definition": selectors.coverage_definition(filters),
        }
    )
    return render(request, "dinas/dashboard.html", context)


@login_required
def not_started(request, code: str = ""):
    code = _region_or_404(request, code)
    filters = selectors.filters_from_query(request.GET)
    villages = selectors.villages_not_started(
        user=request.user, code=code, filters=filters
    )
    page = Paginator(villages, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "dinas/not_started.html",
        {
            "code": code,
            "crumbs": selectors.breadcrumbs(user=request.user, code=code),
            "page": page,
            **_filter_context(request, filters),
        },
    )


@login_required
def cooperative_detail(request, pk: int):
    _require_monitor(request.user)
    cooperative = get_object_or_404(
        scoping.visible_cooperatives(request.user).select_related("home_village"),
        pk=pk,
    )
    filters = selectors.filters_from_query(request.GET)
    return render(
        request,
        "dinas/cooperative.html",
        {
            "cooperative": cooperative,
            "crumbs": selectors.breadcrumbs(
                user=request.user, code=cooperative.home_village_id
            ),
            "people": selectors.cooperative_participants(
                user=request.user, cooperative=cooperative, filters=filters
            ),
        },
    )


# ---------------------------------------------------------------- exports


@login_required
def export(request, table: str, file_format: str, code: str = ""):
    code = _region_or_404(request, code)
    if table not in exports.TABLES:
        raise Http404
    filters = selectors.filters_from_query(request.GET)
    params = {"code": code, "filters": filters.as_params()}
    if table == "participants" and request.GET.get("hp") == "lengkap":
        if not exports.can_export_full_phones(request.user):
            raise PermissionDenied
        try:
            services.full_phone_export_record(
                user=request.user,
                table=table,
                code=code,
                reason=request.GET.get("alasan", ""),
            )
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
            target = (
                reverse("dinas:region", args=[code])
                if code
                else reverse("dinas:dashboard")
            )
            return redirect(target)
        params["full_phones"] = True
    if table == "participants":
        big = exports.is_big(table=table, code=code)
        access_record(
            actor=request.user,
            action=PersonalDataAccess.Action.EXPORT,
            what=_("Ekspor daftar peserta %(region)s%(phones)s")
            % {
                "region": selectors.region_name(code),
                "phones": _(" (nomor HP lengkap)") if params.get("full_phones") else "",
            },
            # A province or the country: the region names them, not 100,000 ids.
            subjects=None
            if big
            else scoping.visible_participants(request.user).filter(
                codes.villages_within_q("village__code", code)
            ),
            reason=request.GET.get("alasan", "") if params.get("full_phones") else "",
        )
    if exports.is_big(table=table, code=code):
        job = services.export_job_create(
            user=request.user, table=table, file_format=file_format, params=params
        )
        return redirect("dinas:export_detail", pk=job.pk)
    data, _rows = exports.export_bytes(
        user=request.user, table=table, file_format=file_format, params=params
    )
    name = f"{exports.TITLES[table]}-{code or 'nasional'}"
    return _attachment(data, name, file_format)


def _own_export(request, pk: int) -> ExportJob:
    _require_monitor(request.user)
    return get_object_or_404(ExportJob, pk=pk, requested_by=request.user)


@login_required
def export_detail(request, pk: int):
    job = _own_export(request, pk)
    return render(request, "dinas/export_detail.html", {"job": job})


@login_required
def export_download(request, pk: int):
    job = _own_export(request, pk)
    if job.status != JobStatus.DONE or not job.file:
        raise Http404
    return FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=f"{exports.TITLES[job.table]}.{job.file_format}",
        content_type=CONTENT_TYPES[job.file_format],
    )


# ---------------------------------------------------------------- assistants


@login_required
def assistant_home(request):
    if not scoping.person_can(request.user).accompany_villages:
        raise PermissionDenied
    to_nudge = [
        {
            "participant": p,
            "whatsapp": reminders.whatsapp_link(participant=p, sender=request.user),
        }
        for p in selectors.participants_to_nudge(user=request.user)[:200]
    ]
    return render(
        request,
        "dinas/assistant.html",
        {
            "villages": selectors.assistant_overview(user=request.user),
            "to_nudge": to_nudge,
            "days": selectors.inactive_days(),
        },
    )


@login_required
def assistant_nudge(request, pk: int):
    """ "Kirim pengingat": one participant, through the notifier (POST only)."""
    if not scoping.person_can(request.user).accompany_villages:
        raise PermissionDenied
    if request.method != "POST":
        return redirect("dinas:assistant_home")
    try:
        channels = reminders.nudge_send(sender=request.user, participant_id=pk)
    except reminders.NudgeRefused as exc:
        messages.error(request, str(exc))
    else:
        how = _("email") if channels[0] == "email" else _("WhatsApp/SMS")
        messages.success(
            request, _("Pengingat sedang dikirim lewat %(how)s.") % {"how": how}
        )
    return redirect(reverse("dinas:assistant_home") + "#perlu-diingatkan")


@login_required
def assistant_assign(request):
    """Give an assistant villages of the officer's region: villages found by
    name, each with the assistants it already has."""
    _require_officer(request.user)
    form = AssistantVillagesForm(request.POST or request.GET or None)
    assistant = None
    if form.is_bound and form.is_valid():
        assistant = form.cleaned_data["pendamping"]
    if request.method == "POST" and assistant is not None:
        chosen = request.POST.getlist("desa")
        removed = request.POST.getlist("lepas")
        try:
            if chosen:
                count = services.assistant_villages_assign(
                    officer=request.user, assistant=assistant, village_codes=chosen
                )
                messages.success(
                    request,
                    _("%(n)s desa ditugaskan kepada %(name)s.")
                    % {"n": count, "name": assistant.full_name},
                )
            if removed:
                count = services.assistant_villages_unassign(
                    officer=request.user, assistant=assistant, village_codes=removed
                )
                messages.success(
                    request,
                    _("%(n)s desa dilepas dari %(name)s.")
                    % {"n": count, "name": assistant.full_name},
                )
            if not chosen and not removed:
                messages.error(request, _("Pilih sedikitnya satu desa."))
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        return redirect(
            reverse("dinas:assistant_assign") + f"?pendamping={assistant.pk}"
        )
    query = request.GET.get("q", "").strip()
    return render(
        request,
        "dinas/assistant_assign.html",
        {
            "form": form,
            "assistant": assistant,
            "query": query,
            "found": selectors.villages_search(user=request.user, query=query)
            if len(query) >= 3
            else [],
            "current": selectors.assistant_villages(
                user=request.user, assistant=assistant
            )
            if assistant
            else [],
        },
    )
