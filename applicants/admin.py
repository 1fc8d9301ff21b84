"""Admin for the foundation's own models: agencies, memberships, intake forms, decisions, audit.

The applicant review pages, which show documents and reports too, live in
``workspace/admin.py`` (they combine apps, so they sit above them).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applicants import errors, services
from applicants.admin_scoping import OrganizationScopedAdmin, ScopedInline
from applicants.models import AuditEvent, Decision, FormStatus, IntakeFormRequest, Membership, Organization, Role
from applicants.selectors import organization_for_user


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

    def save_model(self, request: HttpRequest, obj: Membership, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        # A membership comes with its role's permissions (additive: a downgrade revokes nothing).
        services.staff_permissions_grant(user=obj.user, role=obj.role)


class FormStatusFilter(admin.SimpleListFilter):
    title = "estado"
    parameter_name = "status"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return list(FormStatus.choices)

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        now = timezone.now()
        if value == FormStatus.PENDING:
            return queryset.open(now=now)  # type: ignore[attr-defined, no-any-return]
        if value == FormStatus.EXPIRED:
            return queryset.expired(now=now)  # type: ignore[attr-defined, no-any-return]
        if value == FormStatus.COMPLETED:
            return queryset.filter(status=FormStatus.COMPLETED)
        return queryset


class IntakeFormRequestForm(forms.ModelForm):  # type: ignore[type-arg]
    def clean_expires_at(self) -> Any:
        expires_at = self.cleaned_data["expires_at"]
        # A new link lives at most a year, like one made through the API; an existing one may be ended early.
        services.form_expiry_validate(expires_at, allow_past=not self.instance._state.adding)
        return expires_at


@admin.register(IntakeFormRequest)
class IntakeFormRequestAdmin(OrganizationScopedAdmin):
    form = IntakeFormRequestForm
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
    readonly_fields = (
        "organization",
        "status",
        "token_hash",
        "created_by_name",
        "created_at",
        "completed_at",
        "submission",
    )
    fields = ("listing_type", "property_type", "property_title", "property_price", "expires_at", *readonly_fields)
    list_select_related = ("organization",)
    actions = ["close_forms"]

    @admin.action(
        description=gettext_lazy("Fechar os formulários selecionados (o link deixa de funcionar)"), permissions=["add"]
    )
    def close_forms(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        """As ``POST .../intake-form-requests/{id}/close``: the same service, permission (to create forms) and audit
        (``FORM_CLOSED``); a submitted form is left alone, as the API's ``409 form_not_pending`` (probe C31 F3)."""
        closed, submitted = 0, 0
        for form_request in self.scope(request, queryset):
            try:
                with transaction.atomic():
                    services.form_request_close(form_request=form_request, closed_by=request.user)
            except errors.FormNotPending:
                submitted += 1
            else:
                closed += 1
        if closed:
            messages.success(request, _("Formulários fechados: %(count)d.") % {"count": closed})
        if submitted:
            messages.warning(
                request,
                _("Não fechados, já submetidos (os dados do candidato estão lá; apagam-se no candidato): %(count)d.")
                % {"count": submitted},
            )

    @admin.display(description="criado por")
    def created_by_name(self, obj: IntakeFormRequest) -> str:
        return staff_member(obj.created_by)

    @admin.display(description="estado")
    def status_display(self, obj: IntakeFormRequest) -> str:
        return obj.effective_status

    @admin.display(description="candidatura")
    def submission(self, obj: IntakeFormRequest) -> str:
        applicant = obj.applicants.filter(role=Role.TENANT).first() if obj.pk else None
        if applicant is None:
            return "—"
        link = format_html(
            '<a href="../../../applicant/{}/change/">{}</a> ({})', applicant.pk, applicant, applicant.status
        )
        if applicant.application_id is None:
            return link
        people = obj.applicants.count()
        return format_html(
            '{} · <a href="../../../application/{}/change/">candidatura de {} pessoa(s)</a>',
            link,
            applicant.application_id,
            people,
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


def staff_member(user: Any) -> str:
    """A colleague as the admin shows them: their name, not a link to a user's page that an agency's admin may not
    open (Django links a read-only foreign key to its change page, which answered a bare 403: cases probe 11)."""
    return str(user) if user is not None else "—"


class DecisionInline(ScopedInline):
    model = Decision
    fields = ("decision", "reason", "decided_by_name", "decided_at")
    readonly_fields = fields
    verbose_name_plural = "histórico de decisões"

    @admin.display(description="decidido por")
    def decided_by_name(self, obj: Decision) -> str:
        return staff_member(obj.decided_by)


@admin.register(Decision)
class DecisionAdmin(OrganizationScopedAdmin):
    list_display = ("applicant", "decision", "decided_by", "decided_at")
    list_filter = ("decision",)
    list_select_related = ("applicant", "decided_by")
    fields = ("applicant", "decision", "reason")
    autocomplete_fields = ("applicant",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        # A decision is taken on the applicant's page, where the report, the documents, the second round's
        # rules and the stale-page guard are (workspace/admin_views.decide_view). This page recorded one with
        # none of them, on a co-tenant picked by id (blind probe C31): the list stays, read-only.
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(OrganizationScopedAdmin):
    list_display = ("created_at", "action", "actor", "target_type", "target_id")
    list_filter = ("action", "target_type")
    list_select_related = ("actor",)
    readonly_fields = ("created_at", "action", "actor_name", "organization", "target_type", "target_id", "details")
    # Read-only, Django would show every model field: the actor's as a link to their user page.
    fields = readonly_fields

    @admin.display(description="autor")
    def actor_name(self, obj: AuditEvent) -> str:
        return staff_member(obj.actor)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
