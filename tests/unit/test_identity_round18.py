"""Identity documents the blind probe of round 18 found read wrong: a word among OCR's specks on a name caption's own
line taken for the given names over the name printed under it; a bracketed placeholder where the portrait is
("[FOTO]") taken into the surname, a false mismatch with the MRZ; a name printed in two scripts ("КОВАЛЕНКО /
KOVALENKO") compared whole with the MRZ's; an older card's lone "Nome" caption read as the given names, its number
after a bare "N.º" not read; a passport's data line that lost characters, whose birth date was an expiry date read
in its place. The texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt

from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td1, td3


def parse(
    lines: list[str], kind: DocumentKind, *, confidence: float = 0.9, mrz: list[str] | None = None
) -> tuple[dict[str, object], list[str]]:
    read = [Line(text, confidence) for text in lines] + [Line(text, 0.85) for text in mrz or []]
    parsed = parse_identity(read, kind)
    return parsed.fields, parsed.warnings


def permit_mrz(surname: str = "TAMANG", given: str = "ANIL RAJ") -> list[str]:
    return td1(code="IR", state="PRT", number="Y5B204817", birth=dt.date(1993, 2, 11), sex="M",
               expiry=dt.date(2028, 4, 2), nationality="NPL", surname=surname, given=given)  # fmt: skip


# --- 1. A word among specks on the caption's own line -----------------------------------------------------------


def test_a_word_among_specks_on_the_caption_line_is_no_given_name() -> None:
    """OCR read the card's pattern beside the caption as a word among specks ("— ORÉ ' a!"); the name printed under
    the caption, which the valid MRZ agrees with, is the given names, and nothing disagrees."""
    lines = [
        "APELIDO(S) / SURNAME",
        "TAMANG",
        "oo . NOME(S) / GIVEN NAMES — ORÉ ' a!",
        "ANIL RAJ |. a",
    ]
    fields, warnings = parse(lines, DocumentKind.TITULO_RESIDENCIA, mrz=permit_mrz())
    assert fields["given_names"] == "Anil Raj"
    assert fields["full_name"] == "Anil Raj Tamang"
    assert not [code for code in warnings if code.startswith("mrz_viz_mismatch")]


def test_a_name_captioned_on_its_own_line_stays_the_visual_zone_s() -> None:
    """Guard (passes before the fix too): a name printed whole after its caption ("NOMES: ANIL RAJ") is the visual
    zone's own reading, kept over the MRZ's when they differ, and flagged."""
    lines = ["APELIDOS: TAMANG", "NOMES: ANIL RAM"]
    fields, warnings = parse(lines, DocumentKind.TITULO_RESIDENCIA, mrz=permit_mrz())
    assert fields["given_names"] == "Anil Ram"
    assert "mrz_viz_mismatch:given_names" in warnings


# --- 2. A placeholder in brackets, a name in two scripts -------------------------------------------------------


def test_a_bracketed_placeholder_before_the_surname_is_no_part_of_it() -> None:
    """ "[FOTO] MOREIRA DE SÁ": the bracketed word is where the portrait is; the surname agrees with the MRZ's
    "MOREIRA<DE<SA" (the particle, the accent and the filler as a space), with no mismatch."""
    lines = ["APELIDO(S) / SURNAME", "[FOTO] “MOREIRA DE SÁ", "NOME(S) / GIVEN NAME(S)", "INÊS MARTA"]
    mrz = td1(code="I", state="PRT", number="14702938", birth=dt.date(1990, 6, 3), sex="F",
              expiry=dt.date(2030, 1, 9), nationality="PRT", surname="MOREIRA DE SA", given="INES MARTA")  # fmt: skip
    fields, warnings = parse(lines, DocumentKind.TITULO_RESIDENCIA, mrz=mrz)
    assert fields["surname"] == "Moreira de Sá"
    assert "mrz_viz_mismatch:surname" not in warnings


def passport_in_two_scripts(surname: str, given: str) -> list[str]:
    return ["Прізвище / Surname", surname, "Ім'я / Given names", given, "Passport No.", "GK481920"]


def test_a_name_printed_in_two_scripts_is_its_latin_rendering() -> None:
    """ "ШЕВЧУК / SHEVCHUK": the Latin rendering is the name, and it agrees with the MRZ's."""
    mrz = td3(code="P", state="UKR", number="GK481920", birth=dt.date(1991, 9, 22), sex="M",
              expiry=dt.date(2031, 5, 17), nationality="UKR", surname="SHEVCHUK", given="TARAS")  # fmt: skip
    lines = passport_in_two_scripts("ШЕВЧУК / SHEVCHUK", "ТАРАС / TARAS")
    fields, warnings = parse(lines, DocumentKind.PASSAPORTE, mrz=mrz)
    assert (fields["surname"], fields["given_names"]) == ("Shevchuk", "Taras")
    assert not [code for code in warnings if code.startswith("mrz_viz_mismatch")]


