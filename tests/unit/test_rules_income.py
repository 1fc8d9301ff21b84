"""Each income check on its own, then how the node turns the passing ones into a monthly income."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from screening.rules.income import (
    Source,
    employment_source,
    income_total,
    monthly_net_income,
    payslip_arithmetic,
    payslip_checks,
    payslip_months,
    payslip_owner,
    payslip_recent,
    tax_document,
    tax_monthly_income,
)

TODAY = dt.date(2026, 11, 23)
NIF = "245718931"
APPLICANT = {"nif": NIF, "name": "Maria João Santos", "date_of_birth": "1990-06-15"}


def payslip(
    period: str | None = "2026-10", net: float | None = 2000.0, warnings: list[str] | None = None, **overrides: Any
) -> dict[str, Any]:
    fields = {"employee_name": "Maria João Santos", "employee_nif": NIF, "period": period, "net_pay": net}
    fields.update(overrides)
    return {
        "document_id": f"p-{period}",
        "status": "EXTRACTED",
        "kind": "RECIBO_VENCIMENTO",
        "fields": fields,
        "warnings": warnings or [],
    }


def tax(
    year: int | None = 2025, gross: float | None = 36000.0, paid: float | None = 6000.0, **overrides: Any
) -> dict[str, Any]:
    fields = {"taxpayer_name": None, "taxpayer_nif": NIF, "year": year, "gross_income": gross, "tax_paid": paid}
    fields.update(overrides)
    return {"document_id": "irs", "status": "EXTRACTED", "kind": "DECLARACAO_IRS", "fields": fields, "warnings": []}


# --- Payslip checks ------------------------------------------------------------------------


def test_payslip_owner_passes_by_nif_when_the_nif_is_the_applicants() -> None:
    result = payslip_owner(payslip(), APPLICANT)
    assert result["name"] == "income.payslip_owner"
    assert result["passed"]
    assert (result["field"], result["expected"]) == ("employee_nif", NIF)


def test_payslip_owner_fails_when_the_payslip_nif_is_someone_elses_even_if_the_name_matches() -> None:
    result = payslip_owner(payslip(employee_nif="123456789"), APPLICANT)
    assert not result["passed"]
    # Not counted, and not called another person's: the name is the applicant's (cases probe 15, K05).
    assert "em nome do candidato, mas com outro NIF que não o indicado" in result["evidence"]


def test_payslip_owner_falls_back_to_the_name_when_no_nif_is_printed() -> None:
    assert payslip_owner(payslip(employee_nif=None), APPLICANT)["field"] == "employee_name"
    assert payslip_owner(payslip(employee_nif=None), APPLICANT)["passed"]
    assert not payslip_owner(payslip(employee_nif=None, employee_name="Ana Sousa"), APPLICANT)["passed"]


def test_payslip_owner_fails_when_neither_nif_nor_name_was_read() -> None:
    assert not payslip_owner(payslip(employee_nif=None, employee_name=None), APPLICANT)["passed"]


def test_payslip_arithmetic_fails_when_extraction_flagged_a_mismatch() -> None:
    result = payslip_arithmetic(payslip(warnings=["arithmetic_mismatch"]))
    assert result["name"] == "income.payslip_arithmetic"
    assert not result["passed"]
    assert "diferente do líquido" in result["evidence"]


def test_payslip_arithmetic_fails_when_net_pay_was_not_read() -> None:
    assert not payslip_arithmetic(payslip(net=None))["passed"]
    assert payslip_arithmetic(payslip(net=1554.0))["value"] == "1554.0"


def test_payslip_recent_accepts_six_months_back_and_refuses_seven() -> None:
    assert payslip_recent(payslip("2026-05"), today=TODAY)["passed"]
    assert not payslip_recent(payslip("2026-04"), today=TODAY)["passed"]


def test_payslip_recent_refuses_a_future_month_and_an_unread_period() -> None:
    assert not payslip_recent(payslip("2026-12"), today=TODAY)["passed"]
    assert not payslip_recent(payslip(None), today=TODAY)["passed"]
    assert "(período não lido)" in payslip_recent(payslip(None), today=TODAY)["evidence"]


def test_payslip_months_needs_three_distinct_months() -> None:
    assert not payslip_months(2)["passed"]
    result = payslip_months(3)
    assert result["passed"]
    assert (result["name"], result["value"], result["expected"]) == ("income.payslip_months", "3", "3")


def test_payslip_checks_stop_at_the_first_failing_check() -> None:
    names = [c["name"] for c in payslip_checks(payslip(employee_nif="123456789"), APPLICANT, today=TODAY)]
    assert names == ["income.payslip_owner"]
    names = [c["name"] for c in payslip_checks(payslip(warnings=["arithmetic_mismatch"]), APPLICANT, today=TODAY)]
    assert names == ["income.payslip_owner", "income.payslip_in_euros", "income.payslip_arithmetic"]
    names = [c["name"] for c in payslip_checks(payslip(warnings=["currency_not_eur"]), APPLICANT, today=TODAY)]
    assert names == ["income.payslip_owner", "income.payslip_in_euros"]
    assert len(payslip_checks(payslip(), APPLICANT, today=TODAY)) == 4


def test_monthly_net_income_counts_only_fully_checked_payslips_and_the_first_of_each_month() -> None:
    documents = [
        payslip("2026-10", 2000.0),
        payslip("2026-10", 9999.0),
        payslip("2026-04", 5000.0),
        payslip("2026-09", 1800.0),
    ]
    checked = [(d, payslip_checks(d, APPLICANT, today=TODAY)) for d in documents]
    assert monthly_net_income(checked) == {"2026-10": Decimal("2000.0"), "2026-09": Decimal("1800.0")}


def test_a_subsidy_month_counts_its_regular_net_not_the_inflated_one() -> None:
    # December with the subsídio de Natal: 3800 paid, 2000 of it the regular month.
    documents = [payslip("2026-10", 2000.0), payslip("2026-09", 2000.0, regular_net_pay=2000.0, net_pay=3800.0)]
    checked = [(d, payslip_checks(d, APPLICANT, today=TODAY)) for d in documents]
    assert monthly_net_income(checked) == {"2026-10": Decimal("2000.0"), "2026-09": Decimal("2000.0")}


# --- Tax documents -------------------------------------------------------------------------


def test_tax_document_is_usable_when_it_is_the_applicants_of_last_year_with_income_read() -> None:
    result = tax_document(tax(2025), APPLICANT, today=TODAY)
    assert result["name"] == "income.tax_document"
    assert result["passed"]
    assert result["expected"] == "[2025]"


def test_tax_document_accepts_the_year_before_last_only_until_july() -> None:
    assert tax_document(tax(2024), APPLICANT, today=dt.date(2026, 6, 30))["passed"]
    assert not tax_document(tax(2024), APPLICANT, today=dt.date(2026, 7, 1))["passed"]


def test_tax_document_fails_for_another_taxpayer_or_without_gross_income() -> None:
    assert not tax_document(tax(taxpayer_nif="123456789"), APPLICANT, today=TODAY)["passed"]
    assert not tax_document(tax(gross=None), APPLICANT, today=TODAY)["passed"]


def test_tax_document_whose_totals_are_not_their_parts_is_not_counted() -> None:
    # Blind probe r56b: a nota whose rendimento coletável was 1 500 € above its gross less the dedução específica
    # counted, though a payslip that does not add up does not.
    document = {**tax(2025), "warnings": ["arithmetic_mismatch"]}
    result = tax_document(document, APPLICANT, today=TODAY)
    assert not result["passed"]
    assert "os totais não batem certo" in result["evidence"]


def test_tax_monthly_income_is_income_minus_tax_over_twelve() -> None:
    assert tax_monthly_income(tax(gross=36000.0, paid=6000.0)) == Decimal("2500.00")
    assert tax_monthly_income(tax(gross=12000.0, paid=None)) == Decimal("1000.00")


# --- Average -------------------------------------------------------------------------------


def checked(documents: list[dict[str, Any]]) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    return [(d, payslip_checks(d, APPLICANT, today=TODAY)) for d in documents]


def test_employment_averages_the_latest_three_months_annualised_over_fourteen_payments() -> None:
    documents = [payslip(p, net) for p, net in (("2026-10", 3000.0), ("2026-09", 2000.0), ("2026-08", 1000.0))]
    source = employment_source(checked([*documents, payslip("2026-07", 9000.0)]))
    assert source.verified
    # (3000 + 2000 + 1000) x 14 / (12 x 3) = 84000 / 36 = 2333.333... -> 2333.33
    assert source.monthly == Decimal("2333.33")
    assert source.method.startswith("vencimento regular x 14 / 12")


def test_duodecimos_paid_monthly_are_not_annualised_again() -> None:
    documents = [payslip(p, 2000.0, subsidy_twelfths_amount=333.34) for p in ("2026-10", "2026-09", "2026-08")]
    source = employment_source(checked(documents))
    assert source.monthly == Decimal("2000.00")
    assert "duodécimos" in source.method


def test_income_total_prefers_proven_sources_then_tax_then_partial() -> None:
    proven = Source("payslips", True, Decimal("2000.00"), "m")
    partial = Source("payslips", False, Decimal("1500.00"), "m")
    assert income_total([proven], Decimal(100))[:2] == (Decimal("2000.00"), "payslips")
    assert income_total([partial], Decimal("2500.00"))[:2] == (Decimal("2500.00"), "tax")
    assert income_total([partial], None) == (Decimal("1500.00"), "partial_payslips", "m", True)
    assert income_total([], None)[:2] == (None, "none")


def test_two_proven_sources_add_up() -> None:
    sources = [Source("payslips", True, Decimal("1200.00"), "a"), Source("pension", True, Decimal("300.50"), "b")]
    total, name, method, partial = income_total(sources, None)
    assert (total, name, partial) == (Decimal("1500.50"), "mixed", False)
    assert method == "a (1 200,00 €) + b (300,50 €)"


def test_the_months_still_needed_agree_with_their_number() -> None:
    """The cases probe read "mais 1 mês(es) distintos"."""
    assert payslip_months(1)["evidence"].startswith("1 mês distinto de recibos válidos")
    assert payslip_months(2)["evidence"].startswith("2 meses distintos de recibos válidos")
