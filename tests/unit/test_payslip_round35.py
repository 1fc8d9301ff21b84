"""Payslips of blind probe r34b's layouts that a text layer read wrongly: a heading with a year-to-date column
repeated on a continuation page (the row under it was skipped, the subsidy's twelfths halved and the slip said
not to add up), and a meal allowance paid on a card printed among the earnings and again among the deductions
(a correct slip said not to add up). The texts follow the probe's layouts with figures of their own."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.helpers import read_text

HEADER = """Companhia Elétrica do Sado, S.A. Recibo de Vencimentos
NIPC: 503504564
Período: 10/2026
Número: 4471 Trabalhador: Rui Manuel Antunes
Contribuinte: 245718931
REMUNERAÇÕES RETENÇÕES E DESCONTOS
Cód. Descrição Qtd. V.Unit. Valor Acum. Cód. Descrição Valor Acum."""

TWO_PAGES = (
    HEADER
    + """
R005 Ordenado base 30 60,00 1.800,00 18.000,00
R015 Subsídio de turno 250,00 2.500,00
Continua na página seguinte…
Página 1 de 2
Companhia Elétrica do Sado, S.A. — Recibo de Vencimentos — Outubro de 2026 (continuação)
4471 Rui Manuel Antunes
REMUNERAÇÕES RETENÇÕES E DESCONTOS
Cód. Descrição Qtd. V.Unit. Valor Acum. Cód. Descrição Valor Acum.
R025 Duodécimos subsídio de N 150,00 1.500,00
R030 Duodécimos subsídio de fé 150,00 1.500,00
D005 Segurança Social (11%) 258,50 2.585,00
D010 IRS - Retenção na fonte 423,00 4.230,00
Total Ilíquido
2.350,00
Total Descontos
681,50
A receber
1.668,50
Página 2 de 2"""
)

MEAL_CARD_TAKEN_BACK = """Contact Hub Atlântico, Lda. PAYSLIP / RECIBO DE VENCIMENTO
NIPC: 503504564
Period / Período: Outubro 2026 / October 2026
Name / Nome: Joana Tavares Negrão
Tax ID / NIF: 245718931
Cód. Descrição Qtd. V.Unit. Valor Acum. Cód. Descrição Valor Acum.
101 Remuneração base 1100,00 11000,00
104 Subsídio alimentação - 21 10,20 214,20 2142,00
501 Segurança Social (11%) 121,00 1210,00
502 Retenção na fonte de I 88,00 880,00
503 Sub. Refeição Cartão {taken_back} 2142,00
Gross Pay / Total Ilíquido 1314,20 EUR
Total Deductions / Total Descontos 423,20 EUR
Net Pay / Valor Líquido 891,00 EUR"""


def read(text: str) -> tuple[dict[str, Any], list[str]]:
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=None)
    return fields, warnings


def test_a_continuation_pages_repeated_heading_keeps_the_row_under_it() -> None:
    fields, warnings = read(TWO_PAGES)
    assert fields["subsidy_twelfths_amount"] == Decimal("300.00")
    assert (fields["gross_pay"], fields["social_security"], fields["irs_withholding"], fields["net_pay"]) == (
        Decimal("2350.00"),
        Decimal("258.50"),
        Decimal("423.00"),
        Decimal("1668.50"),
    )
    assert "arithmetic_mismatch" not in warnings


def test_an_allowance_paid_on_a_card_and_taken_back_among_the_deductions_adds_up() -> None:
    fields, warnings = read(MEAL_CARD_TAKEN_BACK.format(taken_back="214,20"))
    assert (fields["gross_pay"], fields["social_security"], fields["irs_withholding"], fields["net_pay"]) == (
        Decimal("1314.20"),
        Decimal("121.00"),
        Decimal("88.00"),
        Decimal("891.00"),
    )
    assert "arithmetic_mismatch" not in warnings


def test_a_row_among_the_deductions_that_no_earning_paid_still_leaves_the_total_unmade() -> None:
    # The same slip whose last deduction row is no allowance given and taken back (no earning above prints its
    # amount): the rows do not make the printed total, and the slip says so.
    _, warnings = read(MEAL_CARD_TAKEN_BACK.format(taken_back="200,00"))
    assert "arithmetic_mismatch" in warnings
