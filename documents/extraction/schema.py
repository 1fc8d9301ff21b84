"""One output schema per document kind, shared by every extraction backend."""

from __future__ import annotations

import datetime as dt
import typing
from decimal import Decimal
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class DocumentKind(StrEnum):
    CARTAO_CIDADAO = "CARTAO_CIDADAO"
    TITULO_RESIDENCIA = "TITULO_RESIDENCIA"
    PASSAPORTE = "PASSAPORTE"
    # A national identity card issued by another state (an EU, EEA or Swiss citizen's), read by its MRZ.
    CARTAO_IDENTIDADE_ESTRANGEIRO = "CARTAO_IDENTIDADE_ESTRANGEIRO"
    RECIBO_VENCIMENTO = "RECIBO_VENCIMENTO"
    DECLARACAO_IRS = "DECLARACAO_IRS"
    NOTA_LIQUIDACAO = "NOTA_LIQUIDACAO"
    # An independent worker's invoice-receipt issued on the Portal das Financas (recibo verde).
    FATURA_RECIBO = "FATURA_RECIBO"
    # The declaracao de inicio de atividade (Portal das Financas): an independent worker's activity is open.
    DECLARACAO_INICIO_ATIVIDADE = "DECLARACAO_INICIO_ATIVIDADE"
    # A pension statement from the Seguranca Social (Centro Nacional de Pensoes) or the CGA.
    DECLARACAO_PENSAO = "DECLARACAO_PENSAO"
    # Official certificates of a clean situation (issue 14): the AT's certidao de divida e nao divida and the
    # Seguranca Social's declaracao de situacao contributiva.
    CERTIDAO_AT = "CERTIDAO_AT"
    DECLARACAO_SS = "DECLARACAO_SS"
    # An employer's declaration of employment (declaracao da entidade patronal): who employs the person, on
    # which contract since when, and the salary it states.
    DECLARACAO_ENTIDADE_PATRONAL = "DECLARACAO_ENTIDADE_PATRONAL"
    UNKNOWN = "UNKNOWN"


