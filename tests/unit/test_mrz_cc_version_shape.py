"""A Cartão de Cidadão back whose MRZ first line OCR read with one glyph too many in the version ("KA5D8" for
"KA58", a speck in the type's gap read as a letter): the card failed its checks in the general pass and paid the
MRZ pass's two more Tesseract runs (0.4 s → 1.0 s a back). The version has one shape, two letters, a digit, then the
number's check digit, so only the glyph that breaks it is dropped, a letter where it has a digit is read as the digit
it looks like ("TIQ4" for "TI04"), and only where every check then holds. Lines of our own."""

from __future__ import annotations

from documents.extraction.mrz import check_digit, read_mrz

DATA_LINE = "6608017M2804095PRT<<<<<<<<<<<2"
NAMES_LINE = "FONSECA<<RUI<MIGUEL<<<<<<<<<<<"


def test_the_lines_are_a_valid_card_as_printed() -> None:
    assert check_digit("669074391KA5") == "8"
    read = read_mrz(["I<PRT669074391<KA58<<<<<<<<<<<", DATA_LINE, NAMES_LINE])
    assert read is not None and read.valid


def test_a_glyph_read_inside_the_version_is_dropped_when_every_check_then_holds() -> None:
    for first in (
        "I<PRT669074391<KA5D8<<<<<<<<<<|<",
        "I<PRT669074391<KAI58<<<<<<<<<<",
        "I<PRT669074391<KA58E<<<<<<<<<<",
    ):
        read = read_mrz([first, DATA_LINE, NAMES_LINE])
        assert read is not None and read.valid, first
        assert read.document_number == "669074391KA5"


def test_a_wrong_check_digit_stays_wrong_with_a_glyph_too_many() -> None:
    # The forged check digit ("7") fails with or without the extra glyph: no reading of the line holds.
    read = read_mrz(["I<PRT669074391<KA5D7<<<<<<<<<<<", DATA_LINE, NAMES_LINE])
    assert read is not None and not read.valid


def test_another_states_card_keeps_its_optional_data_as_read() -> None:
    # Only the Cartão de Cidadão's optional data has the version's shape; another card's is its own.
    read = read_mrz(["I<ESP669074391<KA5D8<<<<<<<<<<<", "6608017M2804095ESP<<<<<<<<<<<2", NAMES_LINE])
    assert read is None or not read.valid


def test_a_digit_of_the_version_read_as_a_letter_is_read_as_the_digit() -> None:
    assert check_digit("044529403TI0") == "4"
    lines = ["I<PRT044529403<TIQ4<<<<<<<<<<<", "7511080M2804017PRT<<<<<<<<<<<B", "PEREIRA<SIMOES<<JOAO<PEDRO<<<<"]
    read = read_mrz(lines)
    assert read is not None and read.valid
    assert read.document_number == "044529403TI0"


def test_a_speck_and_a_digit_read_as_a_letter_together() -> None:
    lines = ["I<PRT579763355<KKNL6<<<<<<<<<<<", "6402053M2901226PRT<<<<<<<<<<<B", "RODRIGUES<LOPES<<RUI<MIGUEL<<<"]
    read = read_mrz(lines)
    assert read is not None and read.valid
    assert read.document_number == "579763355KN1"
