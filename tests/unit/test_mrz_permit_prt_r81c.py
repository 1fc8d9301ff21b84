"""Blind probe r81c: Portuguese residence permits whose MRZ opens "I<PRT", as a Cartão de Cidadão's does, with a
permit's 9-character number and every check digit holding, were read invalid: the card's own check character was
asked of a number that has none. It is asked only of a card's 12 characters. MRZs of our own."""

from __future__ import annotations

import datetime as dt

from applicants.identifiers import cc_check_digit
from documents.extraction.mrz import read_mrz
from samples.identity import td1

TODAY = dt.date(2026, 12, 8)


def card(number: str) -> list[str]:
    return td1(code="I", state="PRT", number=number, birth=dt.date(1987, 2, 11), sex="F", expiry=dt.date(2029, 7, 3),
               nationality="BRA", surname="MOREIRA LIMA", given="JULIANA")  # fmt: skip


def test_a_permit_number_under_i_prt_holds_by_its_check_digits() -> None:
    read = read_mrz(card("R4K7M2T93"), today=TODAY)
    assert read is not None and read.valid
    assert read.document_number == "R4K7M2T93"


def test_a_citizen_cards_number_still_answers_to_its_own_check_character() -> None:
    head = "14827365" + "9" + "ZY"
    wrong = head + next(c for c in "0123456789" if c != cc_check_digit(head))
    impossible, genuine = read_mrz(card(wrong), today=TODAY), read_mrz(card(head + cc_check_digit(head)), today=TODAY)
    assert impossible is not None and not impossible.valid
    assert genuine is not None and genuine.valid
