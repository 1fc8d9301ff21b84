"""What the blind probe of round 81C found: a holder of one name reported with it twice ("Surinder Surinder"), the
MRZ writing it as the primary identifier and the page under "Given names"; and a Nepali passport's number given at
0.99 with a letter for the digit that weighs the same in its check digit ("PAL738264" for "PA1738264"). Names and
numbers of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.parsers.identity import NUMBER_TWIN_CONFIDENCE
from documents.extraction.schema import DocumentKind
from samples.identity import td3
from tests.helpers import parse_identity_lines

BIRTH, EXPIRY = dt.date(1984, 3, 17), dt.date(2031, 11, 5)


def passport(*, state: str = "IND", surname: str = "", given: str = "", number: str = "Z2918374") -> list[str]:
    return td3(code="P", state=state, number=number, birth=BIRTH, sex="M", expiry=EXPIRY, nationality=state,
               surname=surname, given=given)  # fmt: skip


def data_page(*, surname: list[str], given: list[str], number: str = "Z2918374") -> list[str]:
    return ["REPUBLIC OF INDIA", "PASSPORT", "Type Code Passport No.", f"P IND {number}", "Surname", *surname,
            "Given names", *given, "Nationality", "INDIAN", "Date of birth Sex", "17 MAR 1984 M", "Date of expiry",
            "05 NOV 2031"]  # fmt: skip


LAYOUTS = [
    ([], ["GURPREET"]),
    (["GURPREET"], []),
    (["GURPREET"], ["GURPREET"]),
    (["-"], ["GURPREET"]),
    (["GURPREET"], ["—"]),
    (["XXX"], ["GURPREET"]),
    (["GURPREET"], ["XXX"]),
    (["<<<"], ["GURPREET"]),
]


@pytest.mark.parametrize("place", ["primary", "secondary"])
@pytest.mark.parametrize(("surname", "given"), LAYOUTS)
def test_a_holder_of_one_name_has_it_as_the_full_name_however_the_page_and_the_mrz_place_it(
    place: str, surname: list[str], given: list[str]
) -> None:
    """Blind probe r81c: "P<INDSURINDER<<<" with the name printed under "Given names" (and OCR reading it under the
    surname caption too) gave "Surinder Surinder", and the typed "Surinder" failed the name check. The name in
    either MRZ identifier, printed under either caption, once or twice, the other field empty, "-" or "XXX"."""
    mrz = passport(surname="GURPREET") if place == "primary" else passport(given="GURPREET")
    fields, _ = parse_identity_lines(data_page(surname=surname, given=given), DocumentKind.PASSAPORTE, mrz=mrz)
    assert fields["mrz_valid"] is True
    assert fields["full_name"] == "Gurpreet"


def test_two_alike_names_the_mrz_writes_both_stay_two() -> None:
    """Guard (passes either way): a holder whose surname and given name are one word ("ISMAIL<<ISMAIL") keeps both."""
    fields, _ = parse_identity_lines(data_page(surname=["ISMAIL"], given=["ISMAIL"]), DocumentKind.PASSAPORTE,
                                     mrz=passport(surname="ISMAIL", given="ISMAIL"))  # fmt: skip
    assert fields["full_name"] == "Ismail Ismail"


def nepali_page(number: str | None) -> list[str]:
    return ["NEPAL PASSPORT", *([f"Passport No. {number}"] if number else []), "Surname", "THAPA", "Given names",
            "SUNITA", "Date of birth Sex", "17 MAR 1984 F", "Date of expiry", "05 NOV 2031"]  # fmt: skip


def nepali_mrz(read_as: str) -> list[str]:
    names, data = td3(code="P", state="NPL", number="PA1628375", birth=BIRTH, sex="F", expiry=EXPIRY,
                      nationality="NPL", surname="THAPA", given="SUNITA")  # fmt: skip
    return [names, read_as + data[9:]]


@pytest.mark.parametrize("printed", [None, "PAL628375", "PA1628375"])
def test_a_number_whose_l_and_1_tie_in_the_check_digit_is_read_in_its_states_format(printed: str | None) -> None:
    """Blind probe r81c: a Nepali passport's MRZ under glare read "PAl738264" and the number was given as
    "PAL738264" at 0.99; L and 1 weigh alike, so every check held. Nepal's numbers are two letters then seven digits:
    the digit, whatever the page read."""
    fields, _ = parse_identity_lines(nepali_page(printed), DocumentKind.PASSAPORTE, mrz=nepali_mrz("PAL628375"))
    assert fields["mrz_valid"] is True
    assert fields["document_number"] == "PA1628375"


def test_the_page_reading_a_letter_for_the_mrzs_digit_does_not_replace_it() -> None:
    """The MRZ reads "1", the page "L" (its typeface draws them alike): the format says the digit, at 0.99."""
    fields, _ = parse_identity_lines(nepali_page("PAL628375"), DocumentKind.PASSAPORTE, mrz=nepali_mrz("PA1628375"))
    assert fields["document_number"] == "PA1628375"
    parsed_confidence = parse_confidence(nepali_page("PAL628375"), nepali_mrz("PA1628375"))
    assert parsed_confidence == 0.99


def parse_confidence(rows: list[str], mrz: list[str]) -> float:
    from documents.extraction.parsers.identity import parse_identity
    from documents.extraction.reader import Line

    return parse_identity([Line(row, 0.9) for row in [*rows, *mrz]], DocumentKind.PASSAPORTE).confidence[
        "document_number"
    ]


def chilean(number: str, printed: str) -> tuple[list[str], list[str]]:
    page = ["PASAPORTE / PASSPORT", f"NÚMERO / PASSPORT No. {printed}", "APELLIDOS / SURNAME", "ROJAS",
            "NOMBRES / GIVEN NAMES", "JAVIERA", "FECHA DE NACIMIENTO / DATE OF BIRTH SEXO / SEX", "17/03/1984 F",
            "FECHA DE VENCIMIENTO / DATE OF EXPIRY", "05/11/2031"]  # fmt: skip
    mrz = td3(code="P", state="CHL", number=number, birth=BIRTH, sex="F", expiry=EXPIRY, nationality="CHL",
              surname="ROJAS", given="JAVIERA")  # fmt: skip
    return page, mrz


@pytest.mark.parametrize(("in_mrz", "printed"), [("F61L28375", "FG1128375"), ("FG1128375", "F61L28375")])
def test_a_tie_no_format_decides_is_the_mrzs_reading_not_given_as_certain(in_mrz: str, printed: str) -> None:
    """A state whose number format is not known here: the page and the MRZ differ by letters and digits that weigh
    alike; the MRZ's reading (OCR-B draws them apart) is given, below a checked field's confidence."""
    page, mrz = chilean(in_mrz, printed)
    fields, _ = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=mrz)
    assert fields["mrz_valid"] is True
    assert fields["document_number"] == in_mrz
    assert parse_confidence(page, mrz) == NUMBER_TWIN_CONFIDENCE < 0.99


def test_a_printed_number_alike_but_for_hyphens_is_the_pages() -> None:
    """Guard (passes either way): nothing tied, the page's spelling with its hyphen, at 0.99."""
    page, mrz = chilean("FG1128375", "FG-1128375")
    fields, _ = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=mrz)
    assert fields["document_number"] in {"FG-1128375", "FG1128375"}
    assert parse_confidence(page, mrz) == 0.99


