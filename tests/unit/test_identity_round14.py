"""Identity documents the blind probe of round 14 found read wrong: a passport's MRZ whose composite check digit,
a "0" after the empty personal number's fillers, OCR lost (read as "|" or not at all), so the MRZ read invalid; the
passport number printed on the surname's row taken into the surname; a residence permit's nine-character number
with letters among its digits ("A0K192837" style) not read under its caption. The texts are shaped as the reader
hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from documents.extraction.mrz import check_digit, read_mrz
from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import corrupt, td1

TODAY = dt.date(2026, 12, 3)


def td3_data_line(number: str, state: str = "STP", birth: str = "881106", expiry: str = "330915") -> str:
    """A passport's data line with every check digit right and an empty personal number (dates as YYMMDD)."""
    body = f"{number}{check_digit(number)}{state}{birth}{check_digit(birth)}M{expiry}{check_digit(expiry)}"
    body += "<" * 15
    return body + check_digit(body[:10] + body[13:20] + body[21:43])


NAME_LINE = "P<STPCARVALHO<LIMA<<NELSON<AUGUSTO<<<<<<<<<<"
ZERO_COMPOSITE = td3_data_line("MB7302152")  # composite check digit 0
FOUR_COMPOSITE = td3_data_line("MB7302150")  # composite check digit 4


@pytest.mark.parametrize("lost", ["", "|", "<"], ids=["dropped", "read-as-bar", "read-as-filler"])
def test_a_final_zero_after_the_fillers_that_ocr_lost_still_reads_valid(lost: str) -> None:
    """OCR loses a lone "0" after a run of fillers: dropped, read as "|", or as one more filler. Put back as a
    "0", the composite holds and the MRZ is valid, its fields vouched for."""
    assert ZERO_COMPOSITE.endswith("<<0") and read_mrz([NAME_LINE, ZERO_COMPOSITE], today=TODAY).valid  # type: ignore[union-attr]
    mrz = read_mrz([NAME_LINE, ZERO_COMPOSITE[:-1] + lost], today=TODAY)
    assert mrz is not None
    assert mrz.valid
    assert mrz.document_number == "MB7302152"
    assert mrz.expiry_date == dt.date(2033, 9, 15)


def test_an_identity_card_whose_final_zero_was_lost_reads_valid() -> None:
    """The same on a TD1 card: its second line ends in fillers and the composite "0"."""
    lines = ["I<PRT152837475<ZX04<<<<<<<<<<<", "9105274F3201185PRT<<<<<<<<<<<0", "QUINTAS<REGO<<MARTA<SOFIA<<<<"]
    assert read_mrz(lines, today=TODAY).valid  # type: ignore[union-attr]
    mrz = read_mrz([lines[0], lines[1][:-1], lines[2]], today=TODAY)
    assert mrz is not None and mrz.valid


@pytest.mark.parametrize("lost", ["", "|", "<"], ids=["dropped", "read-as-bar", "read-as-filler"])
def test_a_lost_final_digit_other_than_zero_is_not_made_up(lost: str) -> None:
    """The guard: only a "0" is put back. A composite 4 that OCR lost leaves the MRZ unproven, never valid (a
    missing digit made up from the data would vouch for a corrupted composite too)."""
    mrz = read_mrz([NAME_LINE, FOUR_COMPOSITE[:-1] + lost], today=TODAY)
    assert mrz is not None
    assert not mrz.valid


def test_a_wrong_composite_digit_stays_invalid() -> None:
    """The guard: a wrong composite read as printed is still caught (a "3" where "0" is due), and the right "4"
    holds."""
    assert read_mrz([NAME_LINE, FOUR_COMPOSITE], today=TODAY).valid  # type: ignore[union-attr]
    mrz = read_mrz([NAME_LINE, ZERO_COMPOSITE[:-1] + "3"], today=TODAY)
    assert mrz is not None and not mrz.valid


PASSPORT = """REPÚBLICA DEMOCRÁTICA DE SÃO TOMÉ E PRÍNCIPE
PASSAPORTE - PASSPORT - PASSEPORT
1. Apelido / Surname / Nom N.º/ No.
CARVALHO LIMA MB7302152
2. Nome / Given names / Prénoms
NELSON AUGUSTO
3. Nacionalidade / Nationality
SANTOMENSE
4. Data de nascimento / Date of birth
06 NOV/NOV 88
5. Sexo / Sex
M
8. Validade / Date of expiry
15 SET/SEP 33"""


def parse(text: str, kind: DocumentKind, mrz: list[str] | None = None) -> tuple[dict[str, object], list[str]]:
    lines = [Line(line, 0.93) for line in [*text.splitlines(), *(mrz or [])] if line.strip()]
    parsed = parse_identity(lines, kind)
    return parsed.fields, parsed.warnings


def test_a_passport_number_on_the_surnames_row_is_not_part_of_the_surname() -> None:
    """The number, printed in the corner on the surname's row, is read on the same line: a word of letters and
    digits is a document number, never a name's, and the surname agrees with the MRZ's."""
    fields, warnings = parse(PASSPORT, DocumentKind.PASSAPORTE, [NAME_LINE, ZERO_COMPOSITE])
    assert fields["surname"] == "Carvalho Lima"
    assert fields["given_names"] == "Nelson Augusto"
    assert fields["mrz_valid"] is True
    assert not [warning for warning in warnings if warning.startswith("mrz_viz_mismatch")]