# The one list of document kinds by what they prove; screening reads these too.
# DocumentKind is a StrEnum, so a plain string such as "PASSAPORTE" is found in these sets.
IDENTITY_KINDS = frozenset(
    {
        DocumentKind.CARTAO_CIDADAO,
        DocumentKind.TITULO_RESIDENCIA,
        DocumentKind.PASSAPORTE,
        DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO,
    }
)
PAYSLIP_KINDS = frozenset({DocumentKind.RECIBO_VENCIMENTO})
TAX_KINDS = frozenset({DocumentKind.DECLARACAO_IRS, DocumentKind.NOTA_LIQUIDACAO})
INCOME_KINDS = PAYSLIP_KINDS | TAX_KINDS
# An independent worker's income (screening/rules/income.py counts them; docs/adr/013-income-profiles.md).
INVOICE_KINDS = frozenset({DocumentKind.FATURA_RECIBO})
# Proves an independent activity is open; no amounts.
ACTIVITY_KINDS = frozenset({DocumentKind.DECLARACAO_INICIO_ATIVIDADE})
PENSION_KINDS = frozenset({DocumentKind.DECLARACAO_PENSAO})
# Whether the person owes the tax authority or social security; read and stated, never a reason to reject.
CERTIFICATE_KINDS = frozenset({DocumentKind.CERTIDAO_AT, DocumentKind.DECLARACAO_SS})
# The employer's word on the contract and salary: stated beside the payslips, never counted as income.
EMPLOYMENT_KINDS = frozenset({DocumentKind.DECLARACAO_ENTIDADE_PATRONAL})
# Warnings the extraction writes and screening reads, one spelling for both: an MRZ name field full to its end
# (its last word may be cut short, "ANA<BEATRI"), and the AT's proof that a return was filed (no income on it).
MRZ_NAME_TRUNCATED = "mrz_name_truncated"
PROOF_OF_FILING_ONLY = "proof_of_filing_only"
# A date of issue no genuine document has: an identity document's after its own expiry, before its holder's
# birth or still to come (income documents' are withheld with it too).
ISSUE_DATE_IMPLAUSIBLE = "issue_date_implausible"
# A payslip's month still to come, further ahead than a slip is ever issued: its period is withheld (never
# counted) and the screening raises it as an authenticity signal.
PERIOD_IN_FUTURE = "period_in_future"
# An identity document's specimen: marked SPECIMEN (or its language's word, ICAO's made-up state) on its face, in its
# text or by a stamp across it (documents.extraction.specimen). It identifies no one: the identity fails on it.
SPECIMEN = "specimen"
# A penhora withheld from pay or a pension (documents.extraction.garnishment): stated in the report, never a risk.
GARNISHMENT = "garnishment"
GARNISHED_KINDS = PAYSLIP_KINDS | PENSION_KINDS
# Another country's payslip (its words, its employer's legal form): paid 12 times a year, not a Portuguese salary's
# 14, and printing no Portuguese social security row of its own.
FOREIGN_PAYSLIP = "foreign_payslip"
# A contract's last payslip: its compensation or unused holidays are paid once, and the job they end pays no more.
TERMINATION_PAY = "termination_pay"
# Pay withheld for a leave or an absence (parental or sick leave, unpaid leave, a strike, faltas): the month paid
# less than the base, which the screening says of the month it counts (blind probe r62b).
LEAVE_WITHHELD = "leave_withheld"
# ... for a leave the Segurança Social pays those days of apart (sickness, parental, a child's assistance): the
# screening says so of the month, and not of unpaid leave or an unjustified absence, which nobody pays (r68b).
LEAVE_PAID_APART_WARNING = "leave_paid_apart"
# A payslip that captions a lump subsidy (Natal, férias) on a row whose amount was not read: its month is not known
# without it, and is not counted as a regular month's pay (blind probe r81b, F1: "Subsídio de Natal 1.250" unread,
# the whole net counted as the month's pay).
SUBSIDY_UNREAD = "subsidy_unread"
# A payslip of a job that started within its month (it prints the admission date): the month paid only the days
# since, and the job has no payslips of the months before (blind probe r68b).
STARTED_WITHIN_MONTH = "started_within_month"
# A payslip's page that says the slip runs to pages the file does not hold ("Página 1 de 2" alone, "PAYSLIP
# (continued)"): what it lacks (its totals, whose it is) is on a page not sent, and the screening asks for the whole
# slip in one file rather than saying its figures disagree or that it is someone else's (blind probe r75a, D5).
PAYSLIP_PAGES_MISSING = "payslip_pages_missing"
# The kinds an upload of each document type (documents.models.DocumentType) may turn out to be.
KINDS_BY_DOCUMENT_TYPE = {
    "ID_DOCUMENT": IDENTITY_KINDS,
    "PROOF_OF_INCOME": INCOME_KINDS
    | INVOICE_KINDS
    | ACTIVITY_KINDS
    | PENSION_KINDS
    | CERTIFICATE_KINDS
    | EMPLOYMENT_KINDS,
}


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
    # False: the document prints no MRZ at all, a residence permit issued as an A4 sheet (AIMA's CPLP mobility
    # permit), identified by its printed fields; None: not said (a card's MRZ may be on the side not sent).
    mrz_printed: bool | None = None


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
    # The net of the month's overtime and per diems, which regular_net_pay leaves out (absent when none): the
    # screening counts it when every month counted pays some (docs/adr/030-a-months-regular-pay.md).
    variable_net_pay: Decimal | None = None
    # A stub for less than a month (parsers.pay_frequency): how often it pays (None on a monthly slip), and the pay
    # period it prints, when it prints one (docs/adr/037-pay-for-less-than-a-month.md).
    pay_frequency: Literal["WEEKLY", "FORTNIGHTLY", "SEMI_MONTHLY"] | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    # The day the slip says the month's pay is or was paid ("Data de pagamento", "Pago em", "Payment date"): a month
    # counts once its pay is paid, and a date out of step with the period is said (docs/adr/044-a-month-counts-once-paid.md).
    payment_date: dt.date | None = None
    # A month still to come the slip prints, its ``period`` withheld (``period_in_future``): never counted, but named
    # when the report says why it was not (blind probe r70b: "Recibo (período não lido)" of a January slip).
    period_to_come: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}$")


