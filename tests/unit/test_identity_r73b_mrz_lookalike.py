"""A passport whose MRZ misread a letter of a name the page prints in plain capitals (blind probe r73b).

The printed "SÓNIA RAQUEL" lost its caption to OCR (read with the photo's "FOTO" as "FOTO EEN") and its accent; the
MRZ's names line read "SONTA<RAQUEL". No check digit covers a name: the MRZ's valid check digits say nothing of its
letters. The name was reported as the MRZ's "Sonta Raquel", the applicant's "Sónia" then only "semelhante". A
printed word one look-alike from the MRZ's, read surely, is the name's reading, as it is when it carries an accent.
"""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td3

BIRTH, EXPIRY = dt.date(1985, 2, 17), dt.date(2030, 5, 14)


def passport(printed_given: str, mrz_given: str, *, sure: float = 0.93) -> list[Line]:
    mrz = td3(code="P", state="PRT", number="CC978376", birth=BIRTH, sex="F", expiry=EXPIRY, nationality="PRT",
              surname="VALENTE COUTO", given=mrz_given)  # fmt: skip
    texts = [
        "PASSAPORTE PASSPORT REPÚBLICA PORTUGUESA",
        "Tipo/Type", "P", "Código/Code", "PRT", "Passaporte N.º/Passport No.", "CC978376",
        "Apelido/Surname", "VALENTE COUTO",
        "FOTO EEN",  # the given names' caption, lost
        printed_given,
        "Nacionalidade/Nationality", "PORTUGUESA", "Data de nascimento/Date of birth", "17 02 1985",
        "Sexo/Sex", "F", "Data de validade/Date of expiry", "14 05 2030",
    ]  # fmt: skip
    return [Line(text, sure if text == printed_given else 0.93) for text in texts] + [Line(line, 0.9) for line in mrz]


def test_a_printed_plain_name_mends_the_mrz_s_look_alike_letter() -> None:
    parsed = parse_identity(passport("SONIA RAQUEL", "SONTA RAQUEL"), DocumentKind.PASSAPORTE)
    assert parsed.fields["mrz_valid"] is True
    assert str(parsed.fields["given_names"]).upper().replace("Ó", "O") == "SONIA RAQUEL"


@pytest.mark.parametrize(
    ("printed", "mrz_given", "expected"),
    [
        ("SONIA RAQUEL", "SONIA RAQUEL", "SONIA RAQUEL"),  # the two readings agree
        ("MARIA RAQUEL", "SONTA RAQUEL", "SONTA RAQUEL"),  # another word altogether: the MRZ's stands
        ("SOLIA RAQUEL", "SONTA RAQUEL", "SONTA RAQUEL"),  # two letters apart, one no look-alike: no mending
    ],
)
def test_a_printed_word_further_from_the_mrz_leaves_the_mrz_s_name(printed: str, mrz_given: str, expected: str) -> None:
    parsed = parse_identity(passport(printed, mrz_given), DocumentKind.PASSAPORTE)
    assert str(parsed.fields["given_names"]).upper().replace("Ó", "O") == expected


def test_a_printed_word_ocr_was_unsure_of_does_not_mend_the_mrz() -> None:
    parsed = parse_identity(passport("SONIA RAQUEL", "SONTA RAQUEL", sure=0.4), DocumentKind.PASSAPORTE)
    assert str(parsed.fields["given_names"]).upper() == "SONTA RAQUEL"
