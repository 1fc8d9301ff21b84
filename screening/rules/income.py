"""Income: one check per function, composed by ``verify_income`` (the graph's second node).

Payslips prove income month by month: the latest ``REQUIRED_PAYSLIP_MONTHS``
distinct months within ``PAYSLIP_WINDOW_MONTHS``. A recent IRS document of the
applicant proves it for a year. Each check returns one check dict; the node
decides what counts towards the average.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from documents.extraction.schema import PAYSLIP_KINDS, TAX_KINDS
from screening.rules.common import check, extracted, money, quantize
from screening.rules.names import name_match

PAYSLIP_WINDOW_MONTHS = 6
REQUIRED_PAYSLIP_MONTHS = 3

Document = dict[str, Any]
Check = dict[str, Any]


def verify_income(state: dict[str, Any]) -> dict[str, Any]:
    """Node: every payslip and IRS document checked, then the monthly income and where it came from."""
    applicant = state["applicant"]
    today = dt.date.fromisoformat(state["today"])
    payslips = [(d, payslip_checks(d, applicant, today=today)) for d in extracted(state["documents"], PAYSLIP_KINDS)]
    taxes = [(d, tax_document(d, applicant, today=today)) for d in extracted(state["documents"], TAX_KINDS)]
    monthly_net = monthly_net_income(payslips)
    months = sorted(monthly_net, reverse=True)
    tax_income = next((tax_monthly_income(d) for d, tax_check in taxes if tax_check["passed"]), None)
    verified_by_payslips = len(months) >= REQUIRED_PAYSLIP_MONTHS
    average, source = average_monthly_income(monthly_net, tax_income)
    payslip_results = [c for _, checks in payslips for c in checks]
    payslip_owned = any(checks[0]["passed"] for _, checks in payslips)
    return {
        "verified": verified_by_payslips or tax_income is not None,
        "attributable": payslip_owned or any(tax_owned(d, applicant) for d, _ in taxes),
        "months_verified": len(months),
        "months": months[:REQUIRED_PAYSLIP_MONTHS] if verified_by_payslips else months,
        "average_monthly_income": None if average is None else str(average),
        "source": source,
        "checks": [*payslip_results, payslip_months(len(months)), *(tax_check for _, tax_check in taxes)],
        # One per payslip whose amounts do not add up: affordability lists it as a reason.
        "warnings": [
            "arithmetic_mismatch"
            for c in payslip_results
            if c["name"] == "income.payslip_arithmetic" and not c["passed"]
        ],
    }


# --- Payslips ------------------------------------------------------------------------------


def payslip_checks(document: Document, applicant: dict[str, Any], *, today: dt.date) -> list[Check]:
    """Owner, then arithmetic, then recency, stopping at the first that fails."""
    checks = [payslip_owner(document, applicant)]
    if checks[-1]["passed"]:
        checks.append(payslip_arithmetic(document))
    if checks[-1]["passed"]:
        checks.append(payslip_recent(document, today=today))
    return checks


def payslip_label(document: Document) -> str:
    return f"Recibo {document['fields'].get('period') or '(período não lido)'}"


def payslip_owner(document: Document, applicant: dict[str, Any]) -> Check:
    """The payslip is the applicant's: by NIF when printed, else by name."""
    fields = document["fields"]
    owner, how = attributable(applicant, fields.get("employee_nif"), fields.get("employee_name"))
    by_nif = how == "nif"
    return check(
        "income.payslip_owner",
        owner,
        f"{payslip_label(document)}: {'pertence' if owner else 'não pertence'} ao candidato (por {'NIF' if by_nif else 'nome'}).",
        document_id=document["document_id"],
        field="employee_nif" if by_nif else "employee_name",
        value=fields.get("employee_nif") if by_nif else fields.get("employee_name"),
        expected=applicant["nif"] if by_nif else applicant["name"],
    )


def payslip_arithmetic(document: Document) -> Check:
    """Net pay was read and extraction found gross minus deductions equal to it (no ``arithmetic_mismatch``)."""
    net = money(document["fields"].get("net_pay"))
    consistent = "arithmetic_mismatch" not in document.get("warnings", []) and net is not None
    return check(
        "income.payslip_arithmetic",
        consistent,
        f"{payslip_label(document)}: ilíquido menos descontos {'igual' if consistent else 'diferente'} do líquido.",
        document_id=document["document_id"],
        field="net_pay",
        value=net,
    )


def payslip_recent(document: Document, *, today: dt.date) -> Check:
    """The payslip's month is this month or one of the previous ``PAYSLIP_WINDOW_MONTHS``."""
    period = document["fields"].get("period")
    recent = period is not None and 0 <= months_ago(period, today) <= PAYSLIP_WINDOW_MONTHS
    return check(
        "income.payslip_recent",
        recent,
        f"{payslip_label(document)}: {'dentro' if recent else 'fora'} dos últimos {PAYSLIP_WINDOW_MONTHS} meses.",
        document_id=document["document_id"],
        field="period",
        value=period,
    )


