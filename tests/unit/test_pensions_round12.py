"""Pension statements the blind probe of round 12 misread: last year's IRS total added to the month's deductions,
a Brazilian extract's tax counted once as itself and again inside the printed total of deductions, and a decision
on an early retirement whose claimant ('Requerente:'), amount to be paid ('Valor mensal a receber') and date
('Data do despacho') were not read."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


ANNUAL_THEN_MONTHLY = """SEGURANÇA SOCIAL · Centro Nacional de Pensões
DECLARAÇÃO — valores pagos em 2025 para efeitos de IRS e situação atual
Beneficiário: Ilídio Baltazar Rocha Mourão
NIF: 152601813 NISS: 11029384756
Prestação: Pensão de velhice
Valores pagos no ano de 2025:
Total ilíquido anual ........................ 11.480,20 €
IRS retido no ano ........................... 312,00 €
Situação em janeiro de 2026 (após atualização anual):
Montante mensal da pensão ................... 838,40 €
Retenção mensal de IRS ...................... 24,00 €
Valor mensal líquido ........................ 814,40 €
A pensão é paga 14 vezes por ano (subsídios em julho e dezembro).
Coimbra, 2026-01-27"""


def test_the_years_tax_is_not_the_months() -> None:
    kind, fields, warnings = read(ANNUAL_THEN_MONTHLY)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["gross_monthly_amount"] == Decimal("838.40")
    assert fields["deductions"] == Decimal("24.00")
    assert fields["net_monthly_amount"] == Decimal("814.40")
    # Last year's total, paid before the update, is not compared with this year's month.
    assert "arithmetic_mismatch" not in warnings


def test_the_years_tax_left_out_without_a_printed_net() -> None:
    """No net printed to check against: the words alone say the 312,00 is the year's."""
    _, fields, _ = read(ANNUAL_THEN_MONTHLY.replace("Valor mensal líquido ........................ 814,40 €\n", ""))
    assert fields["deductions"] == Decimal("24.00")


def test_a_payment_count_a_year_is_no_years_total() -> None:
    """Guard: 'paga 14 vezes no ano' beside the monthly amount does not make it a year's."""
    text = """Instituto da Segurança Social, I.P.
Declaração de pensão
Beneficiária: Francisca Leonor Pires Barata · NIF 209139099
Valor mensal da pensão de sobrevivência, pago 14 vezes no ano: 512,30 €
Retenção de IRS 0,00 €
Lisboa, 2026-03-02"""
    _, fields, _ = read(text)
    assert fields["gross_monthly_amount"] == Decimal("512.30")
    assert fields["payments_per_year"] == 14


BRAZIL = """INSS — Instituto Nacional do Seguro Social
Meu INSS · Extrato de Pagamento de Benefício
Nome do beneficiário: Valdirene Cristina Moraes Albuquerque
Número do benefício (NB): 193.204.117-2
Espécie: 41 — Aposentadoria por idade
Competência: 08/2026
Data de emissão: 04/09/2026
Rubricas:
101 VALOR TOTAL DE MR DO PERÍODO R$ 2.640,80
203 IMPOSTO DE RENDA RETIDO NA FONTE R$ 41,35
216 CONSIGNAÇÃO EMPRÉSTIMO BANCÁRIO R$ 180,00
Valor bruto: R$ 2.640,80
Descontos: R$ 221,35
Valor líquido: R$ 2.419,45
Benefício pago 13 vezes por ano (inclui abono anual)."""


def test_a_part_is_not_counted_twice() -> None:
    """The tax is one of the parts of 'Descontos', and the total is what gross - net leaves."""
    _, fields, warnings = read(BRAZIL)
    assert fields["gross_monthly_amount"] == Decimal("2640.80")
    assert fields["deductions"] == Decimal("221.35")
    assert fields["net_monthly_amount"] == Decimal("2419.45")
    assert "arithmetic_mismatch" not in warnings


def test_a_total_printed_under_its_parts() -> None:
    """'IRS', 'ADSE', then 'Total de descontos' worded as a plain deduction: the total, not a third part."""
    text = """Caixa Geral de Aposentações
Aposentado: Rui Manuel Teixeira Lobo · NIF 166131865
Pensão de aposentação 1.410,00 €
Retenção de IRS 120,00 €
Desconto ADSE 49,35 €
Descontado no mês 169,35 €
Lisboa, 2026-02-10"""
    _, fields, _ = read(text)
    assert fields["deductions"] == Decimal("169.35")


EARLY = """Instituto da Segurança Social, I.P. — Centro Nacional de Pensões
Comunicação de deferimento — pensão de velhice antecipada
Requerente: Josefina Amélia Caldas Pestana · NIF 159083010
Data do despacho: 2026-06-11 · Início da pensão: 2026-05-01
Cálculo da pensão:
Pensão estatutária 1.245,10
Redução por antecipação (0,5% × 24 meses) -149,41
Fator de sustentabilidade (15,80%) -173,12
Montante mensal da pensão atribuída 922,57
Retenção na fonte de IRS -38,00
Valor mensal a receber 884,57"""


def test_the_claimant_the_amount_to_receive_and_the_decisions_date() -> None:
    _, fields, _ = read(EARLY)
    assert fields["pensioner_name"] == "Josefina Amélia Caldas Pestana"
    assert fields["pensioner_nif"] == "159083010"
    assert fields["gross_monthly_amount"] == Decimal("922.57")
    assert fields["deductions"] == Decimal("38.00")
    assert fields["net_monthly_amount"] == Decimal("884.57")
    assert fields["issue_date"] == dt.date(2026, 6, 11)


def test_the_scans_dashes() -> None:
    text = EARLY.replace(" · ", " - ").replace("×", "x")
    _, fields, _ = read(text)
    assert fields["pensioner_name"] == "Josefina Amélia Caldas Pestana"
    assert fields["issue_date"] == dt.date(2026, 6, 11)


def test_the_signed_date_over_the_decisions() -> None:
    """Guard: a place and date above the signature is the letter's date; the decision's only stands in for it."""
    _, fields, _ = read(EARLY + "\nFaro, 2026-06-15")
    assert fields["issue_date"] == dt.date(2026, 6, 15)


def test_a_net_short_of_one_deduction_is_still_a_mismatch() -> None:
    """No subset of the deductions is picked to make the sum hold: a net raised by exactly one deduction (the IRS
    left out of it) is what an edited statement looks like, and must stay flagged."""
    text = """Caixa Geral de Aposentações
Aposentado: Rui Manuel Teixeira Lobo · NIF 166131865
Pensão ilíquida 1.410,00 €
Retenção de IRS 120,00 €
Desconto ADSE 49,35 €
Valor líquido 1.360,65 €
Lisboa, 2026-02-10"""
    _, _, warnings = read(text)
    assert "arithmetic_mismatch" in warnings


def test_a_loan_repaid_from_the_pension_is_one_of_its_deductions() -> None:
    """With no "Descontos" total printed, the loan's row ("Consignação empréstimo") is a deduction like the tax."""
    text = BRAZIL.replace("Descontos: R$ 221,35\n", "")
    _, fields, warnings = read(text)
    assert fields["deductions"] == Decimal("221.35")
    assert "arithmetic_mismatch" not in warnings
