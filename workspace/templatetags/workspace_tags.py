"""Template tags of the staff workspace."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import template
from django.forms import BoundField
from django.utils import timezone
from django.utils.safestring import SafeString

from applicants.models import ApplicantStatus, Role
from applicants.selectors import open_items_count, organization_for_user
from documents import labels as document_labels
from documents.models import DocumentStatus, DocumentType
from screening import labels
from screening.models import RiskLevel
from screening.rules.common import format_eur, format_percent, money

register = template.Library()


@register.simple_tag(takes_context=True)
def open_items(context: dict[str, Any]) -> dict[str, int] | None:
    """The staff user's agency's open items for the admin index (``None`` outside an agency)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    organization = organization_for_user(user) if user is not None and user.is_authenticated else None
    return open_items_count(organization=organization) if organization is not None else None


# The report's figures as the PDF and the justification print them: a ratio of 0.3485 as "34,85 %", never "35 %" (the
# MEDIUM line it is below), and euros with the thousands space (blind probe c25).
@register.filter
def percent(value: Any) -> str:
    """A ratio (0.3485, "0.3485") as "34,85 %"; None as "—"."""
    return format_percent(money(value))


@register.filter
def euros(value: Any) -> str:
    """An amount (1649.73, "1649.73") as "1 649,73 €"; None as "—"."""
    return format_eur(money(value))


# The authenticity block printed the report's codes (CO_TENANT · RECIBO_VENCIMENTO, MEDIUM, same_as_document_id:
# <uuid>) on a page in Portuguese (blind probe C28): it reads the models' labels and the report's own words instead.
@register.filter
def choice_label(value: Any, choices: str) -> str:
    """A role, a severity or a document type as its label ("CO_TENANT" -> "Coarrendatário"); unknown as given."""
    labels = {"role": Role, "severity": RiskLevel, "document_type": DocumentType}[choices]
    return str(labels(value).label) if value in labels.values else str(value or "")


@register.filter
def authenticity_document(section: dict[str, Any]) -> str:
    """The document as the report describes it ("o recibo de vencimento de 10/2026"), else its type's label."""
    described = str(section.get("description") or "")
    if described:
        return described[:1].upper() + described[1:]
    return choice_label(section.get("document_type"), "document_type")


# What each piece of evidence is, in the page's words; a key not named here is shown as the report has it.
EVIDENCE_LABELS = {
    "share": "proporção",
    "employers": "entidades patronais",
    "missing_months": "meses em falta",
    "days": "dias",
    "created": "criado em",
    "modified": "alterado em",
    "producer": "produzido por",
    "creator": "criado com",
    "page": "página",
    "font": "tipo de letra",
    "other_fonts": "outros tipos de letra",
    "fonts": "tipos de letra",
    "over_fonts": "tipos de letra por cima",
    "count": "ocorrências",
    "annotations": "anotações",
    "captions": "rubricas",
    "amounts": "valores",
    "characters": "caracteres",
    "match": "coincidência",
    "period": "período",
    "payment_date": "data de pagamento",
    "period_start": "início do período",
    "period_end": "fim do período",
}


@register.filter
def evidence_label(key: str) -> str:
    return EVIDENCE_LABELS.get(key, key)


@register.filter
def evidence_item(value: Any, key: str) -> str:
    """One piece of a signal's evidence as the block prints it: "proporção: 40 %", and the other document of a
    pair as a reference, "igual ao doc. f43808b2" (blind probe r70a F29: "o mesmo que o documento: f43808b2;",
    an id in a sentence); the signal's explanation names that document in words ("o recibo de 09/2026")."""
    if key == "same_as_document_id":
        return f"igual ao doc. {evidence_value(value, key)}"
    return f"{evidence_label(key)}: {evidence_value(value, key)}"


@register.filter
def evidence_value(value: Any, key: str) -> str:
    """A document id as the block names documents (its first 8 characters); a share as a percentage; dates, months
    and moments as people write them ("01/10/2026 10:00", "09/2026"; blind probe r69a); lists joined; the rest as
    given."""
    if key.endswith("document_id") and value:
        return str(value)[:8]
    if isinstance(value, list | tuple):
        return ", ".join(evidence_value(item, key) for item in value)
    if key == "share":
        return format_percent(money(value)) if money(value) is not None else str(value)
    if isinstance(value, str) and ISO_MOMENT.match(value):
        moment = dt.datetime.fromisoformat(value)
        if timezone.is_naive(moment):
            moment = moment.replace(tzinfo=dt.UTC)
        return f"{timezone.localtime(moment):%d/%m/%Y %H:%M}"
    return labels.readable_value(value) if isinstance(value, str) else str(value)


# A moment as the file's metadata gives it ("2026-10-01T10:00:00"), in UTC (documents/extraction/forensics.py).
ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")


# The report's codes and values as people read them (blind probe C31: "identity.nif_match", "0.6688", "<= 0.400").
@register.filter
def check_name(name: str) -> str:
    """A check's name in words ("identity.nif_match" -> "NIF do documento igual ao indicado")."""
    return labels.check_label(name)


@register.filter
def check_value(value: Any, check: dict[str, Any]) -> str:
    """A check's value read or expected: euros, a percentage, a date dd/mm/aaaa, its comparison kept."""
    return labels.readable_value(value, field=str(check.get("field") or ""), check=str(check.get("name") or ""))


@register.filter
def check_evidence(check: dict[str, Any]) -> str:
    """A check's evidence, the authenticity check's signal codes in words ("NIF da entidade patronal inválido
    (Médio)")."""
    return labels.check_evidence(check)


@register.filter
def confidence(value: Any) -> str:
    """A field's reading confidence as a percentage ("100 %"), not "1,0"."""
    return labels.confidence_text(value)


@register.filter
def field_label(name: str) -> str:
    return labels.field_label(name)


@register.filter
def field_value(value: Any, name: str) -> str:
    return labels.readable_value(value, field=name)


@register.filter
def warning_label(code: str) -> str:
    return labels.warning_label(code)


@register.filter
def kind_label(code: str) -> str:
    return labels.kind_label(code)


@register.filter
def method_label(code: str) -> str:
    return document_labels.method_label(code)


@register.filter
def backend_label(code: str) -> str:
    return labels.backend_label(code)


@register.filter
def status_label(value: Any, kind: str) -> str:
    """An applicant's or a document's stored state as its label ("COMPLETED" -> "Concluído"); unknown as given."""
    labels_of = {"applicant": ApplicantStatus, "document": DocumentStatus}[kind]
    return str(labels_of(value).label) if value in labels_of.values else str(value or "")


@register.filter
def marked_invalid(field: BoundField, error_id: str) -> SafeString:
    """The field's widget marked in error and pointing at the message that says why (WCAG 3.3.1): for an error of the
    whole form, as a failed login's, which Django puts on no field."""
    return field.as_widget(attrs={"aria-invalid": "true", "aria-describedby": error_id})
