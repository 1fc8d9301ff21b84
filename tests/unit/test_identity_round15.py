"""Identity documents the blind probe of round 15 and the cases probe found read wrong: a Spanish DNI front whose
"SEGUNDO APELLIDO" caption was read as the surname; a single-name passport holder whose empty "Surname" caption
took the given name; "Date of Issue / Date of Expiry" over two dates read as one column; a residence permit's
number under "Número do título" not read, and an impossible reading of it ("R122204938") returned. The texts are
shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td1, td3


def parse(text: str, kind: DocumentKind, mrz: list[str] | None = None) -> tuple[dict[str, object], list[str]]:
    lines = [Line(line, 0.93) for line in [*text.splitlines(), *(mrz or [])] if line.strip()]
    parsed = parse_identity(lines, kind)
    return parsed.fields, parsed.warnings


# --- A Spanish DNI front: each surname under a caption of its own ---------------------------------

DNI_ONE_ROW = """ESPAÑA
DOCUMENTO NACIONAL DE IDENTIDAD
PRIMER APELLIDO SEGUNDO APELLIDO
MORENO IBÁÑEZ
NOMBRE
CARMEN
SEXO NACIONALIDAD FECHA DE NACIMIENTO
F ESP 14 02 1988
NUM SOPORTE VÁLIDO HASTA
CXK305172 09 11 2031"""

DNI_TWO_ROWS = """ESPAÑA
DOCUMENTO NACIONAL DE IDENTIDAD
PRIMER APELLIDO
MORENO
SEGUNDO APELLIDO
IBÁÑEZ
NOMBRE
CARMEN
SEXO NACIONALIDAD FECHA DE NACIMIENTO
F ESP 14 02 1988"""


def test_both_surname_captions_on_one_row_are_no_part_of_the_surname() -> None:
    """'PRIMER APELLIDO SEGUNDO APELLIDO' over 'MORENO IBÁÑEZ': the second caption, in capitals after the first, is
    a caption still; the surnames are the row under it."""
    fields, _ = parse(DNI_ONE_ROW, DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert fields["surname"] == "Moreno Ibáñez"
    assert fields["given_names"] == "Carmen"
    assert fields["full_name"] == "Carmen Moreno Ibáñez"


def test_surnames_under_two_caption_rows_are_joined_in_order() -> None:
    fields, _ = parse(DNI_TWO_ROWS, DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert fields["surname"] == "Moreno Ibáñez"
    assert fields["given_names"] == "Carmen"


def test_an_empty_second_surname_caption_takes_nothing() -> None:
    """The guard: a holder of one surname, the 'SEGUNDO APELLIDO' row empty: the given name under 'NOMBRE' is no
    second surname."""
    fields, _ = parse(DNI_TWO_ROWS.replace("IBÁÑEZ\n", ""), DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert fields["surname"] == "Moreno"
    assert fields["given_names"] == "Carmen"


def test_a_given_name_segundo_is_still_a_name() -> None:
    """The guard: the ordinal is a caption's only before its noun; a given name 'SEGUNDO' is read."""
    fields, _ = parse(DNI_ONE_ROW.replace("CARMEN", "SEGUNDO"), DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert fields["given_names"] == "Segundo"


def test_the_dni_card_number_is_read_under_num_soporte() -> None:
    """The number the MRZ on the back holds, so both sides can be compared."""
    fields, _ = parse(DNI_ONE_ROW, DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert fields["document_number"] == "CXK305172"


ITALIAN_FRONT = """REPUBBLICA ITALIANA
CARTA DI IDENTITÀ
COGNOME
BIANCHI
NOME
GIULIA
LUOGO E DATA DI NASCITA
TORINO 03.06.1990"""


def test_captions_in_the_cards_own_language_alone_are_read() -> None:
    """Italian 'COGNOME' / 'NOME' with no English beside them."""
    fields, _ = parse(ITALIAN_FRONT, DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert fields["surname"] == "Bianchi"
    assert fields["given_names"] == "Giulia"


# --- A single-name holder's passport ---------------------------------------------------------------

SINGLE_NAME_PASSPORT = """REPUBLIC OF INDIA
PASSPORT
Type / Code / Passport No.
P IND K7302841
Surname
Given Name(s)
HARPREET
Nationality
INDIAN
Sex / Date of Birth
M 21/05/1987
Date of Issue / Date of Expiry
04/09/2023 03/09/2033"""
SINGLE_NAME_MRZ = td3(code="P", state="IND", number="K7302841", birth=dt.date(1987, 5, 21), sex="M",
                      expiry=dt.date(2033, 9, 3), nationality="IND", surname="", given="Harpreet")  # fmt: skip


def test_an_empty_surname_caption_does_not_take_the_given_name() -> None:
    """'Surname' with nothing under it, then 'Given Name(s)' / 'HARPREET': the name is the given name's only, and
    the valid MRZ with an empty primary identifier agrees. The full name is that one name."""
    assert SINGLE_NAME_MRZ[0].startswith("P<IND<<HARPREET<")
    fields, warnings = parse(SINGLE_NAME_PASSPORT, DocumentKind.PASSAPORTE, SINGLE_NAME_MRZ)
    assert fields["mrz_valid"] is True
    assert fields.get("surname") is None
    assert fields["given_names"] == "Harpreet"
    assert fields["full_name"] == "Harpreet"
    assert not [warning for warning in warnings if warning.startswith("mrz_viz_mismatch")]


def test_a_single_name_read_twice_is_dropped_from_the_surname_by_a_valid_mrz() -> None:
    """The given-names caption lost by OCR: the one name is read under 'Surname' as well; the valid MRZ, whose
    primary identifier is empty, shows it is no surname."""
    text = SINGLE_NAME_PASSPORT.replace("Given Name(s)\n", "")
    fields, warnings = parse(text, DocumentKind.PASSAPORTE, SINGLE_NAME_MRZ)
    assert fields.get("surname") is None
    assert fields["given_names"] == "Harpreet"
    assert "mrz_viz_mismatch:surname" in warnings


def test_issue_and_expiry_captions_after_a_slash_are_two_columns() -> None:
    """'Date of Issue / Date of Expiry' over '04/09/2023 03/09/2033': two dates, not a caption and its translation;
    the expiry is the second, as the MRZ says, so nothing disagrees."""
    fields, warnings = parse(SINGLE_NAME_PASSPORT, DocumentKind.PASSAPORTE, SINGLE_NAME_MRZ)
    assert fields["expiry_date"] == dt.date(2033, 9, 3)
    assert "mrz_viz_mismatch:expiry_date" not in warnings
    fields, _ = parse(SINGLE_NAME_PASSPORT, DocumentKind.PASSAPORTE)
    assert fields["expiry_date"] == dt.date(2033, 9, 3)


def test_a_bilingual_expiry_caption_is_still_one_column() -> None:
    """The guard: 'Data de validade / Date of expiry' beside 'Data de emissão' keeps its own column."""
    text = """PASSAPORTE / PASSPORT
Apelido / Surname
SEMEDO
Nome / Given names
ILDA
Data de emissão Data de validade / Date of expiry
12 04 2021 11 04 2031"""
    fields, _ = parse(text, DocumentKind.PASSAPORTE)
    assert fields["expiry_date"] == dt.date(2031, 4, 11)


# --- A residence permit's number ---------------------------------------------------------------------

PERMIT_FRONT = """AUTORIZAÇÃO DE RESIDÊNCIA PERMANENTE
República Portuguesa — AIMA
Apelido Nome próprio
WANG LIHUA
Data de nascimento Sexo Nacionalidade
02.11.1979 F CHN
{caption} Válido até
{number} 27.05.2030
Tipo: Residência permanente — art.º 76.º Lei 23/2007"""


@pytest.mark.parametrize("number", ["T4Q518203", "T4Z518203", "B7S604128"])
def test_a_permit_number_under_numero_do_titulo_is_read_as_printed(number: str) -> None:
    """ICAO's nine characters, a letter among the digits that digit repair would make one ("Z" -> "2")."""
    fields, warnings = parse(
        PERMIT_FRONT.format(caption="Número do título", number=number), DocumentKind.TITULO_RESIDENCIA
    )
    assert fields["document_number"] == number
    assert "document_number_implausible" not in warnings


@pytest.mark.parametrize("caption", ["Número do título", "N.º do documento", "Documento n.º"])
def test_a_permit_number_no_permit_can_have_is_left_out_and_flagged(caption: str) -> None:
    """OCR read the 'Z' of 'T4Z518203' as 'Z2' ('T4Z2518203'): ten characters, which digit repair turns into a
    letter and nine digits. A permit's number has ICAO's nine: the reading is left out, flagged."""
    fields, warnings = parse(PERMIT_FRONT.format(caption=caption, number="T4Z2518203"), DocumentKind.TITULO_RESIDENCIA)
    assert fields.get("document_number") is None
    assert "document_number_implausible" in warnings


def test_a_permits_valid_mrz_number_stands_without_the_flag() -> None:
    """The guard: front and back on one image, the front's number misread; the back's valid MRZ gives the number,
    and the visual zone's misreading is no warning."""
    mrz = td1(code="IR", state="PRT", number="T4Z518203", birth=dt.date(1979, 11, 2), sex="F",
              expiry=dt.date(2030, 5, 27), nationality="CHN", surname="Wang", given="Lihua")  # fmt: skip
    fields, warnings = parse(
        PERMIT_FRONT.format(caption="Número do título", number="T4Z2518203"), DocumentKind.TITULO_RESIDENCIA, mrz
    )
    assert fields["mrz_valid"] is True
    assert fields["document_number"] == "T4Z518203"
    assert "document_number_implausible" not in warnings


def test_a_cplp_permit_series_number_is_still_read() -> None:
    """The guard: a series of letters before a long run of digits is a permit's number too."""
    fields, _ = parse(
        PERMIT_FRONT.format(caption="Número do título", number="CPLP20240193857"), DocumentKind.TITULO_RESIDENCIA
    )
    assert fields["document_number"] == "CPLP20240193857"
