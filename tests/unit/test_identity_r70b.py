"""Blind probe r70b: the dates an identity check reads, said as a reader says them."""

from __future__ import annotations

import datetime as dt

import pytest

from applicants.ages import age_on
from documents.extraction.parsers.identity import card_side
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from screening.rules.identity import birth_date_match, expiry_margin
from tests.unit.test_rules_identity import id_document

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("printed", "minor"),
    [("2008-12-08", True), ("2008-12-07", False), ("1990-06-15", False)],
)
def test_a_birth_date_that_differs_says_when_it_makes_the_holder_a_minor(printed: str, minor: bool) -> None:
    # A04: a card of someone 18 tomorrow beside an adult's date typed; 18 today is of age.
    result = birth_date_match(id_document(date_of_birth=printed), applicant_birth="2000-12-08", today=TODAY)
    assert not result["passed"]
    assert ("menor de idade" in result["evidence"]) is minor
    assert printed[:4] not in result["evidence"]


@pytest.mark.parametrize(
    ("expiry", "words"),
    [
        ("2026-12-07", "O documento caduca hoje."),
        ("2026-12-08", "O documento caduca amanhã."),
        ("2026-12-17", "O documento caduca dentro de 10 dias."),
    ],
)
def test_an_expiry_within_the_margin_is_said_in_words(expiry: str, words: str) -> None:
    result = expiry_margin(id_document(expiry_date=expiry), today=TODAY, warning_days=60)
    assert result is not None and result["evidence"] == words


def test_one_born_on_29_february_comes_of_age_on_1_march_of_a_common_year() -> None:
    birth = dt.date(2008, 2, 29)
    assert age_on(birth, dt.date(2026, 2, 28)) == 17
    assert age_on(birth, dt.date(2026, 3, 1)) == 18


@pytest.mark.parametrize(
    "front_line",
    ["Nome / Name: OLIVEIRA SANTOS, JULIANA", "Válido até / Valid until: 30/06/2027", "Tipo de título: TEMPORÁRIA"],
)
def test_a_permits_front_on_the_page_with_its_back_is_both_sides(front_line: str) -> None:
    # I06: the front's name captioned with its value on its row, its validity or its type, above the back's MRZ.
    lines = [Line("TÍTULO DE RESIDÊNCIA"), Line(front_line), Line("Data de nascimento: 03/02/1991")]
    assert card_side(lines, has_mrz=True, kind=DocumentKind.TITULO_RESIDENCIA) == "both"


@pytest.mark.parametrize(
    "back_line", ["Nome do pai: JOSÉ SANTOS", "Observações: AUTORIZAÇÃO DE RESIDÊNCIA", "Data de emissão: 30/06/2024"]
)
def test_a_permits_back_alone_stays_the_back(back_line: str) -> None:
    """Guard: a parent's name, remarks and an issue date are no front's signs."""
    lines = [Line("TÍTULO DE RESIDÊNCIA"), Line(back_line), Line("Data de nascimento: 03/02/1991")]
    assert card_side(lines, has_mrz=True, kind=DocumentKind.TITULO_RESIDENCIA) == "back"
