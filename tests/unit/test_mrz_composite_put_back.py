"""A corrupted card's MRZ must never read valid. One OCR pass lost the composite check digit ("...<<<<" for
"...<<<<4") and misread the birth date's "7" as "1"; the "0" put back for a lost composite digit then held, with the
misread date, every check digit by chance, against the passes that read "4". And a look-alike read into a date field
("768522") can hold its check digit while being no date. Lines of our own."""

from __future__ import annotations

import datetime as dt

from documents.extraction.mrz import best_of, check_digit, date_check_holds, read_mrz

TODAY = dt.date(2026, 12, 8)
FIRST = "I<PRT045329328<EH52<<<<<<<<<<<"
NAMES = "FONSECA<<PEDRO<<<<<<<<<<<<<<<<"
# A card's data line as printed after one digit of its birth date was changed (7605228 where 7205228 was issued):
# the birth and composite check digits are the genuine card's, so both fail.
CORRUPTED = "7605228M3203156PRT<<<<<<<<<<<4"
# One pass's reading of it: the "7" read "1" and the last digit lost.
LOST = "1605228M3203156PRT<<<<<<<<<<<"


def test_the_pass_that_lost_the_digit_alone_reads_valid_with_a_zero_put_back() -> None:
    # The repair this guards: alone, nothing contradicts the "0".
    read = read_mrz([FIRST, LOST, NAMES], today=TODAY)
    assert read is not None and read.valid and read.composite_put_back


def test_a_zero_put_back_loses_to_a_digit_another_pass_read() -> None:
    read = read_mrz([FIRST, CORRUPTED, NAMES, "", FIRST, LOST, NAMES], today=TODAY)
    assert read is not None and not read.valid


def test_between_separate_readings_too() -> None:
    put_back = read_mrz([FIRST, LOST, NAMES], today=TODAY)
    read_as_printed = read_mrz([FIRST, CORRUPTED, NAMES], today=TODAY)
    best = best_of(read_as_printed, put_back)
    assert best is not None and not best.valid


def test_a_genuine_zero_lost_in_one_pass_and_read_in_another_still_holds() -> None:
    data = next(
        line
        for expiry in (f"3203{day:02d}" for day in range(10, 29))
        for line in [f"7205228M{expiry}{check_digit(expiry)}PRT".ljust(29, "<")]
        if check_digit(FIRST[5:30] + line[0:7] + line[8:15] + line[18:29]) == "0"
    )
    read = read_mrz([FIRST, data + "0", NAMES, "", FIRST, data, NAMES], today=TODAY)
    assert read is not None and read.valid


def test_a_date_field_that_is_no_date_does_not_hold() -> None:
    assert not date_check_holds("768522", check_digit("768522"))
    assert not date_check_holds("760542", check_digit("760542"))
    assert date_check_holds("720522", check_digit("720522"))
    # An unknown day or month, as some states print it, still holds.
    assert date_check_holds("720000", check_digit("720000"))
    assert date_check_holds("72<<<<", check_digit("72<<<<"))
