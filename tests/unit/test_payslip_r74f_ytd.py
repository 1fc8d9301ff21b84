"""Blind probe r74f F1: a coded payslip table "Cód. | Descrição | Qtd./Base | Abonos | Descontos | Acum. ano" read its
deductions from the year-to-date column. The heading's cut caption "Acum. ano" was not taken for a year-to-date column,
and a percentage in a row's label ("CGA - quota (11%)") was taken for a quantity, so that in November (11 months
elapsed) the year's total, 11 times the month's, read as quantity times rate, the month's amount. Lines of our own
wording; names and numbers of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line

HEAD = (
    "Junta de Freguesia de Vale Fundo",
    "NIPC 600873412",
    "NOTA DE ABONOS E DESCONTOS",
    "Trabalhador: Carla Sofia Antunes",
    "NIF: 249135787",
)


def lines_of(*texts: str, confidence: float = 1.0) -> list[Line]:
    return [Line(text, confidence) for text in texts]


def coded_table(
    month: str, months: int, heading: str = "Cód. Descrição Qtd./Base Abonos Descontos Acum. ano"
) -> list[str]:
    """A month's coded table with its year's column: each amount times the months elapsed."""
    rows = [("100 Remuneração base", "1.500,00"), ("105 Suplemento de função", "100,00"),
            ("500 CGA - quota (11%)", "176,00"), ("505 ADSE (3,5%)", "56,00"), ("510 IRS", "190,00")]  # fmt: skip
    printed = [f"{label} {amount} {money(months * decimal_of(amount))}" for label, amount in rows]
    return [*HEAD, f"Período: {month} de 2026", heading, *printed, "Total 1.600,00 422,00", "Valor líquido: 1.178,00 €"]


def decimal_of(printed: str) -> Decimal:
    return Decimal(printed.replace(".", "").replace(",", "."))


def money(value: Decimal) -> str:
    whole, cents = f"{value:.2f}".split(".")
    return f"{int(whole):,}".replace(",", ".") + "," + cents


@pytest.mark.parametrize(("month", "months"), [("Setembro", 9), ("Outubro", 10), ("Novembro", 11), ("Março", 3)])
def test_a_cut_year_to_date_caption_keeps_the_months_deductions(month: str, months: int) -> None:
    parsed = parse_payslip(lines_of(*coded_table(month, months)))
    assert parsed.fields["gross_pay"] == Decimal("1600.00")
    assert parsed.fields["social_security"] == Decimal("176.00")
    assert parsed.fields["irs_withholding"] == Decimal("190.00")
    assert parsed.fields["net_pay"] == Decimal("1178.00")
    assert "arithmetic_mismatch" not in parsed.warnings


def test_a_scans_cut_caption_with_a_stray_letter_keeps_the_months_deductions() -> None:
    """OCR reads a mark after the last caption as a letter ("Acum. ano E")."""
    text = coded_table("Setembro", 9, heading="Cód. Descrição Qtd./Base Abonos Descontos Acum. ano E")
    parsed = parse_payslip(lines_of(*text, confidence=0.9))
    assert parsed.fields["social_security"] == Decimal("176.00")
    assert parsed.fields["irs_withholding"] == Decimal("190.00")
    assert "arithmetic_mismatch" not in parsed.warnings


def test_a_days_quantity_times_its_rate_under_a_year_to_date_column_is_still_the_months() -> None:
    """Guard: a row printing no year's figure, its amount its days times its rate, keeps that amount."""
    parsed = parse_payslip(
        lines_of(
            *HEAD,
            "Período: Novembro de 2026",
            "Cód. Descrição Qtd./Base Abonos Descontos Acum. ano",
            "100 Remuneração base 1.500,00 16.500,00",
            "110 Subsídio de refeição 21 d x 6,00 126,00",
            "500 Segurança Social 11% 165,00 1.815,00",
            "510 IRS 150,00 1.650,00",
            "Total 1.626,00 315,00",
            "Valor líquido: 1.311,00 €",
        )
    )
    assert parsed.fields["gross_pay"] == Decimal("1626.00")
    assert parsed.fields["social_security"] == Decimal("165.00")
    assert parsed.fields["net_pay"] == Decimal("1311.00")
    assert "arithmetic_mismatch" not in parsed.warnings


def test_a_rate_in_a_deductions_label_is_no_quantity_times_the_month() -> None:
    """In November a year's total is the month's times 11: with "(11%)" in the label it read as quantity times rate."""
    text = coded_table("Novembro", 11, heading="Cód. Descrição Qtd./Base Abonos Descontos Acumulado ano")
    parsed = parse_payslip(lines_of(*text))
    assert parsed.fields["social_security"] == Decimal("176.00")
    assert "arithmetic_mismatch" not in parsed.warnings


@pytest.mark.parametrize(("month", "months"), [("Fevereiro", 2), ("Novembro", 11)])
def test_a_column_of_the_months_times_the_months_elapsed_is_the_years(month: str, months: int) -> None:
    """A year's column under a caption not read as one ("Ano", or OCR's garble): every row's last figure its month's
    times the same months elapsed."""
    text = coded_table(month, months, heading="Cód. Descrição Qtd./Base Abonos Descontos Ano")
    parsed = parse_payslip(lines_of(*text, confidence=0.9))
    assert parsed.fields["social_security"] == Decimal("176.00")
    assert parsed.fields["irs_withholding"] == Decimal("190.00")
    assert "arithmetic_mismatch" not in parsed.warnings


def test_rows_of_hours_at_a_rate_keep_their_amounts() -> None:
    """Guard: quantity, rate and amount on each row, the same quantity on two rows, no year's column."""
    parsed = parse_payslip(
        lines_of(
            *HEAD,
            "Período: Novembro de 2026",
            "Descrição Qtd. Preço Valor",
            "Vencimento base 1.000,00",
            "Horas extra 10,00 15,00 150,00",
            "Trabalho nocturno 10,00 5,00 50,00",
            "Segurança Social 11% 132,00",
            "IRS 80,00",
            "Total ilíquido 1.200,00",
            "Total descontos 212,00",
            "Valor líquido: 988,00 €",
        )
    )
    assert parsed.fields["gross_pay"] == Decimal("1200.00")
    assert parsed.fields["net_pay"] == Decimal("988.00")
    assert "arithmetic_mismatch" not in parsed.warnings
