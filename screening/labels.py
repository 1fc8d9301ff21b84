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
from documents.labels import DOCUMENT_KIND_LABELS, kind_label
from screening.rules.common import format_eur, format_percent, money

__all__ = ["DOCUMENT_KIND_LABELS", "kind_label"]  # documents' words, read here with the report's

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

# What the extraction read, by its field's name in the report (``documents.parsers``).
FIELD_LABELS = {
    "full_name": _("Nome"),
    "name": _("Nome"),
    "nif": _("NIF"),
    "taxpayer_nif": _("NIF do contribuinte"),
    "employer_nif": _("NIF da entidade patronal"),
    "employer_name": _("Entidade patronal"),
    "date_of_birth": _("Data de nascimento"),
    "expiry_date": _("Validade"),
    "issue_date": _("Data de emissão"),
    "document_number": _("Número do documento"),
    "nationality": _("Nacionalidade"),
    "sex": _("Sexo"),
    "side": _("Lado"),
    "kind": _("Tipo de documento"),
    "mrz": _("Zona de leitura ótica"),
    "mrz_valid": _("Zona de leitura ótica válida"),
    "period": _("Mês"),
    "base_salary": _("Vencimento base"),
    "gross_pay": _("Ilíquido"),
    "deductions": _("Descontos"),
    "net_pay": _("Líquido"),
    "regular_net_pay": _("Líquido regular"),
    "variable_net_pay": _("Líquido de trabalho suplementar e ajudas de custo"),
    "irs_withholding": _("Retenção de IRS"),
    "social_security": _("Segurança Social"),
    "contract_type": _("Tipo de contrato"),
    "amount_received": _("Valor recebido"),
    "net_monthly_amount": _("Valor mensal líquido"),
    "validation_code": _("Código de validação"),
    "year": _("Ano"),
}

WARNING_LABELS = {
    "arithmetic_mismatch": _("ilíquido menos descontos não dá o líquido"),
}

BACKEND_LABELS = {"rules": _("regras"), "openai": _("modelo de linguagem (OpenAI)")}

RATIO_FIELDS = frozenset({"dti_ratio"})
AMOUNT_FIELDS = frozenset(
    {
        "net_pay",
        "regular_net_pay",
        "variable_net_pay",
        "gross_pay",
        "base_salary",
        "deductions",
        "amount_received",
        "net_monthly_amount",
        "irs_withholding",
        "social_security",
        "monthly_income",
    }
)
AMOUNT_CHECKS = frozenset({"income.monthly_income", "income.payslip_arithmetic", "income.invoice_arithmetic"})
COMPARISON = re.compile(r"^(<=|>=|<|>|=)\s*(.+)$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_label(name: str) -> str:
    return str(CHECK_LABELS.get(name, name))


def field_label(name: str) -> str:
    return str(FIELD_LABELS.get(name, name.replace("_", " ")))


def warning_label(code: str) -> str:
    return str(WARNING_LABELS.get(code, code.replace("_", " ")))


def backend_label(code: str) -> str:
    return str(BACKEND_LABELS.get(code, code))


def readable_value(value: Any, *, field: str = "", check: str = "") -> str:
    """A value read or expected as a person writes it; ``<= 0.400`` keeps its comparison ("<= 40 %")."""
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
    if isinstance(value, str):
        compared = COMPARISON.match(value)
        if compared:
            limit = readable_value(compared.group(2), field=field, check=check)
            # A limit is a round figure: "<= 40 %", not "<= 40,0 %".
            return f"{compared.group(1)} {limit.replace(',0 %', ' %')}"
        if ISO_DATE.match(value):
            return readable_date(value)
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


def readable_date(value: dt.date | str) -> str:
    day = value if isinstance(value, dt.date) else parse_date(value)
    return "" if day is None else f"{day:%d/%m/%Y}"
