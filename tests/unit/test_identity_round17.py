"""Identity documents the blind probe of round 17 found read wrong: a glyph off the card's edge taken into the MRZ's
surname; a name the MRZ cut short (its name line full) given without a word of warning; the nationality word under
its caption taken for a given name the OCR lost; a passport's three-letter series number read with a figure for its
third letter (a false mismatch); a surname after a frame line ("Re | ...") left unread, so the MRZ's spelling
without accents stood; a Cartão de Cidadão's number whose version OCR read with a glyph twice ("ZZ28") dropped
silently; Germany's ICAO code "D" given as the nationality; a CC back whose NIF was not read, silently. The texts
are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt

from applicants.identifiers import cc_check_digit
from documents.extraction.mrz import read_mrz
from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td1, td3

TODAY = dt.date(2026, 12, 3)


def parse(text: str, kind: DocumentKind, *, confidence: float = 0.93) -> tuple[dict[str, object], list[str]]:
    parsed = parse_identity([Line(line, confidence) for line in text.splitlines() if line.strip()], kind)
    return parsed.fields, parsed.warnings


def german_back(surname: str = "WEBER", given: str = "JOHANNA") -> list[str]:
    return td1(code="ID", state="D<<", number="T83K42R19", birth=dt.date(1986, 5, 14), sex="F",
               expiry=dt.date(2032, 9, 30), nationality="D<<", surname=surname, given=given)  # fmt: skip


# --- 1. A glyph off the card's edge beside the TD1 name line ---------------------------------------------------


def test_a_lone_glyph_before_a_td1_name_line_is_no_part_of_the_surname() -> None:
    """The card's edge read as "4", apart from the name line by a gap, at both of its ends: every check digit holds
    (names have none), and the name still starts the line."""
    first, second, names = german_back()
    mrz = read_mrz([first, second, f"4 {names} 4"], today=TODAY)
    assert mrz is not None and mrz.valid
    assert (mrz.surname, mrz.given_names) == ("WEBER", "JOHANNA")


def test_a_data_line_keeps_a_first_figure_set_apart() -> None:
    """Guard (passes before the fix too): a data line's first figure OCR set apart is data, never an edge glyph:
    dropping it would move every field."""
    first, second, names = german_back()
    mrz = read_mrz([first, f"{second[0]} {second[1:]}", names], today=TODAY)
    assert mrz is not None and mrz.valid
    assert mrz.date_of_birth == dt.date(1986, 5, 14)


# --- 2. A name the MRZ cut short ---------------------------------------------------------------------------


def cc_back_lines(surname: str, given: str, *, nif_row: str = "") -> str:
    number = "246813573ZZ"
    mrz = td1(code="I", state="PRT", number=number + cc_check_digit(number), birth=dt.date(1990, 2, 11), sex="F",
              expiry=dt.date(2031, 6, 4), nationality="PRT", surname=surname, given=given)  # fmt: skip
    return f"{nif_row}\nLocal de pedido / Place of application\nPorto\n" + "\n".join(mrz)


def test_a_full_td1_name_line_warns_that_the_name_may_be_cut() -> None:
    fields, warnings = parse(cc_back_lines("FERREIRA DA COSTA", "MARIA LEONOR"), DocumentKind.CARTAO_CIDADAO)
    assert fields["given_names"] == "Maria Leono"
    assert "mrz_name_truncated" in warnings


def test_a_name_line_ending_in_fillers_gives_no_such_warning() -> None:
    """Guard (passes before the fix too): a name with room to spare in the MRZ is whole."""
    _, warnings = parse(cc_back_lines("COSTA", "MARIA LEONOR"), DocumentKind.CARTAO_CIDADAO)
    assert "mrz_name_truncated" not in warnings


# --- 3. The nationality word under its caption is no given name ---------------------------------------------

PASSPORT_LOST_NAME_LINE = """REINO DE ESPANA - PASAPORTE
Tipo/Type Código/Code Pasaporte N.º/Passport No.
P ESP {number}
Apellidos/Surname
MORENO SANZ
Nombre/Given names
Nacionalidad/Nationality
ESPANOLA
Fecha de nacimiento/Date of birth Sexo/Sex
21 MAR 1988 F"""


def spanish_passport(number: str = "KRT471285") -> str:
    mrz = td3(code="P", state="ESP", number=number, birth=dt.date(1988, 3, 21), sex="F",
              expiry=dt.date(2030, 7, 2), nationality="ESP", surname="MORENO SANZ", given="ELENA")  # fmt: skip
    return PASSPORT_LOST_NAME_LINE.format(number=number) + "\n" + "\n".join(mrz)


def test_a_lost_name_line_leaves_the_name_to_a_valid_mrz_not_to_the_next_caption_s_value() -> None:
    fields, warnings = parse(spanish_passport(), DocumentKind.PASSAPORTE)
    assert fields["given_names"] == "Elena"
    assert fields["nationality"] == "ESP"
    assert "mrz_viz_mismatch:given_names" not in warnings


def test_a_three_letter_series_number_is_read_as_printed() -> None:
    """ "KRB305918": digit repair made the third letter a figure ("KR8305918"), a false mismatch with the MRZ."""
    fields, warnings = parse(spanish_passport("KRB305918"), DocumentKind.PASSAPORTE)
    assert fields["document_number"] == "KRB305918"
    assert "mrz_viz_mismatch:document_number" not in warnings


# --- 4. A surname after a frame line keeps its printed spelling ----------------------------------------------

PORTUGUESE_PASSPORT = """REPÚBLICA PORTUGUESA - PASSAPORTE - PASSPORT
Ra o Apelido/Surname
Re | GONÇALVES LEMOS
Nacionalidade/Nationality
pes ||| PORTUGUESA"""


def test_a_surname_after_a_frame_line_is_read_with_its_accents() -> None:
    mrz = td3(code="P", state="PRT", number="CF7305184", birth=dt.date(1993, 8, 5), sex="M",
              expiry=dt.date(2031, 4, 17), nationality="PRT", surname="GONCALVES LEMOS", given="RUI")  # fmt: skip
    fields, warnings = parse(PORTUGUESE_PASSPORT + "\n" + "\n".join(mrz), DocumentKind.PASSAPORTE, confidence=0.6)
    assert fields["surname"] == "Gonçalves Lemos"
    assert "mrz_viz_mismatch:surname" not in warnings


# --- 5. A CC front's number with a version glyph read twice ---------------------------------------------------

CC_FRONT = """PORTUGAL CARTÃO DE CIDADÃO CITIZEN CARD
APELIDO(S) / SURNAME
VIEIRA MATOS
NOME(S) / GIVEN NAME(S)
NUNO ANDRÉ
DATA DE NASCIMENTO / DATE OF BIRTH
22 09 1985
N.º DOCUMENTO / DOCUMENT No. DATA DE VALIDADE / EXPIRY DATE
{number} 30 11 2031"""
CC_HEAD = "318274652"
CC_CHECK = cc_check_digit(CC_HEAD + "ZZ")


def test_a_version_letter_read_twice_as_letter_and_figure_is_read_once() -> None:
    """ "ZZ" read "ZZ2": the check character singles out one reading."""
    fields, _ = parse(CC_FRONT.format(number=f"{CC_HEAD[:8]} {CC_HEAD[8]} ZZ2{CC_CHECK}"), DocumentKind.CARTAO_CIDADAO)
    assert fields["document_number"] == f"{CC_HEAD[:8]} {CC_HEAD[8]} ZZ{CC_CHECK}"


def test_a_number_no_reading_makes_valid_is_left_out_with_a_warning() -> None:
    wrong = str((int(CC_CHECK) + 1) % 10)
    fields, warnings = parse(
        CC_FRONT.format(number=f"{CC_HEAD[:8]} {CC_HEAD[8]} ZZ2{wrong}"), DocumentKind.CARTAO_CIDADAO
    )
    assert fields.get("document_number") is None
    assert "document_number_unreadable" in warnings


# --- 6. ICAO's code for Germany ---------------------------------------------------------------------------


def test_germany_s_icao_code_is_given_as_iso_alpha_3() -> None:
    fields, _ = parse("\n".join(german_back()), DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert (fields["nationality"], fields["issuing_state"]) == ("DEU", "DEU")


# --- 7. A CC back whose NIF was not read ----------------------------------------------------------------------


def test_a_cc_back_without_a_nif_read_says_so() -> None:
    fields, warnings = parse(cc_back_lines("COSTA", "MARIA LEONOR"), DocumentKind.CARTAO_CIDADAO)
    assert fields.get("nif") is None
    assert "missing:nif" in warnings


def test_a_cc_back_with_its_nif_read_gives_no_such_warning() -> None:
    """Guard (passes before the fix too)."""
    nif_row = "Número de Identificação Fiscal / Tax No.\n245813063"
    fields, warnings = parse(cc_back_lines("COSTA", "MARIA LEONOR", nif_row=nif_row), DocumentKind.CARTAO_CIDADAO)
    assert fields["nif"] == "245813063"
    assert "missing:nif" not in warnings


def test_a_first_letter_ocr_set_apart_on_a_full_width_names_line_stays() -> None:
    """Review of the edge-glyph fix: on a names line of exactly the MRZ's width, a letter set apart at its start is
    the surname's first letter (OCR spaced it), not the card's edge: "S ILVA" stays "SILVA"."""
    first, second, _ = german_back()
    names = "SILVA<<MARIA<<<<<<<<<<<<<<<<<<"
    mrz = read_mrz([first, second, f"{names[0]} {names[1:]}"], today=TODAY)
    assert mrz is not None and mrz.valid
    assert (mrz.surname, mrz.given_names) == ("SILVA", "MARIA")
