"""What the blind probe of round 50A found in a payslip's rows: a year-to-date block at the slip's foot ("Acumulados
do ano", "Total anual (Janeiro a Outubro 2026)") whose social security and IRS were added into the month's, its
captions and figures a line each or a line of captions over a line of figures; a row under a "YTD" column printing
no year's figure, its amount taken off as the year's; and rows the slip prints under the net for information or as
the employer's charge ("Seguro de saúde (encargo da entidade patronal)", "(informativo)") read as deductions. Each
slip added up, and was flagged ``arithmetic_mismatch``. The lines are a text layer's, with figures of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line
from tests.helpers import read_text

EMPLOYER_NIF = "518743209"
EMPLOYEE_NIF = "259187658"

# Base 1.640,00 and a meal allowance of 21 days x 6,00: gross 1.766,00; social security 180,40, IRS 201,30 (381,70);
# net 1.384,30.
HEADER = f"""Serralharia Monte Alto, Lda.
NIF {EMPLOYER_NIF} · Rua das Flores 12, 3800-100 Aveiro
RECIBO DE VENCIMENTO
Período: Outubro 2026
Nome: Leonor Batista Carvalho
NIF: {EMPLOYEE_NIF} Categoria: Operadora"""

TABLE = """Cód. Descrição Qtd. Abonos Descontos
100 Vencimento base 30 d 1.640,00
101 Subsídio de alimentação 21 d x 6,00 126,00
500 Segurança Social 11% 180,40
501 IRS 12,3% 201,30
Totais 1.766,00 381,70
Líquido a receber: 1.384,30 €"""

FOOTER = "Declaro que recebi a quantia mencionada neste recibo. Processado por computador."


def read(text: str) -> tuple[dict[str, Any], list[str]]:
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 11, 20))
    return fields, warnings


def assert_the_months(fields: dict[str, Any], warnings: list[str]) -> None:
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1766.00"), Decimal("1384.30"))
    assert (fields["social_security"], fields["irs_withholding"]) == (Decimal("180.40"), Decimal("201.30"))
    assert "arithmetic_mismatch" not in warnings


def test_a_year_to_date_block_of_captions_and_figures_a_line_each_is_not_the_months() -> None:
    fields, warnings = read(
        f"""{HEADER}
{TABLE}
Acumulados do ano
Remuneração ilíquida
17.660,00
Segurança Social
1.804,00
IRS retido
2.013,00
Líquido
13.843,00
{FOOTER}"""
    )
    assert_the_months(fields, warnings)


def test_a_year_to_date_block_of_captions_over_a_line_of_figures_is_not_the_months() -> None:
    fields, warnings = read(
        f"""{HEADER}
{TABLE}
Acumulados do ano
Remuneração ilíquida Segurança Social IRS retido Líquido
17.660,00 1.804,00 2.013,00 13.843,00
{FOOTER}"""
    )
    assert_the_months(fields, warnings)


def test_a_total_anual_block_is_the_years() -> None:
    fields, warnings = read(
        f"""{HEADER}
{TABLE}
Total anual (Janeiro a Outubro 2026)
Rendimento bruto Retenção IRS Contribuições SS
17.660,00 2.013,00 1.804,00
{FOOTER}"""
    )
    assert_the_months(fields, warnings)


def test_a_year_to_date_caption_above_the_months_table_leaves_the_table_the_months() -> None:
    # Not at the foot, under the net: only its own line of figures is the year's, the table's rows stay the month's.
    fields, warnings = read(
        f"""{HEADER}
Acumulados do ano
Ilíquido 17.660,00 IRS 2.013,00 Seg. Social 1.804,00
{TABLE}
{FOOTER}"""
    )
    assert_the_months(fields, warnings)


def test_a_row_without_a_figure_in_the_ytd_column_keeps_its_amount() -> None:
    # The meal allowance's row prints its quantity, rate and amount and no year's figure: 126,00 is the month's.
    fields, warnings = read(
        f"""{HEADER}
Cód. Descrição Qtd. Abonos Descontos YTD
100 Vencimento base 30 d 1.640,00 16.400,00
101 Subsídio de alimentação 21 d x 6,00 126,00
500 Segurança Social 11% 180,40 1.804,00
501 IRS 12,3% 201,30 2.013,00
Totais 1.766,00 381,70 17.660,00
Líquido a receber: 1.384,30 € 13.843,00
{FOOTER}"""
    )
    assert_the_months(fields, warnings)


def test_a_row_with_its_years_figure_after_its_amount_loses_it() -> None:
    parsed = parse_payslip(
        [
            Line(line)
            for line in f"""{HEADER}
Cód. Descrição Qtd. Abonos Descontos YTD
100 Vencimento base 30 d 1.640,00 16.400,00
101 Subsídio de alimentação 21 d x 6,00 126,00 1.260,00
500 Segurança Social 11% 180,40 1.804,00
501 IRS 12,3% 201,30 2.013,00
Totais 1.766,00 381,70 17.660,00
Líquido a receber: 1.384,30 €""".splitlines()
        ]
    )
    assert parsed.fields["gross_pay"] == Decimal("1766.00")
    assert "arithmetic_mismatch" not in parsed.warnings


def test_benefits_the_employer_pays_printed_under_the_net_are_no_deductions() -> None:
    fields, warnings = read(
        f"""{HEADER}
{TABLE}
Benefícios pagos pela empresa (informativo)
Seguro de saúde (encargo da entidade patronal) 52,30
Contribuição PPR empresa 75,00
{FOOTER}"""
    )
    assert_the_months(fields, warnings)


def test_a_row_marked_informativo_under_an_information_heading_is_no_deduction() -> None:
    fields, warnings = read(
        f"""{HEADER}
{TABLE}
Informação (não incluída no líquido)
Subsídio de alimentação em cartão (não incluído no líquido) (21 d) 157,50
Seguro de saúde (informativo) 31,80
{FOOTER}"""
    )
    assert_the_months(fields, warnings)


def test_a_health_insurance_deducted_in_the_table_is_still_a_deduction() -> None:
    # The worker's own premium among the deductions, counted by the total: unchanged.
    fields, warnings = read(
        f"""{HEADER}
Cód. Descrição Qtd. Abonos Descontos
100 Vencimento base 30 d 1.640,00
101 Subsídio de alimentação 21 d x 6,00 126,00
500 Segurança Social 11% 180,40
501 IRS 12,3% 201,30
510 Seguro de saúde 31,80
Totais 1.766,00 413,50
Líquido a receber: 1.352,50 €
{FOOTER}"""
    )
    assert (fields["social_security"], fields["irs_withholding"]) == (Decimal("180.40"), Decimal("201.30"))
    assert fields["net_pay"] == Decimal("1352.50")
    assert "arithmetic_mismatch" not in warnings


def test_rows_marked_as_information_or_the_employers_charge_are_no_deductions_without_a_heading() -> None:
    fields, warnings = read(
        f"""{HEADER}
{TABLE}
Seguro de saúde (informativo) 31,80
Seguro de vida (encargo da empresa) 12,40
{FOOTER}"""
    )
    assert_the_months(fields, warnings)
