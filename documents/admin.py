"""Documents and extraction results, read-only and scoped to the agency."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from applicants.admin import PersonColumns
from applicants.admin_scoping import OrganizationScopedAdmin
from documents.labels import (
    DOCUMENT_KIND_LABELS,
    METHOD_LABELS,
    confidence_summary,
    content_type_label,
    kind_label,
    method_label,
    warnings_text,
)
from documents.models import Document, ExtractedData


class WordsFilter(admin.SimpleListFilter):
    """A filter on a code field whose choices are the codes' words (the field has no ``choices``)."""

    words: dict[str, Any] = {}

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(code, str(label)) for code, label in self.words.items()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.filter(**{str(self.parameter_name): self.value()}) if self.value() else queryset


class KindFilter(WordsFilter):
    title = _("tipo reconhecido")
    parameter_name = "kind"
    words = DOCUMENT_KIND_LABELS


class MethodFilter(WordsFilter):
    title = _("leitura")
    parameter_name = "method"
    words = METHOD_LABELS


@admin.register(Document)
class DocumentAdmin(PersonColumns, OrganizationScopedAdmin):
    # The person by their masked name and the property, not "Candidato aea7851b" (blind probe r73c, F7).
    list_display = (
        "short_id",
        "person",
        "property_title",
        "document_type",
        "status",
        "content_type_display",
        "size_display",
        "created_at",
    )
    list_filter = ("status", "document_type")
    list_select_related = ("applicant__form_request",)
    readonly_fields = (
        "organization",
        "person_link",
        "property_title",
        "document_type",
        "content_type_display",
        "size_display",
        "sha256",
        "status",
        "error",
        "attempts",
        "claimed_at",
        "extracted_at",
        "created_at",
    )
    exclude = ("applicant", "storage_key", "original_filename", "content_type", "size")

    @admin.display(description="id")
    def short_id(self, obj: Document) -> str:
        return str(obj.id)[:8]

    # The file's type in words and its size in KB/MB: the list printed "image/png | 79038" (blind probe r69a).
    @admin.display(description=_("tipo de ficheiro"), ordering="content_type")
    def content_type_display(self, obj: Document) -> str:
        return content_type_label(obj.content_type)

    @admin.display(description=_("tamanho"), ordering="size")
    def size_display(self, obj: Document) -> str:
        return str(filesizeformat(obj.size))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ExtractedData)
class ExtractedDataAdmin(PersonColumns, OrganizationScopedAdmin):
    organization_path = "document__organization"
    person_path = "document__applicant"
    # Whose document it is, by the masked name, and the document by its kind: the list read "Comprovativo de
    # rendimentos 0890e883" with no person (blind probe r73c, F7).
    list_display = (
        "document_kind",
        "person",
        "property_title",
        "kind_display",
        "method_display",
        "pages",
        "extractor",
        "created_at",
    )
    list_filter = (KindFilter, MethodFilter)
    list_select_related = ("document__applicant__form_request",)
    readonly_fields = (
        "document",
        "person_link",
        "property_title",
        "kind_display",
        "confidence_display",
        "warnings_display",
        "pages",
        "method_display",
        "extractor",
        "extractor_version",
        "duration_ms",
    )
    fields = readonly_fields

    @admin.display(description=_("documento"), ordering="document__document_type")
    def document_kind(self, obj: ExtractedData) -> str:
        return str(obj.document.get_document_type_display())

    # The codes in words, as the applicant's page and the report name them ("CARTAO_CIDADAO / ocr": blind probe C31).
    @admin.display(description=_("tipo reconhecido"), ordering="kind")
    def kind_display(self, obj: ExtractedData) -> str:
        return kind_label(obj.kind)

    @admin.display(description=_("leitura"), ordering="method")
    def method_display(self, obj: ExtractedData) -> str:
        return method_label(obj.method)

    # Each field's confidence and the warnings in words, not the stored JSON (blind probe r69a: "{"base_salary": 1.0,
    # …}", "["nif_checksum_invalid"]"), in the words the applicant's page uses.
    @admin.display(description=_("confiança da leitura"))
    def confidence_display(self, obj: ExtractedData) -> str:
        return confidence_summary(obj.confidence) or "—"

    @admin.display(description=_("avisos"))
    def warnings_display(self, obj: ExtractedData) -> str:
        return warnings_text(obj.warnings)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