def test_a_passport_number_on_the_surnames_row_without_an_mrz() -> None:
    fields, _ = parse(PASSPORT, DocumentKind.PASSAPORTE)
    assert fields["surname"] == "Carvalho Lima"


def test_a_name_with_a_digit_read_for_a_letter_is_still_a_name() -> None:
    """The guard: a digit OCR read for a letter ("L1MA") does not make a word a document number: the name is not
    cut before the word. Since round 68a a "1" after a capital in a name in capitals is read as the "I" it is."""
    fields, _ = parse(PASSPORT.replace("CARVALHO LIMA MB7302152", "CARVALHO L1MA"), DocumentKind.PASSAPORTE)
    assert fields["surname"] == "Carvalho Lima"


PERMIT_FRONT = """REPÚBLICA PORTUGUESA
AUTORIZAÇÃO DE RESIDÊNCIA
Apelido / Surname
THAPA MAGAR
Nome / Given names
SUNITA
N.º / No.
{number}
Data de nascimento / Date of birth
14 03 1994
Validade / Date of expiry
22 08 2029"""


@pytest.mark.parametrize("number", ["B7H304516", "C52X81940", "9K4270315"])
def test_a_permit_number_of_nine_letters_and_digits_is_read_under_its_caption(number: str) -> None:
    """ICAO's nine-character document number, letters anywhere among at least six digits."""
    fields, _ = parse(PERMIT_FRONT.format(number=number), DocumentKind.TITULO_RESIDENCIA)
    assert fields["document_number"] == number


@pytest.mark.parametrize("value", ["SUNITAMAG", "B7H30451", "AB12CD34E", "14.03.1994"])
def test_under_the_number_caption_a_name_a_short_code_or_a_date_is_not_a_number(value: str) -> None:
    """The guard: nine letters, eight characters, nine with fewer than six digits, a date: none is taken."""
    fields, _ = parse(PERMIT_FRONT.format(number=value), DocumentKind.TITULO_RESIDENCIA)
    assert fields.get("document_number") is None


PERMIT_CAPTION_ROW = """REPÚBLICA PORTUGUESA
TÍTULO DE RESIDÊNCIA / RESIDENCE PERMIT
Apelido(s) / Surname
THAPA MAGAR
Nome(s) / Given names
SUNITA
Data de nascimento / Date of birth
14 03 1994
N.º / No. Válido até / Valid until
{number} 22 08 2029
Tipo de título / Type of permit
AUT. RESIDÊNCIA TEMPORÁRIA — ART. 77.º N.º 1"""


def test_a_permit_number_under_the_bare_bilingual_caption_is_read() -> None:
    """'N.º / No.' over the number, the expiry beside it on the row; OCR read the number's zero as "O"."""
    fields, _ = parse(PERMIT_CAPTION_ROW.format(number="C4OK52917"), DocumentKind.TITULO_RESIDENCIA)
    assert fields["document_number"] == "C40K52917"
    assert fields["expiry_date"] == dt.date(2029, 8, 22)


def test_a_law_article_number_is_not_a_number_caption() -> None:
    """The guard: 'art. 77.º n.º 1' names a law's paragraph, not the document's number."""
    text = PERMIT_CAPTION_ROW.replace("N.º / No. Válido até / Valid until", "Válido até / Valid until")
    text = text.replace("{number} 22 08 2029", "22 08 2029") + "\nC4B052917"
    fields, _ = parse(text, DocumentKind.TITULO_RESIDENCIA)
    assert fields.get("document_number") is None


def test_a_zero_read_as_o_among_the_leading_letters_is_read_as_a_zero() -> None:
    """ "B0T726154" read "BOT726154": its letters then all stand before the digits, like a series OCR added a
    letter to, but the "O" of a nine-character number is a zero."""
    fields, _ = parse(PERMIT_CAPTION_ROW.format(number="BOT726154"), DocumentKind.TITULO_RESIDENCIA)
    assert fields["document_number"] == "B0T726154"


def test_a_put_back_zero_never_outranks_the_reading_of_a_corrupted_card() -> None:
    """The guard: on a card's back the line of numbers above the MRZ makes readings one line off; a "0" put back
    at the end of the first line (taken for a data line) made a composite hold by chance, and that junk reading
    outranked the card's own, its surname read off the data line. The "0" counts only in a reading it makes
    wholly valid."""
    rng = random.Random(14)
    for _ in range(600):
        number = "".join(rng.choice("0123456789") for _ in range(9)) + "ZX" + rng.choice("0123456789")
        birth = dt.date(rng.randint(1950, 2005), rng.randint(1, 12), rng.randint(1, 28))
        expiry = dt.date(rng.randint(2027, 2036), rng.randint(1, 12), rng.randint(1, 28))
        lines = td1(code="I", state="PRT", number=number, birth=birth, sex="F", expiry=expiry, nationality="PRT",
                    surname="Quintas Rego", given="Marta")  # fmt: skip
        corrupted, _ = corrupt(lines, rng)
        corrupted[0] += "<"  # a filler OCR read twice
        numbers_above = " ".join("".join(rng.choice("0123456789") for _ in range(n)) for n in (9, 11, 10))
        mrz = read_mrz([numbers_above, *corrupted], today=TODAY)
        assert mrz is not None
        # Junk readings one line off where other checks hold by chance are another matter (their composite
        # fails); the put-back "0" acts only through the composite.
        assert mrz.surname == "QUINTAS REGO" or not mrz.checks["composite"], corrupted
