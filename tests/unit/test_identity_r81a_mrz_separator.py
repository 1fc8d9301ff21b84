"""A passport's MRZ read once with a filler of the names' separator ``<<`` read as a letter glued to a name: the MRZ
then holds one long surname and no given names, and the printed surname, read right, was kept against it as an
altered page's sign (blind probe r81a, F2: "ROCHA<<PAULO" read "ROCHAC<PAULO"). Names and numbers of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.parsers import Parsed
from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td1, td3

BIRTH, EXPIRY = dt.date(1974, 11, 8), dt.date(2031, 6, 17)


def passport(*, surname: str, given: str) -> list[str]:
    return td3(code="P", state="BRA", number="FT903417", birth=BIRTH, sex="M", expiry=EXPIRY, nationality="BRA",
               surname=surname, given=given)  # fmt: skip


def data_page(*, surname: str, given: str) -> list[str]:
    return [
        "PASSAPORTE / PASSPORT",
        "SOBRENOME / SURNAME",
        surname,
        "NOME / GIVEN NAMES",
        given,
        "DATA DE NASCIMENTO / DATE OF BIRTH SEXO / SEX",
        "08/11/1974 M",
        "VALIDO ATE / DATE OF EXPIRY",
        "17/06/2031",
    ]


def parse(rows: list[str], mrz: list[str], kind: DocumentKind = DocumentKind.PASSAPORTE) -> Parsed:
    return parse_identity([Line(row, 0.9) for row in [*rows, *mrz]], kind)


def separator_misread(line: str, *, letter: str, second: bool = False) -> str:
    """The line with one filler of its first ``<<`` read as ``letter``: the first filler, or the second."""
    at = line.index("<<", 5) + int(second)
    return line[:at] + letter + line[at + 1 :]


MISREADS = [("C", False), ("K", False), ("S", True), ("E", True)]


@pytest.mark.parametrize(("letter", "second"), MISREADS)
def test_a_separator_filler_read_as_a_letter_is_put_back_when_the_page_prints_both_names(
    letter: str, second: bool
) -> None:
    names, data = passport(surname="MACEDO FARIAS", given="JOAO HENRIQUE")
    misread = separator_misread(names, letter=letter, second=second)
    parsed = parse(data_page(surname="MACEDO FARIAS", given="JOÃO HENRIQUE"), [misread, data])
    assert parsed.fields["mrz_valid"] is True
    assert parsed.fields["surname"].upper() == "MACEDO FARIAS"
    assert parsed.fields["given_names"].upper() == "JOÃO HENRIQUE"
    assert not [code for code in parsed.warnings if code.startswith(("mrz_viz_mismatch", "mrz_viz_name_kept"))]


def test_a_cards_names_line_gets_its_separator_back_too() -> None:
    lines = td1(code="I", state="BRA", number="CX4471902", birth=BIRTH, sex="F", expiry=EXPIRY, nationality="BRA",
                surname="LIMA", given="ANA PAULA")  # fmt: skip
    misread = [*lines[:2], separator_misread("<<<<<" + lines[2], letter="K")[5:]]
    parsed = parse(data_page(surname="LIMA", given="ANA PAULA"), misread, DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert parsed.fields["surname"].upper() == "LIMA"
    assert parsed.fields["given_names"].upper() == "ANA PAULA"
    assert not [code for code in parsed.warnings if code.startswith("mrz_viz_name_kept")]


def test_a_page_printing_another_surname_stays_flagged() -> None:
    """Guard (passes either way): the separator put back makes the MRZ's given names the page's, but the page's
    surname is another one: the altered page's sign stays."""
    names, data = passport(surname="MACEDO FARIAS", given="JOAO HENRIQUE")
    misread = separator_misread(names, letter="C")
    parsed = parse(data_page(surname="BRANDAO", given="JOÃO HENRIQUE"), [misread, data])
    assert "mrz_viz_mismatch:surname" in parsed.warnings
