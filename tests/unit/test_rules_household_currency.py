"""An income in another currency is a reason for the risk only while it is needed (blind probe r66c, F1).

A couple whose lead was paid in pounds (payslips not counted, ``currency_not_eur``) and whose co-tenant's euro
income alone met the agency's recommended limit was rated MEDIUM by the currency warning, where a tenant whose proofs
did not count "does not by itself raise the risk". The warning is there for a person to convert an income the product
cannot count: that matters when the income counted does not meet the limit, and the report states it otherwise.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from screening.rules.affordability import assess_affordability
from screening.rules.household import assess_household_node, household_report, verify_incomes
from screening.rules.income import verify_income
from screening.rules.report import REASON_TEXT, generate_report

TODAY = dt.date(2026, 12, 4)
MONTHS = ("2026-09", "2026-10", "2026-11")
THRESHOLDS = {"dti_high": "0.400", "dti_medium": "0.350", "dti_guarantor": "0.300", "sale_loan_to_value": "0.900",
              "sale_annual_interest_rate": "0.0400", "sale_loan_term_years": 30}  # fmt: skip
LEAD = {"nif": "245718931", "name": "Duarte Vilaça Amaral", "date_of_birth": "1991-05-02", "income_profile": "EMPLOYEE"}
PARTNER = {"nif": "232014556", "name": "Leonor Faria Quintas", "date_of_birth": "1993-08-17",
           "income_profile": "EMPLOYEE"}  # fmt: skip
LONDON = {"employer_name": "Harbourline Analytics Ltd", "employer_nif": ""}
PORTO = {"employer_name": "Tecelagem Ribeirinha, S.A.", "employer_nif": "501495347"}
CURRENCY = REASON_TEXT["currency_not_eur"]


def payslip(who: dict[str, str], period: str, net: float, employer: dict[str, str], warnings: list[str] | None = None
            ) -> dict[str, Any]:  # fmt: skip
    fields = {"employee_name": who["name"], "employee_nif": who["nif"], "period": period, "net_pay": net,
              "gross_pay": round(net / 0.89, 2), **employer}  # fmt: skip
    return {"document_id": f"{who['nif']}-{employer['employer_name'][:4]}-{period}", "status": "EXTRACTED",
            "kind": "RECIBO_VENCIMENTO", "fields": fields, "warnings": warnings or []}  # fmt: skip


def in_pounds(who: dict[str, str]) -> list[dict[str, Any]]:
    return [payslip(who, m, 3100.0, LONDON, ["currency_not_eur"]) for m in MONTHS]


def in_euros(who: dict[str, str], net: float) -> list[dict[str, Any]]:
    return [payslip(who, m, net, PORTO) for m in MONTHS]


def couple(rent: str) -> tuple[dict[str, Any], str]:
    """The lead paid in pounds, the co-tenant 1 290,00 € net a month (x 14 / 12 = 1 505,00 €): the application's
    affordability and report."""
    members = [
        {"applicant_id": "lead", "role": "TENANT", "applicant": LEAD, "documents": in_pounds(LEAD)},
        {"applicant_id": "co", "role": "CO_TENANT", "applicant": PARTNER, "documents": in_euros(PARTNER, 1290.0)},
    ]
    return household_screened(members, rent=rent)


def household_screened(members: list[dict[str, Any]], *, rent: str) -> tuple[dict[str, Any], str]:
    """The household's affordability and report's justification for a rent, every member's identity verified."""
    state: dict[str, Any] = {"thresholds": THRESHOLDS, "property": {"listing_type": "ARRENDAMENTO", "price": rent},
                             "today": TODAY.isoformat(), "members": members,
                             "identity": {"members": {m["applicant_id"]: {"verified": True, "warnings": []}
                                                     for m in members}}}  # fmt: skip
    state["income"] = verify_incomes(state)
    state["affordability"] = assess_household_node(state)
    return state["affordability"], str(household_report(state)["justification"])


def test_a_tenant_paid_in_pounds_beside_one_whose_euros_meet_the_limit_is_low_and_stated() -> None:
    # 500 / 1 505,00 = 0.3322 <= 0.35.
    affordability, report = couple("500")
    assert affordability["household_monthly_income"] == "1505.00"
    assert affordability["dti_ratio"] == "0.3322"
    assert affordability["risk_level"] == "LOW"
    assert "currency_not_eur" not in affordability["reasons"]
    assert "Motivos" not in report
    # Still said, and whose: the lead's income in another currency was not counted.
    assert f"A ponderar (não altera o risco): arrendatário principal: {CURRENCY}." in report
    assert "Sem rendimento comprovado, fora da soma: arrendatário principal." in report


