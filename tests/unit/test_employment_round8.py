"""Employers' declarations the blind probe of round 8 misread: one titled "Declaração de rendimentos e vínculo" taken
for an IRS return, a letter in English refused, a ruled table's cells (no colons) and dates written in words not
read, a name with a letter from outside Portuguese cut at it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from documents.extraction.parsers.classify import classify
from documents.extraction.parsers.employment import number_in_words
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


def test_an_employers_declaration_of_income_is_not_an_irs_return() -> None:
    """Blind probe, round 8: 'Declaração de rendimentos e vínculo' from an association was a DECLARACAO_IRS with
    only a NIF; its employer, a body with no company form, and its date 'Ourém, 2026-10-05' were not read."""
    text = """Fundação Casa do Povo de Alvaiázere
NIPC 530453401 · Largo da Igreja, 3250-100 Alvaiázere
Declaração de rendimentos e vínculo
Alvaiázere, 2026-09-17
Declara-se que Vítor Hugo Mendonça Salgueiro (NIF 296105317) é trabalhador efetivo desta Fundação desde 2019-02-01,
com a remuneração mensal ilíquida de 1.085,00 €."""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["employer_name"] == "Fundação Casa do Povo de Alvaiázere"
    assert fields["employer_nif"] == "530453401"
    assert fields["employee_name"] == "Vítor Hugo Mendonça Salgueiro"
    assert fields["employee_nif"] == "296105317"
    assert fields["contract_type"] == "PERMANENT"
    assert fields["start_date"] == dt.date(2019, 2, 1)
    assert fields["monthly_gross_salary"] == Decimal("1085.00")
    assert fields["issue_date"] == dt.date(2026, 9, 17)


def test_an_irs_return_titled_declaracao_de_rendimentos_stays_one() -> None:
    text = """Autoridade Tributária e Aduaneira
Declaração de Rendimentos - IRS Modelo 3 - Ano 2025
Sujeito passivo A: 296105317
Anexo A - Rendimentos do trabalho dependente: 15.190,00
Declara-se que os dados acima são verdadeiros."""
    assert classify(text) == DocumentKind.DECLARACAO_IRS


@pytest.mark.parametrize(
    ("contract", "contract_type", "end_date"),
    [
        ("under a permanent (open-ended) employment contract", "PERMANENT", None),
        ("under a fixed-term employment contract until 31 March 2027", "FIXED_TERM", dt.date(2027, 3, 31)),
    ],
)
def test_an_employment_letter_in_english(contract: str, contract_type: str, end_date: dt.date | None) -> None:
    """Blind probe, round 8: 'EMPLOYMENT CONFIRMATION LETTER' / 'This is to confirm that ... has been employed by ...'
    / 'EUR 4,200.00' was refused."""
    text = f"""BALTIC SOFTWORKS
Baltic Softworks Portugal, Unipessoal Lda. · VAT/NIPC PT548188351 · Avenida da Boavista 1200, Porto
EMPLOYMENT CONFIRMATION LETTER Porto, 20 November 2026
To whom it may concern,
This is to confirm that Mr Tomasz Piotr Kowalczyk (Portuguese tax number 329185578) has been employed by
Baltic Softworks Portugal, Unipessoal Lda. since 3 June 2024 {contract},
in the position of Backend Developer.
His gross monthly base salary is EUR 3,750.00, paid 14 times a year, plus a meal allowance.
Yours faithfully,
Ingrid Berg — HR Manager"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["employer_name"] == "Baltic Softworks Portugal, Unipessoal Lda."
    assert fields["employer_nif"] == "548188351"
    assert fields["employee_name"] == "Tomasz Piotr Kowalczyk"
    assert fields["employee_nif"] == "329185578"
    assert fields["contract_type"] == contract_type
    assert fields["start_date"] == dt.date(2024, 6, 3)
    assert fields["end_date"] == end_date
    assert fields["monthly_gross_salary"] == Decimal("3750.00")
    assert fields["issue_date"] == dt.date(2026, 11, 20)


