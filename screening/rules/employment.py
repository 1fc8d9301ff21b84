"""The employer's declaration of employment: what it states, and where it disagrees with the person's other papers.

Each declaration gives one check stating the contract (permanent or fixed-term, since when, until when) and the
salary declared. It is the employer's word, not a proof of payment: the payslips remain what the income counts.
It never rejects anyone and never changes the risk by itself; a declaration that is someone else's, out of date,
or about a contract that has ended or ends soon, or an employer or salary the payslips do not show, is a reason
stated in the report for a person to weigh.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from documents.extraction.schema import EMPLOYMENT_KINDS, PAYSLIP_KINDS
from screening.rules.common import check, extracted, format_eur, money, parse_date

# An employer's declaration is asked for recently issued; three months, as the AT's certidão.
DECLARATION_VALID_MONTHS = 3
# A fixed-term contract ending within this many months is worth stating beside a lease.
ENDING_SOON_MONTHS = 6
# How far the declared gross may be from the payslips' base salary before it is stated (rounding, a raise).
SALARY_TOLERANCE = Decimal("0.05")

# The extraction's warning for amounts in another currency than the euro.
CURRENCY_NOT_EUR = "currency_not_eur"
# Reason codes for the report (screening.rules.report.REASON_TEXT words them).
REASON_NOT_OWNED = "employment_declaration_not_owned"
REASON_OUTDATED = "employment_declaration_outdated"
REASON_ENDED = "employment_contract_ended"
REASON_ENDING_SOON = "employment_contract_ending_soon"
REASON_OTHER_EMPLOYER = "employment_declaration_other_employer"
REASON_SALARY_DIFFERS = "employment_declaration_salary_differs"
# The ones that make the declaration's check fail; the others are stated beside a passing check.
FAILING = (REASON_NOT_OWNED, REASON_OUTDATED, REASON_ENDED)

CONTRACT_WORDS = {"PERMANENT": "contrato sem termo", "FIXED_TERM": "contrato a termo"}


def declaration_reasons(
    document: dict[str, Any], applicant: dict[str, Any], payslips: list[dict[str, Any]], *, today: dt.date
) -> list[str]:
    """What to weigh about one declaration, in the order the report states them."""
    fields = document.get("fields") or {}
    reasons = []
    employee = fields.get("employee_nif")
    if employee and applicant.get("nif") and employee != applicant["nif"]:
        reasons.append(REASON_NOT_OWNED)
    issued = parse_date(fields.get("issue_date"))
    if issued is not None and months_between(issued, today) >= DECLARATION_VALID_MONTHS:
        reasons.append(REASON_OUTDATED)
    end = parse_date(fields.get("end_date"))
    if end is not None and end < today:
        reasons.append(REASON_ENDED)
    elif end is not None and months_between(today, end) < ENDING_SOON_MONTHS:
        reasons.append(REASON_ENDING_SOON)
    latest = max(payslips, key=lambda d: str(d["fields"].get("period") or ""), default=None)
    if latest is not None:
        employer, payslip_employer = fields.get("employer_nif"), latest["fields"].get("employer_nif")
        if employer and payslip_employer and employer != payslip_employer:
            reasons.append(REASON_OTHER_EMPLOYER)
        declared, base = money(fields.get("monthly_gross_salary")), money(latest["fields"].get("base_salary"))
        same_currency = not in_another_currency(document) and not in_another_currency(latest)
        if same_currency and declared is not None and base and abs(declared - base) > base * SALARY_TOLERANCE:
            reasons.append(REASON_SALARY_DIFFERS)
    return reasons


def in_another_currency(document: dict[str, Any]) -> bool:
    """Amounts in another currency than the euro (``currency_not_eur``): printed, never converted."""
    return CURRENCY_NOT_EUR in document.get("warnings", [])


def salary_words(amount: Decimal, document: dict[str, Any]) -> str:
    """The declared salary as the report writes it: in euros, or as printed and said to be in another currency (blind
    probe r66c: a US letter's "USD 11,000.00 per month" stated as "11 000,00 €")."""
    if not in_another_currency(document):
        return format_eur(amount)
    return format_eur(amount).removesuffix(" €") + " noutra moeda (não convertida)"


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole months from ``earlier`` to ``later`` (negative when ``later`` comes first)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months


def declaration_check(document: dict[str, Any], reasons: list[str]) -> dict[str, Any]:
    fields = document.get("fields") or {}
    issued = parse_date(fields.get("issue_date"))
    title = "Declaração da entidade patronal" + (f" (emitida em {issued:%d/%m/%Y})" if issued else "")
    stated = [contract_words(fields)]
    gross, net = money(fields.get("monthly_gross_salary")), money(fields.get("monthly_net_salary"))
    if gross is not None:
        stated.append(f"remuneração mensal ilíquida declarada de {salary_words(gross, document)}")
    elif net is not None:
        stated.append(f"remuneração mensal líquida declarada de {salary_words(net, document)}")
    evidence = f"{title}: " + "; ".join(filter(None, stated)) + "."
    notes = {
        REASON_NOT_OWNED: "a declaração é de outro trabalhador",
        REASON_OUTDATED: f"emitida há mais de {DECLARATION_VALID_MONTHS} meses",
        REASON_ENDED: "o contrato já terminou",
        REASON_ENDING_SOON: f"o contrato termina nos próximos {ENDING_SOON_MONTHS} meses",
        REASON_OTHER_EMPLOYER: "a entidade patronal não é a dos recibos de vencimento",
        REASON_SALARY_DIFFERS: "o valor declarado difere do vencimento base dos recibos",
    }
    if reasons:
        evidence += " A ponderar: " + "; ".join(notes[reason] for reason in reasons) + "."
    evidence += " É a palavra da entidade patronal: o rendimento conta pelos recibos."
    return check(
        "employment.declaration",
        not any(reason in FAILING for reason in reasons),
        evidence,
        document_id=document.get("document_id"),
        field="contract_type",
        value=fields.get("contract_type"),
    )


def contract_words(fields: dict[str, Any]) -> str:
    """'contrato sem termo desde 03-2021', 'contrato a termo de 09-2025 até 31-08-2026', or what was read."""
    words = CONTRACT_WORDS.get(str(fields.get("contract_type")), "tipo de contrato não lido")
    start, end = parse_date(fields.get("start_date")), parse_date(fields.get("end_date"))
    if start is not None:
        words += f" desde {start:%m/%Y}"
    if end is not None:
        words += f" até {end:%d/%m/%Y}"
    return words


def verify_employment_declarations(state: dict[str, Any]) -> dict[str, Any]:
    """Every declaration's check and the reasons worth stating (never a rejection, never a risk level).

    Reads ``state["documents"]``, ``state["applicant"]`` and ``state["today"]`` (ISO date) like the other
    nodes; returns ``{"checks": [...], "reasons": [...]}``.
    """
    today = dt.date.fromisoformat(state["today"])
    applicant = state.get("applicant") or {}
    documents = state.get("documents") or []
    payslips = extracted(documents, PAYSLIP_KINDS)
    checks, reasons = [], []
    for document in extracted(documents, EMPLOYMENT_KINDS):
        found = declaration_reasons(document, applicant, payslips, today=today)
        checks.append(declaration_check(document, found))
        reasons += found
    return {"checks": checks, "reasons": list(dict.fromkeys(reasons))}