def test_a_tenant_paid_in_pounds_is_a_reason_while_the_others_income_is_not_enough() -> None:
    # 560 / 1 505,00 = 0.3721 > 0.35: the income in pounds converted could make it LOW, a person should look.
    affordability, report = couple("560")
    assert affordability["risk_level"] == "MEDIUM"
    assert affordability["reasons"] == ["dti_above_medium", "currency_not_eur"]
    assert CURRENCY in report.split("Motivos: ")[1]
    assert "A ponderar" not in report


def single(documents: list[dict[str, Any]], rent: str) -> tuple[dict[str, Any], str]:
    state: dict[str, Any] = {"thresholds": THRESHOLDS, "property": {"listing_type": "ARRENDAMENTO", "price": rent},
                             "identity": {"verified": True, "warnings": []},
                             "income": verify_income({"applicant": LEAD, "today": TODAY.isoformat(),
                                                      "documents": documents})}  # fmt: skip
    state["affordability"] = assess_affordability(state)
    return state["affordability"], str(generate_report(state)["justification"])


def test_one_applicant_paid_only_in_pounds_keeps_a_high_risk_with_the_currency_among_its_reasons() -> None:
    """A guard: unchanged by the fix (no income counted, no ratio: HIGH, the currency named)."""
    affordability, report = single(in_pounds(LEAD), "900")
    assert affordability["dti_ratio"] is None
    assert affordability["risk_level"] == "HIGH"
    assert affordability["reasons"] == ["income_unknown", "currency_not_eur"]
    assert CURRENCY in report.split("Motivos: ")[1]
    assert "A ponderar" not in report


def test_one_applicant_whose_euro_salary_meets_the_limit_and_a_second_job_in_pounds_is_low_and_stated() -> None:
    # 1 290,00 x 14 / 12 = 1 505,00; 500 / 1 505,00 = 0.3322: the job in pounds is not needed.
    affordability, report = single([*in_euros(LEAD, 1290.0), *in_pounds(LEAD)], "500")
    assert affordability["risk_level"] == "LOW"
    assert affordability["reasons"] == []
    assert f"A ponderar (não altera o risco): {CURRENCY}." in report


def test_a_guarantor_paid_in_pounds_is_said_to_be_paid_so_not_short_of_income() -> None:
    """Round 66C left it: a fiador whose payslips were in pounds was told "faltam 3 332,78 € de rendimento mensal",
    as if they earned nothing. The tenant alone (1 505,00 €) is above the limit for 900 €, and the guarantor cannot
    lower it: still said, with why the guarantor's income is not counted (2 999,51 €: the least income whose ratio
    rounds within the 30 % limit)."""
    members = [
        {"applicant_id": "lead", "role": "TENANT", "applicant": PARTNER, "documents": in_euros(PARTNER, 1290.0)},
        {"applicant_id": "fiador", "role": "GUARANTOR", "applicant": LEAD, "documents": in_pounds(LEAD)},
    ]
    state: dict[str, Any] = {"thresholds": THRESHOLDS, "property": {"listing_type": "ARRENDAMENTO", "price": "900"},
                             "today": TODAY.isoformat(), "members": members,
                             "identity": {"members": {m["applicant_id"]: {"verified": True, "warnings": []}
                                                     for m in members}}}  # fmt: skip
    state["income"] = verify_incomes(state)
    state["affordability"] = assess_household_node(state)
    report = str(household_report(state)["justification"])
    assert "guarantor_income_not_proven" in state["affordability"]["reasons"]
    assert (
        "O fiador não tem rendimento comprovado em euros (é pago noutra moeda e não foi contado: o valor em euros fica "
        "para quem decide) e não pode garantir a renda: seriam necessários 2 999,51 € de rendimento mensal." in report
    )
    assert "faltam" not in report
    verdict = next(c for c in state["affordability"]["checks"] if c["name"] == "household.guarantor_covers")
    assert "é pago noutra moeda" in verdict["evidence"]
