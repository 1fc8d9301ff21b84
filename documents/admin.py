"""Documents and extraction results, read-only and scoped to the agency."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from applicants.admin_scoping import OrganizationScopedAdmin
from documents.models import Document, ExtractedData


@admin.register(Document)
class DocumentAdmin(OrganizationScopedAdmin):
    list_display = ("short_id", "applicant", "document_type", "status", "content_type", "size", "created_at")
    list_filter = ("status", "document_type")
    list_select_related = ("applicant",)
    readonly_fields = (
        "organization",
        "applicant",
        "document_type",
        "content_type",
        "size",
        "sha256",
        "status",
        "error",
        "attempts",
        "claimed_at",
        "extracted_at",
        "created_at",
    )
    exclude = ("storage_key", "original_filename")

    @admin.display(description="id")
    def short_id(self, obj: Document) -> str:
        return str(obj.id)[:8]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ExtractedData)
class ExtractedDataAdmin(OrganizationScopedAdmin):
    organization_path = "document__organization"
    list_display = ("document", "kind", "method", "pages", "extractor", "created_at")
    list_filter = ("kind", "method")
    list_select_related = ("document",)
    readonly_fields = (
        "document",
        "kind",
        "confidence",
        "warnings",
        "pages",
        "method",
        "extractor",
        "extractor_version",
        "duration_ms",
    )
    exclude = ("fields",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
