"""The applicant review page's own views: decide, re-run, download a document, the pipeline overview.

Plain functions wired by ``ApplicantAdmin.get_urls``; each takes the admin
instance so it uses the same agency scoping (another agency's applicant is a 404).
"""

from __future__ import annotations

from typing import Any, Protocol

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from applicants import services
from applicants.models import Applicant, AuditAction, DecisionOutcome
from applicants.selectors import organization_for_user
from documents.storage import document_store
from screening.selectors import pipeline_overview
from workspace.services import applicant_rerun

DECIDE_PERMISSION = "applicants.add_decision"
RERUN_PERMISSION = "applicants.rerun_applicant"
VIEW_PERMISSION = "applicants.view_applicant"


class ApplicantAdmin(Protocol):
    """What these views need of ``workspace.admin.ApplicantAdmin`` (which wires them)."""

    admin_site: Any
    model: Any

    def get_object(self, request: HttpRequest, object_id: str, from_field: str | None = None) -> Any: ...
    def can_view_pii(self, request: HttpRequest) -> bool: ...


def decide_view(model_admin: ApplicantAdmin, request: HttpRequest, object_id: Any) -> HttpResponse:
    """Record a person's decision from the detail page (reason required)."""
    applicant = model_admin.get_object(request, str(object_id))
    if request.method != "POST" or not request.user.has_perm(DECIDE_PERMISSION):
        raise PermissionDenied
    decision, reason = request.POST.get("decision", ""), request.POST.get("reason", "").strip()
    if decision not in DecisionOutcome.values or not reason:
        messages.error(request, "Escolha uma decisão e escreva o motivo (obrigatório).")
    else:
        services.decision_record(applicant=applicant, decided_by=request.user, decision=decision, reason=reason)
        messages.success(request, f"Decisão registada: {DecisionOutcome(decision).label}.")
    return redirect("admin:applicants_applicant_change", object_id)


def rerun_view(model_admin: ApplicantAdmin, request: HttpRequest, object_id: Any) -> HttpResponse:
    applicant = model_admin.get_object(request, str(object_id))
    if request.method != "POST" or not request.user.has_perm(RERUN_PERMISSION):
        raise PermissionDenied
    reruns_queue(request, [applicant], reextract=request.POST.get("reextract") == "1")
    if request.POST.get("next") == "pipeline":
        return redirect("admin:applicants_applicant_pipeline")
    return redirect("admin:applicants_applicant_change", object_id)


def download_view(model_admin: ApplicantAdmin, request: HttpRequest, object_id: Any, document_id: Any) -> HttpResponse:
    """A short-lived link to the stored file, for users who may see personal data; audited."""
    applicant = model_admin.get_object(request, str(object_id))
    document = applicant.documents.filter(id=document_id).first()
    if document is None or not model_admin.can_view_pii(request):
        raise Http404
    services.audit_record(
        action=AuditAction.DOCUMENT_DOWNLOADED,
        target_type="document",
        target_id=document.id,
        organization=applicant.organization,
        actor=request.user,
    )
    return HttpResponseRedirect(document_store().download_url(document.storage_key, expires_in=60))


def pipeline_view(model_admin: ApplicantAdmin, request: HttpRequest) -> HttpResponse:
    """Ops view for the agency: counts by state, stuck and failed items, re-run buttons."""
    organization = None if request.user.is_superuser else organization_for_user(request.user)
    if (organization is None and not request.user.is_superuser) or not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Estado do processamento",
        "overview": pipeline_overview(organization=organization),
        "opts": model_admin.model._meta,
        "can_rerun": request.user.has_perm(RERUN_PERMISSION),
    }
    return TemplateResponse(request, "admin/applicants/applicant/pipeline.html", context)


def reruns_queue(request: HttpRequest, applicants: list[Applicant], *, reextract: bool) -> None:
    """Force a new report for each applicant (the old one stays in the history) and say which were queued."""
    queued = [
        a for a in applicants if applicant_rerun(applicant=a, actor=request.user, force=True, reextract=reextract)
    ]
    what = "leitura dos documentos e análise" if reextract else "análise"
    ids = ", ".join(str(a.id)[:8] for a in queued)
    messages.success(request, f"{len(queued)} candidatura(s) em fila para nova {what}: {ids}")
