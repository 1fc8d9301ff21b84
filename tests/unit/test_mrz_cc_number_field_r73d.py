"""Blind probe r73d: Cartões de Cidadão whose MRZ writes the number's first 9 characters with their own check digit,
then the version and check character ("I<PRT1526374860ZZ5<<<"), not ICAO's long-number filler. Read right, every
check digit held and the card was still flagged: the product took the 9 characters for the whole number, whose
card check character (over 12) could not hold. And OCR read the version "ZZ" as "Z2" or "22" (9 of 12 cards).
Lines of our own."""

from __future__ import annotations

import datetime as dt

from documents.extraction.mrz import check_digit, read_mrz

TODAY = dt.date(2026, 12, 7)
NUMBER = "152637486ZZ5"  # 8 digits, their check digit, the version, the card's check character


def card(number: str = NUMBER, *, birth: str = "850412", expiry: str = "310630") -> list[str]:
    """A CC's MRZ as the probe drew it: ICAO's check digit over the number field, the version after it."""
    first = f"I<PRT{number[:9]}{check_digit(number[:9])}{number[9:]}".ljust(30, "<")
    second = f"{birth}{check_digit(birth)}F{expiry}{check_digit(expiry)}PRT".ljust(29, "<")
    second += check_digit(first[5:30] + second[0:7] + second[8:15] + second[18:29])
    return [first, second, "SOUSA<RAMOS<<ANA<RITA<<<<<<<<<"]


def test_a_number_field_with_its_check_digit_and_the_version_after_it_is_the_cards_number() -> None:
    read = read_mrz(card(), today=TODAY)
    assert read is not None and read.valid
    assert read.document_number == NUMBER


def test_the_version_read_as_digits_is_read_as_the_letters_when_every_check_then_holds() -> None:
    for misread in ("Z2", "2Z", "22"):
        lines = card()
        lines[0] = lines[0].replace("ZZ", misread, 1)
        read = read_mrz(lines, today=TODAY)
        assert read is not None and read.valid, misread
        assert read.document_number == NUMBER


def test_a_changed_birth_date_still_fails() -> None:
    lines = card()
    lines[1] = lines[1][:4] + "13" + lines[1][6:]  # the day changed, its check digit and the composite kept
    read = read_mrz(lines, today=TODAY)
    assert read is not None and not read.valid
    assert not read.checks["date_of_birth"]


def test_a_changed_number_still_fails_with_the_version_read_as_digits() -> None:
    lines = card()
    lines[0] = lines[0][:6] + "6" + lines[0][7:]  # "152..." made "162...", the check digits kept
    for misread in ("ZZ", "22"):
        read = read_mrz([lines[0].replace("ZZ", misread, 1), *lines[1:]], today=TODAY)
        assert read is not None and not read.valid, misread


def test_a_wrong_card_check_character_still_fails() -> None:
    lines = card()
    lines[0] = lines[0][:17] + "4" + lines[0][18:]  # the version's check character 5 made 4
    read = read_mrz(lines, today=TODAY)
    assert read is not None and not read.valid


def test_another_states_card_keeps_its_digits_2() -> None:
    # Only a Cartão de Cidadão's version is letters: another state's optional data "226" stays as printed.
    lines = [line.replace("PRT", "ESP") for line in card("152637486226")]
    lines[1] = lines[1][:29] + check_digit(lines[0][5:30] + lines[1][0:7] + lines[1][8:15] + lines[1][18:29])
    read = read_mrz(lines, today=TODAY)
    assert read is not None and read.valid
    assert read.document_number == "152637486"
    assert read.optional_data.startswith("226")


def test_the_long_number_layout_still_reads() -> None:
    first = f"I<PRT{NUMBER[:9]}<{NUMBER[9:]}{check_digit(NUMBER)}".ljust(30, "<")
    lines = card()
    second = lines[1][:29] + check_digit(first[5:30] + lines[1][0:7] + lines[1][8:15] + lines[1][18:29])
    read = read_mrz([first, second, lines[2]], today=TODAY)
    assert read is not None and read.valid
    assert read.document_number == NUMBER


def test_glyphs_read_before_the_document_code_are_dropped_when_every_check_then_holds() -> None:
    # The MRZ pass read the card's edge or the front's caption beside it before "I<PRT", the version as digits too.
    lines = card()
    for prefix, line in (("D", lines[0]), ("DOR", lines[0][:-2])):
        misread = prefix + line.replace("ZZ", "27", 1)
        read = read_mrz([misread, *lines[1:]], today=TODAY)
        assert read is not None and read.valid, misread
        assert read.document_number == NUMBER


def test_glyphs_before_the_code_of_a_changed_number_leave_it_failed() -> None:
    lines = card()
    changed = lines[0][:6] + "6" + lines[0][7:]
    read = read_mrz(["D" + changed, *lines[1:]], today=TODAY)
    assert read is not None and not read.valid
