"""Blind probe r79a: Cartões de Cidadão whose MRZ held every ICAO check digit but whose card number failed the card's
own check character (the tester's generator computed it wrongly). The product refused them, rightly, but said the
MRZ's check digits were invalid and the number unreadable: staff would look at the wrong thing. Now the number is
said impossible. MRZs of our own."""

from __future__ import annotations

import datetime as dt

from applicants.identifiers import cc_check_digit, cc_number_holds
from documents.extraction.mrz import read_mrz
from documents.extraction.schema import DocumentKind
from samples.identity import td1
from screening.rules.identity import CARD_NUMBER_IMPOSSIBLE, mrz_check
from tests.helpers import parse_identity_lines

TODAY = dt.date(2026, 12, 8)
HEAD = "17294058" + "3" + "ZX"
GOOD = HEAD + cc_check_digit(HEAD)
# Any other check character: the number no card carries.
IMPOSSIBLE = HEAD + next(c for c in "0123456789" if c != cc_check_digit(HEAD))


def back(number: str) -> list[str]:
    """A card's back whose ICAO check digits and composite are computed over ``number`` as written: they hold."""
    return td1(code="I", state="PRT", number=number, birth=dt.date(1991, 6, 14), sex="M",
               expiry=dt.date(2030, 2, 27), nationality="PRT", surname="Quaresma Neves", given="Duarte")  # fmt: skip


def test_an_mrz_holding_every_check_digit_over_an_impossible_number_is_read_as_such() -> None:
    assert not cc_number_holds(IMPOSSIBLE)
    read = read_mrz(back(IMPOSSIBLE), today=TODAY)
    assert read is not None and not read.valid
    assert read.card_number_impossible
    assert [name for name, held in read.checks.items() if not held] == ["document_number"]


def test_a_genuine_number_and_a_misread_mrz_are_not_called_impossible() -> None:
    genuine = read_mrz(back(GOOD), today=TODAY)
    assert genuine is not None and genuine.valid and not genuine.card_number_impossible
    misread = back(GOOD)
    misread[1] = misread[1][:3] + "3" + misread[1][4:]  # June made March, its check digit kept
    read = read_mrz(misread, today=TODAY)
    assert read is not None and not read.valid and not read.card_number_impossible


def test_the_back_says_the_number_fails_its_check_not_that_it_was_unread() -> None:
    lines = ["CARTÃO DE CIDADÃO", "N.º DOCUMENTO / DOCUMENT No.", "NIF 203948571"]
    fields, warnings = parse_identity_lines(lines, DocumentKind.CARTAO_CIDADAO, mrz=back(IMPOSSIBLE))
    assert fields["mrz_valid"] is False
    assert "document_number_check_invalid" in warnings
    assert "document_number_unreadable" not in warnings


def test_a_misread_mrz_keeps_its_own_warning_alone() -> None:
    misread = back(GOOD)
    misread[1] = misread[1][:3] + "3" + misread[1][4:]
    fields, warnings = parse_identity_lines(["CARTÃO DE CIDADÃO"], DocumentKind.CARTAO_CIDADAO, mrz=misread)
    assert fields["mrz_valid"] is False
    assert "mrz_check_invalid" in warnings
    assert "document_number_check_invalid" not in warnings


def test_the_evidence_names_the_card_number() -> None:
    document = {"document_id": "d1", "kind": "CARTAO_CIDADAO", "fields": {"mrz_valid": False, "side": "back"}}
    impossible = mrz_check({**document, "warnings": ["mrz_check_invalid", "document_number_check_invalid"]})
    misread = mrz_check({**document, "warnings": ["mrz_check_invalid"]})
    assert impossible is not None and misread is not None
    assert impossible["evidence"] == CARD_NUMBER_IMPOSSIBLE
    assert "dígitos de controlo inválidos" in misread["evidence"]
    assert not impossible["passed"] and not misread["passed"]
