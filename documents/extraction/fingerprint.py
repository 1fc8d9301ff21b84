"""A document's content fingerprint: the same payslip, invoice or card however its file was re-made.

The SHA-256 of the stored bytes finds the same *file* under two applicants; a re-saved, re-scanned or
re-named copy has other bytes but the same numbers. The fingerprint is a keyed hash (the blind-index
key, so it says nothing without the key) of the fields that tell one document of its kind from every
other: the issuer's side and the amounts, never the holder's name or NIF, since changing those is
exactly what a borrowed document gets.
"""

from __future__ import annotations

from typing import Any

from applicants.crypto import blind_index
from documents.extraction.schema import DocumentKind

# Per kind: the fields that identify the document, and how many of them must have been read
# for the fingerprint to mean anything (too few and unrelated documents would collide).
IDENTIFYING_FIELDS: dict[str, tuple[tuple[str, ...], int]] = {
    DocumentKind.RECIBO_VENCIMENTO: (
        ("employer_nif", "period", "gross_pay", "social_security", "irs_withholding", "net_pay"),
        4,
    ),
    DocumentKind.FATURA_RECIBO: (("issuer_nif", "invoice_number", "issue_date", "base_amount", "amount_received"), 4),
    DocumentKind.DECLARACAO_PENSAO: (
        ("issuer", "issue_date", "gross_monthly_amount", "deductions", "net_monthly_amount"),
        4,
    ),
    DocumentKind.DECLARACAO_IRS: (("year", "gross_income", "tax_paid", "taxable_income", "withholdings"), 3),
    DocumentKind.NOTA_LIQUIDACAO: (("year", "gross_income", "tax_paid", "taxable_income", "withholdings"), 3),
    DocumentKind.CARTAO_CIDADAO: (("document_number", "date_of_birth", "expiry_date"), 2),
    DocumentKind.TITULO_RESIDENCIA: (("document_number", "date_of_birth", "expiry_date"), 2),
    DocumentKind.PASSAPORTE: (("document_number", "date_of_birth", "expiry_date"), 2),
    DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO: (("document_number", "date_of_birth", "expiry_date"), 2),
    DocumentKind.DECLARACAO_ENTIDADE_PATRONAL: (
        ("employer_nif", "employee_nif", "issue_date", "start_date", "monthly_gross_salary"),
        4,
    ),
    DocumentKind.CERTIDAO_AT: (("validation_code",), 1),
    DocumentKind.DECLARACAO_SS: (("validation_code",), 1),
}

# Kinds whose identifying fields are the issuer, the period and the amounts, with no number of the
# document's own (an invoice number, a validation code, a card number): two colleagues on the same pay,
# or two pensioners on the same pension, send documents with the same fingerprint.
AMOUNTS_ONLY_KINDS = frozenset(
    {
        DocumentKind.RECIBO_VENCIMENTO,
        DocumentKind.DECLARACAO_PENSAO,
        DocumentKind.DECLARACAO_IRS,
        DocumentKind.NOTA_LIQUIDACAO,
    }
)


def content_fingerprint(kind: str, fields: dict[str, Any]) -> str:
    """The keyed hash of ``kind`` and its identifying fields (JSON values), or "" when too few were read."""
    names, needed = IDENTIFYING_FIELDS.get(kind, ((), 1))
    values = [normalized(fields.get(name)) for name in names]
    if sum(1 for value in values if value) < needed:
        return ""
    return blind_index("content:" + kind + "|" + "|".join(values))


def normalized(value: Any) -> str:
    """One spelling per value: 1234.5 and "1234.50" agree, case and spaces do not matter."""
    if value is None:
        return ""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return f"{value:.2f}"
    return "".join(str(value).split()).upper()


def parts_fingerprints(kind: str, parts: list[dict[str, Any]]) -> set[str]:
    """The fingerprints of a file's other documents (``ExtractionResult.parts``' JSON, each of the file's kind), those
    read well enough to have one."""
    return {fingerprint for part in parts if (fingerprint := content_fingerprint(kind, part.get("fields") or {}))}
