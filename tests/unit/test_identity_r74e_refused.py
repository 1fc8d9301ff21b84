"""A legible file of no identity kind is refused for what it is (blind probe r74e, F7).

A legible boarding pass sent as ID was refused "Documento não reconhecido como documento de identificação: envie
...", and the report said "nenhum dos documentos de identificação enviados se conseguiu ler" and asked for a sharper
photo: it is refused for what it is, as a driving licence is (round 74A's "Este documento é ...").
"""

from __future__ import annotations

import pytest

from documents.extraction.local import DRIVING_LICENCE_REFUSED, IDENTITY_DATA_UNREAD, ILLEGIBLE, UNRECOGNISED
from screening.explanation import EN, PT, identity_entry, identity_lever
from screening.rules.identity import (
    ACCEPTED_LEAD_IN,
    NO_IDENTITY_DOCUMENT_READ,
    NOT_AN_IDENTITY_DOCUMENT,
    identity_refusals_of,
)
from screening.rules.report import identity_not_verified_words
from tests.unit.test_identity_refused_r74a import failed_identity, identity_of, person, read_check

UNRECOGNISED_ID = UNRECOGNISED["ID_DOCUMENT"]


def test_the_refusal_the_rules_know_is_the_extractions() -> None:
    assert UNRECOGNISED_ID.startswith(NOT_AN_IDENTITY_DOCUMENT)


def test_a_legible_file_of_no_identity_kind_is_reported_as_not_accepted_not_as_unread() -> None:
    identity = identity_of(failed_identity(UNRECOGNISED_ID))
    check = read_check(identity)
    assert check["evidence"].startswith(ACCEPTED_LEAD_IN)
    assert identity_refusals_of(check) == [UNRECOGNISED_ID]
    words = identity_not_verified_words(identity)
    assert "o documento enviado como identificação não é um documento de identificação aceite: peça" in words
    assert "se conseguiu ler" not in words
    refused = person(identity)
    assert UNRECOGNISED_ID in identity_entry(refused, PT)["text"]
    assert identity_lever(refused, PT) == PT.identity_lever_accepted
    assert identity_lever(refused, EN) == EN.identity_lever_accepted
    assert "Este documento" not in identity_entry(refused, EN)["text"]


def test_beside_a_driving_licence_both_are_named() -> None:
    identity = identity_of(failed_identity(UNRECOGNISED_ID), failed_identity(DRIVING_LICENCE_REFUSED, "id-2"))
    assert identity_refusals_of(read_check(identity)) == [UNRECOGNISED_ID, DRIVING_LICENCE_REFUSED]
    assert "(uma carta de condução)" in identity_not_verified_words(identity)


@pytest.mark.parametrize("reasons", [[ILLEGIBLE], [UNRECOGNISED_ID, ILLEGIBLE], [IDENTITY_DATA_UNREAD]])
def test_a_file_unread_is_still_said_unread(reasons: list[str]) -> None:
    identity = identity_of(*(failed_identity(reason, f"id-{at}") for at, reason in enumerate(reasons)))
    assert read_check(identity)["evidence"] == NO_IDENTITY_DOCUMENT_READ
    assert identity_lever(person(identity), PT) == PT.identity_lever_readable
