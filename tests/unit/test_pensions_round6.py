"""Pension statements the blind probe of round 6 misread: deductions taken from a totals row or from the net, a
sentence's amounts given to the wrong label, a nota de pagamento with no gross label, a pensioner's name with no
colon after its label, a place and date in figures, and a letter that never says "declaração de pensão"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


def test_a_totals_row_under_abonos_and_descontos_is_the_gross_then_the_deductions() -> None:
    """Blind probe, round 6: the pension line under the "Abonos Descontos" header was read as a deduction and added
    to the items, deductions 2 632,66 € with no warning."""
    text = """CAIXA GERAL DE APOSENTAÇÕES
Nota de abono — pensão de aposentação
Período: outubro de 2026
Aposentado: Rui Miguel Antunes Pereira
NIF 215839404
Rubrica Abonos Descontos
Pensão 1.874,30
IRS 262,40
ADSE (3,5 %) 65,60
Totais 1.874,30 328,00
Líquido a receber 1.546,30
Data de emissão: 21-10-2026"""
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert (fields["gross_monthly_amount"], fields["deductions"], fields["net_monthly_amount"]) == (
        Decimal("1874.30"), Decimal("328.00"), Decimal("1546.30"),
    )  # fmt: skip
    assert "arithmetic_mismatch" not in warnings


@pytest.mark.parametrize(
    "sentence",
    [
        "O montante mensal ilíquido da pensão é de 1.046,20 €, sobre o qual incide retenção na fonte de IRS no "
        "montante de 58,00 €, sendo pago o valor líquido de 988,20 €.",
        "O montante mensal ilíquido da pensão é de 1.046,20 €, sobre o qual incide retenção na fonte de IRS\n"
        "no montante de 58,00 €, sendo pago o valor líquido de 988,20 €.",
    ],
)
def test_each_amount_of_a_sentence_belongs_to_the_label_before_it(sentence: str) -> None:
    """On one line the gross was the net (the first label took the line's last amount); broken after "IRS", the
    withholding on the next line was lost."""
    text = f"""Instituto da Segurança Social, I.P.
Centro Nacional de Pensões
Declara-se que Henrique Paulo Matos Serra, contribuinte n.º 239047184, é titular de uma pensão de velhice.
{sentence}
A pensão é paga 14 vezes por ano.
Coimbra, 4 de novembro de 2026"""
    _, fields, warnings = read(text)
    assert (fields["gross_monthly_amount"], fields["deductions"], fields["net_monthly_amount"]) == (
        Decimal("1046.20"), Decimal("58.00"), Decimal("988.20"),
    )  # fmt: skip
    assert warnings == []


def test_deductions_named_after_their_amounts_are_not_the_net_that_follows() -> None:
    """Blind probe, round 6: "deduzidos 54,70 euros de ADSE e 209,42 euros de IRS, sendo o valor líquido de
    1.298,73 euros" gave deductions 1 298,73 € and no net."""
    text = """CGA — Caixa Geral de Aposentações
DECLARAÇÃO
Declara-se que Sebastião Luís Prata Gomes, NIF 119750368, é titular de pensão de aposentação,
auferindo uma pensão mensal ilíquida de 2.310,45 euros,
à qual são deduzidos 80,87 euros de ADSE e 402,10 euros de IRS, sendo o valor líquido de 1.827,48 euros.
A pensão é paga em 14 prestações por ano.
Évora, 17 de outubro de 2026"""
    _, fields, warnings = read(text)
    assert fields["deductions"] == Decimal("482.97")
    assert fields["net_monthly_amount"] == Decimal("1827.48")
    assert warnings == []


def test_a_nota_de_pagamento_gross_is_what_its_items_add_up_to_when_net_and_deductions_agree() -> None:
    """The items paid ("Pensão de invalidez", "Complemento ...") carry no gross label; their sum is the gross only
    because it is exactly the net plus the deductions."""
    text = """Instituto da Segurança Social, I.P.
Centro Nacional de Pensões — Nota de pagamento
Emitida em 2026-11-06
Pensionista: Teresa Cristina Lobo Fernandes
NIF: 130495727
Pensão de invalidez 905,15
Complemento por dependência 104,85
Retenção na fonte IRS -71,00
Valor a pagar {net}
Paga em 14 prestações anuais."""
    _, fields, _ = read(text.format(net="939,00"))
    assert fields["gross_monthly_amount"] == Decimal("1010.00")
    # Items that do not add up to net plus deductions say nothing about the gross.
    _, fields, warnings = read(text.format(net="940,00"))
    assert fields["gross_monthly_amount"] is None and "missing:gross_monthly_amount" in warnings


@pytest.mark.parametrize(
    "identity",
    [
        "Titular\nAna Luísa Carvalho Moura\nNIF\n277103843",
        "Nome Ana Luísa Carvalho Moura\nNIF 277103843",
        "Certifica-se, a pedido da interessada, que Ana Luísa Carvalho Moura, com o número de identificação fiscal "
        "277103843, é pensionista deste Centro.",
    ],
)
def test_the_pensioners_name_is_read_without_a_colon_after_its_label(identity: str) -> None:
    text = f"""Segurança Social
Declaração de valores de pensão
{identity}
Valor mensal da pensão 615,40 €
Valor líquido 615,40 €
Pensão paga 14 vezes por ano.
Faro, 2 de novembro de 2026"""
    _, fields, _ = read(text)
    assert fields["pensioner_name"] == "Ana Luísa Carvalho Moura"
    assert fields["pensioner_nif"] == "277103843"


@pytest.mark.parametrize(
    ("footer", "issued"),
    [("Porto, 2026-10-02", dt.date(2026, 10, 2)), ("Data 14.09.2026", dt.date(2026, 9, 14))],
)
def test_an_issue_date_in_figures_after_a_place_or_a_bare_label_is_read(footer: str, issued: dt.date) -> None:
    text = f"""Centro Nacional de Pensões
Declaração de pensão de sobrevivência
Pensionista: Lurdes Amélia Faria Brandão  NIF 277103843
Valor mensal da pensão 438,90 €
Valor líquido 438,90 €
Paga em 14 prestações por ano.
{footer}"""
    _, fields, _ = read(text)
    assert fields["issue_date"] == issued


def test_a_letter_saying_the_person_is_retired_from_the_caixa_is_a_pension_statement() -> None:
    """Blind probe, round 6: a CGA letter whose only pension wording is "é aposentado desta Caixa" was refused."""
    text = """CGA - Caixa Geral de Aposentações, I.P.
DECLARAÇÃO
Declara-se que Joaquina Maria Tavares Pinto, NIF 168320592, é aposentada desta Caixa desde 2014.
Montante mensal ilíquido: 1.203,40 €
Descontos: 96,20 €
Montante líquido: 1.107,20 €
Paga em 14 prestações anuais.
Lisboa, 9 de novembro de 2026"""
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pension_type"] == "aposentacao"
    assert fields["pensioner_name"] == "Joaquina Maria Tavares Pinto"
    assert (fields["gross_monthly_amount"], fields["net_monthly_amount"]) == (Decimal("1203.40"), Decimal("1107.20"))
    assert warnings == []
