"""One output schema per document kind, shared by every extraction backend."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class DocumentKind(StrEnum):
    CARTAO_CIDADAO = "CARTAO_CIDADAO"
    TITULO_RESIDENCIA = "TITULO_RESIDENCIA"
    PASSAPORTE = "PASSAPORTE"
    RECIBO_VENCIMENTO = "RECIBO_VENCIMENTO"
    DECLARACAO_IRS = "DECLARACAO_IRS"
    NOTA_LIQUIDACAO = "NOTA_LIQUIDACAO"
    # An independent worker's invoice-receipt issued on the Portal das Financas (recibo verde).
    FATURA_RECIBO = "FATURA_RECIBO"
    UNKNOWN = "UNKNOWN"


# The one list of document kinds by what they prove; screening reads these too.
# DocumentKind is a StrEnum, so a plain string such as "PASSAPORTE" is found in these sets.
IDENTITY_KINDS = frozenset({DocumentKind.CARTAO_CIDADAO, DocumentKind.TITULO_RESIDENCIA, DocumentKind.PASSAPORTE})
PAYSLIP_KINDS = frozenset({DocumentKind.RECIBO_VENCIMENTO})
TAX_KINDS = frozenset({DocumentKind.DECLARACAO_IRS, DocumentKind.NOTA_LIQUIDACAO})
INCOME_KINDS = PAYSLIP_KINDS | TAX_KINDS
# Read and checked, not yet counted by the income rules (issue 14: independent workers).
INVOICE_KINDS = frozenset({DocumentKind.FATURA_RECIBO})
# The kinds an upload of each document type (documents.models.DocumentType) may turn out to be.
KINDS_BY_DOCUMENT_TYPE = {"ID_DOCUMENT": IDENTITY_KINDS, "PROOF_OF_INCOME": INCOME_KINDS | INVOICE_KINDS}


class IdentityFields(BaseModel):
    model_config = ConfigDict(extra="forbid")

    full_name: str | None = None
    surname: str | None = None
    given_names: str | None = None
    nif: str | None = None
    document_number: str | None = None
    date_of_birth: dt.date | None = None
    expiry_date: dt.date | None = None
    nationality: str | None = None
    sex: Literal["M", "F", "X"] | None = None
    # Which side of a card the file shows ("both": one scan of front and back); None for a passport page.
    side: Literal["front", "back", "both"] | None = None
    # The MRZ's country or organisation of issue (3 letters), when an MRZ was read.
    issuing_state: str | None = None
    # True: an MRZ was read and every check digit holds; False: read, but a check digit fails
    # (then warning ``mrz_check_invalid``); None: no MRZ on the file.
    mrz_valid: bool | None = None


class PayslipFields(BaseModel):
    model_config = ConfigDict(extra="forbid")

    employee_name: str | None = None
    employee_nif: str | None = None
    employer_name: str | None = None
    employer_nif: str | None = None
    period: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}$")
    base_salary: Decimal | None = None
    gross_pay: Decimal | None = None
    social_security: Decimal | None = None
    irs_withholding: Decimal | None = None
    net_pay: Decimal | None = None
    # Subsidio de ferias / de Natal paid in this month as a lump (gross), and the share of them paid
    # monthly as duodecimos (gross, already part of every month's pay).
    subsidy_amount: Decimal | None = None
    subsidy_twelfths_amount: Decimal | None = None
    # Net pay without the lump subsidies (their deductions taken out pro rata): a month's regular income.
    regular_net_pay: Decimal | None = None


class TaxFields(BaseModel):
    model_config = ConfigDict(extra="forbid")

    taxpayer_name: str | None = None
    taxpayer_nif: str | None = None
    year: int | None = None
    gross_income: Decimal | None = None
    tax_paid: Decimal | None = None


class InvoiceReceiptFields(BaseModel):
    """A fatura-recibo: who invoiced whom, when, and how the amount received adds up."""

    model_config = ConfigDict(extra="forbid")

    issuer_name: str | None = None
    issuer_nif: str | None = None
    acquirer_name: str | None = None
    acquirer_nif: str | None = None
    invoice_number: str | None = None
    issue_date: dt.date | None = None
    base_amount: Decimal | None = None
    vat_amount: Decimal | None = None
    irs_withholding: Decimal | None = None
    amount_received: Decimal | None = None


FIELDS_BY_KIND: dict[DocumentKind, type[BaseModel]] = {
    DocumentKind.CARTAO_CIDADAO: IdentityFields,
    DocumentKind.TITULO_RESIDENCIA: IdentityFields,
    DocumentKind.PASSAPORTE: IdentityFields,
    DocumentKind.RECIBO_VENCIMENTO: PayslipFields,
    DocumentKind.DECLARACAO_IRS: TaxFields,
    DocumentKind.NOTA_LIQUIDACAO: TaxFields,
    DocumentKind.FATURA_RECIBO: InvoiceReceiptFields,
}


class ExtractionResult(BaseModel):
    """What a backend read: typed fields plus how sure it is of each."""

    kind: DocumentKind
    fields: dict[str, Any]
    confidence: dict[str, float] = Field(default_factory=dict)
    # Codes like "nif_checksum_invalid:employee_nif"; never values read.
    warnings: list[str] = Field(default_factory=list)
    pages: int = 0
    method: Literal["text", "ocr", "remote"] = "text"
    extractor: str
    extractor_version: str

    def json_fields(self) -> dict[str, Any]:
        """Fields as JSON values: dates ``YYYY-MM-DD``, money as numbers."""
        out: dict[str, Any] = {}
        for name, value in self.fields.items():
            if isinstance(value, dt.date):
                out[name] = value.isoformat()
            elif isinstance(value, Decimal):
                out[name] = float(value)
            else:
                out[name] = value
        return out

    def as_output(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "fields": self.json_fields(),
            "confidence": self.confidence,
            "warnings": self.warnings,
            "pages": self.pages,
            "method": self.method,
        }


def fields_validate(kind: DocumentKind, raw: dict[str, Any]) -> dict[str, Any]:
    """Coerce raw values through the kind's schema; keep only known fields."""
    model = FIELDS_BY_KIND.get(kind)
    if model is None:
        return {}
    return model.model_validate(raw).model_dump()
