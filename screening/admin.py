"""Screening reports (read-only advice) and the events outbox."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.utils.html import format_html

from applicants import services
from applicants.admin_scoping import OrganizationScopedAdmin
from applicants.masking import checks_for_viewer
from screening.models import OutboxEvent, ScreeningReport

PII_PERMISSION = "applicants.view_pii"


def checks_html(checks: list[dict[str, Any]]) -> str:
    return format_html("<pre>{}</pre>", json.dumps(checks, ensure_ascii=False, indent=1))


@admin.register(ScreeningReport)
class ScreeningReportAdmin(OrganizationScopedAdmin):
    list_display = (
        "applicant",
        "risk_level",
        "identity_verified",
        "income_verified",
        "dti_ratio",
        "backend",
        "created_at",
    )
    list_filter = ("risk_level", "backend", "identity_verified", "income_verified")
    list_select_related = ("applicant",)
    readonly_fields = (
        "applicant",
        "risk_level",
        "identity_verified",
        "income_verified",
        "dti_ratio",
        "average_monthly_income",
        "justification",
        "justification_language",
        "checks_masked",
        "backend",
        "model_name",
        "prompt_version",
        "rules_version",
        "created_at",
    )
    exclude = ("organization", "checks")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # Chosen per request, never stored on the (shared) admin instance.
        if request.user.has_perm(PII_PERMISSION):
            return [("checks_plain" if name == "checks_masked" else name) for name in self.readonly_fields]
        return self.readonly_fields

    @admin.display(description="checks")
    def checks_masked(self, obj: ScreeningReport) -> str:
        """Without ``view_pii``: verdicts and evidence, personal values ``null`` (as on the applicant page)."""
        return checks_html(checks_for_viewer(list(obj.checks), can_view_pii=False))

    @admin.display(description="checks")
    def checks_plain(self, obj: ScreeningReport) -> str:
        return checks_html(list(obj.checks))

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200 and request.user.has_perm(PII_PERMISSION):
            report = self.get_object(request, object_id)
            services.pii_view_record(applicant=report.applicant, actor=request.user, surface="admin_report")
        return response


@admin.register(OutboxEvent)
class OutboxEventAdmin(OrganizationScopedAdmin):
    list_display = (
        "id",
        "event_type",
        "created_at",
        "sent_at",
        "attempts",
        "next_attempt_at",
        "parked_at",
        "last_error",
    )
    list_filter = ("event_type", ("parked_at", admin.EmptyFieldListFilter))
    readonly_fields = (
        "event_type",
        "payload",
        "created_at",
        "sent_at",
        "attempts",
        "next_attempt_at",
        "parked_at",
        "last_error",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
