"""The report's codes as staff read them: check names, extracted fields and warnings in words, values as people
write them ("1 538,00 €", "66,88 %", "<= 40 %", "14/03/1988").

The admin page printed ``identity.nif_match``, "0.6688", "<= 0.400" and "1988-03-14" (blind probe C31). The words
are written in European Portuguese and marked for translation, as ``applicants/errors.py``; the English ones are in
``locale/en``. A code not named here is shown as the report has it.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _

from applicants.models import IncomeProfile
from documents.extraction.schema import MONEY_FIELDS
from documents.labels import (
    DOCUMENT_KIND_LABELS,
    FIELD_LABELS,
    FIELD_VALUE_LABELS,
    WARNING_LABELS,
    confidence_summary,
    confidence_text,
    field_label,
    kind_label,
    warning_label,
    warnings_text,
)
from screening.models import RiskLevel
from screening.rules.common import format_eur, format_month, format_percent, money
from screening.rules.signal_words import SIGNAL_WORDS, severity_words

# Documents' words, read here with the report's.
__all__ = [
    "DOCUMENT_KIND_LABELS",
    "FIELD_LABELS",
    "FIELD_VALUE_LABELS",
    "WARNING_LABELS",
    "confidence_summary",
    "confidence_text",
    "field_label",
    "kind_label",
    "warning_label",
    "warnings_text",
]

CHECK_LABELS = {
    "identity.document_read": _("Documento de identificação lido"),
    "identity.nif_match": _("NIF do documento igual ao indicado"),
    "identity.nif_documents": _("NIF igual ao dos comprovativos de rendimentos"),
    "identity.name_match": _("Nome do documento igual ao indicado"),
    "identity.birth_date_match": _("Data de nascimento igual à indicada"),
    "identity.not_expired": _("Documento dentro da validade"),
    "identity.expiry_margin": _("Validade do documento (margem)"),
    "identity.sides_agree": _("Frente e verso do cartão coincidem"),
    "identity.mrz_valid": _("Zona de leitura ótica válida"),
    "identity.issue_date_plausible": _("Data de emissão possível"),
    "identity.mrz_matches_page": _("Página de dados igual à zona de leitura ótica"),
    "identity.not_specimen": _("Documento de uma pessoa, não um espécime"),
    "identity.llm_review": _("Revisão automática do documento"),
    "income.document_read": _("Comprovativo de rendimentos lido"),
    "income.monthly_income": _("Rendimento mensal comprovado"),
    "income.payslip_owner": _("Recibo em nome do candidato"),
    "income.payslip_arithmetic": _("Contas do recibo de vencimento"),
    "income.payslip_recent": _("Recibo recente"),
    "income.payslip_months": _("Meses de recibos de vencimento"),
    "income.payslip_in_euros": _("Recibo pago em euros"),
    "income.payslip_repeated": _("Recibo repetido"),
    "income.payslip_other_job": _("Recibo de outro emprego, não somado"),
    "income.invoice_repeated": _("Fatura-recibo repetida"),
    "income.payslip_file_combined": _("Vários recibos num só ficheiro"),
    "income.payslip_contract_ongoing": _("Contrato de trabalho em vigor"),
    "employment.contract_ongoing": _("Contrato declarado pela entidade patronal em vigor"),
    "income.payslip_latest": _("Recibo mais recente"),
    "income.invoice_owner": _("Fatura-recibo emitida pelo candidato"),
    "income.invoice_arithmetic": _("Contas da fatura-recibo"),
    "income.invoice_in_force": _("Fatura-recibo não anulada"),
    "income.invoice_paid": _("Fatura-recibo paga"),
    "income.invoice_recent": _("Fatura-recibo recente"),
    "income.invoice_not_future": _("Fatura-recibo sem data futura"),
    "income.invoice_latest": _("Fatura-recibo mais recente"),
    "income.invoice_months": _("Meses de faturas-recibo"),
    "income.invoice_recurring": _("Faturas-recibo regulares"),
    "income.activity_start": _("Início de atividade"),
    "income.pension_owner": _("Pensão em nome do candidato"),
    "income.pension_arithmetic": _("Valores da declaração de pensão"),
    "income.pension_recent": _("Declaração de pensão recente"),
    "income.pension_in_euros": _("Pensão paga em euros"),
    "income.tax_document": _("Documento de IRS do último ano"),
    "income.tax_joint_share": _("Parte de cada cônjuge no IRS conjunto"),
    "income.profile_documents": _("Documentos do perfil de rendimento"),
    "income.garnishment": _("Penhora de vencimento"),
    "affordability.dti": _("Taxa de esforço"),
    "household.guarantor_covers": _("O fiador cobre o encargo"),
    "authenticity.document": _("Autenticidade do documento"),
}

# The authenticity signals' codes in a few words: beside the rules that write them in the check's evidence (r70a F03).
SIGNAL_LABELS = SIGNAL_WORDS

BACKEND_LABELS = {"rules": _("regras"), "openai": _("modelo de linguagem (OpenAI)")}

RATIO_FIELDS = frozenset({"dti_ratio"})
# Every amount a document holds (its schema's ``Decimal`` fields: a declaration's "Salário mensal ilíquido", an IRS
# return's "Rendimento bruto", printed "1538" beside the payslip's "1 538,00 €") and the checks' monthly income.
AMOUNT_FIELDS = MONEY_FIELDS | {"monthly_income"}
AMOUNT_CHECKS = frozenset({"income.monthly_income", "income.payslip_arithmetic", "income.invoice_arithmetic"})
COMPARISON = re.compile(r"^(<=|>=|<|>|=)\s*(.+)$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A month as the extraction and the checks store it ("2026-09"), printed "09/2026".
ISO_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
AUTHENTICITY_CHECK = "authenticity.document"
# How ``screening.rules.authenticity.section_check`` lists each signal in the check's evidence: "CODE (SEVERITY)".
EVIDENCE_SIGNAL = re.compile(r"\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+) \((LOW|MEDIUM|HIGH)\)")


def check_label(name: str) -> str:
    return str(CHECK_LABELS.get(name, name))


def signal_label(code: str) -> str:
    return str(SIGNAL_LABELS.get(code, code))


def severity_label(code: str) -> str:
    """A signal's severity in the risk's words ("MEDIUM" -> "Médio"), as the authenticity block says it."""
    return severity_words(code)


def check_evidence(check: dict[str, Any]) -> str:
    """A check's evidence as the pages and the PDF print it: the authenticity check's signal codes in words.

    The rules now write the signals in words (screening.rules.signal_words, r70a F03); reports stored before say
    "Sinais de autenticidade: PAYSLIP_EMPLOYER_NIF_INVALID (MEDIUM); ...", read in words here (ADR 018).
    """
    evidence = str(check.get("evidence") or "")
    if check.get("name") != AUTHENTICITY_CHECK:
        return evidence
    return EVIDENCE_SIGNAL.sub(lambda found: f"{signal_label(found[1])} ({severity_label(found[2])})", evidence)


def backend_label(code: str) -> str:
    return str(BACKEND_LABELS.get(code, code))


def readable_value(value: Any, *, field: str = "", check: str = "") -> str:
    """A value read or expected as a person writes it; ``<= 0.400`` keeps its comparison ("40 % ou menos")."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return str(_("sim") if value else _("não"))
    if isinstance(value, list | tuple):
        return ", ".join(readable_value(item, field=field, check=check) for item in value)
    if check == "income.profile_documents" and value in IncomeProfile.values:
        # The profile declared in words, as the form asks it, not its code (blind probe r57b: "EMPLOYEE" in the PDF).
        return str(IncomeProfile(value).label)
    if field == "kind" and value in DOCUMENT_KIND_LABELS:
        # The identity document read, in words (blind probe r68a: "CARTAO_IDENTIDADE_ESTRANGEIRO").
        return kind_label(value)
    if check == AUTHENTICITY_CHECK and value in RiskLevel.values:
        # The highest signal's severity, as the authenticity block says it ("Médio", not "MEDIUM": blind probe r69a).
        return severity_label(value)
    if isinstance(value, str) and value in FIELD_VALUE_LABELS.get(field, {}):
        return str(FIELD_VALUE_LABELS[field][value])
    if isinstance(value, str):
        compared = COMPARISON.match(value)
        if compared:
            return comparison_words(compared.group(1), compared.group(2), field=field, check=check)
        if ISO_DATE.match(value):
            return readable_date(value)
        if ISO_MONTH.match(value):
            return format_month(value)
    if isinstance(value, dt.date):
        return readable_date(value)
    if isinstance(value, int | float | Decimal) or (isinstance(value, str) and re.fullmatch(r"-?\d+(\.\d+)?", value)):
        number = money(value)
        if field in RATIO_FIELDS or check == "affordability.dti" or check == "household.guarantor_covers":
            return format_percent(number)
        if field in AMOUNT_FIELDS or check in AMOUNT_CHECKS:
            return format_eur(number)
        if isinstance(value, float | Decimal) and number is not None:
            return f"{number.normalize():f}".replace(".", ",")
    return str(value)


