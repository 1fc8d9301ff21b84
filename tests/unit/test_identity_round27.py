"""Identity documents the blind probe of round 27 found read wrong: a card's front and back on one image, the back's
caption rows beside the front's, whose given names took the back's value read on the same row; a Swedish passport
whose "Å" OCR read as "Â", kept against the MRZ's "AA" (ICAO 9303's transliteration). Texts are shaped as the reader
hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt

from documents.extraction.schema import DocumentKind
from samples.identity import td1, td3
from tests.helpers import parse_identity_lines

BIRTH = dt.date(1986, 3, 14)
EXPIRY = dt.date(2031, 11, 2)


def card_mrz(*, surname: str, given: str) -> list[str]:
    """A TD1 card's MRZ: its names line holds 30 characters, so long given names are cut short."""
    return td1(code="ID", state="AUT", number="K7M42P9R1", birth=BIRTH, sex="M", expiry=EXPIRY,
               nationality="AUT", surname=surname, given=given)  # fmt: skip


def card_lines(*, surname_row: str, given_row: str, beside: bool) -> list[str]:
    """A card's front with its back photographed beside it: the back's captions share the front's caption rows."""
    surname_caption = "NAME / SURNAME  AUGENFARBE / EYE COLOUR" if beside else "NAME / SURNAME"
    given_caption = "VORNAMEN / GIVEN NAMES  BEHÖRDE / AUTHORITY" if beside else "VORNAMEN / GIVEN NAMES"
    return [
        "REPUBLIK ÖSTERREICH PERSONALAUSWEIS IDENTITY CARD",
        surname_caption,
        surname_row,
        given_caption,
        given_row,
        "GEBURTSDATUM / DATE OF BIRTH",
        BIRTH.strftime("%d.%m.%Y"),
        "GÜLTIG BIS / DATE OF EXPIRY",
        EXPIRY.strftime("%d.%m.%Y"),
    ]


# --- 1. A caption beside the name's: its value is no name word ------------------------------------------------


def test_the_value_of_a_caption_beside_the_given_names_is_not_a_given_name() -> None:
    """ "KONSTANTIN FRIEDRICH MAGISTRAT WELS" under "VORNAMEN / GIVEN NAMES  BEHÖRDE / AUTHORITY": the MRZ, cut at
    "KONSTANTIN<FRIE", covers the first two words; the rest is the authority's."""
    lines = card_lines(surname_row="WALDBURG-ZEIL GRÜN", given_row="KONSTANTIN FRIEDRICH MAGISTRAT WELS", beside=True)
    fields, _warnings = parse_identity_lines(
        lines, DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO,
        mrz=card_mrz(surname="WALDBURG ZEIL", given="KONSTANTIN FRIEDRICH"),
    )  # fmt: skip
    assert fields["given_names"] == "Konstantin Friedrich"
    assert fields["surname"] == "Waldburg-Zeil"
    assert fields["full_name"] == "Konstantin Friedrich Waldburg-Zeil"


def test_given_names_past_a_cut_mrz_stay_without_a_caption_beside() -> None:
    """Guard (passes before and after the fix): with the caption alone on its row, the words the MRZ cut off are
    the holder's own given names."""
    lines = card_lines(surname_row="WALDBURG-ZEIL", given_row="KONSTANTIN FRIEDRICH MAXIMILIAN", beside=False)
    fields, _warnings = parse_identity_lines(
        lines, DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO,
        mrz=card_mrz(surname="WALDBURG ZEIL", given="KONSTANTIN FRIEDRICH MAXIMILIAN"),
    )  # fmt: skip
    assert fields["given_names"] == "Konstantin Friedrich Maximilian"


# --- 2. Å written AA in the MRZ -----------------------------------------------------------------------------


def swedish_passport(given: str) -> tuple[list[str], list[str]]:
    lines = [
        "SVERIGE / SWEDEN  PASS / PASSPORT",
        "Efternamn / Surname",
        "LUNDQVIST",
        "Förnamn / Given names",
        given,
        "Nationalitet / Nationality",
        "SVENSK / SWEDISH",
        "Födelsedatum / Date of birth",
        BIRTH.strftime("%d %b %Y").upper(),
    ]
    mrz = td3(code="P", state="SWE", number="93018475", birth=BIRTH, sex="F", expiry=EXPIRY,
              nationality="SWE", surname="LUNDQVIST", given="AASE MARIT")  # fmt: skip
    return lines, mrz


def test_a_ring_read_as_a_circumflex_is_restored_from_the_mrz() -> None:
    """ "ÂSE" over the MRZ's AASE: ICAO 9303 writes Å as AA, so the A with a mark where the MRZ has AA is Å."""
    lines, mrz = swedish_passport("ÂSE MARIT")
    fields, warnings = parse_identity_lines(lines, DocumentKind.PASSAPORTE, mrz=mrz)
    assert fields["given_names"] == "Åse Marit"
    assert fields["full_name"] == "Åse Marit Lundqvist"
    assert not [code for code in warnings if "name" in code]
