"""Participant lists for those who follow regions: Dinas officers, assistants, admins.

Every query starts from `lms.scoping`; a filter in the query string can only narrow
what the scope already allows.
"""

import csv

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from lms import scoping
from lms.models import PersonalDataAccess, User
from lms.privacy import access_record
from lms.regions import codes


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
    return participants.order_by("village__code", "full_name")


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
        },
    )


@login_required
def participant_detail(request, pk: int):
    _require_monitor(request.user)
    participant = (
        scoping.visible_participants(request.user)
        .select_related("village__district", "village__regency", "cooperative")
        .filter(pk=pk)
        .first()
    )
    if participant is None:
        # Not found and not allowed look the same: no probing other regions by id.
        raise Http404
    access_record(
        actor=request.user,
        action=PersonalDataAccess.Action.VIEW,
        what=_("Detail peserta"),
        subjects=[participant],
    )
    return render(request, "lms/participant_detail.html", {"participant": participant})


@login_required
def participant_export(request):
    _require_monitor(request.user)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="peserta.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Nama"),
            _("Jabatan"),
            _("Koperasi"),
            _("Kode desa"),
            _("Desa/kelurahan"),
            _("Kabupaten/kota"),
            _("Nomor HP"),
            _("Email"),
        ]
    )
    participants = _filtered_participants(request)
    access_record(
        actor=request.user,
        action=PersonalDataAccess.Action.EXPORT,
        what=_("Ekspor CSV peserta %(region)s") % {"region": _region_label(request)},
        subjects=participants,
    )
    participant: User
    for participant in participants.iterator(chunk_size=2000):
        writer.writerow(
            [
                participant.full_name,
                participant.get_position_display(),
                participant.cooperative.name if participant.cooperative else "",
                participant.village_id or "",
                participant.village.name if participant.village else "",
                participant.village.regency.name if participant.village else "",
                participant.phone or "",
                participant.email or "",
            ]
        )
    return response