def test_a_name_in_two_scripts_ocr_read_as_latin_is_its_last_rendering() -> None:
    """OCR in a Latin alphabet reads the Cyrillic as look-alike letters ("WEBYYK / SHEVCHUK"): the rendering after
    the slash is the Latin one, read without an MRZ too."""
    lines = passport_in_two_scripts("WEBYYK / SHEVCHUK", "TAPAC / TARAS")
    fields, _ = parse(lines, DocumentKind.PASSAPORTE)
    assert (fields["surname"], fields["given_names"]) == ("Shevchuk", "Taras")


# --- 3. An older residence card without an MRZ -----------------------------------------------------------------

OLD_CARD = [
    "AUTORIZAÇÃO DE RESIDÊNCIA",
    "[FOTO] Nome: IBRAHIMA SANÉ",
    "Nacionalidade: SENEGALESA",
    "Data de nascimento: 14-02-1968",
    "N.º K4028173",
    "Válido até: 30-09-2028",
]


def test_a_lone_nome_caption_without_a_surname_caption_is_the_whole_name() -> None:
    fields, _ = parse(OLD_CARD, DocumentKind.TITULO_RESIDENCIA)
    assert fields["full_name"] == "Ibrahima Sané"
    assert "given_names" not in fields


def test_a_number_after_a_bare_caption_opening_its_line_is_the_document_s() -> None:
    """ "N.º K4028173": a letter before seven digits, an older card's number as printed, not an implausible one."""
    fields, warnings = parse(OLD_CARD, DocumentKind.TITULO_RESIDENCIA)
    assert fields["document_number"] == "K4028173"
    assert "document_number_implausible" not in warnings


def test_a_bare_caption_inside_a_line_is_a_law_s_number() -> None:
    """Guard (passes before the fix too): "Art. 88.º n.º 2" inside a line is a law's article, no document number."""
    lines = [line for line in OLD_CARD if not line.startswith("N.º")] + ["Observações: Art. 88.º n.º 2 Lei 23/2007"]
    fields, _ = parse(lines, DocumentKind.TITULO_RESIDENCIA)
    assert "document_number" not in fields


# --- 4. A passport's data line that lost characters ------------------------------------------------------------


def us_passport_mrz() -> list[str]:
    return td3(code="P", state="USA", number="471920385", birth=dt.date(1983, 11, 6), sex="F",
               expiry=dt.date(2029, 7, 14), nationality="USA", surname="DOYLE", given="MEGAN ROSE")  # fmt: skip


def test_a_data_line_that_lost_characters_gives_no_birth_date() -> None:
    """OCR lost the document number's first eight characters (and read two fillers more): the expiry date and its
    check digit now sit where the birth date's belong, and hold. The nationality there reads no state, so the fields
    are out of place: no birth date is given (never the expiry with a wrong century), and the MRZ stays flagged."""
    first, second = us_passport_mrz()
    lost = second[8:].replace("<<", "<<<<", 1)
    fields, warnings = parse([], DocumentKind.PASSAPORTE, mrz=[first, lost])
    assert fields.get("date_of_birth") is None
    assert fields["mrz_valid"] is False and "mrz_check_invalid" in warnings


def test_a_failed_mrz_whose_fields_are_in_place_still_gives_its_checked_dates() -> None:
    """Guard (passes before the fix too): with only the composite check digit failing, the nationality reads as a
    state, and each date's own check digit vouches for it."""
    first, second = us_passport_mrz()
    second = second[:-1] + ("1" if second[-1] != "1" else "2")
    fields, warnings = parse([], DocumentKind.PASSAPORTE, mrz=[first, second])
    assert fields["date_of_birth"] == dt.date(1983, 11, 6)
    assert fields["expiry_date"] == dt.date(2029, 7, 14)
    assert "mrz_check_invalid" in warnings


def test_of_two_readings_holding_as_many_checks_the_valid_one_is_kept() -> None:
    """Round 18's Indian passport (review of the identity fixer's report): one pass read the empty personal
    number's check as "8" (five checks, four holding), another as "0" (an empty field's check does not count:
    four checks, all holding); the ranking kept the failing reading for its extra check."""
    from documents.extraction.mrz import best_of, check_digit, read_mrz

    first, second = td3(code="P", state="IND", number="V4829173", birth=dt.date(1994, 8, 12), sex="F",
                        expiry=dt.date(2034, 1, 9), nationality="IND", surname="SHARMA", given="PRIYA")  # fmt: skip
    head = second[:42]
    good = head + "0" + check_digit(head[0:10] + head[13:20] + head[21:42] + "0")
    bad = head + "8" + check_digit(head[0:10] + head[13:20] + head[21:42] + "8")
    valid, failing = read_mrz([first, good]), read_mrz([first, bad])
    assert valid is not None and failing is not None and valid.valid and not failing.valid
    assert failing.checks_passed == valid.checks_passed
    assert best_of(failing, valid) is valid and best_of(valid, failing) is valid
