"""Pension statements the blind probe of round 11 misread: a pension and its complement with dotted leaders and a
printed monthly total, and two pensions summed in a table under one 'Valor mensal' caption: the first part was
taken for the gross."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


LEADERS = """SEGURANÇA SOCIAL
Centro Nacional de Pensões · Declaração
Declara-se, para efeitos de prova de rendimentos, que Armando Luís Cerqueira Pinto, NIF 245718931,
é titular de pensão de invalidez relativa do regime geral desde 02/09/2020.
Composição do valor mensal em 2026:
Pensão de invalidez ........................ 455,20 €
Complemento por dependência 1.º grau ....... 118,30 €
Total mensal ............................... 573,50 €
Retenção de IRS ............................ 0,00 €
A pensão é paga em 14 prestações anuais.
Porto, 11 de março de 2026"""


def test_the_printed_total_not_the_first_part() -> None:
    kind, fields, _ = read(LEADERS)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["gross_monthly_amount"] == Decimal("573.50")
    assert fields["payments_per_year"] == 14


def test_the_total_without_a_caption_above() -> None:
    _, fields, _ = read(LEADERS.replace("Composição do valor mensal em 2026:\n", ""))
    assert fields["gross_monthly_amount"] == Decimal("573.50")


TWO_PENSIONS = """Instituto da Segurança Social, I.P.
Declaração de pensões
Beneficiário: Joaquim Fernando Lobo Azevedo · NIF 245718931
Prestação Valor mensal
Pensão de velhice 702,10
Pensão de sobrevivência 215,90
Total bruto 918,00
IRS retido 22,00
Total líquido 896,00
Ambas as pensões são pagas 14 vezes por ano."""


def test_two_pensions_summed() -> None:
    """'Valor mensal' over two pensions and their totals: gross the 'Total bruto', net the 'Total líquido'."""
    _, fields, warnings = read(TWO_PENSIONS)
    assert fields["gross_monthly_amount"] == Decimal("918.00")
    assert fields["net_monthly_amount"] == Decimal("896.00")
    assert fields["deductions"] == Decimal("22.00")
    assert "arithmetic_mismatch" not in warnings


def test_a_caption_over_one_row_still_reads_it() -> None:
    text = """Instituto da Segurança Social, I.P.
Declaração de pensão
Beneficiário: Joaquim Fernando Lobo Azevedo · NIF 245718931
Prestação Valor mensal
Pensão de velhice 702,10
Paga 14 vezes por ano."""
    _, fields, _ = read(text)
    assert fields["gross_monthly_amount"] == Decimal("702.10")


def test_the_date_inline_after_the_name_and_nif() -> None:
    """'Beneficiária: <name> · NIF ... · Data: 2026-04-07': the issue date was missed."""
    text = TWO_PENSIONS.replace("NIF 245718931", "NIF 245718931 · Data: 2026-05-19")
    _, fields, _ = read(text)
    assert fields["issue_date"] == dt.date(2026, 5, 19)
    assert fields["pensioner_nif"] == "245718931"


def test_the_inline_date_after_dashes() -> None:
    """The same line photographed: the separators read as dashes."""
    text = TWO_PENSIONS.replace("Lobo Azevedo · NIF 245718931", "Lobo Azevedo - NIF 245718931 - Data: 2026-05-19")
    _, fields, _ = read(text)
    assert fields["issue_date"] == dt.date(2026, 5, 19)
