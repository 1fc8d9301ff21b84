"""Screening reports (read-only advice) and the events outbox."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.utils.html import format_html

from applicants import services
from applicants.admin_scoping import OrganizationScopedAdmin
from screening.models import OutboxEvent, ScreeningReport
from screening.report_masking import (
    RESERVED,
    report_checks_for_viewer,
    report_household_for_viewer,
    report_justification_for_viewer,
)

PII_PERMISSION = "applicants.view_pii"
WITHOUT_INCOMES = {"justification": "justification_masked", "average_monthly_income": "average_monthly_income_masked"}


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
        # Without view_pii, what prints an income is its masked twin: the same masks as the PDF and the review
        # pages (screening/report_masking.py; blind probe C31 read the incomes here and in the summary).
        return [*(WITHOUT_INCOMES.get(name, name) for name in self.readonly_fields), "household_masked"]

    def get_exclude(self, request: HttpRequest, obj: Any = None) -> Any:
        if request.user.has_perm(PII_PERMISSION):
            return self.exclude
        # The plain fields would otherwise come back as the form's own (view-only, all shown).
        return (*(self.exclude or ()), *WITHOUT_INCOMES, "household")

    @admin.display(description="checks")
    def checks_masked(self, obj: ScreeningReport) -> str:
        """Without ``view_pii``: verdicts and evidence, personal values ``null`` and no income (as on the applicant
        page and in the PDF)."""
        return checks_html(report_checks_for_viewer(obj, can_view_pii=False))

    @admin.display(description=ScreeningReport._meta.get_field("justification").verbose_name)
    def justification_masked(self, obj: ScreeningReport) -> str:
        return report_justification_for_viewer(obj, can_view_pii=False)

    @admin.display(description=ScreeningReport._meta.get_field("average_monthly_income").verbose_name)
    def average_monthly_income_masked(self, obj: ScreeningReport) -> str:
        return RESERVED if obj.average_monthly_income is not None else "—"

    @admin.display(description=ScreeningReport._meta.get_field("household").verbose_name)
    def household_masked(self, obj: ScreeningReport) -> str:
        return checks_html(report_household_for_viewer(obj, can_view_pii=False))  # type: ignore[arg-type]

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
