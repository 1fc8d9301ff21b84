"""The person's data as a copy they can read (GDPR art. 12(1) and 15(3)): the subject-access export as a PDF in pt-PT.

The JSON export (``workspace.retention.applicant_export``) stays what clients and portability (art. 20) use; an
agency hands the person this one. Both are built from the same dict: ``applicant_export_pdf`` takes the dict the
JSON export returns (writing its one ``EXPORTED`` audit row, ``format: "pdf"``), and ``export_pdf_view`` only puts
that dict's values into words ("Salário mensal ilíquido: 1 538,00 €", "Aprovado", "15/06/1990"), never reading the
database, so the two forms never disagree and the PDF holds nothing the JSON leaves out (a household member's other
members, for one). The bytes are WeasyPrint's, as the report's (``workspace.report_pdf``): no URL fetched, fonts
embedded, tagged PDF/UA-1. Why both forms, and why from one dict: docs/adr/047-a-readable-copy.md.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime

from applicants.models import (
    Applicant,
    ApplicantStatus,
    ContestStatus,
    DecisionOutcome,
    InfoRequestStatus,
    ListingType,
    role_label,
)
from documents.labels import content_type_label
from documents.models import DocumentStatus, DocumentType
from screening import labels
from screening.models import RiskLevel
from screening.rules.common import format_eur, format_month, format_percent, money
from screening.rules.report import justification_without_advice
from workspace.report_pdf import fetcher_refusing_all, unbroken_figures, yes_no
from workspace.retention import applicant_export

TEMPLATE = "workspace/export_pdf.html"
NONE = "—"


@dataclass(frozen=True)
class ExportPdf:
    """One readable copy: its bytes and the download's name (the person's id only)."""

    content: bytes
    applicant_id: uuid.UUID

    @property
    def filename(self) -> str:
        return f"copia-dados-{self.applicant_id}.pdf"


def applicant_export_pdf(*, applicant: Applicant, actor: Any = None, via: str) -> ExportPdf:
    """The subject-access export as a PDF the person reads; one ``EXPORTED`` audit row, ``{"via", "format": "pdf"}``.

    The caller has scoped ``applicant`` to the actor's agency and checked the JSON export's permissions
    (``view_applicant`` and ``view_pii``): the copy holds the person's data in clear, as the JSON does.
    """
    export = applicant_export(applicant=applicant, actor=actor, audit_details={"via": via, "format": "pdf"})
    return ExportPdf(content=export_pdf_bytes(export_pdf_view(export)), applicant_id=applicant.id)


def export_pdf_bytes(view: dict[str, Any]) -> bytes:
    """The PDF for a view from ``export_pdf_view``, rendered as the report's PDF is (``report_pdf_bytes``)."""
    with translation.override("pt-pt"):
        html = render_to_string(TEMPLATE, unbroken_figures(view))
    from weasyprint import HTML  # WeasyPrint loads Pango: only in a process that renders

    document = HTML(string=html, base_url="about:blank", url_fetcher=fetcher_refusing_all())
    content: bytes = document.write_pdf(pdf_identifier=False, pdf_variant="pdf/ua-1")
    return content


# --- The view: the export's values in words ------------------------------------------------------


def export_pdf_view(export: dict[str, Any]) -> dict[str, Any]:
    """Everything the template prints, as strings in pt-PT, read from the export's dict alone (no codes, no keys,
    no ISO dates: art. 12(1)'s "clear and plain language")."""
    with translation.override("pt-pt"):
        return export_words(export)


def export_words(export: dict[str, Any]) -> dict[str, Any]:
    person = export["applicant"]
    listing_type = str(export["property"].get("listing_type") or "")
    return {
        "applicant_id": person["id"],
        "agency": export["agency"],
        "exported_at": moment_words(export["exported_at"]),
        "exported_at_w3c": w3c_moment(export["exported_at"]),
        "person": person_facts(person),
        "consent": consent_facts(person["consent"]),
        "notice_text": person["consent"].get("notice_text") or "",
        "property": [
            ("Imóvel", export["property"].get("title") or NONE),
            ("Tipo de anúncio", choice_words(ListingType, listing_type)),
        ],
        "documents": [document_view(document) for document in export["documents"]],
        "reports": [report_view(report, listing_type=listing_type) for report in export["reports"]],
        "decisions": [decision_view(decision) for decision in export["decisions"]],
        "requests": [request_view(request) for request in export["requests_for_documents"]],
        "contests": [contest_view(contest) for contest in export["contests"]],
        "explanation": explanation_view(export["explanation"]),
    }


