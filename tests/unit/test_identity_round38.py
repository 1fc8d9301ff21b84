"""Blind probe r38b, Portuguese identity documents as applicants photograph them: a card's front never gave its
nationality, "PRT" between the height and the birth date taken for a written month ("1,53 PRT 23"); and a word OCR
split at its cedilla ("Assu Nção") kept split though a valid MRZ prints it whole. Texts of our own in the probe's
layouts."""

from __future__ import annotations

from documents.extraction.parsers.identity import parse_identity, visual_nationality, words_rejoined
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from tests.unit.test_identity_round13 import td3


def test_a_country_code_between_figures_is_the_nationality() -> None:
    assert visual_nationality("F 1,53 PRT 23 06 2003") == "PRT"
    assert visual_nationality("M 1,81 PRT 02 11 1979") == "PRT"
    # A date written with its month's abbreviation is still no nationality: "MAR" and "AGO" are countries too.
    assert visual_nationality("12 MAR 1990") is None
    assert visual_nationality("ANGOLANA 12 MAR 1990") == "AGO"


def test_a_card_fronts_row_of_values_gives_its_nationality() -> None:
    lines = [
        "REPÚBLICA PORTUGUESA CARTÃO DE CIDADÃO",
        "APELIDO(S) / SURNAME",
        "MOREIRA DA SILVA",
        "NOME(S) / GIVEN NAMES",
        "INÊS",
        "SEXO ALTURA NACIONALIDADE DATA DE NASCIMENTO",
        "SEX HEIGHT NATIONALITY DATE OF BIRTH",
        "F 1,64 PRT 14 02 1991",
    ]
    parsed = parse_identity([Line(text, 0.9) for text in lines], DocumentKind.CARTAO_CIDADAO)
    assert parsed.fields["nationality"] == "PRT"


def test_a_word_ocr_split_is_joined_where_a_valid_mrz_prints_it_whole() -> None:
    assert words_rejoined("Falcão das Assu Nção", "FALCAO DAS ASSUNCAO") == "Falcão das Assunção"
    # Words the MRZ prints apart stay apart, and a hyphen the MRZ writes as a filler stays.
    assert words_rejoined("Da Silva Mello-Breyner", "DA SILVA MELLO BREYNER") == "Da Silva Mello-Breyner"
    mrz = td3("ASSUNCAO<SOUSA<<RITA", "P1234567<", "PRT", "910214", "F", "310101")
    lines = [
        "REPÚBLICA PORTUGUESA PASSAPORTE PASSPORT",
        "Apelido / Surname",
        "ASSU NÇÃO SOUSA",
        "Nome próprio / Given names",
        "RITA",
        *mrz,
    ]
    parsed = parse_identity([Line(text, 0.9) for text in lines], DocumentKind.PASSAPORTE)
    assert parsed.fields["mrz_valid"] is True
    assert parsed.fields["surname"] == "Assunção Sousa"
