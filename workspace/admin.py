"""The applicant review workspace in admin: documents, extraction, the report and its checks, decisions.

It combines the three pipeline apps on one page, so it lives above them. PII
is masked unless the staff user holds ``applicants.view_pii``; every view of
it is audited.
"""

from __future__ import annotations

import functools
from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import path

from applicants import services
from applicants.admin import DecisionInline
from applicants.admin_scoping import OrganizationScopedAdmin
from applicants.crypto import nif_index_for
from applicants.identifiers import nif_is_well_formed, nif_normalize
from applicants.masking import checks_for_viewer, mask_email, mask_name, mask_tail
from applicants.models import Applicant, DecisionOutcome, IntakeFormRequest
from applicants.selectors import organization_for_user
from screening.selectors import report_history, report_latest
from workspace import admin_views

PII_PERMISSION = "applicants.view_pii"


class DecisionFilter(admin.SimpleListFilter):
    title = "decisão"
    parameter_name = "decision"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("NONE", "Sem decisão"), *DecisionOutcome.choices]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        if not value:
            return queryset
        annotated = queryset.with_latest_decision_value()  # type: ignore[attr-defined]
        if value == "NONE":
            return annotated.filter(latest_decision_value__isnull=True)
        return annotated.filter(latest_decision_value=value)


class FormRequestFilter(admin.SimpleListFilter):
    """By form, listing only the staff user's own forms."""

    title = "imóvel"
    parameter_name = "form_request"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        forms = IntakeFormRequest.objects.all()
        if not request.user.is_superuser:
            forms = forms.filter(organization=organization_for_user(request.user))
        return [(str(form.id), form.property_title) for form in forms.order_by("-created_at")[:50]]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.filter(form_request_id=self.value()) if self.value() else queryset


def applicant_review_context(applicant: Applicant, *, can_view_pii: bool) -> dict[str, Any]:
    """What the detail page shows below the fields: documents, extraction, report, checks."""
    documents = []
    for document in applicant.documents.select_related("extracted").order_by("created_at"):
        extracted = getattr(document, "extracted", None)
        fields = []
        if extracted is not None and can_view_pii:
            fields = [
                (name, value, extracted.confidence.get(name))
                for name, value in extracted.fields.items()
                if value is not None
            ]
        documents.append({"document": document, "extracted": extracted, "fields": fields})
    report = report_latest(applicant=applicant)
    history = report_history(applicant=applicant)
    # The template reads ``checks``, never ``report.checks``: masked here, so no template edit can leak them.
    checks = checks_for_viewer(list(report.checks), can_view_pii=can_view_pii) if report else []
    return {
        "review_documents": documents,
        "report": report,
        "checks": checks,
        "report_history": history,
        "can_view_pii": can_view_pii,
    }


@admin.register(Applicant)
class ApplicantAdmin(OrganizationScopedAdmin):
    list_display = (
        "short_id",
        "name_masked",
        "nif_masked",
        "status",
        "risk_level",
        "latest_decision",
        "form_title",
        "created_at",
    )
    list_filter = ("status", "risk_level", DecisionFilter, FormRequestFilter)
    list_select_related = ("form_request", "organization")
    search_fields = ("form_request__property_title",)
    search_help_text = "NIF exato ou título do imóvel"
    inlines = [DecisionInline]
    masked_fields = ("name_masked", "nif_masked", "email_masked", "phone_masked", "date_of_birth_masked")
    plain_fields = ("name", "nif", "email", "phone", "date_of_birth", "consent_ip")
    pipeline_fields = (
        "organization",
        "form_request",
        "status",
        "failure_reason",
        "risk_level",
        "consent_text_version",
        "consent_given_at",
        "processing_started_at",
        "created_at",
        "updated_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Pipeline output and submitted data are never edited by hand; the
        # change page is a read-only detail view.
        return False

    def can_view_pii(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm(PII_PERMISSION))

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        personal = self.plain_fields if self.can_view_pii(request) else self.masked_fields
        return (*personal, *self.pipeline_fields)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.get_fields(request, obj)

    change_form_template = "admin/applicants/applicant/change_form.html"
    actions = ["rerun_screening", "rerun_extraction_and_screening"]

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        applicant = self.get_object(request, object_id)
        context = {
            **(extra_context or {}),
            **applicant_review_context(applicant, can_view_pii=self.can_view_pii(request)),
        }
        context["decision_choices"] = DecisionOutcome.choices
        context["can_decide"] = request.user.has_perm(admin_views.DECIDE_PERMISSION)
        context["can_rerun"] = self.has_rerun_permission(request)
        response = super().change_view(request, object_id, form_url, context)
        if request.method == "GET" and response.status_code == 200 and self.can_view_pii(request):
            services.pii_view_record(applicant=applicant, actor=request.user, surface="admin")
        return response

    def get_urls(self) -> list[Any]:
        def wired(view: Any) -> Any:
            return self.admin_site.admin_view(functools.partial(view, self))

        own = [
            path("<uuid:object_id>/decide/", wired(admin_views.decide_view), name="applicants_applicant_decide"),
            path("<uuid:object_id>/rerun/", wired(admin_views.rerun_view), name="applicants_applicant_rerun"),
            path(
                "<uuid:object_id>/documents/<uuid:document_id>/download/",
                wired(admin_views.download_view),
                name="applicants_applicant_download",
            ),
            path("pipeline/", wired(admin_views.pipeline_view), name="applicants_applicant_pipeline"),
        ]
        return own + super().get_urls()

    def has_rerun_permission(self, request: HttpRequest) -> bool:
        """Django admin's check for the actions declaring ``permissions=["rerun"]``."""
        return bool(request.user.has_perm(admin_views.RERUN_PERMISSION))

    @admin.action(
        description="Reprocessar a análise (novo relatório; o anterior fica no histórico)", permissions=["rerun"]
    )
    def rerun_screening(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        admin_views.reruns_queue(request, list(self.scoped_for_rerun(request, queryset)), reextract=False)

    @admin.action(description="Reler os documentos e reprocessar a análise", permissions=["rerun"])
    def rerun_extraction_and_screening(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        admin_views.reruns_queue(request, list(self.scoped_for_rerun(request, queryset)), reextract=True)

    def scoped_for_rerun(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return self.scope(request, queryset).select_related("organization")

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        candidate = nif_normalize(search_term)
        if nif_is_well_formed(candidate):
            return self.scope(request, queryset.filter(nif_index=nif_index_for(candidate))), False
        return super().get_search_results(request, queryset, search_term)

    @admin.display(description="id")
    def short_id(self, obj: Applicant) -> str:
        return str(obj.id)[:8]

    @admin.display(description="nome")
    def name_masked(self, obj: Applicant) -> str:
        return mask_name(obj.name)

    @admin.display(description="NIF")
    def nif_masked(self, obj: Applicant) -> str:
        return mask_tail(obj.nif)

    @admin.display(description="email")
    def email_masked(self, obj: Applicant) -> str:
        return mask_email(obj.email)

    @admin.display(description="telefone")
    def phone_masked(self, obj: Applicant) -> str:
        return mask_tail(obj.phone)

    @admin.display(description="data de nascimento")
    def date_of_birth_masked(self, obj: Applicant) -> str:
        return "****-**-**"

    @admin.display(description="decisão")
    def latest_decision(self, obj: Applicant) -> str:
        decision = obj.latest_decision
        return decision.get_decision_display() if decision else "—"

    @admin.display(description="imóvel")
    def form_title(self, obj: Applicant) -> str:
        return obj.form_request.property_title

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).prefetch_related("decisions")
