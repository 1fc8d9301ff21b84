"""Passports the blind probe of round 13 found read wrong: captions in Spanish and English with both names' captions
side by side on one row (the names side by side on the row below), and a false mismatch between the visual zone's
name and the MRZ's when OCR read a letter of the MRZ as its look-alike. The texts are shaped as the reader hands
them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt

from documents.extraction.mrz import check_digit
from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind


def td3(names: str, number: str, state: str, birth: str, sex: str, expiry: str) -> list[str]:
    """A passport's two MRZ lines with every check digit right (dates as YYMMDD)."""
    first = f"P<{state}{names}".ljust(44, "<")
    optional = "<" * 14
    body = f"{number}{check_digit(number)}{state}{birth}{check_digit(birth)}{sex}{expiry}{check_digit(expiry)}"
    body += f"{optional}{check_digit(optional)}"
    composite = check_digit(body[:10] + body[13:20] + body[21:43])
    return [first, body + composite]


SPANISH_PASSPORT = """REPÚBLICA DE COLOMBIA - PASAPORTE
Apellidos / Surnames | Nombres / Given names
{names}
Nacionalidad / Nationality Fecha de nacimiento / Date of birth
COLOMBIANA 09 DIC/DEC 1983
Sexo / Sex Fecha de vencimiento / Date of expiry
M 21 ENE/JAN 2031
Nº de pasaporte / Passport No.
AY4081726"""


def parse(text: str, mrz: list[str] | None = None) -> tuple[dict[str, object], list[str]]:
    lines = [Line(line, 0.93) for line in [*text.splitlines(), *(mrz or [])] if line.strip()]
    parsed = parse_identity(lines, DocumentKind.PASSAPORTE)
    return parsed.fields, parsed.warnings


def test_names_side_by_side_are_parted_where_the_mrz_parts_them() -> None:
    """Two captions on one row, the two names under them on one line: the MRZ's surname tells where the surname
    ends; each name keeps the visual zone's spelling, and nothing disagrees."""
    mrz = td3("GUTIERREZ<NUNEZ<<JUAN<PABLO", "AY4081726", "COL", "831209", "M", "310121")
    fields, warnings = parse(SPANISH_PASSPORT.format(names="GUTIÉRREZ NÚÑEZ JUAN PABLO"), mrz)
    assert fields["surname"] == "Gutiérrez Núñez"
    assert fields["given_names"] == "Juan Pablo"
    assert fields["mrz_valid"] is True
    assert not [warning for warning in warnings if warning.startswith("mrz_viz_mismatch")]


def test_names_side_by_side_one_word_each_are_parted_by_column() -> None:
    """A word under each caption needs no MRZ: each name is its column's word."""
    fields, _ = parse(SPANISH_PASSPORT.format(names="OSORIO LUCAS"))
    assert fields["surname"] == "Osorio"
    assert fields["given_names"] == "Lucas"


def test_names_side_by_side_are_never_both_names_whole() -> None:
    """Without an MRZ to part them, four words under two captions are neither name: not both the whole row."""
    fields, _ = parse(SPANISH_PASSPORT.format(names="GUTIÉRREZ NÚÑEZ JUAN PABLO"))
    assert fields.get("surname") != "Gutiérrez Núñez Juan Pablo"
    assert fields.get("given_names") != "Gutiérrez Núñez Juan Pablo"


def test_spanish_captions_name_their_fields() -> None:
    """ "Nacionalidad", "Fecha de nacimiento", "Fecha de vencimiento", "Nº de pasaporte" and the Spanish months
    ("DIC/DEC", "ENE/JAN") are read from the visual zone, without an MRZ."""
    fields, _ = parse(SPANISH_PASSPORT.format(names="OSORIO LUCAS"))
    assert fields["nationality"] == "COL"
    assert fields["date_of_birth"] == dt.date(1983, 12, 9)
    assert fields["expiry_date"] == dt.date(2031, 1, 21)
    assert fields["sex"] == "M"
    assert fields["document_number"] == "AY4081726"


CAPTION_LIST_PASSPORT = """PASSPORT
Country Code: CHN
Passport No.: EK5173920
Surname: WANG
Given names: HAOYU
Sex: F
Date of birth: 14 FEB 1990
Date of expiry: 02 SEP 2032"""


def test_an_mrz_letter_read_as_its_look_alike_is_no_mismatch() -> None:
    """OCR read the MRZ's "O" as "Q" ("HAOYU" printed, the MRZ's read "HAQYU"): no check digit covers a
    name, so a look-alike letter is a reading's, not the document's; the visual zone's name stands, unflagged."""
    mrz = td3("WANG<<HAOYU", "EK5173920", "CHN", "900214", "F", "320902")
    mrz[0] = mrz[0].replace("HAOYU", "HAQYU")
    fields, warnings = parse(CAPTION_LIST_PASSPORT, mrz)
    assert fields["given_names"] == "Haoyu"
    assert "mrz_viz_mismatch:given_names" not in warnings


def test_a_name_that_differs_in_more_than_look_alikes_is_still_flagged() -> None:
    """The guard for the look-alikes: a name differing in letters no OCR confuses is flagged; given names sharing no
    word with the valid MRZ's give way to them (blind probe r78d: another line's value read as the given names)."""
    mrz = td3("WANG<<HAIYAN", "EK5173920", "CHN", "900214", "F", "320902")
    fields, warnings = parse(CAPTION_LIST_PASSPORT, mrz)
    assert fields["given_names"] == "Haiyan"
    assert "mrz_viz_mismatch:given_names" in warnings


def test_a_valid_mrz_s_words_win_over_a_neighbouring_column_s_word() -> None:
    """The visual zone's name holds a word more than a fully valid MRZ's (the next column's value): the MRZ's
    words are reported, in the visual zone's spelling, and the disagreement stays flagged."""
    text = CAPTION_LIST_PASSPORT.replace("Surname: WANG", "Surname: WANG LÜ")
    mrz = td3("WANG<<HAOYU", "EK5173920", "CHN", "900214", "F", "320902")
    fields, warnings = parse(text, mrz)
    assert fields["surname"] == "Wang"
    assert "mrz_viz_mismatch:surname" in warnings


def test_a_failed_mrz_never_overrules_the_visual_zone_s_name() -> None:
    """The guard for the MRZ's words: with a check digit failing, the visual zone's name stays as read."""
    text = CAPTION_LIST_PASSPORT.replace("Surname: WANG", "Surname: WANG LÜ")
    mrz = td3("WANG<<HAOYU", "EK5173920", "CHN", "900214", "F", "320902")
    mrz[1] = mrz[1][:27] + ("1" if mrz[1][27] != "1" else "2") + mrz[1][28:]
    fields, warnings = parse(text, mrz)
    assert fields["surname"] == "Wang Lü"
    assert "mrz_check_invalid" in warnings


def test_a_nif_whose_groups_lost_a_space_is_read_and_the_other_numbers_are_not() -> None:
    """Round 12: "NIF 192 837419" (OCR lost one of the spaces) gave no NIF; the health and social security
    numbers beside it are never taken for it."""
    from documents.extraction.parsers.identity import parse_identity
    from documents.extraction.reader import Line
    from documents.extraction.schema import DocumentKind

    lines = [
        Line("NIF 215 839404 N.º UTENTE 294 018 372", 0.85),
        Line("NSS 120 384 756 19", 0.94),
        Line("Filiação: JOSÉ MESQUITA - ANA FONTES", 0.92),
    ]
    assert parse_identity(lines, DocumentKind.CARTAO_CIDADAO).fields.get("nif") == "215839404"
