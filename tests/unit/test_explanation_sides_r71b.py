"""Blind probe r71b, C07: a card's back of another person sent beside the applicant's own front. The details read
from the two sides mix two documents, so the applicant is told to send both sides of their own card, never to give
their details "as they are on the document" (which would be another person's NIF and birth date)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from screening.explanation import PT, Person, identity_entry, identity_lever
from screening.rules.common import check


def person_with(*failed: dict[str, Any]) -> Person:
    checks = [
        check("identity.document_read", True, "Documento de identificação lido.", value="CARTAO_CIDADAO"),
        *failed,
    ]
    return Person(
        applicant_id="a", role="TENANT", checks=checks, identity={"verified": False, "warnings": []}, income={}
    )


NIF_DIFFERS = check("identity.nif_match", False, "NIF diferente do documento.", field="nif", value="123456789")
BIRTH_DIFFERS = check(
    "identity.birth_date_match",
    False,
    "Data de nascimento diferente.",
    field="date_of_birth",
    value=dt.date(1980, 1, 1),
)
SIDES_DIFFER = check("identity.sides_agree", False, "Frente e verso do Cartão de Cidadão não coincidem.")


def test_sides_of_two_cards_ask_for_both_sides_of_ones_own_card_not_for_ones_details_as_on_it() -> None:
    person = person_with(NIF_DIFFERS, BIRTH_DIFFERS, SIDES_DIFFER)
    lever = identity_lever(person, PT)
    assert lever == PT.identity_lever_same_card
    text = identity_entry(person, PT)["text"]
    assert PT.identity_problems["identity.sides_agree"] in text
    assert PT.identity_problems["identity.nif_match"] not in text
    assert PT.identity_problems["identity.birth_date_match"] not in text


def test_one_cards_details_that_differ_still_ask_for_the_details_as_on_the_document() -> None:
    """Guard: the sides agreeing, a NIF that differs is the applicant's to set right, as before."""
    person = person_with(NIF_DIFFERS)
    assert identity_lever(person, PT) == PT.identity_lever_data
    assert PT.identity_problems["identity.nif_match"] in identity_entry(person, PT)["text"]
