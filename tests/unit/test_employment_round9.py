"""Employers' declarations the blind probe of round 9 misread: one phrased "se encontra ao nosso serviço" refused,
dates in set phrases ("admitido ao seu serviço em", "aos 14 dias do mês de") and in an English sentence ("which
started on ... and will end on ...") not read, and an English letterhead's brand over its legal form dropped."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


# The contract's words cut where the line ran past the page edge ("contrato de t" / "temporário ..."), as a PDF's
# text layer gives it: the sentence itself says the person works for the company.
TEMP_AGENCY = """Multitempo — Empresa de Trabalho Temporário, Lda. · NIF 522900488 · Alvará 77/2004
Declaração
Declaramos que Iúri Matias Carvalhal Seabra, titular do NIF 230606725, se encontra ao nosso serviço com contrato de t
temporário a termo incerto, em cedência a utilizador,
desde 02/02/2026, exercendo as funções de Operador de Armazém, com a retribuição base mensal de 910,00 €.
Aveiro, 20/11/2026"""


def test_a_temp_agency_declaration_phrased_ao_nosso_servico() -> None:
    """Blind probe, round 9: 'Declaramos que <name>, titular do NIF …, se encontra ao nosso serviço com contrato …'
    was refused."""
    kind, fields, _ = read(TEMP_AGENCY)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["employer_name"] == "Multitempo — Empresa de Trabalho Temporário, Lda."
    assert fields["employer_nif"] == "522900488"
    assert fields["employee_name"] == "Iúri Matias Carvalhal Seabra"
    assert fields["employee_nif"] == "230606725"
    assert fields["contract_type"] == "FIXED_TERM"
    assert fields["start_date"] == dt.date(2026, 2, 2)
    assert fields["monthly_gross_salary"] == Decimal("910.00")
    assert fields["issue_date"] == dt.date(2026, 11, 20)


ADMITTED = """Farmácia Central de Tomar, Lda.
NIF 536163197 · Tomar
DECLARAÇÃO
Farmácia Central de Tomar, Lda., com o NIF 536163197, declara, para os devidos efeitos, que Marta Sofia Lobo
Carreira, NIF 216143365, foi admitida ao seu serviço em {start}, com contrato de trabalho por tempo
indeterminado, auferindo a remuneração mensal ilíquida de 1.120,00 €.
Tomar, aos {signed}."""


@pytest.mark.parametrize(
    ("start", "signed"),
    [
        ("3 de março de 2025", "20 dias do mês de novembro de 2026"),
        ("03/03/2025", "vinte dias do mês de novembro de dois mil e vinte e seis"),
    ],
)
def test_dates_in_a_declarations_set_phrases(start: str, signed: str) -> None:
    """Blind probe, round 9: 'foi admitido ao seu serviço em 1 de setembro de 2026' and 'Setúbal, aos 14 dias do mês
    de outubro de 2026' were not read."""
    kind, fields, _ = read(ADMITTED.format(start=start, signed=signed))
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["start_date"] == dt.date(2025, 3, 3)
    assert fields["issue_date"] == dt.date(2026, 11, 20)


ENGLISH = """NORTHWIND ANALYTICS
Unipessoal Lda. · Tax number (NIPC) 593350120 · Avenida da Liberdade 110, Lisboa
TO WHOM IT MAY CONCERN
Lisbon, 4 November 2026
We hereby declare that Ms. Aisha Folasade Bankole, Portuguese tax number (NIF) 214364500, is employed by our company
as Data Engineer under a fixed-term employment contract
which started on {start} and will end on {end}.
Her gross monthly salary is EUR 2,150.00, paid 14 times per year."""


@pytest.mark.parametrize(("start", "end"), [("1 March 2026", "28 February 2027"), ("01/03/2026", "28/02/2027")])
def test_an_english_contracts_start_and_end(start: str, end: str) -> None:
    """Blind probe, round 9: 'which started on 1 February 2026 and will end on 31 January 2027' (and the same in
    figures) gave neither date."""
    kind, fields, _ = read(ENGLISH.format(start=start, end=end))
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["contract_type"] == "FIXED_TERM"
    assert fields["start_date"] == dt.date(2026, 3, 1)
    assert fields["end_date"] == dt.date(2027, 2, 28)


def test_an_english_letterheads_brand_over_its_legal_form() -> None:
    """Blind probe, round 9: 'LISBON DIGITAL HUB' / 'Unipessoal Lda. · Tax number (NIPC) …' gave the employer as
    'Unipessoal Lda.'."""
    _, fields, _ = read(ENGLISH.format(start="1 March 2026", end="28 February 2027"))
    assert fields["employer_name"] == "Northwind Analytics - Unipessoal Lda."
    assert fields["employer_nif"] == "593350120"


def test_a_title_over_the_company_is_no_part_of_its_name() -> None:
    text = """DECLARAÇÃO
Serralharia Pacense, Lda. · NIF 580819787 · Paços de Ferreira
Declaramos que Yolanda Brás Meireles, NIF 203619013, trabalha nesta empresa desde 5 de maio de 2025,
com contrato de trabalho sem termo, auferindo a remuneração base mensal de 980,00 €.
Paços de Ferreira, 2 de novembro de 2026"""
    _, fields, _ = read(text)
    assert fields["employer_name"] == "Serralharia Pacense, Lda."