def person_facts(person: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        ("Nome", person["name"]),
        ("NIF", person["nif"]),
        ("Data de nascimento", labels.readable_date(person["date_of_birth"]) or NONE),
        ("E-mail", person.get("email") or NONE),
        ("Telefone", person.get("phone") or NONE),
        ("Situação do pedido", choice_words(ApplicantStatus, person["status"])),
        ("Dados enviados em", moment_words(person["submitted_at"])),
    ]


def consent_facts(consent: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        ("Versão do aviso aceite", consent.get("text_version") or NONE),
        ("Dado em", moment_words(consent.get("given_at"))),
        ("Endereço IP de onde foi dado", consent.get("ip") or NONE),
    ]


def document_view(document: dict[str, Any]) -> dict[str, Any]:
    """A document as its sender knows it (kind, file, size, what happened to it) and what was read from it; a file
    of several months' payslips gives each other month under its own heading (ADR 031)."""
    extracted = document.get("extracted") or {}
    return {
        "heading": choice_words(DocumentType, document["document_type"]),
        "facts": [
            ("Ficheiro", document.get("original_filename") or NONE),
            ("Tipo de ficheiro", content_type_label(document.get("content_type") or "") or NONE),
            ("Tamanho", size_words(document.get("size"))),
            ("Enviado em", moment_words(document.get("uploaded_at"))),
            ("Situação", choice_words(DocumentStatus, document["status"])),
            *([("Motivo", document["error"])] if document.get("error") else []),
            *([("Documento reconhecido", labels.kind_label(extracted["kind"]))] if extracted.get("kind") else []),
        ],
        "read": bool(extracted),
        # With other months in the file, the first one's month heads its fields as the others' do.
        "month": month_heading(extracted.get("fields")) if extracted.get("parts") else "",
        "fields": fields_words(extracted.get("fields")),
        "warnings": [labels.warning_label(str(code)) for code in extracted.get("warnings") or ()],
        "parts": [part_view(part, index) for index, part in enumerate(extracted.get("parts") or (), start=2)],
    }


def part_view(part: dict[str, Any], index: int) -> dict[str, Any]:
    return {
        "heading": month_heading(part.get("fields")) or f"Documento {index} do mesmo ficheiro",
        "fields": fields_words(part.get("fields")),
        "warnings": [labels.warning_label(str(code)) for code in part.get("warnings") or ()],
    }


def month_heading(fields: dict[str, Any] | None) -> str:
    period = (fields or {}).get("period")
    return f"Mês {format_month(period)}" if period else ""


def fields_words(fields: dict[str, Any] | None) -> list[tuple[str, str]]:
    """Each field read by its label and its value as people write it; the ones not read left out."""
    return [
        (labels.field_label(name), labels.readable_value(value, field=name))
        for name, value in (fields or {}).items()
        if value is not None and value != "" and value != []
    ]


def report_view(report: dict[str, Any], *, listing_type: str) -> dict[str, Any]:
    """A report as the export gives it about this person: the household's ratio and justification only where the
    export keeps them (``retention._export_household_report``)."""
    facts = [
        ("Resultado (nível de risco)", choice_words(RiskLevel, report.get("risk_level"))),
        *([("Papel no pedido", role_label(report["role"], listing_type=listing_type))] if report.get("role") else []),
        ("Identidade confirmada", yes_no_or_none(report.get("identity_verified"))),
        ("Rendimentos confirmados", yes_no_or_none(report.get("income_verified"))),
        ("Rendimento médio mensal", euros_or_none(report.get("average_monthly_income"))),
    ]
    if report.get("dti_ratio") is not None:
        facts.append(("Taxa de esforço", format_percent(money(report["dti_ratio"]))))
    if report.get("monthly_cost") is not None:
        facts.append(("Encargo mensal do imóvel", format_eur(money(report["monthly_cost"]))))
    if report.get("resubmission"):
        facts.append(("Motivo da nova análise", "documentos enviados a pedido da agência"))
    return {
        "created_at": moment_words(report["created_at"]),
        "facts": facts,
        "guarantor": guarantor_facts(report.get("guarantor")),
        # The section says above it that each analysis is advice: once (r76a, F4).
        "justification": justification_without_advice(report.get("justification") or ""),
        "checks": [
            {
                "name": labels.check_label(str(check.get("name") or "")),
                "passed": bool(check.get("passed")),
                "message": labels.check_evidence(check),
            }
            for check in report.get("checks") or ()
        ],
        "signals": [
            {"severity": labels.severity_label(str(signal.get("severity") or "")), "text": signal.get("explanation")}
            for section in report.get("authenticity") or ()
            for signal in section.get("signals") or ()
        ],
        "produced_by": produced_by_words(report.get("produced_by") or {}),
    }


