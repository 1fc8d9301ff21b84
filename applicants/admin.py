"""Agency staff workspace: forms, applicants (PII masked unless permitted), decisions, audit."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.html import format_html

from applicants import services
from applicants.admin_scoping import OrganizationScopedAdmin, ScopedInline
from applicants.identifiers import nif_normalize
from applicants.masking import mask_email, mask_name, mask_tail
from applicants.models import (
    Applicant,
    AuditEvent,
    Decision,
    DecisionOutcome,
    IntakeFormRequest,
    Membership,
    Organization,
)
from applicants.selectors import organization_for_user

PII_PERMISSION = "applicants.view_pii"


@admin.register(Organization)
class OrganizationAdmin(OrganizationScopedAdmin):
    organization_path = "pk"
    list_display = ("name", "dti_medium_threshold", "dti_high_threshold", "retention_days_after_decision", "created_at")
    search_fields = ("name",)

    def scope(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if request.user.is_superuser:
            return queryset
        organization = organization_for_user(request.user)
        return queryset.filter(pk=organization.pk) if organization else queryset.none()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser


@admin.register(Membership)
class MembershipAdmin(OrganizationScopedAdmin):
    list_display = ("user", "organization", "role", "created_at")
    list_select_related = ("user", "organization")
    autocomplete_fields = ("user",)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser


class FormStatusFilter(admin.SimpleListFilter):
    title = "estado"
    parameter_name = "status"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("PENDING", "Pendente"), ("COMPLETED", "Concluído"), ("EXPIRED", "Expirado")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        from django.utils import timezone

        value = self.value()
        now = timezone.now()
        if value == "PENDING":
            return queryset.filter(status="PENDING", expires_at__gt=now)
        if value == "EXPIRED":
            return queryset.exclude(status="COMPLETED").filter(expires_at__lte=now) | queryset.filter(status="EXPIRED")
        if value == "COMPLETED":
            return queryset.filter(status="COMPLETED")
        return queryset


@admin.register(IntakeFormRequest)
class IntakeFormRequestAdmin(OrganizationScopedAdmin):
    list_display = (
        "property_title",
        "listing_type",
        "property_type",
        "property_price",
        "status_display",
        "expires_at",
        "created_at",
    )
    list_filter = (FormStatusFilter, "listing_type", "property_type")
    search_fields = ("property_title",)
    readonly_fields = ("organization", "status", "token_hash", "created_by", "created_at", "completed_at", "submission")
    fields = ("listing_type", "property_type", "property_title", "property_price", "expires_at", *readonly_fields)
    list_select_related = ("organization",)

    @admin.display(description="estado")
    def status_display(self, obj: IntakeFormRequest) -> str:
        return obj.effective_status

    @admin.display(description="candidatura")
    def submission(self, obj: IntakeFormRequest) -> str:
        applicant = obj.applicants.first() if obj.pk else None
        if applicant is None:
            return "—"
        return format_html(
            '<a href="../../../applicant/{}/change/">{}</a> ({})', applicant.pk, applicant, applicant.status
        )

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return ("listing_type", "property_type", "property_title", "property_price", "expires_at")
        return super().get_fields(request, obj)

    def save_model(self, request: HttpRequest, obj: IntakeFormRequest, form: Any, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        organization = organization_for_user(request.user)
        if organization is None:
            raise PermissionError("staff user without an agency")
        created = services.form_request_create(
            organization=organization,
            created_by=request.user,
            listing_type=obj.listing_type,
            property_type=obj.property_type,
            property_title=obj.property_title,
            property_price=obj.property_price,
            expires_at=obj.expires_at,
        )
        obj.pk = created.form_request.pk
        obj.__dict__.update({k: v for k, v in created.form_request.__dict__.items() if not k.startswith("_")})
        # The token is shown once; only its hash is stored.
        messages.success(
            request,
            format_html(
                "Link para o candidato (copie agora, não volta a ser mostrado): <code>{}</code>", created.intake_url
            ),
        )


class DecisionInline(ScopedInline):
    model = Decision
    fields = ("decision", "reason", "decided_by", "decided_at")
    readonly_fields = fields
    verbose_name_plural = "histórico de decisões"


class DecisionFilter(admin.SimpleListFilter):
    title = "decisão"
    parameter_name = "decision"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("NONE", "Sem decisão"), *DecisionOutcome.choices]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        from django.db.models import OuterRef, Subquery

        value = self.value()
        if not value:
            return queryset
        latest = Decision.objects.filter(applicant=OuterRef("pk")).order_by("-decided_at").values("decision")[:1]
        annotated = queryset.annotate(latest_decision_value=Subquery(latest))
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
    from screening.selectors import report_latest

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
    history = list(applicant.reports.order_by("-created_at")[1:6])
    return {"review_documents": documents, "report": report, "report_history": history, "can_view_pii": can_view_pii}


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
        context["can_decide"] = request.user.has_perm("applicants.add_decision")
        response = super().change_view(request, object_id, form_url, context)
        if request.method == "GET" and response.status_code == 200 and self.can_view_pii(request):
            services.pii_view_record(applicant=applicant, actor=request.user, surface="admin")
        return response

    def get_urls(self) -> list[Any]:
        from django.urls import path

        own = [
            path(
                "<uuid:object_id>/decide/",
                self.admin_site.admin_view(self.decide_view),
                name="applicants_applicant_decide",
            ),
            path(
                "<uuid:object_id>/rerun/",
                self.admin_site.admin_view(self.rerun_view),
                name="applicants_applicant_rerun",
            ),
            path(
                "<uuid:object_id>/documents/<uuid:document_id>/download/",
                self.admin_site.admin_view(self.download_view),
                name="applicants_applicant_download",
            ),
            path("pipeline/", self.admin_site.admin_view(self.pipeline_view), name="applicants_applicant_pipeline"),
        ]
        return own + super().get_urls()

    def decide_view(self, request: HttpRequest, object_id: Any) -> HttpResponse:
        """Record a person's decision from the detail page (reason required)."""
        from django.core.exceptions import PermissionDenied
        from django.shortcuts import redirect

        applicant = self.get_object(request, str(object_id))
        if request.method != "POST" or not request.user.has_perm("applicants.add_decision"):
            raise PermissionDenied
        decision, reason = request.POST.get("decision", ""), request.POST.get("reason", "").strip()
        if decision not in DecisionOutcome.values or not reason:
            messages.error(request, "Escolha uma decisão e escreva o motivo (obrigatório).")
        else:
            services.decision_record(applicant=applicant, decided_by=request.user, decision=decision, reason=reason)
            messages.success(request, f"Decisão registada: {DecisionOutcome(decision).label}.")
        return redirect("admin:applicants_applicant_change", object_id)

    def rerun_view(self, request: HttpRequest, object_id: Any) -> HttpResponse:
        from django.core.exceptions import PermissionDenied
        from django.shortcuts import redirect

        applicant = self.get_object(request, str(object_id))
        if request.method != "POST":
            raise PermissionDenied
        self.queue_reruns(request, [applicant], reextract=request.POST.get("reextract") == "1")
        if request.POST.get("next") == "pipeline":
            return redirect("admin:applicants_applicant_pipeline")
        return redirect("admin:applicants_applicant_change", object_id)

    def download_view(self, request: HttpRequest, object_id: Any, document_id: Any) -> HttpResponse:
        """A short-lived link to the stored file, for users who may see personal data; audited."""
        from django.http import Http404, HttpResponseRedirect

        from applicants.models import AuditAction
        from documents.storage import document_store

        applicant = self.get_object(request, str(object_id))
        document = applicant.documents.filter(id=document_id).first()
        if document is None or not self.can_view_pii(request):
            raise Http404
        services.audit_record(
            action=AuditAction.DOCUMENT_DOWNLOADED,
            target_type="document",
            target_id=document.id,
            organization=applicant.organization,
            actor=request.user,
        )
        return HttpResponseRedirect(document_store().download_url(document.storage_key, expires_in=60))

    def pipeline_view(self, request: HttpRequest) -> HttpResponse:
        """Ops view for the agency: counts by state, stuck and failed items, re-run buttons."""
        from django.core.exceptions import PermissionDenied
        from django.template.response import TemplateResponse

        from screening.selectors import pipeline_overview

        organization = None if request.user.is_superuser else organization_for_user(request.user)
        if organization is None and not request.user.is_superuser:
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": "Estado do processamento",
            "overview": pipeline_overview(organization=organization),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/applicants/applicant/pipeline.html", context)

    def queue_reruns(self, request: HttpRequest, applicants: list[Applicant], *, reextract: bool) -> None:
        from screening.pipeline import rescreen_request

        queued = [
            a for a in applicants if rescreen_request(applicant=a, actor=request.user, force=True, reextract=reextract)
        ]
        what = "leitura dos documentos e análise" if reextract else "análise"
        ids = ", ".join(str(a.id)[:8] for a in queued)
        messages.success(request, f"{len(queued)} candidatura(s) em fila para nova {what}: {ids}")

    @admin.action(description="Reprocessar a análise (novo relatório; o anterior fica no histórico)")
    def rerun_screening(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        self.queue_reruns(request, list(self.scope(request, queryset).select_related("organization")), reextract=False)

    @admin.action(description="Reler os documentos e reprocessar a análise")
    def rerun_extraction_and_screening(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        self.queue_reruns(request, list(self.scope(request, queryset).select_related("organization")), reextract=True)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        candidate = nif_normalize(search_term)
        if len(candidate) == 9 and candidate.isdigit():
            return self.scope(request, queryset.filter(nif_index=services.nif_index_for(candidate))), False
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
        decisions = list(obj.decisions.all())
        return decisions[0].get_decision_display() if decisions else "—"

    @admin.display(description="imóvel")
    def form_title(self, obj: Applicant) -> str:
        return obj.form_request.property_title

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).prefetch_related("decisions")


@admin.register(Decision)
class DecisionAdmin(OrganizationScopedAdmin):
    list_display = ("applicant", "decision", "decided_by", "decided_at")
    list_filter = ("decision",)
    list_select_related = ("applicant", "decided_by")
    fields = ("applicant", "decision", "reason")
    autocomplete_fields = ("applicant",)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Decision, form: Any, change: bool) -> None:
        recorded = services.decision_record(
            applicant=obj.applicant, decided_by=request.user, decision=obj.decision, reason=obj.reason
        )
        obj.pk = recorded.pk


@admin.register(AuditEvent)
class AuditEventAdmin(OrganizationScopedAdmin):
    list_display = ("created_at", "action", "actor", "target_type", "target_id")
    list_filter = ("action", "target_type")
    list_select_related = ("actor",)
    readonly_fields = ("created_at", "action", "actor", "organization", "target_type", "target_id", "details")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
