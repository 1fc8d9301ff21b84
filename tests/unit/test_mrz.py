"""The MRZ reader: ICAO 9303 check digits, TD1, TD2 and TD3 layouts, OCR repair by position, and no corrupted MRZ
ever reported valid."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from applicants.identifiers import cc_check_digit
from documents.extraction.mrz import check_digit, country_code, read_mrz, same_under_check
from samples.identity import corrupt, td1, td3

TODAY = dt.date(2026, 11, 23)
# ICAO 9303's own specimens (Part 4 and Part 5, "UTOPIA").
ICAO_TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
ICAO_TD1 = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
# Part 6's TD2 specimen, and its example of a document number longer than nine characters.
ICAO_TD2 = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"]
ICAO_TD2_LONG_NUMBER = ["I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<", "D23145890<UTO3407127M95071227349<<<8"]


def test_check_digit_follows_icao_weights_7_3_1() -> None:
    assert check_digit("L898902C3") == "6"
    assert check_digit("740812") == "2"
    assert check_digit("120415") == "9"
    assert check_digit("D23145890734") == "9"  # ICAO's example of a long document number
    assert check_digit("<<<<") == "0"


def test_icao_passport_specimen_reads_every_field_with_every_check_holding() -> None:
    mrz = read_mrz(ICAO_TD3, today=TODAY)
    assert mrz is not None and mrz.format == "TD3" and mrz.valid
    assert (mrz.document_code, mrz.issuing_state, mrz.nationality) == ("P", "UTO", "UTO")
    assert (mrz.surname, mrz.given_names, mrz.sex) == ("ERIKSSON", "ANNA MARIA", "F")
    assert mrz.document_number == "L898902C3"
    assert mrz.date_of_birth == dt.date(1974, 8, 12)
    assert mrz.expiry_date == dt.date(2012, 4, 15)
    assert mrz.optional_data == "ZE184226B"


def test_icao_id_card_specimen_reads_as_td1() -> None:
    mrz = read_mrz(ICAO_TD1, today=TODAY)
    assert mrz is not None and mrz.format == "TD1" and mrz.valid
    assert mrz.document_number == "D23145890"
    assert (mrz.surname, mrz.given_names) == ("ERIKSSON", "ANNA MARIA")


def test_icao_td2_specimen_reads_every_field_with_every_check_holding() -> None:
    mrz = read_mrz(ICAO_TD2, today=TODAY)
    assert mrz is not None and mrz.format == "TD2" and mrz.valid
    assert (mrz.document_code, mrz.issuing_state, mrz.nationality, mrz.sex) == ("I", "UTO", "UTO", "F")
    assert (mrz.surname, mrz.given_names, mrz.document_number) == ("ERIKSSON", "ANNA MARIA", "D23145890")
    assert (mrz.date_of_birth, mrz.expiry_date) == (dt.date(1974, 8, 12), dt.date(2012, 4, 15))


def test_a_td2_number_longer_than_nine_characters_continues_in_the_optional_data() -> None:
    mrz = read_mrz(ICAO_TD2_LONG_NUMBER, today=TODAY)
    assert mrz is not None and mrz.format == "TD2" and mrz.valid
    assert mrz.document_number == "D23145890734"
    assert (mrz.surname, mrz.given_names) == ("STEVENSON", "PETER JOHN")


def test_a_td2_with_one_changed_digit_or_ocr_damage_is_read_as_such() -> None:
    changed = [ICAO_TD2[0], ICAO_TD2[1].replace("7408122", "7408132")]
    mrz = read_mrz(changed, today=TODAY)
    assert mrz is not None and mrz.format == "TD2" and not mrz.valid and not mrz.checks["date_of_birth"]
    # Faded fillers, and O read for 0 in the birth date (in the document number, O may be a letter).
    damaged = [ICAO_TD2[0][:-4], ICAO_TD2[1][:13] + ICAO_TD2[1][13:].replace("0", "O", 1)]
    mrz = read_mrz(damaged, today=TODAY)
    assert mrz is not None and mrz.format == "TD2" and mrz.valid


def test_cartao_de_cidadao_number_continues_in_the_optional_data() -> None:
    lines = td1(code="I", state="PRT", number="123456780ZZ0", birth=dt.date(1985, 1, 1), sex="F",
                expiry=dt.date(2030, 12, 31), nationality="PRT", surname="Conceição Almeida", given="Maria João")  # fmt: skip
    assert lines[0] == "I<PRT123456780<ZZ08<<<<<<<<<<<"
    mrz = read_mrz(lines, today=TODAY)
    assert mrz is not None and mrz.valid
    assert mrz.document_number == "123456780ZZ0"
    assert (mrz.surname, mrz.given_names) == ("CONCEICAO ALMEIDA", "MARIA JOAO")


def test_ocr_letters_in_digit_positions_are_repaired_and_the_mrz_still_verifies() -> None:
    damaged = [ICAO_TD3[0], "L898902C36UT07408I22F12O4159ZE184226B<<<<<10"]  # O for 0, I for 1
    mrz = read_mrz(damaged, today=TODAY)
    assert mrz is not None and mrz.valid
    assert mrz.nationality == "UTO" and mrz.date_of_birth == dt.date(1974, 8, 12)


def test_dropped_and_faded_fillers_and_one_inserted_character_are_tolerated() -> None:
    lines = td1(code="I", state="PRT", number="669074391KA5", birth=dt.date(1966, 8, 1), sex="M",
                expiry=dt.date(2028, 4, 5), nationality="PRT", surname="Fonseca", given="Rui Miguel")  # fmt: skip
    ocr = [lines[0][:19] + "D" + lines[0][19:], lines[1].replace("<<<", "<<", 1), lines[2].rstrip("<") + "<<"]
    mrz = read_mrz(ocr, today=TODAY)
    assert mrz is not None and mrz.valid
    assert mrz.document_number == "669074391KA5" and mrz.given_names == "RUI MIGUEL"


def test_text_after_three_fillers_is_not_part_of_a_name() -> None:
    mrz = read_mrz([ICAO_TD1[0], ICAO_TD1[1], "ERIKSSON<<ANNA<MARIA<<<<<<OOO"], today=TODAY)
    assert mrz is not None and mrz.given_names == "ANNA MARIA"


def random_mrz(rng: random.Random) -> list[str]:
    birth = dt.date(rng.randint(1940, 2005), rng.randint(1, 12), rng.randint(1, 28))
    expiry = dt.date(rng.randint(2026, 2036), rng.randint(1, 12), rng.randint(1, 28))
    number = "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(rng.choice([8, 9])))
    common: dict[str, Any] = {"state": "PRT", "number": number, "birth": birth, "sex": rng.choice("MF"), "expiry": expiry,
              "nationality": rng.choice(["PRT", "BRA", "UKR"]), "surname": "Santos", "given": "Ana"}  # fmt: skip
    if rng.random() < 0.5:
        return td3(code="P", **common)
    code = rng.choice(["I", "IR", "AR"])
    if code == "I":
        # Portugal's identity card is the Cartão de Cidadão: its number's own check character holds.
        common["number"] = cc_number(rng)
    return td1(code=code, **common)


def cc_number(rng: random.Random) -> str:
    """A Cartão de Cidadão number whose check characters hold: 8 digits, their check, the version, the last."""
    while True:
        first = "".join(rng.choice("0123456789") for _ in range(9)) + rng.choice(["ZZ", "ZY", "ZX"])
        try:
            return first + cc_check_digit(first)
        except ValueError:
            continue


def test_a_single_changed_digit_is_never_reported_valid() -> None:
    rng = random.Random(2026)
    for _ in range(2000):
        lines = random_mrz(rng)
        assert read_mrz(lines, today=TODAY).valid  # type: ignore[union-attr]
        corrupted, field = corrupt(lines, rng)
        mrz = read_mrz(corrupted, today=TODAY)
        assert mrz is not None
        assert not mrz.valid
        assert not mrz.checked(field)


# Check digit positions: (line, index) in TD1 and TD3.
CHECK_DIGITS = {3: [(0, 14), (1, 6), (1, 14), (1, 29)], 2: [(1, 9), (1, 19), (1, 27), (1, 43)]}


def test_a_wrong_check_digit_with_the_right_one_added_after_it_is_not_read_valid() -> None:
    # The birth date's check digit 2 misprinted 3, and a 2 beside it: dropping the 3 would "repair" it.
    second = ICAO_TD3[1][:19] + "32" + ICAO_TD3[1][20:]
    mrz = read_mrz([ICAO_TD3[0], second], today=TODAY)
    assert mrz is not None
    assert not mrz.valid
    assert not mrz.checked("date_of_birth")


def test_a_line_one_too_long_never_loses_a_wrong_check_digit() -> None:
    rng = random.Random(41)
    trials = valid = 0
    for _ in range(300):
        lines = random_mrz(rng)
        for line_index, position in CHECK_DIGITS[len(lines)]:
            line = lines[line_index]
            if not line[position].isdigit():
                continue  # a long Cartao de Cidadao number's "<"
            # A wrong digit equal to a neighbour is OCR's doubled glyph too: that reading stays allowed.
            others = {line[position], line[position - 1], line[position + 1 : position + 2]}
            wrong = rng.choice(sorted(set("0123456789") - others))
            corrupted = list(lines)
            corrupted[line_index] = line[:position] + wrong + line[position:]
            mrz = read_mrz(corrupted, today=TODAY)
            assert mrz is not None
            assert list(mrz.lines) != lines, corrupted  # the wrong digit dropped, the right one in its place
            trials += 1
            valid += mrz.valid
    # Two errors against mod-10 check digits still agree by chance now and then (any reading that keeps
    # the line's characters can); dropping any character made every one of these valid.
    assert valid < 0.1 * trials


def test_two_readings_that_both_hold_every_check_but_differ_are_not_taken_as_valid() -> None:
    # A phone photo's OCR added an "l" after the number; dropping it, or one "7" of "77", both hold every
    # check digit (chance, 1 in 100): "KZJ577310" or "KZJ573101", which the check digits cannot decide.
    lines = ["IDFRAKZJ5773101l<<<<<<<<<<<<<<<", "8508029M3005109FRA<<<<<<<<<<<6", "O<BRIEN<<MICHAEL<<<<<<<<<<<<<<"]
    mrz = read_mrz(lines, today=TODAY)
    assert mrz is not None and not mrz.valid
    assert not mrz.checked("document_number")
    assert mrz.checked("date_of_birth") and mrz.checked("expiry_date")  # the same in every reading


def test_a_td2_read_two_characters_long_is_not_taken_for_a_passport() -> None:
    # "ROU" read "R0OU" and a filler read "«": 38 characters, which padded with fillers also reads as a TD3
    # (the same fields in the same places) with every check holding.
    lines = ["IDROUSHARMA<<RAHUL<<<<<<<<<<<<<<", "TWW1015037R0OU7012200M2802057<<<<«<<<4"]
    mrz = read_mrz(lines, today=TODAY)
    assert mrz is not None and mrz.format == "TD2" and mrz.valid
    assert (mrz.document_code, mrz.issuing_state, mrz.document_number) == ("ID", "ROU", "TWW101503")


def test_readings_a_check_digit_cannot_tell_apart_are_recognised() -> None:
    assert same_under_check("7256407G5", "725640765")  # G is 16: the same digit mod 10 as 6
    assert not same_under_check("7256407B5", "725640785")  # B is 11, 8 is 8
    assert not same_under_check("123", "124")


def test_country_codes_are_checked_and_one_look_alike_letter_is_repaired() -> None:
    assert country_code("PRT") == "PRT"
    assert country_code("NPI") == "NPL"
    assert country_code("D<<") == "D"
    assert country_code("QQQ") is None


@pytest.mark.parametrize("lines", [[], ["RECIBO DE VENCIMENTO", "Total 1.234,00"], ["<<<<<<<<<<"]])
def test_text_without_an_mrz_gives_none(lines: list[str]) -> None:
    assert read_mrz(lines, today=TODAY) is None


def test_a_card_whose_ocr_doubled_a_filler_reads_valid_and_a_changed_digit_beside_it_never_does() -> None:
    """OCR doubles a filler now and then; a line one character too long may lose one it added. Dropping a
    character of "I<PRT" or a lone "<" of the layout, with the version letters read again, let a Cartão de
    Cidadão with one changed digit read valid (46 of 1,500 in a trial); the number's own check character and
    the fixed opening of the line now stop it."""
    rng = random.Random(77)
    for _ in range(300):
        birth = dt.date(rng.randint(1950, 2005), rng.randint(1, 12), rng.randint(1, 28))
        expiry = dt.date(rng.randint(2027, 2035), rng.randint(1, 12), rng.randint(1, 28))
        lines = td1(code="I", state="PRT", number=cc_number(rng), birth=birth, sex=rng.choice("MF"), expiry=expiry,
                    nationality="PRT", surname="Silva Costa", given="Ana Maria")  # fmt: skip
        at = rng.randint(20, 29)
        doubled = [lines[0][:at] + "<" + lines[0][at:], *lines[1:]]
        reading = read_mrz(doubled, today=TODAY)
        assert reading is not None and reading.valid, doubled
        line, position = rng.choice(
            [(0, rng.randint(5, 13)), (1, rng.choice([0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13]))]
        )
        changed = list(doubled)
        wrong = str((int(changed[line][position]) + rng.randint(1, 9)) % 10)
        changed[line] = changed[line][:position] + wrong + changed[line][position + 1 :]
        reading = read_mrz(changed, today=TODAY)
        assert reading is None or not reading.valid, changed
