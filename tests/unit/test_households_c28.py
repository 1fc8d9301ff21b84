"""Probe C28's findings that need no database: a MORE_INFO message with no documents asked, a one-letter name."""

from __future__ import annotations

import pytest
from django.utils import translation

from intake.serializers import HouseholdMemberSerializer, SubmissionSerializer
from workspace.serializers import ApplicationInviteSerializer, DecisionCreateSerializer
from workspace.templatetags.workspace_tags import (
    authenticity_document,
    choice_label,
    evidence_item,
    evidence_label,
    evidence_value,
)


def decision_errors(**body: object) -> dict[str, object]:
    serializer = DecisionCreateSerializer(data={"reason": "Falta um recibo.", **body})
    serializer.is_valid()
    return dict(serializer.errors)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pt-pt", "A mensagem só chega ao candidato com um pedido de documentos: indique os documentos a pedir."),
        ("en", "The message reaches the applicant only with a request for documents: name the documents to ask for."),
    ],
)
def test_a_more_info_message_with_no_documents_asked_is_a_field_error_saying_why(language: str, expected: str) -> None:
    """Probe C28: answered 201, and the message went nowhere (no request, so no e-mail)."""
    with translation.override(language):
        errors = decision_errors(decision="MORE_INFO", message_to_applicant="Vamos analisar")
    assert errors == {"message_to_applicant": [expected]}


def test_a_more_info_without_a_message_or_with_documents_is_still_taken() -> None:
    assert decision_errors(decision="MORE_INFO") == {}
    assert decision_errors(decision="MORE_INFO", message_to_applicant="   ") == {}
    asked = [{"document_type": "PROOF_OF_INCOME"}]
    assert decision_errors(decision="MORE_INFO", message_to_applicant="Falta outubro.", requested_documents=asked) == {}


@pytest.mark.parametrize(
    ("serializer", "language", "expected"),
    [
        (HouseholdMemberSerializer, "pt-pt", "O nome é curto demais: escreva pelo menos 2 caracteres."),
        (HouseholdMemberSerializer, "en", "The name is too short: write at least 2 characters."),
        (ApplicationInviteSerializer, "pt-pt", "O nome é curto demais: escreva pelo menos 2 caracteres."),
        (
            SubmissionSerializer,
            "pt-pt",
            "O nome é curto demais: escreva o nome completo (pelo menos 2 caracteres).",
        ),
        (SubmissionSerializer, "en", "The name is too short: write your full name (at least 2 characters)."),
    ],
)
def test_a_one_letter_name_is_too_short_not_missing(serializer: type, language: str, expected: str) -> None:
    """Probe C28: a household name "X" read "Indique o nome.", as if none had been given."""
    with translation.override(language):
        checked = serializer(data={"name": " X ", "role": "GUARANTOR", "email": "rui@example.com"})
        checked.is_valid()
        assert checked.errors["name"] == [expected]


def test_a_blank_name_is_still_the_missing_field_s_error() -> None:
    with translation.override("pt-pt"):
        checked = HouseholdMemberSerializer(data={"name": "  ", "role": "GUARANTOR", "email": "rui@example.com"})
        checked.is_valid()
    assert "curto" not in str(checked.errors["name"])


def test_the_authenticity_filters_name_documents_and_evidence_in_the_pages_words() -> None:
    """Probe C28's admin block, filter by filter: a description before a type, a document id cut as the block cuts
    them, lists joined, and a key the page has no word for shown as the report has it."""
    assert authenticity_document({"description": "o recibo de vencimento de 10/2026"}) == (
        "O recibo de vencimento de 10/2026"
    )
    assert authenticity_document({"document_type": "ID_DOCUMENT"}) == "Documento de identificação"
    assert choice_label("GUARANTOR", "role") == "Fiador" and choice_label("HIGH", "severity") == "Alto"
    # The other document of a pair as a reference, not an id in a sentence (blind probe r70a F29).
    assert evidence_item("5b1e7c2d-0000-4000-8000-000000000001", "same_as_document_id") == "igual ao doc. 5b1e7c2d"
    assert evidence_item("0.4", "share") == "proporção: 40 %"
    assert evidence_label("a_new_key") == "a_new_key"
    assert evidence_value("5b1e7c2d-0000-4000-8000-000000000001", "same_as_document_id") == "5b1e7c2d"
    # Months as people write them (blind probe r69a), each of the list.
    assert evidence_value(["2026-09", "2026-10"], "missing_months") == "09/2026, 10/2026"
