"""Pension letters the blind probe of round 29 misread: a total labelled just "Descontos" under the IRS line added to
it as one more deduction (twice the deductions and a false arithmetic_mismatch); a scan's "Exmo. (a) Senhor(a)",
read with a space before the gender mark, over the pensioner's name, which went unread. The texts are shaped as the
reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from documents.extraction.parsers.pension import parse_pension
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


def lines(*texts: str) -> list[Line]:
    return [Line(text) for text in texts]


def letter(salutation: str, amounts: str) -> str:
    return f"""Segurança Social
Instituto da Segurança Social, I.P. — Centro Nacional de Pensões
Lisboa, 12 de novembro de 2026
{salutation}
Rosa Amélia Fontes Quaresma
NIF: 234156783
ASSUNTO: Declaração de rendimentos de pensão
Declara-se, para os devidos efeitos, que o(a) beneficiário(a) acima identificado(a) é titular de uma pensão de
velhice, paga em 14 prestações anuais (incluindo os subsídios de férias e de Natal).
{amounts}
Com os melhores cumprimentos,
O Diretor de Serviços"""


WITH_BARE_TOTAL = """Montante mensal ilíquido 1.240,00 EUR
Retenção na fonte 49,60 EUR
Descontos 49,60 EUR
Montante líquido 1.190,40 EUR"""


def test_a_total_labelled_just_descontos_is_the_total_not_one_more_deduction() -> None:
    """Round 29: 'Retenção na fonte 63,55' over 'Descontos 63,55' gave deductions 127,10 and arithmetic_mismatch."""
    kind, fields, warnings = read(letter("Exmo.(a) Senhor(a)", WITH_BARE_TOTAL))
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["deductions"] == Decimal("49.60")
    assert "arithmetic_mismatch" not in warnings


def test_a_bare_descontos_total_under_two_items_is_their_total() -> None:
    """The guard: 'IRS retido', 'ADSE (3,5%)' and 'Descontos' their total, as the CGA letter of round 29 prints them."""
    amounts = """Montante mensal ilíquido € 1.588,75
IRS retido € 63,55
ADSE (3,5%) € 55,61
Descontos € 119,16
Montante líquido € 1.469,59"""
    _, fields, warnings = read(letter("Exmo.(a) Senhor(a)", amounts))
    assert fields["deductions"] == Decimal("119.16")
    assert "arithmetic_mismatch" not in warnings


def test_a_last_item_that_is_the_others_total_is_taken_when_the_arithmetic_says_so() -> None:
    """'Retenção na fonte 40,00' over 'Total retido 40,00': two labels of one deduction; gross - net picks the total."""
    parsed = parse_pension(
        lines(
            "Montante mensal ilíquido 1.000,00",
            "Retenção na fonte 40,00",
            "Total retido 40,00",
            "Montante líquido 960,00",
        )
    )
    assert parsed.fields["deductions"] == Decimal("40.00")


def test_two_equal_deductions_still_add_up() -> None:
    """The guard: 'IRS 40,00' and 'ADSE 40,00' are two deductions when gross - net is their sum."""
    parsed = parse_pension(
        lines("Montante mensal ilíquido 1.000,00", "IRS 40,00", "ADSE 40,00", "Montante líquido 920,00")
    )
    assert parsed.fields["deductions"] == Decimal("80.00")


@pytest.mark.parametrize("salutation", ["Exmo. (a) Senhor(a)", "Exmo.(a) Senhor(a)", "Exma. ( a ) Senhora"])
def test_the_name_under_a_salutation_read_with_a_space_before_its_gender_mark(salutation: str) -> None:
    """Round 29: a scan's 'Exmo. (a) Senhor(a)' over the name gave no pensioner_name."""
    _, fields, _ = read(letter(salutation, WITH_BARE_TOTAL))
    assert fields["pensioner_name"] == "Rosa Amélia Fontes Quaresma"
