"""Screening reports (read-only advice) and the events outbox."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from applicants.admin_scoping import OrganizationScopedAdmin
from screening.models import OutboxEvent, ScreeningReport


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
        "checks",
        "backend",
        "model_name",
        "prompt_version",
        "rules_version",
        "created_at",
    )
    exclude = ("organization",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(OutboxEvent)
class OutboxEventAdmin(OrganizationScopedAdmin):
    list_display = ("id", "event_type", "created_at", "sent_at", "attempts", "last_error")
    list_filter = ("event_type",)
    readonly_fields = ("event_type", "payload", "created_at", "sent_at", "attempts", "last_error")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
