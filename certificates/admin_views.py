"""Administrators' views: issued certificates (revoke, reissue) and bulk jobs."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import FileSystemStorage
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import ReasonForm, ZipJobForm
from .models import CertificateJob, CertificateTemplate, private_storage
from .selectors import certificates_shown
from .services.jobs import certificate_job_create
from .services.lifecycle import certificate_reissue, certificate_revoke


def _admin_only(request) -> None:
    if not (request.user.is_authenticated and request.user.is_admin):
        raise PermissionDenied


class AdminOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        _admin_only(request)
        return super().dispatch(request, *args, **kwargs)


class CertificateListView(AdminOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "certificates/admin/certificate_list.html"
    header_icon = "doc-full"
    page_title = _("Sertifikat terbit")

    def get_page_title(self):
        return _("Sertifikat terbit")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()
        certificates = certificates_shown().order_by("-issued_at")
        if query:
            certificates = certificates.filter(
                Q(number__icontains=query) | Q(holder_name__icontains=query)
            )
        context.update(query=query, certificates=certificates[:100])
        return context


class CertificateDetailView(AdminOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "certificates/admin/certificate_detail.html"
    header_icon = "doc-full"

    def get_page_title(self):
        return _("Sertifikat %(number)s") % {"number": self.certificate.number}

    def dispatch(self, request, *args, **kwargs):
        self.certificate = get_object_or_404(certificates_shown(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            certificate=self.certificate,
            events=self.certificate.events.select_related("actor"),
            revoke_form=kwargs.get("revoke_form") or ReasonForm(prefix="revoke"),
            reissue_form=kwargs.get("reissue_form") or ReasonForm(prefix="reissue"),
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action not in ("revoke", "reissue"):
            raise Http404
        form = ReasonForm(request.POST, prefix=action)
        if form.is_valid():
            service = certificate_revoke if action == "revoke" else certificate_reissue
            try:
                service(
                    certificate_id=self.certificate.pk,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(
                    request,
                    _("Sertifikat dicabut.")
                    if action == "revoke"
                    else _("Sertifikat diterbitkan ulang."),
                )
                return redirect("certificates_admin:detail", pk=self.certificate.pk)
        return self.render_to_response(
            self.get_context_data(**{f"{action}_form": form})
        )


class JobListView(AdminOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "certificates/admin/job_list.html"
    header_icon = "download"

    def get_page_title(self):
        return _("Pekerjaan massal sertifikat")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        jobs = list(CertificateJob.objects.select_related("template")[:30])
        context.update(
            jobs=jobs,
            running=any(j.status in ("queued", "running") for j in jobs),
            zip_form=kwargs.get("zip_form") or ZipJobForm(),
            templates=CertificateTemplate.objects.all(),
        )
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("kind") == CertificateJob.Kind.REGENERATE:
            template = get_object_or_404(
                CertificateTemplate, pk=request.POST.get("template")
            )
            certificate_job_create(
                kind=CertificateJob.Kind.REGENERATE,
                actor=request.user,
                template=template,
            )
            messages.success(request, _("Pembuatan ulang sertifikat dimulai."))
            return redirect("certificates_admin:jobs")
        form = ZipJobForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(zip_form=form))
        certificate_job_create(
            kind=CertificateJob.Kind.ZIP, actor=request.user, **form.cleaned_data
        )
        messages.success(request, _("Pembuatan berkas ZIP dimulai."))
        return redirect("certificates_admin:jobs")


def job_download(request, pk: int):
    _admin_only(request)
    job = get_object_or_404(
        CertificateJob, pk=pk, kind=CertificateJob.Kind.ZIP, status="done"
    )
    if job.requested_by_id != request.user.pk and not request.user.is_superuser:
        raise Http404
    storage = private_storage()
    filename = f"sertifikat-{job.pk}.zip"
    if isinstance(storage, FileSystemStorage):
        return FileResponse(
            storage.open(job.result.name, "rb"), as_attachment=True, filename=filename
        )
    return HttpResponseRedirect(
        storage.url(
            job.result.name,
            parameters={
                "ResponseContentDisposition": f'attachment; filename="{filename}"'
            },
        )
    )


@require_POST
def template_regenerate(request, pk: int):
    _admin_only(request)
    template = get_object_or_404(CertificateTemplate, pk=pk)
    certificate_job_create(
        kind=CertificateJob.Kind.REGENERATE, actor=request.user, template=template
    )
    messages.success(request, _("Pembuatan ulang sertifikat dimulai."))
    return redirect(reverse("certificates_admin:jobs"))
