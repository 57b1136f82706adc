"""Participant lists for those who follow regions: Dinas officers, assistants, admins.

Every query starts from `lms.scoping`; a filter in the query string can only narrow
what the scope already allows.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from lms import scoping
from lms.models import PersonalDataAccess, Role, User
from lms.phones import phone_masked
from lms.privacy import access_record
from lms.regions import codes
from lms.spreadsheets import Column, Table, csv_bytes, stamp


def _require_monitor(user):
    if not scoping.person_can(user).follow_regions:
        raise PermissionDenied


def _filtered_participants(request):
    participants = scoping.visible_participants(request.user).select_related(
        "village__district", "village__regency", "cooperative"
    )
    region = request.GET.get("wilayah", "").strip()
    if region:
        # A region code: province (63), regency (63.03), district or village.
        if not codes.is_code(region):
            return participants.none()
        participants = participants.filter(
            codes.villages_within_q("village__code", region)
        )
    query = request.GET.get("q", "").strip()
    if query:
        participants = participants.filter(full_name__icontains=query)
    status = STATUS_FILTERS.get(request.GET.get("status", ""))
    if status is not None:
        participants = participants.filter(status).distinct()
    return participants.order_by("village__code", "full_name")


# The dashboard's figures link here: who is behind each.
STATUS_FILTERS = {
    "terdaftar": Q(enrollments__isnull=False),
    "mulai": Q(enrollments__started_at__isnull=False),
    "selesai": Q(enrollments__completed_at__isnull=False),
    "sertifikat": Q(enrollments__certificate__status="valid"),
}


def _region_label(request) -> str:
    region = request.GET.get("wilayah", "").strip()
    return region or _("seluruh cakupan")


@login_required
def participant_list(request):
    _require_monitor(request.user)
    page = Paginator(_filtered_participants(request), 50).get_page(
        request.GET.get("page")
    )
    access_record(
        actor=request.user,
        action=PersonalDataAccess.Action.VIEW,
        what=_("Daftar peserta %(region)s") % {"region": _region_label(request)},
        subjects=list(page.object_list),
    )
    return render(
        request,
        "lms/participant_list.html",
        {
            "page": page,
            "wilayah": request.GET.get("wilayah", ""),
            "q": request.GET.get("q", ""),
            "status": request.GET.get("status", ""),
            "statuses": [
                ("terdaftar", _("Terdaftar kursus")),
                ("mulai", _("Mulai belajar")),
                ("selesai", _("Selesai")),
                ("sertifikat", _("Bersertifikat")),
            ],
        },
    )


@login_required
def participant_detail(request, pk: int):
    _require_monitor(request.user)
    participant = (
        scoping.visible_participants(request.user)
        .select_related(
            "village__district", "village__regency", "village__province", "cooperative"
        )
        .filter(pk=pk)
        .first()
    )
    if participant is None:
        # Not found and not allowed look the same: no probing other regions by id.
        raise Http404
    enrollments = participant.enrollments.select_related(
        "course", "cohort", "certificate"
    ).order_by("enrolled_at")
    assistants = User.objects.filter(
        role=Role.ASSISTANT, is_active=True, assigned_villages=participant.village_id
    ).order_by("full_name")
    crumbs = []
    if participant.village_id:
        names = {
            participant.village.province_id: participant.village.province.name,
            participant.village.regency_id: participant.village.regency.name,
            participant.village.district_id: participant.village.district.name,
            participant.village_id: participant.village.name,
        }
        crumbs = [
            (c, names[c])
            for c in codes.lineage(participant.village_id)
            if c in names and scoping.can_see_region(request.user, c)
        ]
    access_record(
        actor=request.user,
        action=PersonalDataAccess.Action.VIEW,
        what=_("Detail peserta"),
        subjects=[participant],
    )
    return render(
        request,
        "lms/participant_detail.html",
        {
            "participant": participant,
            "enrollments": enrollments,
            "assistants": assistants,
            "crumbs": crumbs,
        },
    )


@login_required
def participant_export(request):
    """The filtered list as a semicolon CSV (`lms.spreadsheets`); phones masked."""
    _require_monitor(request.user)
    columns = [
        Column(_("Nama")),
        Column(_("Jabatan")),
        Column(_("Koperasi")),
        Column(_("Kode desa")),
        Column(_("Desa/kelurahan")),
        Column(_("Kabupaten/kota")),
        Column(_("Nomor HP")),
        Column(_("Email")),
    ]
    rows = (
        [
            participant.full_name,
            participant.get_position_display(),
            participant.cooperative.name if participant.cooperative else "",
            participant.village_id or "",
            participant.village.name if participant.village else "",
            participant.village.regency.name if participant.village else "",
            phone_masked(participant.phone),
            participant.email or "",
        ]
        for participant in _filtered_participants(request).iterator(chunk_size=2000)
    )
    participants = _filtered_participants(request)
    access_record(
        actor=request.user,
        action=PersonalDataAccess.Action.EXPORT,
        what=_("Ekspor CSV peserta %(region)s") % {"region": _region_label(request)},
        subjects=participants,
    )
    data, _count = csv_bytes(Table(_("Peserta"), columns, rows, notes=[stamp()]))
    response = HttpResponse(data, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="peserta.csv"'
    return response
