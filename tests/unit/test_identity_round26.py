"""Identity documents the blind probe of round 26 found read wrong: a national identity card photographed front and
back side by side, whose back's address line ("DOMICILIO ...") shares a row with the front's surname caption, had
the address taken for the surname. Texts are shaped as the reader hands them over, with names and numbers of their
own."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.schema import DocumentKind
from samples.identity import td1
from tests.helpers import parse_identity_lines

EXPIRY = dt.date(2031, 3, 9)
BIRTH = dt.date(1987, 11, 2)
SURNAME = "MARTÍNEZ DE LA ROSA"
GIVEN = "LUCÍA"


def card_mrz(*, surname: str = "MARTINEZ DE LA ROSA") -> list[str]:
    return td1(code="ID", state="ESP", number="CXZ714203", birth=BIRTH, sex="F", expiry=EXPIRY,
               nationality="ESP", surname=surname, given="LUCIA")  # fmt: skip


def card_lines(surname_row: str) -> list[str]:
    """A card's front and back side by side, as one OCR pass reads them: the back's lines after the front's on the
    same rows. ``surname_row`` is the surname caption's row, with whatever the back prints beside it."""
    return [
        "REINO DE ESPAÑA DOCUMENTO NACIONAL DE IDENTIDAD",
        surname_row,
        SURNAME,
        "NOMBRE",
        GIVEN,
        "SEXO NACIONALIDAD",
        "F ESP",
        "FECHA DE NACIMIENTO",
        BIRTH.strftime("%d %m %Y"),
        "VÁLIDO HASTA",
        EXPIRY.strftime("%d %m %Y"),
        "NUM. SOPORTE",
        "CXZ714203",
    ]


# --- 1. An address is never a name ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "DOMICILIO AV. DEL PUERTO 8, VALENCIA",
        "DOMICÍLIO RUA DAS FLORES 21, BRAGA",
        "ADDRESS HIGH STREET 4, LEEDS",
        "MORADA TRAVESSA DO CARMO 3, LISBOA",
        "ADRESSE RUE DES LILAS 9, LYON",
        "INDIRIZZO VIA ROMA 12, TORINO",
    ],
)
def test_an_address_beside_the_surname_caption_is_not_the_surname(address: str) -> None:
    """The back's address line read on the surname caption's row: the surname is the line under the caption."""
    fields, warnings = parse_identity_lines(
        card_lines(f"APELLIDOS {address}"), DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO, mrz=card_mrz()
    )
    assert fields["surname"] == "Martínez de la Rosa"
    assert fields["full_name"] == "Lucía Martínez de la Rosa"
    assert "mrz_viz_mismatch:surname" not in warnings


def test_an_address_without_an_mrz_is_not_the_surname() -> None:
    """No MRZ to compare with: the address caption alone tells the line is no name."""
    fields, _ = parse_identity_lines(
        card_lines("APELLIDOS DOMICILIO AV. DEL PUERTO 8, VALENCIA"), DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
    )
    assert fields["surname"] == "Martínez de la Rosa"


# --- 2. With a valid MRZ, the printed name that shares its words wins ------------------------------------------


def test_a_valid_mrz_prefers_the_candidate_sharing_its_surname() -> None:
    """Words of the back beside the caption, no address caption among them ("EQUIPO NORTE"): they share no word
    with the valid MRZ's surname, and the line under the caption does; that line is the surname."""
    fields, warnings = parse_identity_lines(
        card_lines("APELLIDOS EQUIPO NORTE"), DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO, mrz=card_mrz()
    )
    assert fields["surname"] == "Martínez de la Rosa"
    assert "mrz_viz_mismatch:surname" not in warnings


def test_no_candidate_sharing_the_mrz_surname_keeps_the_first_and_flags_it() -> None:
    """Guard (passes before and after the fix): when no printed candidate shares a word with the MRZ's surname,
    the one under the caption stays, flagged: no check digit tells which of the two is the holder's."""
    fields, warnings = parse_identity_lines(
        card_lines("APELLIDOS"), DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO, mrz=card_mrz(surname="BARBOSA")
    )
    assert fields["surname"] == "Martínez de la Rosa"
    assert "mrz_viz_mismatch:surname" in warnings


def test_a_surname_sharing_one_word_with_the_mrz_stays_first() -> None:
    """Guard (passes before and after the fix): the line under the caption shares a word with the MRZ's surname
    (the MRZ cut short, a second surname): it stays the surname, the later candidates are not looked at."""
    fields, _ = parse_identity_lines(
        card_lines("APELLIDOS"), DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO, mrz=card_mrz(surname="MARTINEZ")
    )
    assert str(fields["surname"]).startswith("Martínez")