class TaxFields(BaseModel):
    model_config = ConfigDict(extra="forbid")

    taxpayer_name: str | None = None
    taxpayer_nif: str | None = None
    year: int | None = None
    gross_income: Decimal | None = None
    tax_paid: Decimal | None = None
    # The nota / demonstracao de liquidacao: how the tax was settled. coleta liquida (tax_paid) less the
    # withholdings and payments on account is the amount payable, or (negative) the refund.
    taxable_income: Decimal | None = None
    withholdings: Decimal | None = None
    payments_on_account: Decimal | None = None
    amount_payable: Decimal | None = None
    amount_refundable: Decimal | None = None
    # The declaration's annexes the income rules read: A (employment and pensions), B (independent work).
    annexes: list[str] | None = None
    employment_income: Decimal | None = None
    pension_income: Decimal | None = None
    self_employment_income: Decimal | None = None
    # A couple's return (parsers.tax_couples): a joint one declares both spouses' income under sujeito passivo A;
    # the spouse is its sujeito passivo B, or the cônjuge a separate return names. Each one's own gross income only
    # where the document says whose each income is and the parts add up to gross_income.
    joint_return: bool | None = None
    spouse_name: str | None = None
    spouse_nif: str | None = None
    taxpayer_gross_income: Decimal | None = None
    spouse_gross_income: Decimal | None = None


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


class ActivityStartFields(BaseModel):
    """A declaracao de inicio de atividade: whose activity, since when, which one."""

    model_config = ConfigDict(extra="forbid")

    taxpayer_name: str | None = None
    taxpayer_nif: str | None = None
    start_date: dt.date | None = None
    # The main activity's CAE where one is printed, else the IRS activity-table code (art. 151.º CIRS), as printed.
    activity_code: str | None = None
    activity_description: str | None = None


class PensionFields(BaseModel):
    """A pension statement: the monthly amount, how many times a year it is paid, and how it adds up.

    net = gross - deductions (IRS withheld, ADSE, ...); annual = gross x payments per year.
    """

    model_config = ConfigDict(extra="forbid")

    pensioner_name: str | None = None
    pensioner_nif: str | None = None
    issuer: Literal["SEGURANCA_SOCIAL", "CGA"] | None = None
    # velhice, invalidez, sobrevivencia, aposentacao, reforma (folded, as printed): the first one printed.
    pension_type: str | None = None
    # A statement of several pensions whose amount is their total or sum ("Pensão de velhice 612,40", "Pensão de
    # sobrevivência 287,55", "Total bruto 899,95"): each type, in printed order; None for one pension's statement.
    pension_types: list[str] | None = None
    issue_date: dt.date | None = None
    gross_monthly_amount: Decimal | None = None
    deductions: Decimal | None = None
    net_monthly_amount: Decimal | None = None
    payments_per_year: int | None = None
    annual_amount: Decimal | None = None


class CertificateFields(BaseModel):
    """A certidao (AT) or declaracao de situacao contributiva (SS): whose, whether regular, and until when.

    ``valid_until`` is printed on some and otherwise the issue date plus the issuer's validity (AT 3
    months, SS 4 months). ``validation_code`` is what staff type on the issuer's portal to confirm it.
    """

    model_config = ConfigDict(extra="forbid")

    issuer: Literal["AT", "SS"] | None = None
    holder_name: str | None = None
    holder_nif: str | None = None
    status: Literal["REGULAR", "IRREGULAR"] | None = None
    issue_date: dt.date | None = None
    valid_until: dt.date | None = None
    validation_code: str | None = None


