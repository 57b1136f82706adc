"""Pages of blended programmes. Thin: who may (`selectors.cohort_access`, built
on `lms.scoping`), a selector or a service, a template.

Staff (instructor, business assistant, Dinas officer): `/angkatan/…` — the
cohort's page, its sessions, the attendance tap list and QR code, offline
results, settings and evaluation results. Participants: `/belajar/angkatan/…`
(their cohort, their attendance, the evaluation), `/belajar/jadwal.ics`, and
`/hadir/<token>/` (check in by QR). Closing a cohort and its report belong to
the layers above (`certificates`, `lms.dinas.programme`); this page links there.
"""

from __future__ import annotations

import datetime
import json
import uuid
from zoneinfo import ZoneInfo

import segno

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from lms import scoping
from lms.phones import normalize_phone

from ..models import (
    AttendanceStatus,
    Cohort,
    Enrollment,
    OfflineComponent,
    Session,
)
from . import selectors, services
from .calendar import sessions_ics
from .checkin import checkin_token
from .display import session_when
from .forms import CohortRuleForm, EvaluationForm, OfflineComponentForm, SessionForm

# ---------------------------------------------------------------- helpers


def _cohort(request, pk: int) -> tuple[Cohort, selectors.CohortAccess]:
    cohort = get_object_or_404(
        Cohort.objects.select_related(
            "course__balai__province", "province", "regency__province"
        ),
        pk=pk,
    )
    access = selectors.cohort_access(user=request.user, cohort=cohort)
    if not access.any:
        raise Http404
    return cohort, access


def _session(request, pk: int) -> tuple[Session, selectors.CohortAccess]:
    session = get_object_or_404(
        Session.objects.select_related("cohort__course__balai"), pk=pk
    )
    access = selectors.cohort_access(user=request.user, cohort=session.cohort)
    if not access.any:
        raise Http404
    return session, access


def _error(request, exc: ValidationError) -> None:
    messages.error(request, " ".join(exc.messages))


# ---------------------------------------------------------------- staff: cohorts


@login_required
def cohort_list(request):
    if not scoping.person_can(request.user).follow_cohorts:
        raise PermissionDenied
    return render(
        request,
        "courses/blended/cohort_list.html",
        {"cohorts": selectors.cohorts_followed(user=request.user)[:200]},
    )


@login_required
def cohort_detail(request, pk: int):
    cohort, access = _cohort(request, pk)
    schedule = selectors.cohort_schedule(cohort=cohort)
    counts = selectors.session_counts(cohort=cohort)
    enrolled = Enrollment.objects.filter(cohort=cohort).count()
    sessions = [
        {
            "session": s,
            "when": session_when(s),
            "present": counts.get(s.pk, {}).get(AttendanceStatus.PRESENT, 0)
            + counts.get(s.pk, {}).get(AttendanceStatus.LATE, 0),
            "marked": sum(counts.get(s.pk, {}).values()),
        }
        for s in schedule["sessions"]
    ]
    return render(
        request,
        "courses/blended/cohort_detail.html",
        {
            "cohort": cohort,
            "access": access,
            "schedule": schedule,
            "sessions": sessions,
            "enrolled": enrolled,
            "completed": Enrollment.objects.filter(
                cohort=cohort, completed_at__isnull=False
            ).count(),
            "components": OfflineComponent.objects.filter(cohort=cohort),
            "evaluation": selectors.evaluation_results(cohort=cohort)
            if access.manage or access.see_report
            else None,
        },
    )


@login_required
def cohort_settings(request, pk: int):
    cohort, access = _cohort(request, pk)
    if not access.manage:
        raise PermissionDenied
    form = CohortRuleForm(request.POST or None, instance=cohort)
    if request.method == "POST" and form.is_valid():
        try:
            services.cohort_rule_update(cohort=cohort, **form.cleaned_data)
        except ValidationError as exc:
            _error(request, exc)
        else:
            messages.success(request, _("Pengaturan angkatan disimpan."))
            return redirect("courses:cohort_detail", pk=cohort.pk)
    return render(
        request,
        "courses/blended/cohort_settings.html",
        {"cohort": cohort, "form": form},
    )


# ---------------------------------------------------------------- staff: sessions