# A limit in words, not a math sign in a sentence (blind probe r70a F06: the PDF's "10/03/2031 >= 07/12/2026"):
# "40 % ou menos", "10/2026 ou depois". Keyed by the sign, then by whether the limit is a moment (date or month).
COMPARISON_WORDS: dict[str, dict[bool, Any]] = {
    "<=": {False: _("{limit} ou menos"), True: _("{limit} ou antes")},
    ">=": {False: _("{limit} ou mais"), True: _("{limit} ou depois")},
    "<": {False: _("menos de {limit}"), True: _("antes de {limit}")},
    ">": {False: _("mais de {limit}"), True: _("depois de {limit}")},
    "=": {False: "{limit}", True: "{limit}"},
}


def comparison_words(sign: str, limit: str, *, field: str = "", check: str = "") -> str:
    """A stored expectation such as ``<= 0.400`` or ``>= 2026-12-07`` as a reader says it ("40 % ou menos",
    "07/12/2026 ou depois"); the stored value keeps its sign (the API's ``expected`` is unchanged)."""
    moment = bool(ISO_DATE.match(limit) or ISO_MONTH.match(limit))
    return str(COMPARISON_WORDS[sign][moment]).format(limit=readable_value(limit, field=field, check=check))


def readable_date(value: dt.date | str) -> str:
    day = value if isinstance(value, dt.date) else parse_date(value)
    return "" if day is None else f"{day:%d/%m/%Y}"
