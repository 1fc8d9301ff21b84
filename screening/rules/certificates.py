"""Certificates of a clean situation: what the AT certidao and the SS declaracao de situacao contributiva say.

Each certificate gives one check stating the situation (regular, irregular, expired, or someone else's)
with the validation code as its value, so staff allowed to see personal data can confirm it on the
issuer's portal. A certificate never rejects anyone and never changes the risk by itself: an irregular
or expired one is a reason stated in the report, for a person to weigh.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from documents.extraction.schema import CERTIFICATE_KINDS
from screening.rules.common import check, extracted, parse_date

ISSUERS = {
    "AT": ("Certidão da AT", "situação tributária", "no Portal das Finanças"),
    "SS": ("Declaração da Segurança Social", "situação contributiva", "na Segurança Social Direta"),
}
# Reason codes for the report (screening.rules.report.REASON_TEXT words them).
REASON_IRREGULAR = "certificate_irregular"
REASON_EXPIRED = "certificate_expired"
REASON_NOT_OWNED = "certificate_not_owned"


def certificate_situation(document: dict[str, Any], applicant: dict[str, Any], *, today: dt.date) -> str:
    """``REGULAR``, ``IRREGULAR``, ``EXPIRED``, ``NOT_OWNED`` or ``UNKNOWN`` (status not read)."""
    fields = document.get("fields") or {}
    holder = fields.get("holder_nif")
    if holder and applicant.get("nif") and holder != applicant["nif"]:
        return "NOT_OWNED"
    valid_until = parse_date(fields.get("valid_until"))
    if valid_until is not None and valid_until < today:
        return "EXPIRED"
    status = fields.get("status")
    return status if status in {"REGULAR", "IRREGULAR"} else "UNKNOWN"


def certificate_check(document: dict[str, Any], applicant: dict[str, Any], *, today: dt.date) -> dict[str, Any]:
    fields = document.get("fields") or {}
    issuer = fields.get("issuer") or ("AT" if document.get("kind") == "CERTIDAO_AT" else "SS")
    title, subject, portal = ISSUERS.get(issuer, ISSUERS["AT"])
    situation = certificate_situation(document, applicant, today=today)
    issued, valid_until = parse_date(fields.get("issue_date")), parse_date(fields.get("valid_until"))
    dates = ""
    if issued is not None and valid_until is not None:
        dates = f" (emitida em {issued:%d/%m/%Y}, válida até {valid_until:%d/%m/%Y})"
    stated = {
        "REGULAR": f"{subject} regularizada",
        "IRREGULAR": f"{subject} não regularizada (motivo a ponderar, não de recusa)",
        "EXPIRED": f"documento caducado; a {subject} indicada já não é atual",
        "NOT_OWNED": "o documento é de outro contribuinte",
        "UNKNOWN": f"não foi possível ler a {subject}",
    }[situation]
    evidence = f"{title}{dates}: {stated}."
    code = fields.get("validation_code")
    evidence += f" Confirme o código de validação {portal}." if code else " Sem código de validação legível."
    return check(
        f"certificates.{issuer.lower()}_situation",
        situation == "REGULAR",
        evidence,
        document_id=document.get("document_id"),
        field="validation_code",
        value=code,
    )


def verify_certificates(state: dict[str, Any]) -> dict[str, Any]:
    """Every certificate's check, and the reasons worth stating (never a rejection, never a risk level).

    Reads ``state["documents"]``, ``state["applicant"]`` and ``state["today"]`` (ISO date) like the other
    nodes; returns ``{"checks": [...], "reasons": [...], "situations": {document_id: situation}}``.
    """
    today = dt.date.fromisoformat(state["today"])
    applicant = state.get("applicant") or {}
    documents = extracted(state.get("documents") or [], CERTIFICATE_KINDS)
    checks, reasons, situations = [], [], {}
    for document in documents:
        situation = certificate_situation(document, applicant, today=today)
        situations[str(document.get("document_id"))] = situation
        checks.append(certificate_check(document, applicant, today=today))
        reason = {"IRREGULAR": REASON_IRREGULAR, "EXPIRED": REASON_EXPIRED, "NOT_OWNED": REASON_NOT_OWNED}.get(
            situation
        )
        if reason and reason not in reasons:
            reasons.append(reason)
    return {"checks": checks, "reasons": reasons, "situations": situations}