def payslip_months(months_verified: int) -> Check:
    """Enough distinct months of payslips that passed every check."""
    return check(
        "income.payslip_months",
        months_verified >= REQUIRED_PAYSLIP_MONTHS,
        f"{months_verified} mês(es) distintos de recibos válidos (necessários {REQUIRED_PAYSLIP_MONTHS}).",
        value=months_verified,
        expected=REQUIRED_PAYSLIP_MONTHS,
    )


def monthly_net_income(payslips: list[tuple[Document, list[Check]]]) -> dict[str, Decimal]:
    """Regular net pay by month (``YYYY-MM``) of the payslips that passed all their checks; a month's first wins.

    A June or December payslip carrying a lump *subsídio* is counted at its
    regular net (``regular_net_pay``, read without the subsidy), so a subsidy
    month never inflates the average; payslips without it count their net.
    """
    monthly: dict[str, Decimal] = {}
    for document, checks in payslips:
        fields = document["fields"]
        net = money(
            fields.get("regular_net_pay") if fields.get("regular_net_pay") is not None else fields.get("net_pay")
        )
        # The recency check runs last, only after the others passed.
        if checks[-1]["name"] == "income.payslip_recent" and checks[-1]["passed"] and net is not None:
            monthly.setdefault(document["fields"]["period"], net)
    return monthly


def months_ago(period: str, today: dt.date) -> int:
    year, month = (int(part) for part in period.split("-"))
    return (today.year * 12 + today.month) - (year * 12 + month)


# --- Tax documents -------------------------------------------------------------------------


def tax_document(document: Document, applicant: dict[str, Any], *, today: dt.date) -> Check:
    """Usable IRS document: the applicant's, of an accepted year, with the gross income read."""
    fields = document["fields"]
    owner, how = attributable(applicant, fields.get("taxpayer_nif"), fields.get("taxpayer_name"))
    year = fields.get("year")
    usable = owner and year in tax_years_accepted(today) and money(fields.get("gross_income")) is not None
    return check(
        "income.tax_document",
        usable,
        f"Documento de IRS de {year or '(ano não lido)'}: {'identifica o candidato e é do último ano' if usable else 'não utilizável (titular ou ano)'}.",
        document_id=document["document_id"],
        field="taxpayer_nif" if how == "nif" else "taxpayer_name",
        value=year,
        expected=sorted(tax_years_accepted(today)),
    )


def tax_owned(document: Document, applicant: dict[str, Any]) -> bool:
    """The IRS document is the applicant's, whatever its year: income is then attributable."""
    fields = document["fields"]
    return attributable(applicant, fields.get("taxpayer_nif"), fields.get("taxpayer_name"))[0]


def tax_years_accepted(today: dt.date) -> set[int]:
    # IRS is filed April-June: until July, the year before last is the latest one a person can have.
    return {today.year - 1} | ({today.year - 2} if today.month < 7 else set())


def tax_monthly_income(document: Document) -> Decimal | None:
    """Gross income minus tax paid, over twelve months."""
    gross, tax = money(document["fields"].get("gross_income")), money(document["fields"].get("tax_paid"))
    if gross is None:
        return None
    return quantize((gross - (tax or Decimal(0))) / 12)


# --- Both ----------------------------------------------------------------------------------


def attributable(applicant: dict[str, Any], nif: str | None, name: str | None) -> tuple[bool, str]:
    """By NIF when printed, else by name; returns (attributable, how)."""
    if nif:
        return nif == applicant["nif"], "nif"
    if name:
        return name_match(applicant["name"], name) != "none", "name"
    return False, "none"


def average_monthly_income(monthly_net: dict[str, Decimal], tax_income: Decimal | None) -> tuple[Decimal | None, str]:
    """The latest required months of payslips, else the IRS document, else the fewer payslips there are.

    Returns the average and its source: ``payslips``, ``tax``, ``partial_payslips`` or ``none``.
    """
    months = sorted(monthly_net, reverse=True)
    if len(months) >= REQUIRED_PAYSLIP_MONTHS:
        return mean([monthly_net[m] for m in months[:REQUIRED_PAYSLIP_MONTHS]]), "payslips"
    if tax_income is not None:
        return tax_income, "tax"
    if months:
        return mean([monthly_net[m] for m in months]), "partial_payslips"
    return None, "none"


def mean(values: list[Decimal]) -> Decimal:
    return quantize(sum(values, Decimal(0)) / len(values))
