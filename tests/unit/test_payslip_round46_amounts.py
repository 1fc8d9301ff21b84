"""Payslip amounts of blind probe r46a. A meal card's credit taken back among the deductions ("Valor creditado em
cartão refeição") was dropped as a note that a row is paid outside the net, so a clean slip's deductions fell short of
their printed total and it was flagged ``arithmetic_mismatch``. Under a quantity column, thousands a space apart,
"30 1 460,00" was read as 30, 1 and 460,00 and a twelfth's "1 121,67" as 1 121,67, both together making the printed
gross. On a scan, OCR joined the card's credit to the Natal twelfth's line, and the whole line was dropped with it.
A dot-matrix slip's cut captions ("Q. Sind.", "TOT. DESC.", "Venc-. Base" on a photo) were not read, so the
IRS worked out of the total took the union dues with it and a photo's base salary went missing. The lines are shaped
as the reader gives them, with names and figures of their own."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line
from tests.helpers import read_text

SCAN_CONFIDENCE = 0.85


def read(text: str) -> tuple[dict[str, Any], list[str]]:
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=None)
    return fields, warnings


# Earnings then deductions, one row a line, as a text layer gives a two-block slip; the card's allowance among the
# earnings and its credit among the deductions, both in the printed totals.
CARD_TAKEN_BACK = """Papelaria Ribeirinha, Lda.
Rua da Alegria, 12 - 4000-042 Porto
NIPC: 503504564
Recibo de Remunerações
Mês: Março/2026
Trabalhador: Sofia Marques Leal
NIF: 245718931 NISS: 12093847561
ABONOS Valor DESCONTOS Valor
Vencimento base 1 100,00
Subsídio de alimentação (cartão) (21 d) 210,00
Segurança Social (11%) 121,00
Retenção IRS (8,5%) 93,50
Valor creditado em cartão refeição 210,00
Total Abonos 1 310,00 Total Descontos 424,50
LÍQUIDO 885,50 €"""


def test_a_meal_cards_credit_among_the_deductions_is_a_deduction_of_the_total() -> None:
    fields, warnings = read(CARD_TAKEN_BACK)
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1310.00"), Decimal("885.50"))
    assert (fields["social_security"], fields["irs_withholding"]) == (Decimal("121.00"), Decimal("93.50"))
    assert "arithmetic_mismatch" not in warnings


def test_the_credit_with_a_minus_in_one_column_of_signed_rows_is_a_deduction_too() -> None:
    text = """Serralharia do Lis, S.A.
Rua Direita, 8, 2400-120 Leiria | NIF 503504564
Recibo de vencimento
Mês de referência: Março de 2026
Colaborador(a): Tiago Pires Nogueira
NIF 245718931 · NISS 12093847561
Rubrica Valor (€)
Vencimento base +1 300,00
Subsídio de alimentação (cartão) +199,50
Segurança Social (11%) -143,00
Retenção IRS -97,00
Valor creditado em cartão refeição -199,50
Valor líquido transferido 1 060,00
(Remuneração ilíquida 1 499,50 €; descontos 439,50 €)"""
    fields, warnings = read(text)
    assert fields["net_pay"] == Decimal("1060.00")
    assert "arithmetic_mismatch" not in warnings


def test_an_allowance_s_own_row_credited_to_the_card_is_still_outside_the_net() -> None:
    # The allowance's row says it is paid on the card: none of the month's sums holds it (blind probe r33a).
    text = (
        CARD_TAKEN_BACK.replace(
            "Subsídio de alimentação (cartão) (21 d) 210,00", "Subsídio de alimentação 210,00 creditado no cartão"
        )
        .replace("Valor creditado em cartão refeição 210,00\n", "")
        .replace("Total Abonos 1 310,00 Total Descontos 424,50", "Total Abonos 1 100,00 Total Descontos 214,50")
    )
    fields, warnings = read(text)
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1100.00"), Decimal("885.50"))
    assert "arithmetic_mismatch" not in warnings


# Totals at the top, then a table with a quantity column, thousands a space apart: "30 1 250,00" is 30 days and
# 1 250,00; "1 104,17" under the quantity column is 1 twelfth and 104,17. Reading the base as 250,00 and a twelfth
# as 1 104,17 makes the same gross, so the sum alone cannot tell.
TOTALS_ON_TOP = """Transportes Serra Verde, S.A.
NIF 503504564 · 3500-001 Viseu
Recibo n.º 118/2026
Referência 2026/03
Total Ilíquido
1 656,34 €
Total Descontos
508,42 €
Total Líquido
1 147,92 €
Nome
Carla Sofia Pimentel Rocha
Contribuinte
245718931
Descrição Qtd. Abono Desconto
Vencimento base 30 1 250,00
Subsídio de alimentação (cartão) 22 198,00
Duodécimos subsídio de Natal 1 104,17
Duodécimos subsídio de férias 1 104,17
Segurança Social (11%) 160,42
Retenção IRS (10,3%) 150,00
Valor creditado em cartão refeição 198,00"""


def test_a_row_under_one_quantity_column_prints_one_quantity_before_its_amount() -> None:
    fields, warnings = read(TOTALS_ON_TOP)
    assert fields["base_salary"] == Decimal("1250.00")
    assert fields["subsidy_twelfths_amount"] == Decimal("208.34")
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1656.34"), Decimal("1147.92"))
    assert "arithmetic_mismatch" not in warnings


def test_a_scans_rows_under_one_quantity_column_are_told_apart_alike() -> None:
    lines = [Line(line, SCAN_CONFIDENCE) for line in TOTALS_ON_TOP.splitlines()]
    parsed = parse_payslip(lines)
    assert parsed.fields["base_salary"] == Decimal("1250.00")
    assert parsed.fields["subsidy_twelfths_amount"] == Decimal("208.34")


def test_a_quantity_and_a_unit_price_may_both_stand_before_the_amount() -> None:
    # Two columns of figures before the amount: the overtime's 10 hours at 12 euros are 120,00, not 12 120,00.
    text = """Transportes Serra Verde, S.A.