def test_a_mexican_passports_series_letter_is_told_by_its_format() -> None:
    """Blind probe r67a's case, "G" read "6" in the MRZ, the page printing "G": Mexico's numbers are a letter then
    eight digits, so the letter, at 0.99."""
    names, data = td3(code="P", state="MEX", number="G12093845", birth=BIRTH, sex="F", expiry=EXPIRY,
                      nationality="MEX", surname="ROJAS", given="JAVIERA")  # fmt: skip
    mrz = [names, "6" + data[1:]]
    page = ["PASAPORTE / PASSPORT", "NÚMERO / PASSPORT No. G12093845", "APELLIDOS / SURNAME", "ROJAS",
            "NOMBRES / GIVEN NAMES", "JAVIERA"]  # fmt: skip
    fields, _ = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=mrz)
    assert fields["document_number"] == "G12093845"
    assert parse_confidence(page, mrz) == 0.99


def test_a_number_outside_the_states_format_read_alike_on_page_and_mrz_keeps_its_letter() -> None:
    """No all-digit alternative in Nepal's format: a number of one letter and seven digits, read so by the page and
    the MRZ alike, is not made digits ("L7366923" was given as "17366923" by such an alternative)."""
    names, data = td3(code="P", state="NPL", number="L4829361", birth=BIRTH, sex="F", expiry=EXPIRY,
                      nationality="NPL", surname="THAPA", given="SUNITA")  # fmt: skip
    fields, _ = parse_identity_lines(nepali_page("L4829361"), DocumentKind.PASSAPORTE, mrz=[names, data])
    assert fields["mrz_valid"] is True
    assert fields["document_number"] == "L4829361"
