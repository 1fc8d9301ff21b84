"""Pension statements the blind probe of round 7 misread: a letter's second sentence giving its deduction to the
first sentence's label, twelve months of pension beside both subsidies read as 12 payments, a grid of captions
over values not recognised, and a pensioner named only in the letter's salutation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


@pytest.mark.parametrize("deduction_verb", ["é descontada a quantia", "é retida a quantia"])
def test_an_amount_in_the_next_sentence_is_not_the_previous_labels(deduction_verb: str) -> None:
    """Blind probe, round 7: "... ilíquido é de 934,26 euros. Ao montante referido é descontado o valor de 41,00
    euros" gave the gross label the deduction, then the swap made the net the gross and the deduction the net."""
    text = f"""Caixa Geral de Aposentações
Pensão de aposentação
Comunica-se que a pensão tem o valor mensal ilíquido de 1.207,45 €. Sobre este valor {deduction_verb} de 96,30 €
a título de IRS, sendo pago o valor líquido de 1.111,15 €."""
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert (fields["gross_monthly_amount"], fields["net_monthly_amount"]) == (Decimal("1207.45"), Decimal("1111.15"))
    assert fields["deductions"] == Decimal("96.30")
    assert "arithmetic_mismatch" not in warnings


def test_a_deduction_told_by_descontado_is_read_and_the_payments_in_words() -> None:
    """'é descontado o valor de ...' named no deduction, and 'catorze vezes por ano' no payment count."""
    text = """Caixa Geral de Aposentações
Ex.mo Senhor Artur Manuel Pinheiro Vasconcelos
NIF 145333140
Assunto: pensão de sobrevivência
O valor mensal ilíquido da pensão é de 702,18 euros. Ao valor indicado é descontado o montante de 18,00 euros de
IRS, sendo pago o valor líquido de 684,18 euros, catorze vezes por ano."""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert (fields["gross_monthly_amount"], fields["deductions"], fields["net_monthly_amount"]) == (
        Decimal("702.18"), Decimal("18.00"), Decimal("684.18"),
    )  # fmt: skip
    assert fields["payments_per_year"] == 14
    assert fields["pensioner_name"] == "Artur Manuel Pinheiro Vasconcelos"


def test_twelve_months_of_pension_and_both_subsidies_are_fourteen_payments() -> None:
    """Blind probe, round 7: 'Pensão (12 meses)' over rows for both subsidies gave 12 payments, no warning
    naming the field."""
    text = """Centro Nacional de Pensões
Declaração de rendimentos de pensões - ano 2025
Titular: Berta Luísa Quaresma Dinis NIF 278932886
Pensão de velhice, 12 meses 6.840,00
Subsídio de Natal 570,00
Subsídio de férias 570,00
Rendimento anual ilíquido 7.980,00"""
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["payments_per_year"] == 14
    assert "arithmetic_mismatch" not in warnings


def test_a_grid_of_captions_over_values_is_a_pension_statement() -> None:
    """Blind probe, round 7: 'Tipo de pensão' over 'Invalidez', under a title 'Declaração de valor de pensão', was
    refused; recognised, the name under 'Nome do pensionista' and the deductions under 'Descontos (IRS)' were
    not read."""
    text = """Instituto da Segurança Social
Declaração de valor de pensão
Nome do pensionista
Hélder Augusto Pimentel Sardinha
NIF
204072387
Tipo de pensão
Invalidez
Valor mensal ilíquido
876,40 €
Descontos (IRS)
52,00 €
Valor mensal líquido
824,40 €"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Hélder Augusto Pimentel Sardinha"
    assert fields["pension_type"] == "invalidez"
    assert (fields["gross_monthly_amount"], fields["deductions"], fields["net_monthly_amount"]) == (
        Decimal("876.40"), Decimal("52.00"), Decimal("824.40"),
    )  # fmt: skip


@pytest.mark.parametrize("salutation", ["Exma. Senhora", "Ex.ma Sr.ª", "Excelentíssima Senhora D."])
def test_the_pensioner_named_only_in_the_salutation(salutation: str) -> None:
    text = f"""SEGURANÇA SOCIAL
{salutation} Custódia Amélia Ventura Rebelo
NIF 162551185
Os valores mensais da sua pensão de velhice são os seguintes:
Pensão de velhice 402,10 EUR
Total mensal ilíquido 402,10 EUR
Descontos 0,00 EUR
Total a receber 402,10 EUR"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Custódia Amélia Ventura Rebelo"
