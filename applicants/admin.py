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
        from django.utils import timezone

        days = max(1, (obj.expires_at - timezone.now()).days) if obj.expires_at else None
        created = services.form_request_create(
            organization=organization,
            created_by=request.user,
            listing_type=obj.listing_type,
            property_type=obj.property_type,
            property_title=obj.property_title,
            property_price=obj.property_price,
            expires_in_days=days,
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
    list_filter = ("status", "risk_level")
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

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200 and self.can_view_pii(request):
            applicant = self.get_object(request, object_id)
            services.pii_view_record(applicant=applicant, actor=request.user, surface="admin")
        return response

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
