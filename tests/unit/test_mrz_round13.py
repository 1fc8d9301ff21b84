"""A Cartão de Cidadão's MRZ whose version letters OCR misread (blind probe round 13): "ZZ", the commonest
version, read as "Z7Z" (a digit off the strokes where the two letters touch) or "Z7" (a letter for a digit).
Such a reading is kept only when every check digit then holds."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.mrz import check_digit, read_mrz

TODAY = dt.date(2026, 12, 3)
NUMBER = "135792460ZZ6"  # 8 digits, their check, the version "ZZ", the whole number's check (valid)


def card_lines(number: str = NUMBER) -> list[str]:
    first = f"I<PRT{number[:9]}<{number[9:]}{check_digit(number)}".ljust(30, "<")
    birth, expiry = "870314", "310422"
    second = f"{birth}{check_digit(birth)}M{expiry}{check_digit(expiry)}PRT".ljust(29, "<")
    second += check_digit(first[5:30] + second[0:7] + second[8:15] + second[18:29])
    return [first, second, "TEIXEIRA<LOURO<<ANDRE<FILIPE<<"]


def test_the_lines_as_printed_are_valid() -> None:
    reading = read_mrz(card_lines(), today=TODAY)
    assert reading is not None and reading.valid and reading.document_number == NUMBER


@pytest.mark.parametrize("misread", ["Z7Z", "Z7", "72", "Z2"])
def test_the_version_ocr_misread_is_read_back_when_every_check_then_holds(misread: str) -> None:
    first, second, third = card_lines()
    first = (first[:15] + misread + first[17:]).ljust(30, "<")[: 30 + len(misread) - 2]
    reading = read_mrz([first, second, third], today=TODAY)
    assert reading is not None and reading.valid
    assert reading.document_number == NUMBER


def test_a_wrong_check_digit_is_never_made_valid_by_reading_the_version_again() -> None:
    """The guard: the version's digits read as letters, a number whose own check fails stays invalid."""
    first, second, third = card_lines()
    wrong = str((int(first[17]) + 1) % 10)
    first = first[:15] + "Z7" + wrong + first[18:]
    reading = read_mrz([first, second, third], today=TODAY)
    assert reading is not None and not reading.valid
