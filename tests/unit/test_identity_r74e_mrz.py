"""A number no document printed never comes out of the MRZ valid (blind probe r74e, F2).

A Portuguese residence permit's back, a clean PNG, prints "IRPRTR029183752<<<..." (number R02918375, check digit 2).
OCR inserted a digit, "IRPRTR0291683752<<<...", one character too long: dropping a filler left "R02916837" with the
check digit "5", which holds, and the composite held too, so the MRZ was valid with a number the card does not
print, beside a front printing the right one (a false HIGH). Dropping the inserted digit holds every check as well:
the two readings tie, and the number is not vouched for.
"""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.mrz import check_digit, read_mrz

TODAY = dt.date(2026, 12, 7)
PERMIT_DATA = "9403084F2802286TUR<<<<<<<<<<<8"
PERMIT_NAMES = "OEZTUERK<<AYSEGUEL<<<<<<<<<<<<"


def test_a_digit_inserted_in_the_number_leaves_it_unvouched() -> None:
    mrz = read_mrz(["IRPRTR0291683752<<<<<<<<<<<<<<<", PERMIT_DATA, PERMIT_NAMES], today=TODAY)
    assert mrz is not None
    assert not mrz.valid
    assert not mrz.checked("document_number")
    # The dates, which both readings read alike, still are.
    assert mrz.checked("date_of_birth") and mrz.checked("expiry_date")


@pytest.mark.parametrize(
    "first",
    [
        "IRPRTR029183752<<<<<<<<<<<<<<<",  # read right
        "IRPRTR029183752<<<<<<<<<<<<<<<<",  # a filler read twice
    ],
)
def test_the_permit_read_right_or_with_a_filler_more_is_valid(first: str) -> None:
    mrz = read_mrz([first, PERMIT_DATA, PERMIT_NAMES], today=TODAY)
    assert mrz is not None and mrz.valid
    assert mrz.document_number == "R02918375"


def passport_lines(number: str) -> list[str]:
    data = number + check_digit(number) + "IRL" + "850101" + check_digit("850101") + "M" + "300101"
    data += check_digit("300101") + "<" * 15
    data += check_digit(data[0:10] + data[13:20] + data[21:43])
    return ["P<IRLMURPHY<<SEAN<<<<<<<<<<<<<<<<<<<<<<<<<<<", data]


def test_a_passport_with_a_filler_more_on_its_data_line_is_still_valid() -> None:
    names, data = passport_lines("PA1234567")
    mrz = read_mrz([names, data[:30] + "<" + data[30:]], today=TODAY)
    assert mrz is not None and mrz.valid
    assert mrz.document_number == "PA1234567"
