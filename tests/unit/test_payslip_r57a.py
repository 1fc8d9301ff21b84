"""Blind probe r57a, finding 3: a WhatsApp photo of a payslip read "Novembro de 2026" as "Novembro de 2626" and its
header's "Vencimento base: 1.010,00" as "1.610,00". The month was withheld as one still to come (a HIGH authenticity
signal in the screening) though the pay day printed under the net places it; the base was both counted and, above
the gross, left out, though the table's own base row makes the gross with the other earnings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.parsers.payslip import parse_payslip, read_page
from documents.extraction.reader import Line
from documents.extraction.schema import PERIOD_IN_FUTURE
from documents.extraction.validation import payslip_revalidate
from tests.helpers import read_text

TODAY = dt.date(2025, 11, 3)


def photo(*texts: str) -> list[Line]:
    return [Line(text, 0.8) for text in texts]


def slip(period_line: str, *, pay_line: str, header_base: str = "1.240,00", row_base: str = "1.240,00") -> str:
    return "\n".join(
        (
            "Serralharia Vieira & Prates, Lda.",
            "Contribuinte n.º 516884123",
            f"RECIBO DE SALÁRIO {period_line}",
            "Nome: Tiago Alexandre Prates Lobo N.º Contribuinte: 231647905",
            f"Data de admissão: 02/05/2018 Vencimento base: {header_base}",
            "Descrição Abonos Descontos",
            f"Vencimento base {row_base}",
            "Subsídio de alimentação (20 dias) 96,00",
            "Segurança Social (11%) 146,96",
            "IRS - Retenção na fonte 52,00",
            "Total ilíquido 1.336,00",
            "Total de descontos 198,96",
            "Líquido a receber 1.137,04 €",
            pay_line,
        )
    )


def test_a_period_s_year_misread_by_one_digit_is_the_one_the_pay_day_places() -> None:
    text = slip("Mês de processamento: Outubro de 2625", pay_line="Data de pagamento: 30/10/2025")
    assert parse_payslip(photo(*text.splitlines())).fields["period"] == "2025-10"
    # Paid early in the next month, as many are.
    text = slip("Mês de processamento: Outubro de 2625", pay_line="Data de pagamento: 04/11/2025")
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["period"] == "2025-10" and "period_implausible" not in warnings


def test_a_misread_year_no_date_places_stays_withheld_and_is_not_said_to_be_in_the_future() -> None:
    # The pay day is of another month: nothing chooses the year's reading.
    text = slip("Mês de processamento: Outubro de 2625", pay_line="Data de pagamento: 30/06/2025")
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["period"] is None
    assert "period_implausible" in warnings and PERIOD_IN_FUTURE not in warnings


def test_a_year_centuries_ahead_is_misread_not_a_month_still_to_come() -> None:
    assert payslip_revalidate({"period": "2625-10"}, total_deductions=None, today=TODAY) == ["period_implausible"]
    # Guard (passes either way): next year's month is still one to come.
    warnings = payslip_revalidate({"period": "2026-02"}, total_deductions=None, today=TODAY)
    assert warnings == ["period_implausible", PERIOD_IN_FUTURE]


def test_a_header_s_base_misread_by_one_digit_gives_way_to_the_row_that_makes_the_gross() -> None:
    text = slip("Mês de processamento: Outubro de 2025", pay_line="", header_base="1.840,00")
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["base_salary"] == 1240 and fields["gross_pay"] == 1336
    assert "base_salary_implausible" not in warnings and "arithmetic_mismatch" not in warnings


def test_a_base_row_misread_by_one_digit_takes_the_header_s_figure_that_makes_the_gross() -> None:
    text = slip("Mês de processamento: Outubro de 2025", pay_line="", row_base="1.249,00")
    lines = photo(*text.splitlines())
    # One base row, the header's figure: not two earnings, one of them misread.
    assert [row.value for row in read_page(lines).rows("base_salary")] == [Decimal("1240.00")]
    parsed = parse_payslip(lines)
    assert parsed.fields["base_salary"] == 1240 and parsed.fields["gross_pay"] == 1336


def test_a_month_paid_in_part_keeps_its_header_s_full_base() -> None:
    """Guard (passes either way): the header's base and the row's are not one figure misread, so neither reading is
    chosen."""
    text = slip("Mês de processamento: Outubro de 2025", pay_line="", header_base="2.480,00")
    parsed = parse_payslip(photo(*text.splitlines()))
    assert parsed.fields["base_salary"] == 2480
