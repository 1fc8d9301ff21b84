"""Payslip amounts of blind probe r61a, as the reader hands them over (names and figures of our own): a quantity run
into an earning's amount on a scan, whose rows' sum then ends in the printed gross's digits and replaced the gross
and net that held; two IRS rows of one amount beside a deduction no label names, counted once; and an hourly
wage's row given as the base salary."""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind, fields_validate
from documents.extraction.validation import parsed_revalidate

SCAN = 0.9
TEXT_LAYER = 1.0


def checked(text: str, confidence: float = SCAN) -> tuple[dict[str, object], list[str]]:
    parsed = parse_payslip([Line(line, confidence) for line in text.splitlines()])
    fields = fields_validate(DocumentKind.RECIBO_VENCIMENTO, parsed.fields)
    warnings = [
        *parsed.warnings,
        *parsed_revalidate(DocumentKind.RECIBO_VENCIMENTO, fields, parsed, document_type="PROOF_OF_INCOME"),
    ]
    return fields, warnings


HEADER = """Recibo de Remunerações — Outubro de 2026
Nome: Rui Manuel Teixeira Lobo Contribuinte: 245901236"""

# "20 204,00" under no quantity heading: the card's 20 days run into its amount, read 20.204,00; the rows' sum 21.379,00 ends in the printed
# gross's "1.379,00".
QUANTITY_RUN_IN = f"""{HEADER}
ABONOS Valor DESCONTOS Base Valor
Vencimento base 1.080,00 Segurança Social 1.175,00 129,25
Subsídio de turno 95,00 IRS 1.175,00 41,00
Sub. refeição cartão 20 204,00
Total Abonos: 1.379,00 Total Descontos: 170,25
LÍQUIDO: 1.208,75 EUR"""


def test_printed_totals_that_hold_are_not_replaced_by_a_rows_sum_ending_in_their_digits() -> None:
    fields, warnings = checked(QUANTITY_RUN_IN)
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1379.00"), Decimal("1208.75"))
    assert not {"derived:gross_pay", "derived:net_pay", "arithmetic_mismatch"} & set(warnings)


def test_totals_that_lost_their_first_digits_are_still_restored_from_the_rows() -> None:
    """Guard (passes before the change too): the gross read "379,00" cannot carry 129,25 of social security, and
    the net "208,75" is what the rows' gross leaves with its first digit lost."""
    clean = QUANTITY_RUN_IN.replace("cartão 20 204,00", "cartão 204,00")
    stamped = clean.replace("Abonos: 1.379,00", "Abonos: .379,00").replace("1.208,75", "208,75")
    fields, warnings = checked(stamped)
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1379.00"), Decimal("1208.75"))
    assert {"derived:gross_pay", "derived:net_pay"} <= set(warnings)


# December: the month's IRS and the Christmas subsidy's, of one amount, and a deduction no label names.
TWO_IRS_ROWS = f"""{HEADER.replace("Outubro", "Dezembro")}
Descrição Abonos Descontos
Vencimento base 2.150,00
Subsídio de Natal 2.150,00
Segurança Social 473,00
IRS 391,00
IRS Subsídio de Natal 391,00
Cooperativa 22,60
Total ilíquido: 4.300,00
Total descontos: 1.277,60
Líquido a receber: 3.022,40"""


def test_two_irs_rows_of_one_amount_are_both_withheld_beside_a_deduction_no_label_names() -> None:
    fields, warnings = checked(TWO_IRS_ROWS)
    assert fields["irs_withholding"] == Decimal("782.00")
    assert fields["social_security"] == Decimal("473.00")
    assert "arithmetic_mismatch" not in warnings


def test_a_row_restating_another_is_still_counted_once_beside_a_deduction_no_label_names() -> None:
    """Guard (passes before the change too): a summary "TSU" row repeating the body's social security."""
    restated = TWO_IRS_ROWS.replace("IRS Subsídio de Natal 391,00\n", "").replace("1.277,60", "886,60")
    restated = restated.replace("3.022,40", "3.413,40").replace("Cooperativa", "TSU trabalhador 473,00\nCooperativa")
    fields, _ = checked(restated)
    assert (fields["social_security"], fields["irs_withholding"]) == (Decimal("473.00"), Decimal("391.00"))


HOURLY = f"""{HEADER}
Cód. Descrição Qtd. Preço Abonos Descontos
H01 Retribuição horas normais 172 5,60 963,20
A01 Subsídio de alimentação 21 6,00 126,00
901 Segurança Social 105,95
902 IRS 9,00
Total ilíquido 1.089,20
Total descontos 114,95
Líquido a receber 974,25"""


def test_an_hourly_wages_row_is_no_base_salary() -> None:
    fields, warnings = checked(HOURLY)
    assert fields["base_salary"] is None
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1089.20"), Decimal("974.25"))
    assert "base_salary_implausible" not in warnings


def test_an_hourly_row_whose_hours_ran_into_its_amount_is_no_implausible_base() -> None:
    """A text layer's "172 963,20", its hours run into its amount (read 172.963,20): no base to say implausible."""
    run_in = HOURLY.replace("172 5,60 963,20", "172 963,20")
    fields, warnings = checked(run_in, TEXT_LAYER)
    assert fields["base_salary"] is None
    assert "base_salary_implausible" not in warnings


def test_a_part_time_monthly_base_naming_its_hours_is_the_base_salary() -> None:
    """Guard (passes before the change too)."""
    part_time = HOURLY.replace("H01 Retribuição horas normais 172 5,60 963,20", "Vencimento base (20 horas) 963,20")
    fields, _ = checked(part_time)
    assert fields["base_salary"] == Decimal("963.20")
