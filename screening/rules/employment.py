"""The employer's declaration of employment: what it states, and where it disagrees with the person's other papers.

Each declaration gives one check stating the contract (permanent or fixed-term, since when, until when) and the
salary declared. It is the employer's word, not a proof of payment: the payslips remain what the income counts.
It never rejects anyone; a declaration that is someone else's, out of date, about a contract that ends soon, or
an employer or salary the payslips do not show, is a reason stated in the report for a person to weigh. A contract
it says has ended (its term on or before the screening's day) with no payslip of a later month is the one that
raises the risk, as a contract's last payslip does (ADR 027): the income it proves may not go on.
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
# The check that fails, and makes the report at least MEDIUM, when the declared contract has ended and no payslip
# shows a month after its end (docs/adr/022, blind probe r68b: an ended contract only "a ponderar" while the same
# end on a payslip made the report MEDIUM).
ONGOING_CHECK = "employment.contract_ongoing"
# Either party may end the contract during a período experimental without cause or compensation (Código do
# Trabalho, art. 114.º): stated, never a reason.
PROBATION_WORDS = (
    "Código do Trabalho, art. 111.º e seguintes: até lá qualquer das partes pode fazer cessar o contrato sem justa "
    "causa nem indemnização"
)

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
    if end is not None and end <= today:
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


def paid_after_the_end(document: dict[str, Any], payslips: list[dict[str, Any]]) -> bool:
    """A payslip of the person's for a month after the declared contract's end: the job went on (a contrato a termo
    certo renews unless one party ends it, Código do Trabalho art. 149.º), or another began."""
    end = parse_date((document.get("fields") or {}).get("end_date"))
    return end is not None and any(str(p["fields"].get("period") or "") > f"{end:%Y-%m}" for p in payslips)


def contract_ended_check(document: dict[str, Any]) -> dict[str, Any]:
    """The failed check of a declared contract that has ended, no later payslip sent: makes the report at least
    MEDIUM, as a contract's last payslip does (``income.payslip_contract_ongoing``)."""
    fields = document.get("fields") or {}
    end = parse_date(fields.get("end_date"))
    return check(
        ONGOING_CHECK,
        False,
        f"Declaração da entidade patronal: o contrato terminou em {end:%d/%m/%Y} e nenhum recibo de "
        "vencimento é de um mês posterior; o rendimento desse emprego pode não continuar: confirme a situação "
        "profissional atual.",
        document_id=document.get("document_id"),
        field="end_date",
        value=fields.get("end_date"),
    )


def declaration_check(document: dict[str, Any], reasons: list[str], *, today: dt.date) -> dict[str, Any]:
    fields = document.get("fields") or {}
    issued = parse_date(fields.get("issue_date"))
    title = "Declaração da entidade patronal" + (f" (emitida em {issued:%d/%m/%Y})" if issued else "")
    stated = [contract_words(fields), probation_words(fields, today=today)]
    gross, net = money(fields.get("monthly_gross_salary")), money(fields.get("monthly_net_salary"))
    if gross is not None:
        stated.append(f"remuneração mensal ilíquida declarada de {salary_words(gross, document)}")
    elif net is not None:
        stated.append(f"remuneração mensal líquida declarada de {salary_words(net, document)}")
    evidence = f"{title}: " + "; ".join(filter(None, stated)) + "."
    end = parse_date(fields.get("end_date"))
    notes = {
        REASON_NOT_OWNED: "a declaração é de outro trabalhador",
        REASON_OUTDATED: f"emitida há mais de {DECLARATION_VALID_MONTHS} meses",
        REASON_ENDED: f"o contrato já terminou ({end:%d/%m/%Y})" if end else "o contrato já terminou",
        # A contrato a termo certo renews at its end unless one party ends it (Código do Trabalho, art. 149.º): the
        # declaration cannot say it will not, so a near end is stated with its day, never a risk.
        REASON_ENDING_SOON: (
            f"o contrato termina em {end:%d/%m/%Y}, nos próximos {ENDING_SOON_MONTHS} meses, salvo renovação"
            if end
            else f"o contrato termina nos próximos {ENDING_SOON_MONTHS} meses"
        ),
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


def probation_words(fields: dict[str, Any], *, today: dt.date) -> str:
    """'em período experimental até 30/04/2027 (Código do Trabalho ...)' while it lasts; '' once it is over or when
    none was declared. A length with no day to count it from is stated as the length."""
    last, days = parse_date(fields.get("probation_end_date")), fields.get("probation_days")
    if last is not None:
        return f"em período experimental até {last:%d/%m/%Y} ({PROBATION_WORDS})" if last >= today else ""
    return f"com período experimental de {days} dias ({PROBATION_WORDS})" if days else ""


def verify_employment_declarations(state: dict[str, Any]) -> dict[str, Any]:
    """Every declaration's check, the reasons worth stating, and the one that raises the risk.

    Reads ``state["documents"]``, ``state["applicant"]`` and ``state["today"]`` (ISO date) like the other
    nodes; returns ``{"checks": [...], "reasons": [...], "warnings": [...]}``: ``reasons`` are stated,
    ``warnings`` (``employment_contract_ended``, with the failed ``employment.contract_ongoing``) count as the
    income's do.
    """
    today = dt.date.fromisoformat(state["today"])
    applicant = state.get("applicant") or {}
    documents = state.get("documents") or []
    payslips = extracted(documents, PAYSLIP_KINDS)
    checks, reasons, warnings = [], [], []
    for document in extracted(documents, EMPLOYMENT_KINDS):
        found = declaration_reasons(document, applicant, payslips, today=today)
        checks.append(declaration_check(document, found, today=today))
        ended = REASON_ENDED in found and REASON_NOT_OWNED not in found
        if ended and not paid_after_the_end(document, payslips):
            # Kept among the reasons too: a household states it by whose it is (a guarantor's changes no risk);
            # a report that gives it as a reason for the risk does not state it again.
            checks.append(contract_ended_check(document))
            warnings.append(REASON_ENDED)
        reasons += found
    return {"checks": checks, "reasons": list(dict.fromkeys(reasons)), "warnings": list(dict.fromkeys(warnings))}