def guarantor_facts(verdict: dict[str, Any] | None) -> list[tuple[str, str]]:
    """The verdict about the guarantor, in the export of that guarantor only."""
    if not verdict:
        return []
    facts = [
        ("O fiador cobre o encargo", yes_no(bool(verdict.get("covers")))),
        ("Taxa de esforço do fiador", format_percent(money(verdict.get("dti_ratio")))),
        ("Limite", format_percent(money(verdict.get("threshold")))),
        ("Rendimento mensal necessário", format_eur(money(verdict.get("income_needed")))),
    ]
    if verdict.get("shortfall") is not None:
        facts.append(("Rendimento mensal em falta", format_eur(money(verdict["shortfall"]))))
    return facts


def produced_by_words(produced_by: dict[str, Any]) -> str:
    backend = labels.backend_label(str(produced_by.get("backend") or ""))
    version = produced_by.get("rules_version")
    return f"análise automática por {backend} (versão {version})" if version else f"análise automática por {backend}"


def decision_view(decision: dict[str, Any]) -> dict[str, str]:
    return {
        "decision": choice_words(DecisionOutcome, decision["decision"]),
        "reason": decision.get("reason") or NONE,
        "decided_at": moment_words(decision["decided_at"]),
        "decided_by": decision.get("decided_by") or NONE,
    }


def request_view(request: dict[str, Any]) -> dict[str, Any]:
    return {
        "created_at": moment_words(request["created_at"]),
        "message": request.get("message") or "",
        "documents": [
            " — ".join(filter(None, [choice_words(DocumentType, item.get("document_type")), item.get("note")]))
            for item in request.get("requested_documents") or ()
        ],
        "due_at": moment_words(request["due_at"]),
        "status": choice_words(InfoRequestStatus, request["status"]),
        "answered_at": moment_words(request.get("answered_at")) if request.get("answered_at") else "",
        "closed_at": moment_words(request.get("closed_at")) if request.get("closed_at") else "",
    }


def contest_view(contest: dict[str, Any]) -> dict[str, str]:
    return {
        "created_at": moment_words(contest["created_at"]),
        "message": contest.get("message") or "",
        "status": choice_words(ContestStatus, contest["status"]),
        "answer": contest.get("answer") or "",
        "answered_at": moment_words(contest.get("answered_at")) if contest.get("answered_at") else "",
    }


def explanation_view(explanation: dict[str, Any] | None) -> dict[str, Any] | None:
    """What the person is shown on their status page, already in pt-PT sentences; the ratio only when given."""
    if explanation is None:
        return None
    ratio = explanation.get("dti_ratio")
    return {
        "risk": choice_words(RiskLevel, explanation["risk_level"]) if explanation.get("risk_level") else "",
        "checks": [{"passed": bool(c.get("passed")), "text": c.get("text") or ""} for c in explanation["checks"]],
        "ratio": ""
        if ratio is None
        else f"{format_percent(money(ratio))} (limite {format_percent(money(explanation.get('dti_limit')))})",
        "what_would_change": list(explanation.get("what_would_change") or ()),
    }


# --- Words for codes, moments and sizes ------------------------------------------------------------


def choice_words(choices: Any, code: Any) -> str:
    """A stored code by its model's label ("COMPLETED" -> "Concluído"); a code no choice names, as stored."""
    if not code:
        return NONE
    return str(choices(code).label) if code in choices.values else str(code)


def moment_words(value: Any) -> str:
    """An ISO moment of the export in Lisbon time, as people write it: "07/12/2026 14:05"."""
    moment = parse_datetime(str(value)) if value else None
    if moment is None:
        return NONE
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=dt.UTC)
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")


def w3c_moment(value: str) -> str:
    """The export's moment in UTC, W3C: WeasyPrint writes it as the PDF's creation date."""
    moment = parse_datetime(value)
    return "" if moment is None else moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def size_words(size: Any) -> str:
    """A file's size as a file manager says it: "820 KB", "2,4 MB"."""
    if not isinstance(size, int) or size < 0:
        return NONE
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def yes_no_or_none(value: Any) -> str:
    return NONE if value is None else yes_no(bool(value))


def euros_or_none(value: Any) -> str:
    return NONE if value is None else format_eur(money(value))