class EmploymentDeclarationFields(BaseModel):
    """An employer's declaration of employment: the parties, the contract and the monthly salary it states.

    ``contract_type``: ``PERMANENT`` (sem termo, por tempo indeterminado, efetivo) or ``FIXED_TERM`` (a termo
    certo or incerto, a prazo, temporario), with ``end_date`` when a term's end is printed or the declaration says
    the job is over ("esteve ao seu servico ... ate"). The salary is the
    gross (``monthly_gross_salary``: base, iliquido, bruto) or, when the declaration says so, the net. A periodo
    experimental named gives its length (``probation_days``) and last day (``probation_end_date``, printed or
    counted from ``start_date``).
    """

    model_config = ConfigDict(extra="forbid")

    employer_name: str | None = None
    employer_nif: str | None = None
    employee_name: str | None = None
    employee_nif: str | None = None
    contract_type: Literal["PERMANENT", "FIXED_TERM"] | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    monthly_gross_salary: Decimal | None = Field(default=None, ge=0)
    monthly_net_salary: Decimal | None = Field(default=None, ge=0)
    issue_date: dt.date | None = None
    probation_days: int | None = Field(default=None, ge=1)
    probation_end_date: dt.date | None = None


FIELDS_BY_KIND: dict[DocumentKind, type[BaseModel]] = {
    DocumentKind.CARTAO_CIDADAO: IdentityFields,
    DocumentKind.TITULO_RESIDENCIA: IdentityFields,
    DocumentKind.PASSAPORTE: IdentityFields,
    DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO: IdentityFields,
    DocumentKind.RECIBO_VENCIMENTO: PayslipFields,
    DocumentKind.DECLARACAO_IRS: TaxFields,
    DocumentKind.NOTA_LIQUIDACAO: TaxFields,
    DocumentKind.FATURA_RECIBO: InvoiceReceiptFields,
    DocumentKind.CERTIDAO_AT: CertificateFields,
    DocumentKind.DECLARACAO_SS: CertificateFields,
    DocumentKind.DECLARACAO_INICIO_ATIVIDADE: ActivityStartFields,
    DocumentKind.DECLARACAO_PENSAO: PensionFields,
    DocumentKind.DECLARACAO_ENTIDADE_PATRONAL: EmploymentDeclarationFields,
}


def money_field_names() -> frozenset[str]:
    """The fields every kind holds as an amount of money: the ones its schema types ``Decimal`` (and the JSON gives
    as a number). Read off the schema, so a new kind's amounts print as euros without a list kept by hand."""
    return frozenset(
        name
        for model in FIELDS_BY_KIND.values()
        for name, field in model.model_fields.items()
        if Decimal in typing.get_args(field.annotation) or field.annotation is Decimal
    )


MONEY_FIELDS = money_field_names()


class ExtractionPart(BaseModel):
    """Another document the same file holds, read on its own: one worker's other months in a file of payslips, or
    another fatura-recibo in a file of several (ADR 031)."""

    fields: dict[str, Any]
    confidence: dict[str, float] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)

    def json_fields(self) -> dict[str, Any]:
        return json_values(self.fields)

    def as_output(self) -> dict[str, Any]:
        return {"fields": self.json_fields(), "confidence": self.confidence, "warnings": self.warnings}


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
    # The file's other documents of the same kind, each read on its own (``ExtractionPart``); usually none.
    parts: list[ExtractionPart] = Field(default_factory=list)

    def json_fields(self) -> dict[str, Any]:
        """Fields as JSON values: dates ``YYYY-MM-DD``, money as numbers."""
        return json_values(self.fields)

    def json_parts(self) -> list[dict[str, Any]]:
        return [part.as_output() for part in self.parts]

    def as_output(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "fields": self.json_fields(),
            "confidence": self.confidence,
            "warnings": self.warnings,
            "pages": self.pages,
            "method": self.method,
            "parts": self.json_parts(),
        }


def json_values(fields: dict[str, Any]) -> dict[str, Any]:
    """Fields as JSON values: dates ``YYYY-MM-DD``, money as numbers."""
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if isinstance(value, dt.date):
            out[name] = value.isoformat()
        elif isinstance(value, Decimal):
            out[name] = float(value)
        else:
            out[name] = value
    return out


def fields_validate(kind: DocumentKind, raw: dict[str, Any]) -> dict[str, Any]:
    """Coerce raw values through the kind's schema; keep only known fields."""
    model = FIELDS_BY_KIND.get(kind)
    if model is None:
        return {}
    return model.model_validate(raw).model_dump()
