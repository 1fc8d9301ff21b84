"""A month counted above its printed net says why (blind probe r54b): a salary advance the slip deducts is added back
to its regular net, and a net printed below zero counts as 0; neither is "one-off pay left out"."""

from __future__ import annotations

from decimal import Decimal

from tests.unit.test_rules import id_document, payslip, screen


def income_method(result: dict[str, object]) -> str:
    return str(result["income"]["method"])  # type: ignore[index]


def test_a_month_whose_advance_was_added_back_is_said_so() -> None:
    result = screen([
        id_document(),
        payslip("2026-10", net=767.40, regular_net_pay=1167.40, gross_pay=1517.62),
        payslip("2026-09", net=1167.40),
        payslip("2026-08", net=1167.40),
    ])  # fmt: skip
    assert Decimal(str(result["income"]["average_monthly_income"])) == Decimal("1167.40")
    method = income_method(result)
    assert "mês com adiantamento de vencimento descontado" in method
    assert "10/2026 contado 1 167,40 € em vez dos 767,40 € impressos" in method
    assert "pagamentos pontuais" not in method


def test_a_month_whose_net_is_negative_counts_as_nothing_and_is_said_so() -> None:
    result = screen([
        id_document(),
        payslip("2026-10", net=-170.26, regular_net_pay=-170.26, gross_pay=698.67, warnings=["net_negative"]),
        payslip("2026-09", net=1000.0),
        payslip("2026-08", net=1000.0),
    ])  # fmt: skip
    assert Decimal(str(result["income"]["average_monthly_income"])) == Decimal("666.67")
    method = income_method(result)
    assert "mês com líquido negativo (contado como 0): 10/2026 contado 0,00 € em vez dos -170,26 € impressos" in method
    assert "pagamentos pontuais" not in method
