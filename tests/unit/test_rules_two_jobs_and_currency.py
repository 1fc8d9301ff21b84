"""Payslips as agencies in Lisbon receive them: two jobs held together, and a salary paid in another currency.

The blind end-to-end probe of round 6 sent an applicant's payslips from two employers for the same three months
(a cleaning company's 700,00 and a restaurant's 534,00): only the first of each month counted, the income was
816,67 € instead of 1 439,67 €, the risk HIGH instead of LOW, and nothing said a job was left out. A remote
worker's UK payslip ("Net pay £2,500.00") counted as 2 916,67 €: read as euros and multiplied by 14 / 12.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line
from screening.rules.income import verify_income
from screening.rules.report import REASON_TEXT

TODAY = dt.date(2026, 12, 3)
NIF = "245718931"
APPLICANT = {"nif": NIF, "name": "Joana Ribeiro Matos", "date_of_birth": "1994-02-11", "income_profile": "EMPLOYEE"}
CLEANING = {"employer_name": "Limpezas Alfama, Lda.", "employer_nif": "501495347"}
RESTAURANT = {"employer_name": "Restaurante O Marinheiro, Unipessoal Lda.", "employer_nif": "508758467"}


def payslip(period: str, net: float, employer: dict[str, str], warnings: list[str] | None = None) -> dict[str, Any]:
    fields = {"employee_name": APPLICANT["name"], "employee_nif": NIF, "period": period, "net_pay": net,
              "gross_pay": round(net / 0.89, 2), **employer}  # fmt: skip
    return {"document_id": f"{employer['employer_nif']}-{period}", "status": "EXTRACTED", "kind": "RECIBO_VENCIMENTO",
            "fields": fields, "warnings": warnings or []}  # fmt: skip


def income(documents: list[dict[str, Any]]) -> dict[str, Any]:
    return verify_income({"applicant": APPLICANT, "today": TODAY.isoformat(), "documents": documents})


MONTHS = ("2026-09", "2026-10", "2026-11")


def test_two_jobs_held_in_the_same_months_are_added_up_and_the_method_says_so() -> None:
    result = income([*(payslip(m, 700.0, CLEANING) for m in MONTHS), *(payslip(m, 534.0, RESTAURANT) for m in MONTHS)])
    # (700 + 534) x 14 / 12 = 1439.666... -> 1439.67
    assert Decimal(result["average_monthly_income"]) == Decimal("1439.67")
    assert result["verified"] and result["months"] == sorted(MONTHS, reverse=True)
    assert "somando 2 empregadores" in result["method"]


def test_the_same_employers_second_payslip_of_a_month_counts_once() -> None:
    """A copy or a correction: by NIF, by name without its legal form, or by the same amounts under another name.
    (A guard: one payslip a month counted before too.)"""
    renamed = {"employer_name": "LIMPEZAS ALFAMA LDA", "employer_nif": ""}
    misread = {"employer_name": "Limpezas Alfarna", "employer_nif": ""}
    documents = [*(payslip(m, 700.0, CLEANING) for m in MONTHS), payslip("2026-11", 705.0, CLEANING),
                 payslip("2026-10", 712.0, renamed), payslip("2026-09", 700.0, misread)]  # fmt: skip
    assert Decimal(income(documents)["average_monthly_income"]) == Decimal("816.67")


def test_a_second_employer_in_one_month_only_is_no_second_income() -> None:
    """A job left or started within a month (a final settlement, a first pay) is not counted beside the other.
    (A guard: one payslip a month counted before too.)"""
    documents = [*(payslip(m, 700.0, CLEANING) for m in MONTHS), payslip("2026-11", 1900.0, RESTAURANT)]
    result = income(documents)
    assert Decimal(result["average_monthly_income"]) == Decimal("816.67")
    assert "empregadores" not in result["method"]


def test_a_payslip_whose_employer_cannot_be_compared_is_never_added() -> None:
    """A guard: one payslip a month counted before too."""
    unknown = {"employer_name": "", "employer_nif": ""}
    documents = [*(payslip(m, 700.0, CLEANING) for m in MONTHS), *(payslip(m, 534.0, unknown) for m in MONTHS)]
    assert Decimal(income(documents)["average_monthly_income"]) == Decimal("816.67")


def test_a_payslip_paid_in_another_currency_is_not_counted_and_says_why() -> None:
    uk = {"employer_name": "Northwind Digital Ltd", "employer_nif": ""}
    result = income([payslip(m, 2500.0, uk, ["currency_not_eur"]) for m in MONTHS])
    failed = [c for c in result["checks"] if c["name"] == "income.payslip_in_euros" and not c["passed"]]
    assert len(failed) == 3 and "outra moeda" in failed[0]["evidence"]
    assert result["average_monthly_income"] is None and not result["verified"]
    assert "currency_not_eur" in result["warnings"]
    assert "recibo ou pensão" in REASON_TEXT["currency_not_eur"]


ENGLISH_SLIP = """Northwind Digital Ltd
PAYSLIP - October 2026
Employee: Joana Ribeiro Matos
All amounts in GBP
Basic salary 3,400.00
Gross pay 3,400.00
Income tax 580.00
National Insurance 320.00
Total deductions 900.00
Net pay £2,500.00"""

PORTUGUESE_SLIP = """Limpezas Alfama, Lda. NIF 501495347
Recibo de Vencimento - Outubro 2026
Nome: Joana Ribeiro Matos NIF: 245718931
Vencimento base 786,52
Total ilíquido 786,52
Segurança Social 86,52
Total descontos 86,52
Líquido a receber 700,00"""


def test_a_payslip_in_pounds_is_flagged_and_a_portuguese_one_with_bare_amounts_or_in_euros_is_not() -> None:
    def warnings(text: str) -> list[str]:
        return parse_payslip([Line(line) for line in text.splitlines()]).warnings

    assert "currency_not_eur" in warnings(ENGLISH_SLIP)
    assert "currency_not_eur" in warnings(ENGLISH_SLIP.replace("All amounts in GBP\n", ""))
    assert "currency_not_eur" not in warnings(PORTUGUESE_SLIP)
    assert "currency_not_eur" not in warnings(PORTUGUESE_SLIP.replace("700,00", "700,00 €"))
    assert "currency_not_eur" not in warnings(PORTUGUESE_SLIP + "\nTaxa de câmbio USD não aplicável 0,00 €")


def test_another_countrys_payslip_in_euros_counts_at_twelve_payments_a_year() -> None:
    """A French or German salary is paid 12 times, not a Portuguese one's 14 (the extraction says
    ``foreign_payslip``): 2 400 x 12 / 12, not x 14 / 12."""
    paris = {"employer_name": "Atelier Lumière SAS", "employer_nif": ""}
    result = income([payslip(m, 2400.0, paris, ["foreign_payslip"]) for m in MONTHS])
    assert Decimal(result["average_monthly_income"]) == Decimal("2400.00")
    assert result["verified"] and "outro país" in result["method"]
    mixed = income([*(payslip(m, 700.0, CLEANING) for m in MONTHS), *(payslip(m, 600.0, paris, ["foreign_payslip"])
                                                                        for m in MONTHS)])  # fmt: skip
    # 700 x 14 / 12 + 600 = 816.666... + 600 -> 1416.67
    assert Decimal(mixed["average_monthly_income"]) == Decimal("1416.67")
