"""Blind probe r80d, cause 4: a card's side sent and not read was said "not sent". A permit's front refused for what
the extraction took it for, beside its back read, got "Só foi enviado um lado ...: falta a frente"; a card's front
read beside its back whose MRZ was cut off got "MRZ não lida: está no verso do cartão, que não foi enviado", and its
holder was asked to send the back they had sent. The rules now count the identity files that failed: the report says
another file was sent and why it was not read, and the applicant is asked for a copy of the back that reads."""

from __future__ import annotations

from typing import Any

from documents.extraction.mrz import mrz_line_read_sharp
from screening.explanation import EN, PT, Person, identity_entry, identity_lever
from screening.rules.identity import (
    BIRTH_DATE_ON_THE_BACK_UNREAD,
    MRZ_ON_THE_BACK_NOT_SENT,
    MRZ_ON_THE_BACK_UNREAD,
    verify_identity,
)
from tests.unit.test_rules import id_document, state

# The extraction's reasons, as documents_facts gives them in ``failure_reason`` (wordings other than the probe's).
CUT_REASON = (
    "A zona de leitura ótica do documento (as linhas com «<<<») está cortada ou ilegível: envie uma fotografia ou "
    "digitalização do documento inteiro, com essas linhas completas."
)
REFUSED_REASON = (
    "Este documento é uma carta de condução, que não é aceite como documento de identificação: envie o Cartão de "
    "Cidadão (frente e verso), a página de dados do passaporte (a da fotografia), o título de residência ou o cartão "
    "de identidade do seu país."
)


def failed_id(reason: str, document_id: str = "failed") -> dict[str, Any]:
    """A file sent as identity that the extraction did not read: the screening's documents input (documents_facts)."""
    return {"document_id": document_id, "document_type": "ID_DOCUMENT", "status": "FAILED", "failure_reason": reason,
            "kind": None, "fields": {}, "warnings": [], "confidence": {}, "method": None, "authenticity": [],
            "reuse": [], "parts": [], "info_request_id": None}  # fmt: skip


def card_side(side: str, kind: str = "CARTAO_IDENTIDADE_ESTRANGEIRO", **overrides: Any) -> dict[str, Any]:
    fields = {"nif": None, "document_number": "SPECI2021", "side": side, "mrz_valid": True if side == "back" else None,
              **overrides}  # fmt: skip
    return {**id_document(**fields), "document_id": side, "kind": kind}


def named(result: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in result["checks"] if c["name"] == name)


def person(result: dict[str, Any]) -> Person:
    return Person(applicant_id="a", role="TENANT", checks=result["checks"], identity=result, income={})


def test_a_front_read_beside_a_back_not_read_says_the_back_was_sent_and_why_it_did_not_count() -> None:
    result = verify_identity(state([card_side("front"), failed_id(CUT_REASON)]))
    read = named(result, "identity.document_read")["evidence"]
    assert "Só foi enviado" not in read
    assert "Foi enviado outro ficheiro como documento de identificação, que não foi lido" in read
    assert "zona de leitura ótica do documento (as linhas com «<<<») está cortada" in read
    mrz = named(result, "identity.mrz_valid")
    assert not mrz["passed"]
    assert mrz["evidence"] == MRZ_ON_THE_BACK_UNREAD
    assert "não foi enviado" not in mrz["evidence"]
    # The applicant is told the back was not read, and asked for a copy that reads, not for the back "not sent".
    entry = identity_entry(person(result), PT)["text"]
    assert PT.identity_back_not_sent not in entry
    assert PT.identity_back_unread in entry
    assert identity_lever(person(result), PT) == PT.identity_lever_back_again
    assert EN.identity_back_unread in identity_entry(person(result), EN)["text"]


def test_a_back_read_beside_a_front_refused_does_not_say_the_front_was_not_sent() -> None:
    result = verify_identity(state([failed_id(REFUSED_REASON), card_side("back", kind="TITULO_RESIDENCIA")]))
    assert result["verified"]
    read = named(result, "identity.document_read")["evidence"]
    assert "Só foi enviado" not in read
    assert "falta a frente (fotografia e nome impresso)" in read
    assert "este documento é uma carta de condução" in read


def test_two_files_not_read_are_both_said() -> None:
    result = verify_identity(state([card_side("front"), failed_id(CUT_REASON, "a"), failed_id(REFUSED_REASON, "b")]))
    read = named(result, "identity.document_read")["evidence"]
    assert "Foram enviados outros ficheiros como documento de identificação, que não foram lidos" in read
    assert "está cortada" in read and "carta de condução" in read


def test_a_permits_front_beside_an_unread_file_says_its_birth_date_is_on_that_back() -> None:
    front = card_side("front", kind="TITULO_RESIDENCIA", date_of_birth=None)
    birth = named(verify_identity(state([front, failed_id(CUT_REASON)])), "identity.birth_date_match")
    assert birth["passed"] and birth["evidence"] == BIRTH_DATE_ON_THE_BACK_UNREAD


def test_a_front_sent_alone_is_still_said_to_lack_its_back() -> None:
    """Guard: with no other identity file sent, the back was not sent and is asked for as before."""
    result = verify_identity(state([card_side("front")]))
    assert "Só foi enviado um lado do cartão de identidade" in named(result, "identity.document_read")["evidence"]
    assert named(result, "identity.mrz_valid")["evidence"] == MRZ_ON_THE_BACK_NOT_SENT
    assert identity_lever(person(result), PT) == PT.identity_lever_back


# --- An MRZ line read sharp, which no blur gives -------------------------------------------------------------------


def test_a_cards_first_mrz_line_with_its_number_check_holding_is_read_sharp() -> None:
    assert mrz_line_read_sharp("IDNLDSPECI20212<<<<<<<<<<<<<<<")
    assert mrz_line_read_sharp("I<FRAX4RTBPFW46<<<<<<<<<<<<<<<")


def test_a_data_line_needs_two_checks_holding() -> None:
    assert mrz_line_read_sharp("7408122F1204159UTO<<<<<<<<<<<6")
    assert not mrz_line_read_sharp("7408125F1204150UTO<<<<<<<<<<<6")


def test_mrz_shaped_noise_is_not_read_sharp() -> None:
    assert not mrz_line_read_sharp("IDNLDSPECI20219<<<<<<<<<<<<<<<")  # the number's check digit fails
    assert not mrz_line_read_sharp("IDNLDSPECI20212<<<<<<<<<<<<<<")  # a filler short of a card's width
    assert not mrz_line_read_sharp("<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<")
