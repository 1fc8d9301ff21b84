"""A passport's document number as blind probe r63a found it: a "0" read "0O" in the MRZ left two readings holding
every check digit (the number dropped, ``mrz_check_invalid`` on a genuine passport), and the page's number read with
a look-alike or one glyph twice raised ``mrz_viz_mismatch:document_number`` though it was the MRZ's.

The MRZ lines are built here with names and numbers of their own.
"""

from __future__ import annotations

import datetime as dt

from documents.extraction.mrz import read_mrz
from documents.extraction.schema import DocumentKind
from samples.identity import td3
from tests.helpers import parse_identity_lines

TODAY = dt.date(2026, 12, 6)
NUMBER_MISMATCH = "mrz_viz_mismatch:document_number"


def cape_verdean(number: str) -> list[str]:
    return td3(code="P", state="CPV", number=number, nationality="CPV", birth=dt.date(1988, 11, 3), sex="F",
               expiry=dt.date(2031, 4, 18), surname="Tavares", given="Nilza")  # fmt: skip


def zero_read_twice(lines: list[str]) -> list[str]:
    """The MRZ with the number's "0" after its letter read as "0O": one glyph split in two."""
    return [lines[0], lines[1].replace("R0", "R0O", 1)]


# Numbers whose last digit is their check digit: with the "0" split in two, dropping one of that pair of digits
# and reading the "O" as "0" (or keeping it) gives a second reading that holds every check too.
TIED_SHIFTED = "R05951092"  # ties with "R00595109"
TIED_LETTER = "R05951096"  # ties with "R0O595109"


def passport_page(number_row: str) -> list[str]:
    return ["REPUBLICA DE CABO VERDE", "PASSAPORTE / PASSPORT", number_row, "TAVARES", "NILZA"]


def test_the_split_zero_leaves_two_readings_no_check_digit_tells_apart() -> None:
    # A guard on the premise (passes either way): the MRZ alone cannot say which number was printed.
    for number in (TIED_SHIFTED, TIED_LETTER):
        mrz = read_mrz(zero_read_twice(cape_verdean(number)), today=TODAY)
        assert mrz is not None and not mrz.valid
        assert not mrz.checked("document_number")


def test_the_printed_number_chooses_between_the_tied_readings() -> None:
    fields, warnings = parse_identity_lines(
        passport_page("P CPV RO5951092"), DocumentKind.PASSAPORTE, mrz=zero_read_twice(cape_verdean(TIED_SHIFTED))
    )
    assert fields["document_number"] == TIED_SHIFTED
    assert fields["mrz_valid"] is True
    assert warnings == []


def test_the_printed_number_chooses_the_reading_with_the_digit_over_the_letter() -> None:
    fields, warnings = parse_identity_lines(
        passport_page("P CPV R05951096"), DocumentKind.PASSAPORTE, mrz=zero_read_twice(cape_verdean(TIED_LETTER))
    )
    assert fields["document_number"] == TIED_LETTER
    assert fields["mrz_valid"] is True
    assert warnings == []


def test_a_speck_beside_the_passports_type_does_not_hide_the_number_row() -> None:
    # "Po CPV ..." (blind probe r63a's "Po USA"): the row's number is the witness the tie needs.
    fields, _warnings = parse_identity_lines(
        passport_page("Po CPV RO5951092"), DocumentKind.PASSAPORTE, mrz=zero_read_twice(cape_verdean(TIED_SHIFTED))
    )
    assert fields["document_number"] == TIED_SHIFTED
    assert fields["mrz_valid"] is True


def test_a_printed_number_that_is_neither_reading_leaves_the_mrz_invalid() -> None:
    # Guard (passes either way): the page's number must be one of the tied readings, never a third.
    fields, warnings = parse_identity_lines(
        passport_page("P CPV R07724183"), DocumentKind.PASSAPORTE, mrz=zero_read_twice(cape_verdean(TIED_SHIFTED))
    )
    assert fields["mrz_valid"] is False
    assert fields.get("document_number") != TIED_SHIFTED
    assert "mrz_check_invalid" in warnings


def test_without_a_printed_number_the_tie_stays_unresolved() -> None:
    # Guard (passes either way).
    fields, warnings = parse_identity_lines(
        passport_page("PASSAPORTE"), DocumentKind.PASSAPORTE, mrz=zero_read_twice(cape_verdean(TIED_SHIFTED))
    )
    assert fields["mrz_valid"] is False
    assert "mrz_check_invalid" in warnings


# --- finding 11: the page's number read otherwise than the checked MRZ's, yet the same number ---------------------

VALID = "K52740813"


def test_a_five_read_as_s_on_the_page_is_no_mismatch() -> None:
    fields, warnings = parse_identity_lines(
        passport_page("P CPV KS2740813"), DocumentKind.PASSAPORTE, mrz=cape_verdean(VALID)
    )
    assert fields["document_number"] == VALID
    assert NUMBER_MISMATCH not in warnings


def test_a_glyph_read_twice_on_the_page_is_no_mismatch() -> None:
    # "0O" for one "0" ("AB0O195472" in the probe): the row is too long for its pattern, read under its caption.
    number = "A20715384"
    page = ["PASSAPORTE / PASSPORT", "Passaporte N.º / Passport No.", "A20O715384", "TAVARES", "NILZA"]
    fields, warnings = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=cape_verdean(number))
    assert fields["document_number"] == number
    assert NUMBER_MISMATCH not in warnings


def test_a_letter_read_twice_in_two_cases_is_no_mismatch() -> None:
    number = "W6183052"
    page = ["PASSAPORTE / PASSPORT", "Passaporte N.º / Passport No.", "wW6183052", "TAVARES", "NILZA"]
    fields, warnings = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=cape_verdean(number))
    assert fields["document_number"] == number
    assert NUMBER_MISMATCH not in warnings


def test_a_page_printing_another_number_is_still_flagged() -> None:
    # Guard (passes either way): two digits swapped are another number, whatever the look-alikes.
    fields, warnings = parse_identity_lines(
        passport_page("P CPV K52470813"), DocumentKind.PASSAPORTE, mrz=cape_verdean(VALID)
    )
    assert fields["document_number"] == VALID
    assert NUMBER_MISMATCH in warnings


def test_a_page_number_with_one_glyph_more_is_the_mrz_s_misread() -> None:
    # Blind probe r74a (F2) revised this guard: one glyph more or fewer than the checked MRZ's number, the rest alike,
    # is OCR's slip as a glyph read twice is (``card_number_misread``); the MRZ's number is given either way.
    page = ["PASSAPORTE / PASSPORT", "Passaporte N.º / Passport No.", "K527408136", "TAVARES", "NILZA"]
    fields, warnings = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=cape_verdean(VALID))
    assert fields["document_number"] == VALID
    assert NUMBER_MISMATCH not in warnings


def test_a_page_number_with_a_glyph_more_and_another_digit_is_still_flagged() -> None:
    page = ["PASSAPORTE / PASSPORT", "Passaporte N.º / Passport No.", "K527418136", "TAVARES", "NILZA"]
    fields, warnings = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=cape_verdean(VALID))
    assert fields["document_number"] == VALID
    assert NUMBER_MISMATCH in warnings
