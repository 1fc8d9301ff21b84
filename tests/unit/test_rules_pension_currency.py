"""A pension statement the extraction flags ``currency_not_eur`` (a Swiss, British or Brazilian pension paid in
its own currency) is not counted as so many euros: its check fails with the reason, the others still count, and
the risk lists it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from screening.rules.income import verify_income

TODAY = dt.date(2026, 11, 23)
NIF = "245718931"


def pension(document_id: str, net: float, issuer: str, warnings: list[str] | None = None) -> dict[str, Any]:
    fields = {"pensioner_nif": NIF, "issuer": issuer, "issue_date": "2026-10-15", "gross_monthly_amount": net,
              "deductions": 0.0, "net_monthly_amount": net, "payments_per_year": 12}  # fmt: skip
    return {"document_id": document_id, "status": "EXTRACTED", "kind": "DECLARACAO_PENSAO", "fields": fields,
            "warnings": warnings or []}  # fmt: skip


def income(documents: list[dict[str, Any]]) -> dict[str, Any]:
    applicant = {"nif": NIF, "name": "Maria João Santos", "date_of_birth": "1950-01-01", "income_profile": "RETIRED"}
    return verify_income({"applicant": applicant, "today": TODAY.isoformat(), "documents": documents})


def test_a_pension_in_another_currency_is_not_counted_and_says_why() -> None:
    result = income([pension("ss", 800.0, "SEGURANCA_SOCIAL"), pension("avs", 1146.0, "", ["currency_not_eur"])])
    foreign = next(c for c in result["checks"] if c["name"] == "income.pension_in_euros" and not c["passed"])
    assert foreign["document_id"] == "avs"
    assert "outra moeda" in foreign["evidence"]
    assert Decimal(result["average_monthly_income"]) == Decimal("800.00")
    assert "currency_not_eur" in result["warnings"]


def test_pensions_in_euros_pass_the_check() -> None:
    result = income([pension("ss", 800.0, "SEGURANCA_SOCIAL")])
    assert all(c["passed"] for c in result["checks"] if c["name"] == "income.pension_in_euros")
    assert "currency_not_eur" not in result["warnings"]


def test_a_years_declaration_printing_no_month_counts_its_annual_amount_over_twelve() -> None:
    """The declaration a pensioner is sent for the IRS return prints the year's gross only (round 21 taught the
    parser to read it as ``annual_amount``): the rules counted only monthly amounts, so it proved nothing."""
    year = pension("ss", 0.0, "SEGURANCA_SOCIAL")
    for name in ("gross_monthly_amount", "deductions", "net_monthly_amount", "payments_per_year"):
        year["fields"].pop(name)
    year["fields"]["annual_amount"] = 11894.40
    result = income([year])
    assert Decimal(result["average_monthly_income"]) == Decimal("991.20")
    assert all(c["passed"] for c in result["checks"] if c["document_id"] == "ss")
    assert "anual" in result["method"] and "ilíquidos" in result["method"]
