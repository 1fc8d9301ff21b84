"""Photos and refusals of blind probe r46b. A phone photo of a till roll's payslip read its period "N0V/2026", the
narrow "O" a zero, and a speck at the photo's edge as a letter before the employer's name; a photographed
declaration's bars and brackets at the page's edge parted "desde" from its date and "por tempo" from
"indeterminado". A company's payroll summary and a contract of employment were told only "not recognised". The
lines are shaped as the reader gives them, with names and figures of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from applicants.identifiers import nif_has_valid_checksum
from documents.extraction.local import (
    EMPLOYMENT_CONTRACT_REFUSED,
    PAYROLL_SUMMARY_REFUSED,
    UNRECOGNISED,
    refusal,
)
from documents.extraction.parsers.classify import classify, employment_contract
from documents.extraction.parsers.employment import parse_employment_declaration
from documents.extraction.parsers.payslip import logo_marks_dropped, month_and_year_mended, parse_payslip
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import DocumentKind
from tests.helpers import boxed_line

PHOTO_CONFIDENCE = 0.9
EMPLOYER_NIF = "507339126"
PEOPLE_NIFS = ("217345620", "258904178", "304155284", "198260431")


def photo_line(text: str) -> Line:
    return Line(text, PHOTO_CONFIDENCE, [(word, PHOTO_CONFIDENCE) for word in text.split()])


def test_the_nifs_of_these_pages_are_valid() -> None:
    assert all(nif_has_valid_checksum(nif) for nif in (EMPLOYER_NIF, *PEOPLE_NIFS))


# --- A till roll's payslip, photographed --------------------------------------------------------------------------

# A speck 9 px tall, 70 px before a name whose capitals are 26-30 px tall, read as "q" (the probe's: "k", 8 px).
SPECK_BEFORE_THE_NAME = boxed_line(
    ("q", 0.86, (210, 404, 3, 9)),
    ("MERCEARIA", 0.96, (283, 392, 190, 26)),
    ("ALVES", 0.96, (490, 392, 98, 26)),
    ("&", 0.95, (606, 392, 20, 26)),
    ("FILHOS,", 0.96, (644, 391, 130, 30)),
    ("LDA.", 0.93, (792, 392, 70, 26)),
)
TILL_ROLL = [
    SPECK_BEFORE_THE_NAME,
    photo_line(f"CONTRIB. {EMPLOYER_NIF}"),
    photo_line("LOJA 0032 - TORRES NOVAS"),
    photo_line("RECIBO DE VENCIMENTO"),
    photo_line("MES/ANO: 0UT/2026"),
    photo_line("RODRIGO AMARAL TEIXEIRA"),
    photo_line(f"CONTRIB.: {PEOPLE_NIFS[0]}"),
    photo_line("CATEGORIA: REPOSITOR"),
    photo_line("VENCIMENTO 900,00"),
    photo_line("SUB. ALIMENTACAO CARTAO 120,00"),
    photo_line("TOTAL ILIQUIDO 1.020,00"),
    photo_line("IRS 12,00"),
    photo_line("SEG. SOCIAL 112,20"),
    photo_line("TOTAL DESCONTOS 124,20"),
    photo_line("LIQUIDO 895,80"),
]


def test_a_month_read_with_a_zero_for_its_o_is_the_period() -> None:
    parsed = parse_payslip(TILL_ROLL)
    assert parsed.fields["period"] == "2026-10"
    assert "missing:period" not in parsed.warnings


@pytest.mark.parametrize(
    ("printed", "mended"),
    [
        ("MES/ANO: N0V/2026", "MES/ANO: NOV/2026"),
        ("Período: 0utubro de 2026", "Período: outubro de 2026"),
        ("Mês: JU1HO/2026", "Mês: JULHO/2026"),
        ("Mês: abr1l 2026", "Mês: abril 2026"),
    ],
)
def test_a_month_s_name_with_a_digit_for_a_letter_is_mended(printed: str, mended: str) -> None:
    assert month_and_year_mended(Line(printed)).text == mended


@pytest.mark.parametrize("text", ["Período: 10/2026", "Código A10 2026", "Secção 0V1 2026", "N0V 26"])
def test_figures_and_codes_before_a_year_stay_as_printed(text: str) -> None:
    assert month_and_year_mended(Line(text)).text == text


def test_a_speck_far_smaller_than_the_name_and_apart_from_it_is_dropped() -> None:
    assert logo_marks_dropped(SPECK_BEFORE_THE_NAME).text == "MERCEARIA ALVES & FILHOS, LDA."
    assert parse_payslip(TILL_ROLL).fields["employer_name"] == "MERCEARIA ALVES & FILHOS, LDA."


def test_a_small_letter_of_the_line_stays() -> None:
    # A lower-case article, more than half the capitals' height, one word space before the name.
    article = boxed_line(
        ("a", 0.95, (100, 58, 14, 14)), ("Padaria", 0.96, (120, 50, 90, 22)), ("Lda.", 0.96, (216, 50, 40, 22))
    )
    assert logo_marks_dropped(article).text == "a Padaria Lda."
    # A small letter set close to the words after it: the line's own.
    close = boxed_line(
        ("x", 0.95, (100, 62, 6, 8)), ("Vencimento", 0.96, (112, 50, 100, 22)), ("base", 0.96, (218, 50, 40, 22))
    )
    assert logo_marks_dropped(close).text == "x Vencimento base"


# --- A declaration photographed, marks of the page's edge at its lines' ends ---------------------------------------

DECLARATION_PHOTO = [
    "| JUNTA DE FREGUESIA DE SANTA LUZIA |",
    "] DECLARAÇÃO",
    f"A Junta de Freguesia de Santa Luzia, pessoa coletiva n.º {EMPLOYER_NIF}, declara, para os devidos",
    "efeitos, que Marta Sofia Rebelo, contribuinte fiscal n.º 258904178, é sua trabalhadora desde [",
    "15/03/2014, vinculada por contrato de trabalho em funções públicas por tempo |",
    "|] indeterminado, auferindo a remuneração mensal ilíquida de 1.245,60 €.",
    "| Santa Luzia, 3 de novembro de 2026",
]


def test_a_declaration_s_fields_split_by_the_page_s_edge_marks_are_read() -> None:
    parsed = parse_employment_declaration([photo_line(text) for text in DECLARATION_PHOTO])
    assert parsed.fields["contract_type"] == "PERMANENT"
    assert parsed.fields["start_date"] == dt.date(2014, 3, 15)
    assert parsed.fields["monthly_gross_salary"] == Decimal("1245.60")
    assert parsed.fields["employee_name"] == "Marta Sofia Rebelo"


# --- Refused with a reason of their own ----------------------------------------------------------------------------

PAYROLL_SUMMARY = f"""Carpintaria Nogueira & Silva, Lda.
NIF {EMPLOYER_NIF}
Resumo do Processamento de Salários
Setembro de 2026
N.º Nome NIF Vencimento Ilíquido IRS Seg. Social Líquido
01 Tiago Nogueira Lopes {PEOPLE_NIFS[0]} 950,00 950,00 12,00 104,50 833,50
02 Helena Costa Pires {PEOPLE_NIFS[1]} 1.100,00 1.100,00 48,00 121,00 931,00
03 Ivo Santos Barros {PEOPLE_NIFS[2]} 880,00 880,00 0,00 96,80 783,20
04 Carla Dias Moura {PEOPLE_NIFS[3]} 1.200,00 1.200,00 66,00 132,00 1.002,00
TOTAIS 4.130,00 4.130,00 126,00 454,30 3.549,70"""

EMPLOYMENT_CONTRACT = f"""CONTRATO INDIVIDUAL DE TRABALHO SEM TERMO
Entre Carpintaria Nogueira & Silva, Lda., pessoa coletiva n.º {EMPLOYER_NIF}, adiante designada por Primeira
Outorgante, e Ivo Santos Barros, contribuinte n.º {PEOPLE_NIFS[2]}, adiante designado por Segundo Outorgante,
é celebrado o presente contrato de trabalho, que se rege pelas cláusulas seguintes:
Cláusula 1.ª — O Segundo Outorgante é admitido para exercer as funções de carpinteiro.
Cláusula 2.ª — O contrato tem início em 2 de maio de 2026.
Cláusula 3.ª — O Segundo Outorgante receberá a retribuição mensal ilíquida de 880,00 €.
Feito em duplicado, em Braga, a 28 de abril de 2026."""


def read_page(text: str) -> ReadDocument:
    return ReadDocument(lines=[Line(line) for line in text.splitlines() if line.strip()], pages=1, method="text")


@pytest.mark.parametrize(
    ("text", "reason"),
    [(PAYROLL_SUMMARY, PAYROLL_SUMMARY_REFUSED), (EMPLOYMENT_CONTRACT, EMPLOYMENT_CONTRACT_REFUSED)],
    ids=["payroll-summary", "employment-contract"],
)
def test_a_refused_income_document_says_what_it_is_and_what_to_send(text: str, reason: str) -> None:
    assert classify(text) == DocumentKind.UNKNOWN
    assert refusal(read_page(text), "PROOF_OF_INCOME", []) == reason
    assert reason != UNRECOGNISED["PROOF_OF_INCOME"]


def test_a_contract_s_clauses_without_its_title_are_a_contract() -> None:
    untitled = EMPLOYMENT_CONTRACT.split("\n", 1)[1]
    assert refusal(read_page(untitled), "PROOF_OF_INCOME", []) == EMPLOYMENT_CONTRACT_REFUSED


def test_a_declaration_naming_the_contract_at_a_line_s_start_is_no_contract() -> None:
    folded = (
        "declara que ana sousa e sua trabalhadora desde 01/03/2021, vinculada por\n"
        "contrato de trabalho sem termo, auferindo 1.500,00 euros."
    )
    assert not employment_contract(folded)


def test_a_lease_s_parties_and_clauses_are_no_contract_of_employment() -> None:
    lease = (
        "contrato de arrendamento para habitacao\nentre rui sa, adiante designado por primeiro outorgante, e ana\n"
        "lopes, segunda outorgante, e celebrado o presente contrato.\nclausula 1.a - o primeiro outorgante da de "
        "arrendamento a fracao."
    )
    assert not employment_contract(lease)
