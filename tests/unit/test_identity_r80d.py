"""Identity documents blind probe r80d read wrong: a 150 dpi scan's passport MRZ, its number's "T" read as "7", lost
to a reading one character short whose number opened with a filler and held two check digits by chance, so the
visual zone's number could not repair it (a genuine passport flagged as altered); a birth date printed with the
month's abbreviation was not read once its caption was lost, and abbreviations of other languages than Portuguese
and English did not read as months; a Romanian card's "SERIA .. NR ......" gave no number. Texts are shaped as the
reader hands them over, with names, numbers and dates of their own."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.mrz import check_digit, parse_td3, read_mrz
from documents.extraction.parsers.identity import card_dates, parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td1, td3

BIRTH, EXPIRY = dt.date(1968, 1, 25), dt.date(2029, 11, 22)
NUMBER = "B944TVJ14"


def lines_of(*texts: str, confidence: float = 0.9) -> list[Line]:
    return [Line(text, confidence) for text in texts]


def passport() -> list[str]:
    return td3(code="P", state="AUT", number=NUMBER, birth=BIRTH, sex="F", expiry=EXPIRY, nationality="AUT",
               surname="HUBER", given="ANNA")  # fmt: skip


def misread() -> tuple[str, str, str]:
    """The names line; the data line with the number's "T" read "7"; the same one filler short (one pass)."""
    names, data = passport()
    seven = NUMBER.replace("T", "7") + data[9:]
    return names, seven, seven[:30] + seven[31:]


# --- A number never opens with a filler -----------------------------------------------------------------------


def test_a_number_opening_with_a_filler_holds_neither_its_check_digit_nor_the_composite() -> None:
    data = passport()[1]
    number = "<" + NUMBER[:8]
    line = number + check_digit(number) + data[10:43]
    line += check_digit(line[0:10] + line[13:20] + line[21:43])
    reading = parse_td3([passport()[0], line], today=dt.date(2026, 1, 1))
    assert reading.checks["document_number"] is False
    assert reading.checks["composite"] is False
    assert reading.checks["date_of_birth"] is True


def test_a_data_line_read_a_glyph_short_does_not_outrank_the_reading_whose_dates_hold() -> None:
    names, seven, short = misread()
    found = read_mrz([names, seven, names, short], today=dt.date(2026, 1, 1))
    assert found is not None and not found.valid
    assert (found.date_of_birth, found.expiry_date) == (BIRTH, EXPIRY)


def test_the_printed_number_repairs_the_mrz_whose_t_was_read_as_7() -> None:
    names, seven, short = misread()
    page = ["REPUBLIK ÖSTERREICH", "REISEPASS / PASSPORT", "Type / Typ  Code  Passport No. / Pass-Nr.",
            f"P AUT {NUMBER}", "Surname / Name", "HUBER", "Given names / Vornamen", "ANNA",
            names, seven]  # fmt: skip
    parsed = parse_identity(lines_of(*page), DocumentKind.PASSAPORTE, extra_mrz_texts=[names, short])
    assert parsed.fields["mrz_valid"] is True
    assert parsed.fields["document_number"] == NUMBER
    assert parsed.fields["date_of_birth"] == BIRTH
    assert "mrz_check_invalid" not in parsed.warnings


# --- Month abbreviations of other languages, the English one after a slash -----------------------------------


@pytest.mark.parametrize(
    ("printed", "date"),
    [
        ("12 MÄR/MAR 1990", dt.date(1990, 3, 12)),
        ("03 OKT/OCT 2030", dt.date(2030, 10, 3)),
        ("07 GIU/JUN 2029", dt.date(2029, 6, 7)),
        ("19 LUG/JUL 1987", dt.date(1987, 7, 19)),
        ("21 FÉVR/FEB 1985", dt.date(1985, 2, 21)),
        ("30 JUIL/JUL 1999", dt.date(1999, 7, 30)),
        ("09 MRT/MAR 2001", dt.date(2001, 3, 9)),
        ("15 MEI/MAY 1980", dt.date(1980, 5, 15)),
        ("02 GEN/JAN 1970", dt.date(1970, 1, 2)),
        ("11 AOÛT/AUG 2033", dt.date(2033, 8, 11)),
    ],
)
def test_a_date_with_another_language_s_month_before_the_english_one_reads(printed: str, date: dt.date) -> None:
    assert card_dates(printed) == [date]


def test_two_abbreviations_naming_different_months_read_as_no_date() -> None:
    """Guard: the translation must agree ("GIU/JUL" names June and July)."""
    assert card_dates("07 GIU/JUL 2029") == []


def test_a_birth_date_with_the_month_s_abbreviation_reads_when_its_caption_was_lost() -> None:
    page = ["REPUBBLICA ITALIANA", "PASSAPORTO / PASSPORT", "Cognome / Surname", "BIANCHI", "Nome / Name", "LUCA",
            "14 MAG/MAY 1982", "Data di scadenza / Date of expiry", "03 OTT/OCT 2030"]  # fmt: skip
    parsed = parse_identity(lines_of(*page), DocumentKind.PASSAPORTE)
    assert parsed.fields["date_of_birth"] == dt.date(1982, 5, 14)
    assert parsed.fields["expiry_date"] == dt.date(2030, 10, 3)


# --- A card's series and number ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "number"),
    [
        ("ROMANIA ROUMANIE ROMANIA SERIA KS NR 004215", "KS004215"),
        ("Seria: ZB  Nr. 771903", "ZB771903"),
        ("SÉRIE AT N° 0912345", "AT0912345"),
        ("SERIA I NUMER / SERIES AND NUMBER ABA 300000", "ABA300000"),
    ],
)
def test_a_card_s_series_and_number_read_joined_as_its_mrz_writes_them(row: str, number: str) -> None:
    front = ["ROMANIA", row, "CARTE DE IDENTITATE / IDENTITY CARD", "NUME / NOM / LAST NAME", "DUMITRESCU",
             "PRENUME / PRENOM / FIRST NAME", "IOANA", "CETATENIE / NATIONALITY", "ROMANA / ROU"]  # fmt: skip
    parsed = parse_identity(lines_of(*front), DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert parsed.fields["document_number"] == number


def test_a_series_without_its_number_caption_is_no_number() -> None:
    """Guard: "SERIA KS 004215" names no number; nothing is read rather than a guess."""
    front = [
        "ROMANIA",
        "SERIA KS 004215",
        "CARTE DE IDENTITATE / IDENTITY CARD",
        "NUME / NOM / LAST NAME",
        "DUMITRESCU",
    ]
    parsed = parse_identity(lines_of(*front), DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert "document_number" not in parsed.fields


def test_the_back_s_mrz_agrees_with_the_series_and_number_of_the_front() -> None:
    """Guard: the front's joined number is the MRZ's, no mismatch between them."""
    back = td1(code="ID", state="ROU", number="KS004215", birth=dt.date(1991, 9, 3), sex="F",
               expiry=dt.date(2031, 9, 3), nationality="ROU", surname="DUMITRESCU", given="IOANA")  # fmt: skip
    front = ["ROMANIA", "SERIA KS NR 004215", "CARTE DE IDENTITATE / IDENTITY CARD", "NUME / NOM / LAST NAME",
             "DUMITRESCU", "PRENUME / PRENOM / FIRST NAME", "IOANA"]  # fmt: skip
    parsed = parse_identity(lines_of(*front, *back), DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert parsed.fields["mrz_valid"] is True
    assert parsed.fields["document_number"] == "KS004215"
    assert not [code for code in parsed.warnings if code.startswith("mrz_viz_mismatch")]