def test_a_name_with_a_letter_from_outside_portuguese_is_kept_whole() -> None:
    """Blind probe, round 8: 'Katarzyna Anna Wiśniewska' was cut to 'Katarzyna Anna Wi' (the name's letters were
    Latin-1 only)."""
    text = """Baltic Softworks Portugal, Unipessoal Lda.
NIPC 548188351
DECLARAÇÃO
Declaramos que Małgorzata Zofia Dąbrowska (NIF 329185578) é nossa trabalhadora desde 1 de setembro de 2024,
com contrato de trabalho sem termo, auferindo a remuneração base mensal ilíquida de 3.100,00 €.
Porto, 18 de novembro de 2026"""
    _, fields, _ = read(text)
    assert fields["employee_name"] == "Małgorzata Zofia Dąbrowska"


@pytest.mark.parametrize("separator", [" ", " | "])
def test_a_ruled_table_of_fields_with_no_colons(separator: str) -> None:
    """Blind probe, round 8: 'Trabalhadora | <name>', 'Data de início | 01/06/2025', 'Data da declaração | 25/11/2026'
    (the rule lost or kept) gave no name, start or issue date."""
    rows = [
        ("Trabalhador", "Rogério Anselmo Brito Carvalhal"),
        ("NIF", "280732970"),
        ("Categoria", "Técnico de manutenção"),
        ("Tipo de contrato", "Contrato de trabalho a termo certo"),
        ("Data de início", "01/02/2026"),
        ("Data de termo", "31/01/2027"),
        ("Remuneração base mensal ilíquida", "1.210,00 €"),
        ("Data da declaração", "05/11/2026"),
    ]
    table = "\n".join(f"{label}{separator}{value}" for label, value in rows)
    text = f"""Metalúrgica do Vouga, S.A.
NIPC 564646261 · Zona Industrial, Águeda
Declaração de vínculo laboral
{table}"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["employee_name"] == "Rogério Anselmo Brito Carvalhal"
    assert fields["employee_nif"] == "280732970"
    assert fields["contract_type"] == "FIXED_TERM"
    assert fields["start_date"] == dt.date(2026, 2, 1)
    assert fields["end_date"] == dt.date(2027, 1, 31)
    assert fields["monthly_gross_salary"] == Decimal("1210.00")
    assert fields["issue_date"] == dt.date(2026, 11, 5)


def test_a_role_word_before_a_sentence_is_not_a_name_label() -> None:
    text = """Metalúrgica do Vouga, S.A.
NIPC 564646261
Declaração de vínculo laboral
Trabalhador a tempo parcial com horário flexível
Declara-se que Rogério Anselmo Brito Carvalhal, NIF 280732970, é trabalhador desta empresa desde 01/02/2026."""
    _, fields, _ = read(text)
    assert fields["employee_name"] == "Rogério Anselmo Brito Carvalhal"


def test_dates_written_in_words() -> None:
    """Blind probe, round 8: 'celebrado em um de março de dois mil e vinte e cinco, renovado até vinte e oito de
    fevereiro de dois mil e vinte e sete' and the place and date in words gave no dates."""
    text = """Padaria Central de Tomar, Lda.
Contribuinte 589342584 · Tomar
DECLARAÇÃO
Padaria Central de Tomar, Lda., pessoa coletiva n.º 589342584, declara que Sónia Patrícia Valente Rebelo, NIF 278392911
trabalha nesta empresa como pasteleira ao abrigo de contrato de trabalho a termo certo
celebrado em quinze de janeiro de dois mil e vinte e quatro, renovado até catorze de janeiro de dois mil e vinte e sete,
com a retribuição mensal ilíquida de novecentos e noventa euros (990,00 €).
Tomar, trinta e um de outubro de dois mil e vinte e seis."""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["contract_type"] == "FIXED_TERM"
    assert fields["start_date"] == dt.date(2024, 1, 15)
    assert fields["end_date"] == dt.date(2027, 1, 14)
    assert fields["monthly_gross_salary"] == Decimal("990.00")
    assert fields["issue_date"] == dt.date(2026, 10, 31)


@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("dois mil e vinte e cinco", 2025),
        ("mil novecentos e noventa e nove", 1999),
        ("trinta e um", 31),
        ("primeiro", 1),
        ("dois mil", 2000),
    ],
)
def test_numbers_in_words(words: str, number: int) -> None:
    assert number_in_words(words) == number
