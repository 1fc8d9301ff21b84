"""MRZ readings the blind probe of round 67A found given as certain when they were not: a passport's names line read
with a letter of its issuing state lost (the state became another state's, the surname lost its first letter), a
document number whose first glyph OCR read as the digit that weighs the same in its check digit ("6" for "G"), and a
card's back alone whose MRZ name OCR misread, which no check digit covers. Names and numbers of our own."""

from __future__ import annotations

import datetime as dt

from documents.extraction.mrz import leading_letter_twin, read_mrz
from documents.extraction.parsers import Parsed
from documents.extraction.parsers.identity import (
    MRZ_NAME_UNCONFIRMED_CONFIDENCE,
    NUMBER_TWIN_CONFIDENCE,
    parse_identity,
)
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td1, td3

BIRTH, EXPIRY = dt.date(1979, 3, 22), dt.date(2033, 10, 5)


def passport(*, surname: str, given: str, number: str = "PA5512730", state: str = "CHL") -> list[str]:
    return td3(code="P", state=state, number=number, birth=BIRTH, sex="F", expiry=EXPIRY, nationality=state,
               surname=surname, given=given)  # fmt: skip


def data_page(*, surname: str, given: str, number: str | None = None) -> list[str]:
    return [
        "PASAPORTE / PASSPORT",
        *([f"NÚMERO / PASSPORT No. {number}"] if number else []),
        "APELLIDOS / SURNAME",
        surname,
        "NOMBRES / GIVEN NAMES",
        given,
        "FECHA DE NACIMIENTO / DATE OF BIRTH SEXO / SEX",
        "22/03/1979 F",
        "FECHA DE VENCIMIENTO / DATE OF EXPIRY",
        "05/10/2033",
    ]


def parse(rows: list[str], mrz: list[str], kind: DocumentKind = DocumentKind.PASSAPORTE) -> Parsed:
    return parse_identity([Line(row, 0.9) for row in [*rows, *mrz]], kind)


def test_a_names_line_that_lost_a_letter_of_its_state_is_realigned_on_the_printed_surname() -> None:
    """Blind probe r67a: "P<COLGOMEZ" read "P<COGOMEZ" gave issuing state COG (another state) and the surname
    "OMEZ" over the printed "GÓMEZ". Here Chile's "P<CHLENAMORADO" read "P<CHENAMORADO": CHE, Switzerland."""
    names, data = passport(surname="ENAMORADO SOTO", given="CAMILA JAVIERA")
    lost = names[:4] + names[5:]
    parsed = parse(data_page(surname="ENAMORADO SOTO", given="CAMILA JAVIERA"), [lost, data])
    assert parsed.fields["surname"].upper() == "ENAMORADO SOTO"
    assert parsed.fields["issuing_state"] == "CHL"
    assert parsed.fields["mrz_valid"] is True
    assert not [code for code in parsed.warnings if code.startswith("mrz_viz_mismatch")]


def test_a_names_line_read_whole_is_not_realigned_against_another_printed_name() -> None:
    """Guard (passes either way): an issuing state that is not the nationality, read whole, stays the MRZ's, and a
    printed surname that differs stays flagged."""
    names, data = passport(surname="ENAMORADO SOTO", given="CAMILA JAVIERA")
    other_state = names[:2] + "CHE" + names[5:]
    parsed = parse(data_page(surname="FUENZALIDA SOTO", given="CAMILA JAVIERA"), [other_state, data])
    assert parsed.fields["issuing_state"] == "CHE"
    assert "mrz_viz_mismatch:surname" in parsed.warnings


def test_a_number_whose_first_digit_weighs_as_its_look_alike_letter_is_not_given_as_certain() -> None:
    """Blind probe r67a: a Mexican passport's "G" read "6" (G=16, 6: one check digit for both) came back at 0.99
    with nothing printed to choose. It stays the MRZ's, valid (a Bulgarian card's nine digits start so), below
    a checked field's confidence."""
    assert leading_letter_twin("612093845") == "G12093845"
    parsed = parse(data_page(surname="ENAMORADO SOTO", given="CAMILA JAVIERA"),
                   passport(surname="ENAMORADO SOTO", given="CAMILA JAVIERA", number="612093845"))  # fmt: skip
    assert parsed.fields["document_number"] == "612093845"
    assert parsed.confidence["document_number"] == NUMBER_TWIN_CONFIDENCE < 0.99
    assert parsed.fields["mrz_valid"] is True
    assert parsed.confidence["date_of_birth"] == 0.99


def test_a_printed_number_differing_by_the_look_alike_does_not_choose() -> None:
    """The page's "G12093845" beside the MRZ's "612093845": a page's typeface draws G and 6 alike, OCR-B apart, and
    glare blurs either (blind probe r81c: a page's "1" read "L"). With no number format of the state to decide, the
    MRZ's reading stands, not as certain (ADR 010); Mexico's format decides (test_identity_r81c)."""
    page = data_page(surname="ENAMORADO SOTO", given="CAMILA JAVIERA", number="G12093845")
    parsed = parse(page, passport(surname="ENAMORADO SOTO", given="CAMILA JAVIERA", number="612093845"))
    assert parsed.fields["document_number"] == "612093845"
    assert parsed.confidence["document_number"] == NUMBER_TWIN_CONFIDENCE
    assert parsed.fields["mrz_valid"] is True


def test_a_number_of_digits_with_no_look_alike_twin_stays_valid() -> None:
    """Guard (passes either way): "512093845" has no letter weighing as its "5"."""
    assert leading_letter_twin("512093845") is None
    mrz = read_mrz(passport(surname="ENAMORADO SOTO", given="CAMILA JAVIERA", number="512093845"))
    assert mrz is not None and mrz.valid


def test_a_cards_back_alone_gives_its_mrz_names_below_a_checked_fields_confidence() -> None:
    """Blind probe r67a: a French card's back, "CLAIRE" read "CLATRE" in its MRZ, gave the name at 0.99, as certain
    as its checked dates. No check digit covers a name and nothing printed confirms it."""
    back = td1(code="ID", state="FRA", number="K7RP2W9Q4", birth=BIRTH, sex="F", expiry=EXPIRY, nationality="FRA",
               surname="MARCHAND", given="ODILE MATHILDE")  # fmt: skip
    parsed = parse([], back, DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert parsed.fields["given_names"].upper() == "ODILE MATHILDE"
    assert parsed.confidence["given_names"] == MRZ_NAME_UNCONFIRMED_CONFIDENCE < 0.99
    assert parsed.confidence["surname"] == MRZ_NAME_UNCONFIRMED_CONFIDENCE
    assert parsed.confidence["date_of_birth"] == 0.99