NIF 503504564 · 3500-001 Viseu
Recibo de vencimento - Março 2026
Nome: Carla Sofia Pimentel Rocha
Contribuinte: 245718931
Descrição Qtd. Preço Abono Desconto
Vencimento base 1 250,00
Horas extra 10 12 120,00
Segurança Social (11%) 150,70
Retenção IRS 140,00
Total Ilíquido 1 370,00
Total Descontos 290,70
Total Líquido 1 079,30"""
    fields, warnings = read(text)
    assert (fields["base_salary"], fields["gross_pay"]) == (Decimal("1250.00"), Decimal("1370.00"))
    assert "arithmetic_mismatch" not in warnings


def test_a_scans_twelfth_beside_the_cards_credit_is_counted() -> None:
    # OCR reads the earnings' and the deductions' tables across the page: the card's credit on the Natal twelfth's
    # line is its own row, and takes nothing of the line with it.
    text = """Papelaria Ribeirinha, Lda. Recibo de Remunerações
Rua da Alegria, 12 - 4000-042 Porto Mês: Março/2026
NIPC: 503504564
Trabalhador: Sofia Marques Leal
NIF: 245718931 NISS: 12093847561
ABONOS Valor DESCONTOS Valor
Vencimento base 1.200,00 Segurança Social (11%) 154,00
Subsídio de alimentação (cartão) (21 d) 210,00 Retenção IRS (9,2%) 128,80
Duodécimos subsídio de Natal 100,00 Valor creditado em cartão refeição 210,00
Duodécimos subsídio de férias 100,00
Total Abonos 1.610,00 Total Descontos 492,80
LÍQUIDO 1.117,20 €"""
    parsed = parse_payslip([Line(line, SCAN_CONFIDENCE) for line in text.splitlines()])
    assert parsed.fields["subsidy_twelfths_amount"] == Decimal("200.00")
    assert (parsed.fields["gross_pay"], parsed.fields["net_pay"]) == (Decimal("1610.00"), Decimal("1117.20"))
    assert "arithmetic_mismatch" not in parsed.warnings


# A dot-matrix slip's cut captions, as a scan reads them: the IRS row's comma read as a figure ("31420"), no amount.
CUT_CAPTIONS = """PASTELARIA FLOR DO CAMPO, LDA. RECIBO VENC.
CONTRIB. 503504564 MES 03/2026
FUNC. 0217 MARTA VIEIRA CORREIA
N.CONTR. 245718931 N.BENEF. 12093847561
COD DESCRICAO QTD VALOR ABONOS DESCONTOS
R01 Venc. Base 30 950,00
R20 Sub. Refeição 22 6,00 132,00
D01 Desc. SS 11% 104,50
D03 Ret. IRS 31420
D07 Q. Sind. 9,50
TOT. ILIQ. 1.082,00 TOT. DESC. 145,20
LIQ. A RECEBER 936,80 EUR"""


def test_the_irs_worked_out_of_the_total_leaves_the_union_dues_out() -> None:
    parsed = parse_payslip([Line(line, SCAN_CONFIDENCE) for line in CUT_CAPTIONS.splitlines()])
    assert parsed.fields["irs_withholding"] == Decimal("31.20")
    assert parsed.total_deductions == Decimal("145.20")


def test_a_base_salarys_cut_caption_with_a_mark_before_its_dot_is_still_the_base() -> None:
    text = CUT_CAPTIONS.replace("R01 Venc. Base 30 950,00", "R01 Venc-. Base 30 950,00")
    parsed = parse_payslip([Line(line, SCAN_CONFIDENCE) for line in text.splitlines()])
    assert parsed.fields["base_salary"] == Decimal("950.00")
