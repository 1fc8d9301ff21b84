"""Identity documents refused for what they are, and the NIF typed in error (blind probe r74a, F6, F7, F8).

F6: an EU citizen's registration certificate sent alone, a driving licence, a passport's cover: each refused with its
own reason, the report said "nenhum dos documentos de identificação enviados se conseguiu ler" and the applicant was
asked for "um documento de identificação legível (uma fotografia nítida ...)", which sending the same would not mend.
F7: the justification told staff a NIF typed in error counts "numa nova candidatura", where a rectification of the
person's data screens again with the proofs sent. F8: a passport's cover was asked for as "o documento inteiro".
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image

from documents.extraction import local
from documents.extraction.errors import ExtractionFailed
from documents.extraction.local import (
    DRIVING_LICENCE_REFUSED,
    EU_CITIZEN_REGISTRATION_REFUSED,
    IDENTITY_DATA_UNREAD,
    ILLEGIBLE,
    PASSPORT_COVER_REFUSED,
    VISA,
)
from documents.extraction.reader import Line, ReadDocument
from screening.explanation import EN, PT, Person, identity_entry, identity_lever
from screening.rules.identity import NO_IDENTITY_DOCUMENT_READ, identity_refusals_of, verify_identity
from screening.rules.report import NIF_CONFLICT_INCOME, identity_not_verified_words


def failed_identity(reason: str, document_id: str = "id-1") -> dict[str, Any]:
    return {
        "document_id": document_id,
        "document_type": "ID_DOCUMENT",
        "status": "FAILED",
        "failure_reason": reason,
        "kind": None,
        "fields": {},
        "warnings": [],
    }


def identity_of(*documents: dict[str, Any]) -> dict[str, Any]:
    state = {
        "applicant": {"nif": "293173621", "name": "Katarzyna Nowak", "date_of_birth": "1989-11-08"},
        "today": "2026-12-07",
        "thresholds": {"id_expiry_warning_days": 60},
        "documents": list(documents),
    }
    return verify_identity(state)


def read_check(identity: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in identity["checks"] if c["name"] == "identity.document_read")


@pytest.mark.parametrize(
    ("reason", "taken_for"),
    [
        (EU_CITIZEN_REGISTRATION_REFUSED, "um certificado de registo de cidadão da União Europeia"),
        (DRIVING_LICENCE_REFUSED, "uma carta de condução"),
        (PASSPORT_COVER_REFUSED, "a capa ou outra página de um passaporte"),
    ],
)
def test_an_identity_document_refused_for_what_it_is_is_reported_so_not_as_unread(reason: str, taken_for: str) -> None:
    identity = identity_of(failed_identity(reason))
    check = read_check(identity)
    assert not check["passed"]
    assert check["evidence"].startswith("Nenhum documento de identificação aceite foi enviado: este documento é ")
    assert identity_refusals_of(check) == [reason]
    words = identity_not_verified_words(identity)
    assert f"não é um documento de identificação aceite ({taken_for})" in words
    assert "Cartão de Cidadão (frente e verso), a página de dados do passaporte, o título de residência" in words
    assert "se conseguiu ler" not in words


def test_two_refused_for_different_reasons_are_both_named() -> None:
    identity = identity_of(failed_identity(DRIVING_LICENCE_REFUSED), failed_identity(VISA, "id-2"))
    assert identity_refusals_of(read_check(identity)) == [DRIVING_LICENCE_REFUSED, VISA]
    words = identity_not_verified_words(identity)
    assert "os documentos enviados como identificação não são documentos de identificação aceites" in words
    assert "(uma carta de condução; um visto)" in words


@pytest.mark.parametrize(
    "reasons",
    [
        [ILLEGIBLE],  # a file unread: a sharper one would mend it
        [IDENTITY_DATA_UNREAD],
        [DRIVING_LICENCE_REFUSED, ILLEGIBLE],  # one unread among the refused: still "not read", as before
    ],
)
def test_identity_documents_unread_are_still_said_unread(reasons: list[str]) -> None:
    identity = identity_of(*(failed_identity(reason, f"id-{at}") for at, reason in enumerate(reasons)))
    assert read_check(identity)["evidence"] == NO_IDENTITY_DOCUMENT_READ
    assert identity_not_verified_words(identity) == "nenhum dos documentos de identificação enviados se conseguiu ler"


def person(identity: dict[str, Any]) -> Person:
    return Person(
        applicant_id="a", role="TENANT", checks=identity["checks"], identity={"verified": False, "warnings": []},
        income={},
    )  # fmt: skip


def test_the_applicant_is_told_what_was_refused_and_what_to_send() -> None:
    refused = person(identity_of(failed_identity(DRIVING_LICENCE_REFUSED)))
    text = identity_entry(refused, PT)["text"]
    assert "não é um documento de identificação aceite" in text and DRIVING_LICENCE_REFUSED in text
    assert "não foi possível ler" not in text
    assert identity_lever(refused, PT) == PT.identity_lever_accepted
    english = identity_entry(refused, EN)["text"]
    assert "This is a driving licence" in english and "Este documento" not in english
    assert identity_lever(refused, EN) == EN.identity_lever_accepted


def test_an_applicant_whose_identity_document_was_unread_is_still_asked_for_a_readable_one() -> None:
    unread = person(identity_of(failed_identity(ILLEGIBLE)))
    assert identity_entry(unread, PT)["text"] == PT.no_identity_document
    assert identity_lever(unread, PT) == PT.identity_lever_readable


def test_a_nif_typed_in_error_is_corrected_by_rectification_not_a_new_application() -> None:
    assert "nova candidatura" not in NIF_CONFLICT_INCOME
    assert "corrija-o nos dados do candidato (retificação)" in NIF_CONFLICT_INCOME


def extract_page(monkeypatch: pytest.MonkeyPatch, texts: list[str]) -> str:
    page = ReadDocument(lines=[Line(text, 0.9) for text in texts], pages=1, method="ocr")
    monkeypatch.setattr(local, "read_side_by_side", lambda data: page)
    monkeypatch.setattr(local, "mrz_ocr_texts", lambda data, turns=(): [])
    monkeypatch.setattr(local, "laid_out_reading", lambda page: [])
    buffer = io.BytesIO()
    Image.new("RGB", (800, 520), (120, 20, 30)).save(buffer, format="PNG")
    with pytest.raises(ExtractionFailed) as refused:
        local.LocalExtractor().extract(buffer.getvalue(), document_type="ID_DOCUMENT")
    return str(refused.value)


def test_a_passport_s_cover_is_asked_for_its_data_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """As OCR read the probe's photocopied cover: the union's name cut, the state, the title."""
    reason = extract_page(monkeypatch, ["UNIÃO o", "| REPÚBLICA PORTUGUESA", "PASSAPORTE"])
    assert reason == PASSPORT_COVER_REFUSED
    assert "página de dados do passaporte" in reason


def test_a_passport_s_data_page_read_too_poorly_is_still_asked_for_a_sharper_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Guard: a data page whose captions were read and values not is the page sent, too blurred."""
    texts = ["PASSAPORTE PASSPORT REPÚBLICA PORTUGUESA", "Apelido/Surname", "Nome/Given names", "Data de nascimento"]
    assert extract_page(monkeypatch, texts) == IDENTITY_DATA_UNREAD