@login_required
def session_create(request, pk: int):
    cohort, access = _cohort(request, pk)
    if not access.manage:
        raise PermissionDenied
    form = SessionForm(
        request.POST or None,
        initial={"zone": selectors.cohort_zone(cohort), "day": cohort.starts_on},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.session_schedule(cohort=cohort, data=form.session_input())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Sesi dijadwalkan."))
            return redirect("courses:cohort_detail", pk=cohort.pk)
    return render(
        request,
        "courses/blended/session_form.html",
        {"cohort": cohort, "form": form, "session": None},
    )


@login_required
def session_edit(request, pk: int):
    session, access = _session(request, pk)
    if not access.manage:
        raise PermissionDenied
    tz = ZoneInfo(session.timezone)
    start = session.starts_at.astimezone(tz)
    initial = {
        "kind": session.kind,
        "title": session.title,
        "day": start.date(),
        "start": start.time(),
        "end": session.ends_at.astimezone(tz).time(),
        "zone": session.timezone,
        "place": session.place,
        "meeting_url": session.meeting_url,
        "jp": session.jp,
        "speakers": "\n".join(
            f"{s.name}; {s.institution}" if s.institution else s.name
            for s in session.speakers.all()
        ),
        "required": session.required,
    }
    form = SessionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_update(session=session, data=form.session_input())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Sesi diperbarui."))
            return redirect("courses:cohort_detail", pk=session.cohort_id)
    return render(
        request,
        "courses/blended/session_form.html",
        {"cohort": session.cohort, "form": form, "session": session},
    )


@login_required
@require_POST
def session_delete(request, pk: int):
    session, access = _session(request, pk)
    if not access.manage:
        raise PermissionDenied
    try:
        services.session_delete(session=session)
    except ValidationError as exc:
        _error(request, exc)
    else:
        messages.success(request, _("Sesi dihapus."))
    return redirect("courses:cohort_detail", pk=session.cohort_id)


# ---------------------------------------------------------------- attendance


@login_required
def attendance_take(request, pk: int):
    """The tap list: one row per participant, a button per status. Works without
    signal (each tap goes through the page's offline queue, `balaiQueue`), and
    without JavaScript (the whole list is one form)."""
    session, access = _session(request, pk)
    if not access.take_attendance:
        raise PermissionDenied
    if request.method == "POST":
        saved = 0
        try:
            for row in selectors.session_roster(session=session, user=request.user):
                status = request.POST.get(f"status-{row.enrollment_id}", "")
                if not status or status == row.status:
                    continue
                _attendance, written = services.attendance_mark(
                    session=session,
                    enrollment_id=row.enrollment_id,
                    status=status,
                    actor=request.user,
                    key=f"form:{request.POST.get('form_key', '')}:{row.enrollment_id}",
                )
                saved += written
        except ValidationError as exc:
            _error(request, exc)
        else:
            messages.success(
                request, _("%(n)s catatan kehadiran disimpan.") % {"n": saved}
            )
        return redirect("courses:attendance_take", pk=session.pk)
    roster = selectors.session_roster(session=session, user=request.user)
    return render(
        request,
        "courses/blended/attendance_take.html",
        {
            "session": session,
            "cohort": session.cohort,
            "when": session_when(session),
            "roster": roster,
            "statuses": AttendanceStatus.choices,
            "form_key": uuid.uuid4().hex,
            "closed": session.cohort.is_closed,
        },
    )


@login_required
@require_POST
@never_cache
def attendance_mark(request, pk: int):
    """One tap, posted by `balaiQueue` (JSON, with an Idempotency-Key): 200 with
    the participant's status; a repeat of the same key answers the same."""
    session, access = _session(request, pk)
    if not access.take_attendance:
        return JsonResponse(
            {"error": _("Anda tidak dapat mencatat kehadiran.")}, status=403
        )
    try:
        body = json.loads(request.body or b"{}")
        enrollment_id = int(body.get("enrollment", 0))
        status = str(body.get("status", ""))
        marked_ms = body.get("marked_at")
    except (ValueError, TypeError, AttributeError):
        return JsonResponse({"error": _("Permintaan tidak dapat dibaca.")}, status=400)
    cohort = session.cohort
    allowed = Enrollment.objects.filter(
        scoping.attendance_q(
            request.user, balai_id=cohort.course.balai_id, field="user__village_id"
        ),
        pk=enrollment_id,
        cohort=cohort,
    ).exists()
    if not allowed:
        return JsonResponse(
            {"error": _("Peserta ini bukan peserta yang Anda catat.")}, status=403
        )
    marked_at = None
    if isinstance(marked_ms, int | float) and marked_ms > 0:
        marked_at = datetime.datetime.fromtimestamp(marked_ms / 1000, tz=datetime.UTC)
    try:
        attendance, written = services.attendance_mark(
            session=session,
            enrollment_id=enrollment_id,
            status=status,
            actor=request.user,
            key=request.headers.get("Idempotency-Key", ""),
            marked_at=marked_at,
        )
    except ValidationError as exc:
        return JsonResponse({"error": " ".join(exc.messages)}, status=409)
    return JsonResponse(
        {"enrollment": enrollment_id, "status": attendance.status, "written": written}
    )


@login_required
@never_cache
def checkin_qr(request, pk: int):
    """The QR code to show at the session: redrawn every minute (the page
    refreshes itself), each code valid for a few minutes."""
    session, access = _session(request, pk)
    if not access.take_attendance:
        raise PermissionDenied
    url = request.build_absolute_uri(
        reverse("courses:checkin", args=[checkin_token(session_id=session.pk)])
    )
    qr = segno.make(url, error="m")
    opens, closes = services.checkin_window(session)
    return render(
        request,
        "courses/blended/checkin_qr.html",
        {
            "session": session,
            "when": session_when(session),
            "qr_svg": qr.svg_inline(scale=6, border=3, title=session.title),
            "checkin_url": url,
            "refresh": settings.CHECKIN_QR_REFRESH_SECONDS,
            "open_now": opens <= timezone.now() <= closes,
            "closed": session.cohort.is_closed,
        },
    )


# ---------------------------------------------------------------- offline results


@login_required
def offline_components(request, pk: int):
    cohort, access = _cohort(request, pk)
    if not access.manage:
        raise PermissionDenied
    form = OfflineComponentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            component = services.offline_component_create(
                cohort=cohort,
                name=form.cleaned_data["name"],
                pass_mark=form.cleaned_data["pass_mark"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("courses:offline_results", pk=component.pk)
    return render(
        request,
        "courses/blended/offline_components.html",
        {
            "cohort": cohort,
            "form": form,
            "components": OfflineComponent.objects.filter(cohort=cohort),
        },
    )


@login_required
def offline_results(request, pk: int):
    """Every participant's score of one component at once: a grid, or pasted
    lines "phone or email; score". All or nothing."""
    component = get_object_or_404(
        OfflineComponent.objects.select_related("cohort__course__balai"), pk=pk
    )
    cohort, access = _cohort(request, component.cohort_id)
    if not access.manage:
        raise PermissionDenied
    enrollments = list(
        Enrollment.objects.filter(cohort=cohort)
        .select_related("user__village")
        .order_by("user__full_name", "pk")
    )
    current = {
        e: s
        for (e, c), s in selectors.offline_results(cohort=cohort).items()
        if c == component.pk
    }
    errors: list[str] = []
    if request.method == "POST":
        scores, errors = _scores_from_post(request.POST, enrollments)
        if not errors:
            try:
                changed = services.offline_results_record(
                    component=component, scores=scores, actor=request.user
                )
            except ValidationError as exc:
                errors = exc.messages
            else:
                messages.success(request, _("%(n)s nilai disimpan.") % {"n": changed})
                return redirect("courses:offline_results", pk=component.pk)
    rows = [
        {
            "enrollment": e,
            "score": request.POST.get(f"score-{e.pk}")
            if request.method == "POST"
            else current.get(e.pk, ""),
        }
        for e in enrollments
    ]
    return render(
        request,
        "courses/blended/offline_results.html",
        {
            "cohort": cohort,
            "component": component,
            "rows": rows,
            "errors": errors,
            "pasted": request.POST.get("pasted", ""),
        },
    )


def _scores_from_post(post, enrollments) -> tuple[dict, list[str]]:
    """enrolment id → score (None clears) from the grid and the pasted lines."""
    scores: dict[int, object] = {}
    errors: list[str] = []
    by_id = {e.pk: e for e in enrollments}
    for e in enrollments:
        raw = post.get(f"score-{e.pk}")
        if raw is None:
            continue
        raw = raw.strip()
        if raw == "":
            scores[e.pk] = None
            continue
        try:
            scores[e.pk] = services.score_parse(raw)
        except ValidationError as exc:
            errors.append(f"{e.user.full_name}: {' '.join(exc.messages)}")
    by_login = {}
    for e in by_id.values():
        if e.user.email:
            by_login[e.user.email.lower()] = e.pk
        if e.user.phone:
            by_login[e.user.phone] = e.pk
    for n, line in enumerate(post.get("pasted", "").splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.replace("\t", ";").split(";")]
        if len(parts) != 2:
            errors.append(
                _("Baris %(n)s: tulis “nomor HP atau email; nilai”.") % {"n": n}
            )
            continue
        who, raw = parts
        key = who.lower()
        if "@" not in who:
            try:
                key = normalize_phone(who)
            except ValidationError:
                key = who
        enrollment_id = by_login.get(key)
        if enrollment_id is None:
            errors.append(
                _("Baris %(n)s: %(who)s bukan peserta angkatan ini.")
                % {"n": n, "who": who}
            )
            continue
        try:
            scores[enrollment_id] = services.score_parse(raw)
        except ValidationError as exc:
            errors.append(_("Baris %(n)s: ") % {"n": n} + " ".join(exc.messages))
    return scores, errors


# ---------------------------------------------------------------- evaluation


@login_required
def evaluation_results(request, pk: int):
    cohort, access = _cohort(request, pk)
    if not (access.manage or access.see_report):
        raise PermissionDenied
    return render(
        request,
        "courses/blended/evaluation_results.html",
        {
            "cohort": cohort,
            "results": selectors.evaluation_results(cohort=cohort),
            "minimum": settings.EVALUATION_MIN_RESPONSES,
        },
    )


# ---------------------------------------------------------------- participants


def _my_cohort(request, pk: int) -> tuple[Cohort, Enrollment]:
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=pk)
    enrollment = Enrollment.objects.filter(user=request.user, cohort=cohort).first()
    if enrollment is None:
        raise Http404
    return cohort, enrollment


@login_required
def my_cohort(request, pk: int):
    cohort, _enrollment = _my_cohort(request, pk)
    context = selectors.my_cohort(user=request.user, cohort=cohort)
    context["cohort"] = cohort
    context["when"] = {
        m.session.pk: session_when(m.session) for m in context["sessions"]
    }
    return render(request, "courses/blended/my_cohort.html", context)


@login_required
def evaluation_answer(request, pk: int):
    cohort, enrollment = _my_cohort(request, pk)
    expected = services.evaluation_expected(cohort=cohort)
    done = hasattr(enrollment, "evaluation_submission")
    form = EvaluationForm(request.POST or None, expected=expected)
    if request.method == "POST" and not done and form.is_valid():
        try:
            services.evaluation_submit(
                enrollment=enrollment,
                scores=form.scores(),
                comment_material=form.cleaned_data["comment_material"],
                comment_organisation=form.cleaned_data["comment_organisation"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Terima kasih, evaluasi Anda tersimpan."))
            return redirect("courses:my_cohort", pk=cohort.pk)
    items = selectors.evaluation_form_items(cohort=cohort)
    sections = [
        (
            _("Materi pelatihan"),
            [
                (i.label, form[EvaluationForm.field_name(i.key, None)])
                for i in items["material"]
            ],
        ),
        *[
            (
                _("Narasumber: %(name)s") % {"name": speaker},
                [
                    (i.label, form[EvaluationForm.field_name(i.key, speaker.pk)])
                    for i in speaker_items
                ],
            )
            for speaker, speaker_items in items["speakers"]
        ],
        (
            _("Penyelenggaraan"),
            [
                (i.label, form[EvaluationForm.field_name(i.key, None)])
                for i in items["organisation"]
            ],
        ),
    ]
    return render(
        request,
        "courses/blended/evaluation_form.html",
        {"cohort": cohort, "form": form, "sections": sections, "done": done},
    )


@login_required
def my_calendar(request):
    """The participant's sessions as an .ics file for the phone's calendar."""
    sessions = selectors.participant_sessions(user=request.user)
    data = sessions_ics(sessions=sessions, name=_("Jadwal Balai Daring"))
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="jadwal-balai-daring.ics"'
    return response


@login_required
def checkin(request, token: str):
    """Check in by the QR code shown at the session (a confirming tap)."""
    try:
        session = services.checkin_session(token=token)
    except ValidationError as exc:
        return render(
            request,
            "courses/blended/checkin.html",
            {"error": " ".join(exc.messages)},
            status=400,
        )
    attendance = None
    error = ""
    if request.method == "POST":
        try:
            attendance = services.attendance_checkin(token=token, user=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
    return render(
        request,
        "courses/blended/checkin.html",
        {
            "session": session,
            "when": session_when(session),
            "attendance": attendance,
            "error": error,
        },
        status=400 if error else 200,
    )
