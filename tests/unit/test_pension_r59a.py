"""Blind probe r59a: a December pension statement printing its credits and deductions side by side.

A CGA "nota de abonos e descontos" lays "Abonos" and "Descontos" out as two columns, each row holding a credit's
row and a deduction's ("Pensão de aposentação 2.050,00 | IRS — pensão 348,50"), the totals row both totals: the
month paying the Christmas subsidy gives the month's own pension, deductions and net, as the one-column statement
does. Fourteen payments worked out from the two subsidies named, no count printed, are said to be worked out.
"""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.parsers.pension import parse_pension
from documents.extraction.reader import Line


def lines_of(text: str) -> list[Line]:
    return [Line(line) for line in text.splitlines()]


HEAD = """CAIXA GERAL DE APOSENTAÇÕES
Nota de abonos e descontos — dezembro de 2026
Nome: Rui Manuel Pais Tavares NIF: 210987650
"""

# The month's own: pension 1.830,00, IRS 219,60, ADSE 64,05; the same again on the subsidy.
SIDE_BY_SIDE = (
    HEAD
    + """Abonos € Descontos €
Pensão de aposentação 1.830,00 IRS — pensão 219,60
Subsídio de Natal 1.830,00 IRS — subsídio de Natal 219,60
ADSE — pensão 64,05
ADSE — subsídio de Natal 64,05
Total abonos 3.660,00 Total descontos 567,30
Líquido: 3.092,70 €"""
)

MONTHS_OWN = {
    "gross_monthly_amount": Decimal("1830.00"),
    "deductions": Decimal("283.65"),
    "net_monthly_amount": Decimal("1546.35"),
}


def months_own(text: str) -> tuple[dict[str, Decimal | None], list[str]]:
    parsed = parse_pension(lines_of(text))
    return {field: parsed.fields.get(field) for field in MONTHS_OWN}, parsed.warnings


def test_side_by_side_columns_give_the_months_own_pension_without_the_subsidy() -> None:
    amounts, warnings = months_own(SIDE_BY_SIDE)
    assert amounts == MONTHS_OWN
    assert {"derived:deductions", "derived:net_monthly_amount"} <= set(warnings)
    assert "pension_subsidy_month" not in warnings


def test_the_subsidys_row_first_as_a_scan_reads_it_with_its_column_rules() -> None:
    # The header lost to the scan's noise, the columns parted by "|", the subsidy's row above the pension's.
    text = (
        HEAD
        + """Abono Je Jpescontos Te
Subsídio de Natal 1.830,00 | IRS — subsídio de Natal 219,60
Pensão de aposentação 1.830,00 | IRS — pensão 219,60
| ADSE — subsídio de Natal 64,05
| ADSE — pensão 64,05
Total abonos 3.660,00 | Total descontos 567,30
Líquido: 3.092,70 €"""
    )
    amounts, _ = months_own(text)
    assert amounts == MONTHS_OWN


def test_deductions_naming_neither_take_the_subsidys_share() -> None:
    text = (
        HEAD
        + """Abonos € Descontos €
Pensão de aposentação 1.830,00 IRS 439,20
Subsídio de Natal 1.830,00 ADSE 128,10
Totais 3.660,00 567,30
Líquido: 3.092,70 €"""
    )
    amounts, warnings = months_own(text)
    assert amounts == MONTHS_OWN
    assert "derived:deductions" in warnings


def test_a_deduction_beside_the_subsidys_row_is_not_the_subsidys_unless_it_says_so() -> None:
    # The subsidy's IRS at its own rate, on a lower row than the subsidy: "ADSE — pensão" beside "Subsídio de
    # Natal" is the pension's own.
    text = (
        HEAD
        + """Abonos € Descontos €
Pensão de aposentação 1.830,00 IRS — pensão 219,60
Subsídio de Natal 1.830,00 ADSE — pensão 64,05
IRS — subsídio de Natal 256,20
ADSE — subsídio de Natal 64,05
Total abonos 3.660,00 Total descontos 603,90
Líquido: 3.056,10 €"""
    )
    amounts, _ = months_own(text)
    assert amounts == MONTHS_OWN


def test_the_deductions_column_first_under_its_header() -> None:
    text = (
        HEAD
        + """Descontos € Abonos €
IRS — pensão 219,60 Pensão de aposentação 1.830,00
IRS — subsídio de Natal 219,60 Subsídio de Natal 1.830,00
ADSE — pensão 64,05
ADSE — subsídio de Natal 64,05
Total descontos 567,30 Total abonos 3.660,00
Líquido: 3.092,70 €"""
    )
    amounts, _ = months_own(text)
    assert amounts == MONTHS_OWN


def test_a_month_with_no_subsidy_side_by_side_is_read_as_printed() -> None:
    # A guard: passes without the fix too.
    text = (
        HEAD.replace("dezembro", "novembro")
        + """Abonos € Descontos €
Pensão de aposentação 1.830,00 IRS 219,60
ADSE 64,05
Total abonos 1.830,00 Total descontos 283,65
Líquido: 1.546,35 €"""
    )
    amounts, warnings = months_own(text)
    assert amounts == MONTHS_OWN
    assert not [code for code in warnings if code.startswith("derived:") and code != "derived:payments_per_year"]


def test_a_sentence_with_an_amount_before_a_deduction_is_no_row_of_its_own() -> None:
    # A guard: words between the amount and the label make a sentence, whose amount is no unlabelled row (another
    # row beside the pension's would leave its gross unread, what else is paid being unknown).
    text = (
        HEAD.replace("dezembro", "novembro")
        + """Pensão de velhice 740,00
O valor de 740,00 € sofre retenção de IRS de 37,00 €"""
    )
    parsed = parse_pension(lines_of(text))
    assert parsed.fields["gross_monthly_amount"] == Decimal("740.00")


NO_COUNT = (
    HEAD
    + """Pensão de aposentação 1.830,00
IRS 219,60
Valor líquido a receber 1.610,40
O subsídio de Natal é pago em novembro e o subsídio de férias (14.º mês) em junho."""
)


def test_fourteen_payments_from_both_subsidies_named_are_said_to_be_worked_out() -> None:
    parsed = parse_pension(lines_of(NO_COUNT))
    assert parsed.fields["payments_per_year"] == 14
    assert "derived:payments_per_year" in parsed.warnings


def test_a_printed_count_beside_the_subsidies_named_is_read_as_printed() -> None:
    # A guard: passes without the fix too.
    parsed = parse_pension(lines_of(NO_COUNT + "\nNúmero de prestações anuais: 14"))
    assert parsed.fields["payments_per_year"] == 14
    assert "derived:payments_per_year" not in parsed.warnings


YEARS_ROWS = """Instituto da Segurança Social, I.P. — Centro Nacional de Pensões
Declaração de rendimentos
Declara-se que Ana Maria Lopes Ferreira, NIF 210987650, recebeu no ano de 2025 os seguintes rendimentos:
Pensão de invalidez 7.350,00
IRS retido 412,00"""


def test_a_years_pension_row_is_no_months_gross() -> None:
    # The row side by side with its tax would now be read as a row of its own: neither layout gives the year's
    # pension as the month's.
    for text in (YEARS_ROWS, YEARS_ROWS.replace("\nIRS retido", " IRS retido")):
        parsed = parse_pension(lines_of(text))
        assert parsed.fields.get("gross_monthly_amount") is None
