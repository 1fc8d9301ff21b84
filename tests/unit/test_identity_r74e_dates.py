"""Dates written with the month in two scripts (blind probe r74e, F8).

A Greek card's front prints its dates with the month in Greek and in English after a slash and a two-digit year
("08 ΙΟΥΛ/JUL 80", "05 ΜΑΪ/MAY 34"); OCR reads the Greek as Latin look-alikes ("IOYA", "MAi") and both dates came
out missing. The English month reads them, the century as the MRZ's: a birth in the past, an expiry ahead.
"""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.parsers.identity import card_dates, parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind


def greek_front(birth: str, expiry: str) -> list[Line]:
    texts = [
        "EAAHNIKH AHMOKPATIA / HELLENIC REPUBLIC",
        "AEATIO TAYTOTHTAZ / IDENTITY CARD",
        "Surname / Nom",
        "TEOPTIOY / GEORGIOU",
        "Given names / Prénoms",
        "O NIKOAAOZ / NIKOLAOS",
        "Date of birth",
        birth,
        "Nationality",
        "EAAHNIKH/HELLENIC",
        "Document No. Date of expiry",
        f"AM7019283 {expiry}",
    ]
    return [Line(text) for text in texts]


@pytest.mark.parametrize(
    ("birth", "expiry", "want_birth", "want_expiry"),
    [
        # As OCR read the Greek card of the probe, and as printed.
        ("08 IOYA/JUL 80", "05 MAi/MAY 34", dt.date(1980, 7, 8), dt.date(2034, 5, 5)),
        ("08 ΙΟΥΛ/JUL 80", "05 ΜΑΪ/MAY 34", dt.date(1980, 7, 8), dt.date(2034, 5, 5)),
        # Cyrillic, and a birth this century.
        ("12 АПР/APR 07", "31 ДЕК/DEC 29", dt.date(2007, 4, 12), dt.date(2029, 12, 31)),
    ],
)
def test_a_bilingual_date_with_a_two_digit_year_reads_by_its_english_month(
    birth: str, expiry: str, want_birth: dt.date, want_expiry: dt.date
) -> None:
    parsed = parse_identity(greek_front(birth, expiry), DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert parsed.fields.get("date_of_birth") == want_birth
    assert parsed.fields.get("expiry_date") == want_expiry


def test_a_four_digit_year_reads_by_the_english_month_too() -> None:
    parsed = parse_identity(
        greek_front("08 ΙΟΥΛ/JUL 1980", "05 MAI/MAY 2034"), DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
    )
    assert parsed.fields.get("date_of_birth") == dt.date(1980, 7, 8)
    assert parsed.fields.get("expiry_date") == dt.date(2034, 5, 5)


@pytest.mark.parametrize(
    "text",
    [
        # No slash, no English month: a word and a two-digit figure are no date.
        "08 IOYA 80",
        "ROOM 12 ABC/XYZ 80",
        # Not a date's day and month.
        "32 IOYA/JUL 80",
        # Only where a birth or expiry date is wanted.
    ],
)
def test_no_date_without_the_slash_and_a_month(text: str) -> None:
    assert card_dates(text, field="date_of_birth") == []


def test_a_two_digit_year_is_read_only_for_a_birth_or_expiry_date() -> None:
    assert card_dates("08 IOYA/JUL 80") == []
    assert card_dates("08 IOYA/JUL 80", field="date_of_birth") == [dt.date(1980, 7, 8)]


def test_two_months_the_reader_knows_that_differ_are_no_date() -> None:
    assert card_dates("22 ABR/SEP 31", field="expiry_date") == []
