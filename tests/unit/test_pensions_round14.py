"""Pension statements the blind probe of round 14 misread: a bilingual form whose rows repeat each caption in
English before the value ('Beneficiária   Beneficiary   Nadiya ...', 'Tipo de pensão   Type of pension
Sobrevivência / Survivor's') and dated only at the letterhead's right margin, and a declaration naming the
pensioner with a title ('o Dr. Henrique ...')."""

from __future__ import annotations

import datetime as dt

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


BILINGUAL = """SEGURANÇA SOCIAL · SOCIAL SECURITY 2026-10-15
Declaração de pensão / Pension statement
Beneficiário Beneficiary Oleksandr Petrenko Amaral
NIF Tax number 259083011
Tipo de pensão Type of pension Invalidez / Invalidity
Valor mensal ilíquido Monthly gross amount 612,40 EUR
Descontos Deductions 0,00 EUR
Valor mensal líquido Monthly net amount 612,40 EUR
Prestações por ano Payments per year 14"""


def test_the_english_caption_is_no_part_of_the_name() -> None:
    kind, fields, _ = read(BILINGUAL)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Oleksandr Petrenko Amaral"


def test_the_type_after_a_translated_caption_is_read() -> None:
    _, fields, _ = read(BILINGUAL)
    assert fields["pension_type"] == "invalidez"
    _, fields, _ = read(BILINGUAL.replace("Invalidez / Invalidity", "Sobrevivência / Survivor's"))
    assert fields["pension_type"] == "sobrevivencia"


def test_a_date_at_the_letterheads_margin_is_the_issue_date() -> None:
    _, fields, _ = read(BILINGUAL)
    assert fields["issue_date"] == dt.date(2026, 10, 15)
    _, fields, _ = read(BILINGUAL.replace("2026-10-15", "15/10/2026"))
    assert fields["issue_date"] == dt.date(2026, 10, 15)


def test_a_start_at_the_letterheads_margin_is_not_the_issue_date() -> None:
    """Guard: a pension's start ('Início da pensão 2026-04-01') closing a top line is not the letter's date."""
    text = BILINGUAL.replace(
        "SEGURANÇA SOCIAL · SOCIAL SECURITY 2026-10-15", "SEGURANÇA SOCIAL · Início da pensão 2026-04-01"
    )
    _, fields, _ = read(text)
    assert fields["issue_date"] != dt.date(2026, 4, 1)


DECLARED = """CPAS — Caixa de Previdência dos Advogados e Solicitadores
Largo de São Domingos 14, 1169-060 Lisboa · NIPC 500838550
Declaração Lisboa, 05-11-2026
Declara-se que o Eng. Álvaro Mendes de Sequeira Lobo, contribuinte fiscal n.º 152601813, beneficiário n.º 3021-B,
é pensionista desta Caixa, auferindo pensão de reforma por velhice no montante mensal
ilíquido de 1.204,30 €, ao qual é deduzida retenção na fonte de IRS de 118,00 €, sendo o
valor líquido mensal de 1.086,30 €. A pensão é paga em 14 prestações anuais."""


def test_a_title_before_the_declared_name_is_no_part_of_it() -> None:
    _, fields, _ = read(DECLARED)
    assert fields["pensioner_name"] == "Álvaro Mendes de Sequeira Lobo"
    _, fields, _ = read(DECLARED.replace("o Eng. Álvaro", "o Dr. Álvaro"))
    assert fields["pensioner_name"] == "Álvaro Mendes de Sequeira Lobo"


def test_a_title_after_a_label_is_no_part_of_the_name() -> None:
    text = BILINGUAL.replace("Beneficiário Beneficiary Oleksandr", "Pensionista: Dra. Oleksandra")
    _, fields, _ = read(text)
    assert fields["pensioner_name"] == "Oleksandra Petrenko Amaral"


def test_a_first_name_starting_like_a_title_is_kept() -> None:
    """Guard: 'Draga' and 'Doroteia' are names, not 'Dra.' or 'D.'."""
    text = BILINGUAL.replace("Beneficiário Beneficiary Oleksandr", "Pensionista: Draga")
    _, fields, _ = read(text)
    assert fields["pensioner_name"] == "Draga Petrenko Amaral"
    text = BILINGUAL.replace("Beneficiário Beneficiary Oleksandr", "Pensionista: Doroteia")
    _, fields, _ = read(text)
    assert fields["pensioner_name"] == "Doroteia Petrenko Amaral"
