"""Blind probe r68a, a fair-treatment audit by paired applications: the same documents, one attribute changed.

F3: an expired título de residência beside a valid passport added to ``identity.other_documents`` an invitation to
ask the (foreign) applicant for the renewal's receipt, which an expired Cartão de Cidadão beside a passport did not
get (Lei n.º 93/2017: no lease conditioned on nationality); the evidence ended in a stray space. F6: "Documento de
identificação lido (CARTAO_IDENTIDADE_ESTRANGEIRO)", a code in a Portuguese sentence, and the admin's "Cartão de
identidade estrangeiro" for an EU citizen's card. docs/adr/038-no-document-kind-is-a-reason-to-ask.md.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.utils import translation

from documents.extraction.schema import IDENTITY_KINDS
from documents.labels import kind_label
from screening.explanation import identity_kind
from screening.labels import field_label, readable_value
from screening.rules.identity import IDENTITY_KIND_WORDS, identity_document_read
from tests.unit.test_identity_c32 import named, passport, payslips
from tests.unit.test_rules import id_document, screen

# --- F3: an expired document beside a valid passport, whatever its kind ----------------------------------------------


def expired(kind: str) -> dict[str, Any]:
    """An identity document of ``kind`` sent whole, every check holding but its expiry."""
    fields = {"expiry_date": "2025-10-31", "mrz_valid": True, "side": "both"}
    document = id_document(**fields)
    return {**document, "document_id": "expired", "kind": kind, "warnings": ["document_expired"]}


def kinds_neutral(text: str) -> str:
    """A sentence with each identity document's words put as one placeholder: what is left is what it says."""
    for words in sorted(IDENTITY_KIND_WORDS.values(), key=len, reverse=True):
        text = text.replace(words, "<DOC>")
    return text


def identity_said(kind: str) -> list[tuple[str, bool, str]]:
    result = screen([expired(kind), passport(), *payslips()])
    return [(c["name"], c["passed"], kinds_neutral(c["evidence"])) for c in result["identity"]["checks"]]


OTHER_KINDS = ["TITULO_RESIDENCIA", "CARTAO_IDENTIDADE_ESTRANGEIRO", "PASSAPORTE"]


@pytest.mark.parametrize("kind", OTHER_KINDS)
def test_an_expired_document_beside_a_valid_passport_reads_as_an_expired_cartao_de_cidadao(kind: str) -> None:
    assert identity_said(kind) == identity_said("CARTAO_CIDADAO")


@pytest.mark.parametrize("kind", ["CARTAO_CIDADAO", *OTHER_KINDS])
def test_the_note_on_another_document_states_facts_and_asks_for_nothing(kind: str) -> None:
    result = screen([expired(kind), passport(), *payslips()])
    assert result["identity"]["verified"]
    [note] = named(result, "identity.other_documents")
    assert note["passed"]
    assert note["evidence"] == (
        f"Identidade confirmada pelo passaporte. Outro documento de identificação enviado não a confirma: "
        f"{IDENTITY_KIND_WORDS[kind]} (documento caducado em 31/10/2025)."
    )


def test_the_note_ends_its_last_sentence_without_a_space() -> None:
    """Blind probe r68a (EP1): "... (documento caducado em 10/11/2026). " with a stray space."""
    result = screen([expired("CARTAO_CIDADAO"), passport(), *payslips()])
    [note] = named(result, "identity.other_documents")
    assert note["evidence"] == note["evidence"].strip()


def test_another_nif_on_another_document_is_still_said_and_still_fails() -> None:
    """Guard: the one thing the note fails on, the NIF, reads as before, a sentence of its own."""
    permit = {**expired("TITULO_RESIDENCIA"), "fields": {**expired("TITULO_RESIDENCIA")["fields"], "nif": "245718940"}}
    result = screen([permit, passport(), *payslips()])
    [note] = named(result, "identity.other_documents")
    assert not note["passed"]
    assert note["evidence"].endswith(
        "(NIF do documento diferente do NIF indicado; documento caducado em 31/10/2025). Um documento de "
        "identificação em nome do candidato mostra outro NIF que não o indicado."
    )


def test_an_expired_document_alone_fails_the_identity_whatever_its_kind() -> None:
    """Guard: expiry is the same fact on every kind, alone too."""
    said = {kind: screen([expired(kind), *payslips()])["identity"] for kind in ["CARTAO_CIDADAO", *OTHER_KINDS]}
    assert all(not identity["verified"] for identity in said.values())
    assert {kinds_neutral(named({"identity": i, "income": {"checks": []}}, "identity.not_expired")[0]["evidence"])
            for i in said.values()} == {"Documento caducado em 31/10/2025."}  # fmt: skip


# --- F6: a document's kind in words --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(IDENTITY_KINDS))
def test_the_document_read_is_named_in_words_not_by_its_code(kind: str) -> None:
    evidence = identity_document_read({**id_document(), "kind": kind})["evidence"]
    assert evidence == f"Documento de identificação lido ({IDENTITY_KIND_WORDS[kind]})."
    assert not re.search(r"[A-Z]{2,}_[A-Z]", evidence)


def test_another_states_card_is_a_cartao_de_identidade_not_a_foreign_one() -> None:
    assert IDENTITY_KIND_WORDS["CARTAO_IDENTIDADE_ESTRANGEIRO"] == "cartão de identidade"
    assert kind_label("CARTAO_IDENTIDADE_ESTRANGEIRO") == "Cartão de identidade"
    with translation.override("en"):
        assert kind_label("CARTAO_IDENTIDADE_ESTRANGEIRO") == "Identity card"
    assert kind_label("CARTAO_CIDADAO") == "Cartão de Cidadão"


def test_the_read_check_carries_the_kinds_code_for_the_applicants_explanation() -> None:
    """The explanation names the document by the check's ``value`` ("o cartão de identidade"), no longer by a code
    in the evidence; a report made before still names it by its evidence."""
    read = identity_document_read({**id_document(), "kind": "CARTAO_IDENTIDADE_ESTRANGEIRO"})
    assert (read["field"], read["value"]) == ("kind", "CARTAO_IDENTIDADE_ESTRANGEIRO")
    assert identity_kind(read) == "CARTAO_IDENTIDADE_ESTRANGEIRO"
    before = {"name": "identity.document_read", "evidence": "Documento de identificação lido (TITULO_RESIDENCIA).",
              "value": None}  # fmt: skip
    assert identity_kind(before) == "TITULO_RESIDENCIA"


def test_staff_pages_show_the_kind_read_in_words() -> None:
    assert readable_value("CARTAO_IDENTIDADE_ESTRANGEIRO", field="kind", check="identity.document_read") == (
        "Cartão de identidade"
    )
    assert field_label("kind") == "Tipo de documento"
