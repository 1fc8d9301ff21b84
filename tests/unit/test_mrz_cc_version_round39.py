"""E2e probe 22: a sharp Cartão de Cidadão back whose MRZ version "ZZ" OCR read as "22" in one pass was withheld as
ambiguous. "Z" (35) and "2" differ by 33 and the version's places weigh 7 and 3, so the number's check digit holds
either way; with the composite lost in that pass and put back as "0", the misread held every check too. A card's
version is two letters: the reading with digits there is the worse shape. Lines of our own."""

from __future__ import annotations

from documents.extraction.mrz import check_digit, read_mrz

FIRST_PASS = [
    "I<PRT151515158<2295<<<<<<<<<<<",
    "7502020M3105227PRI<<<<<<<<<<<",
    "MATOS<SERRANO<<DIOGO<LUTS<<<<<",
]
SECOND_PASS = [
    "I<PRT151515158<2295<<<<<<<<<<<",
    "7502020M3105227PRT<<<<<<<<<<<2",
    "MATOS<SERRANO<<DIOGO<LUIS<<<<<",
]


def test_the_version_read_as_digits_holds_the_numbers_check_digit_too() -> None:
    assert check_digit("151515158ZZ9") == check_digit("151515158229")


def test_a_cards_version_is_read_as_letters_when_two_passes_disagree() -> None:
    read = read_mrz([*FIRST_PASS, "", *SECOND_PASS])
    assert read is not None and read.valid
    assert read.document_number == "151515158ZZ9"
    assert read.surname == "MATOS SERRANO"


def test_a_passport_number_with_digits_keeps_its_reading() -> None:
    # Only a Cartão de Cidadão's version is letters: another state's TD1 number keeps its digits.
    lines = ["I<ESP151515158<2295<<<<<<<<<<<", "7502020M3105227ESP<<<<<<<<<<<0", "MATOS<SERRANO<<DIOGO<LUIS<<<<<"]
    read = read_mrz(lines)
    assert read is not None and read.document_number == "151515158229"
